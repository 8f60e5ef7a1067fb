package io.ikescope.cli.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The web UI's files, bundled in the jar and served from memory: a fixed list, so a request can name nothing else.
 * Nothing is fetched from the internet; the pages work offline.
 */
final class Assets {
    record Asset(String contentType, byte[] bytes) {
    }

    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "live.html", "text/html; charset=utf-8",
            "app.css", "text/css; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "dom.js", "text/javascript; charset=utf-8",
            "table.js", "text/javascript; charset=utf-8",
            "detail.js", "text/javascript; charset=utf-8",
            "ladder.js", "text/javascript; charset=utf-8",
            "live.js", "text/javascript; charset=utf-8",
            "favicon.svg", "image/svg+xml");

    private final Map<String, Asset> byName;

    private Assets(Map<String, Asset> byName) {
        this.byName = byName;
    }

    static Assets bundled() {
        java.util.HashMap<String, Asset> all = new java.util.HashMap<>();
        for (var e : TYPES.entrySet()) {
            try (InputStream in = Assets.class.getResourceAsStream(e.getKey())) {
                if (in == null) {
                    throw new IllegalStateException("asset " + e.getKey() + " missing from the jar");
                }
                all.put(e.getKey(), new Asset(e.getValue(), in.readAllBytes()));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return new Assets(Map.copyOf(all));
    }

    /** The asset of that name, or null. */
    Asset get(String name) {
        return byName.get(name);
    }
}
