package io.ikescope.probe.fingerprint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How long known IKEv1 responders keep a half-open exchange (table {@code known-lifetimes.tsv} with the source of
 * each row), and which of them a measurement fits: kept at least {@code keptSeconds}, gone by {@code goneBySeconds}
 * (null: still kept when the probe stopped looking).
 */
public final class KnownLifetimes {
    private record Row(String implementation, double min, double max, String source) {
    }

    private static final List<Row> TABLE = load();

    private KnownLifetimes() {
    }

    /** The one implementation whose lifetime fits, with its source; null when none or several fit. */
    public static String[] match(double keptSeconds, Double goneBySeconds) {
        List<Row> fitting = new ArrayList<>();
        for (Row r : TABLE) {
            boolean keptLongEnough = r.max() >= keptSeconds;
            boolean goneInTime = goneBySeconds == null || r.min() <= goneBySeconds;
            if (keptLongEnough && goneInTime) {
                fitting.add(r);
            }
        }
        return fitting.size() == 1 ? new String[] {fitting.get(0).implementation(), fitting.get(0).source()} : null;
    }

    private static List<Row> load() {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = KnownLifetimes.class.getResourceAsStream("known-lifetimes.tsv")) {
            if (in == null) {
                throw new IllegalStateException("known-lifetimes.tsv missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 4) {
                    throw new IllegalStateException("known-lifetimes.tsv: bad row: " + line);
                }
                rows.add(new Row(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(rows);
    }
}
