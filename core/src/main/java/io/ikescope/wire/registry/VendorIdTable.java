package io.ikescope.wire.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The known Vendor IDs, loaded once from {@code vendor-ids.tsv}, and their longest-prefix lookup. */
final class VendorIdTable {

    /** One row of the table. */
    record Entry(byte[] value, String vendor, String version, VersionDecoder decoder, String derivation,
                 String source) {
    }

    private record Key(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    private static final String RESOURCE = "vendor-ids.tsv";

    static final VendorIdTable INSTANCE = load();

    private final List<Entry> entries;
    private final Map<Key, Entry> byValue;
    /** Distinct entry lengths, longest first, so the first hit is the longest prefix. */
    private final int[] lengthsDescending;

    private VendorIdTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.byValue = new HashMap<>();
        TreeSet<Integer> lengths = new TreeSet<>();
        for (Entry e : entries) {
            byValue.put(new Key(e.value()), e);
            lengths.add(e.value().length);
        }
        this.lengthsDescending = lengths.descendingSet().stream().mapToInt(Integer::intValue).toArray();
    }

    List<Entry> entries() {
        return entries;
    }

    /** The entry whose value is the longest prefix of {@code data} (the whole of it when equal), or null. */
    Entry longestPrefix(byte[] data) {
        for (int length : lengthsDescending) {
            if (length <= data.length) {
                Entry e = byValue.get(new Key(Arrays.copyOf(data, length)));
                if (e != null) {
                    return e;
                }
            }
        }
        return null;
    }

    private static VendorIdTable load() {
        try (InputStream in = VendorIdTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static VendorIdTable parse(BufferedReader reader) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Map<Key, Integer> seenAt = new HashMap<>();
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                throw bad(lineNumber, "expected 6 tab-separated columns, found " + f.length);
            }
            byte[] value = hex(f[0], lineNumber);
            VersionDecoder decoder = VersionDecoder.byTableName(f[3]);
            if (decoder == null) {
                throw bad(lineNumber, "unknown decoder '" + f[3] + "'");
            }
            Integer earlier = seenAt.putIfAbsent(new Key(value), lineNumber);
            if (earlier != null) {
                throw bad(lineNumber, "value " + f[0] + " already listed on line " + earlier);
            }
            entries.add(new Entry(value, f[1], dash(f[2]), decoder, dash(f[4]), f[5]));
        }
        return new VendorIdTable(entries);
    }

    private static String dash(String field) {
        return field.equals("-") ? null : field;
    }

    private static byte[] hex(String text, int lineNumber) {
        if (text.isEmpty() || text.length() % 2 != 0) {
            throw bad(lineNumber, "value '" + text + "' is not an even number of hex digits");
        }
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(text.charAt(2 * i), 16);
            int lo = Character.digit(text.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw bad(lineNumber, "value '" + text + "' is not hex");
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    private static IllegalStateException bad(int lineNumber, String problem) {
        return new IllegalStateException(RESOURCE + " line " + lineNumber + ": " + problem);
    }
}
