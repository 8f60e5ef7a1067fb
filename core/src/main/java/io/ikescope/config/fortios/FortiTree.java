package io.ikescope.config.fortios;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The block structure of a FortiOS configuration: {@code config PATH} blocks holding settings, {@code edit NAME}
 * entries and nested blocks. Values are kept only while a file is read; secrets among them never leave the reader.
 */
final class FortiTree {
    private FortiTree() {
    }

    /** One {@code set KEY VALUE...}; {@code line} is where the statement starts. */
    record Setting(String key, List<String> values, int line) {
        Setting {
            values = List.copyOf(values);
        }

        /** The values joined by a space ("10.0.0.0 255.255.255.0"). */
        String joined() {
            return String.join(" ", values);
        }
    }

    /** Settings and nested blocks of a block or of an entry; later {@code set}s of a key replace earlier ones. */
    static class Body {
        final int line;
        final Map<String, Setting> settings = new LinkedHashMap<>();
        final List<Block> blocks = new ArrayList<>();

        Body(int line) {
            this.line = line;
        }
    }

    /** {@code config vpn ipsec phase1-interface}: the path is the words after {@code config}, one space apart. */
    static final class Block extends Body {
        final String path;
        final Map<String, Entry> entries = new LinkedHashMap<>();

        Block(String path, int line) {
            super(line);
            this.path = path;
        }
    }

    /** {@code edit "NAME"} ... {@code next}. */
    static final class Entry extends Body {
        final String name;

        Entry(String name, int line) {
            super(line);
            this.name = name;
        }
    }

    /** Every block with this path, at any depth (a multi-VDOM backup nests the VPN tables in {@code config vdom}). */
    static List<Block> find(Body root, String path) {
        List<Block> found = new ArrayList<>();
        collect(root, path, found);
        return found;
    }

    private static void collect(Body body, String path, List<Block> found) {
        for (Block block : body.blocks) {
            if (block.path.equals(path)) {
                found.add(block);
            }
            collect(block, path, found);
            for (Entry entry : block.entries.values()) {
                collect(entry, path, found);
            }
        }
    }
}
