package io.ikescope.psk;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SK_pi and SK_pr from a strongSwan charon log at {@code ike} level 4 ({@code Sk_pi secret => N bytes @ 0x...}
 * hex dumps), which the decryption key sets leave out, tied to their IKE SA's SPIs as core's charon log reader ties
 * SK_e/SK_a: a dump belongs to the next {@code checkin IKEv2 SA ... with SPIs X_i Y_r} (Y not zero) of the same
 * thread, or, when the SA is destroyed without one, to the SPIs the thread last checked out. Lines are capped in
 * number and length so a huge or foreign file costs bounded memory.
 */
final class SharedKeyPrfKeys {
    private static final Pattern LINE = Pattern.compile("(?<![^\\s])(\\d{2,})\\[([A-Z]{3})\\] (?:<[^>]*> ?)?(.*)");
    private static final Pattern DUMP_HEADER = Pattern.compile("(Sk_pi|Sk_pr) secret => (\\d{1,4}) bytes @ .*");
    private static final Pattern DUMP_LINE = Pattern.compile("\\s*(\\d{1,6}): (.*)");
    private static final Pattern SPIS = Pattern.compile(
            "(checkout|checkin) IKEv2 SA .*with SPIs ([0-9a-f]{16})_i ([0-9a-f]{16})_r");
    private static final Pattern DESTROY = Pattern.compile("checkin and destroy IKE_SA .*");
    private static final int MAX_KEY = 64;
    private static final long MAX_LINES = 10_000_000;
    private static final String ZERO_SPI = "0000000000000000";

    /** One SA's SK_pi and SK_pr, with the log line where the set began. */
    record Keys(byte[] skPi, byte[] skPr, int line) {
    }

    private final Map<String, List<Keys>> bySpis = new LinkedHashMap<>();

    private SharedKeyPrfKeys() {
    }

    static SharedKeyPrfKeys none() {
        return new SharedKeyPrfKeys();
    }

    /** The key sets of every log, in order. */
    static SharedKeyPrfKeys read(List<Path> logs) throws IOException {
        SharedKeyPrfKeys out = new SharedKeyPrfKeys();
        for (Path log : logs) {
            out.readOne(log);
        }
        return out;
    }

    /** The key sets logged for the IKE SA with these SPIs (hex), in log order; empty when none. */
    List<Keys> forSa(String spiI, String spiR) {
        return bySpis.getOrDefault(spiI + "_" + spiR, List.of());
    }

    private static final class Thread {
        String checkedOut;
        Map<String, byte[]> pending = new HashMap<>();
        int pendingLine;
        String dumping;
        int expected;
        java.io.ByteArrayOutputStream dump;
    }

    private void readOne(Path log) throws IOException {
        Map<String, Thread> threads = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.ISO_8859_1)) {
            String text;
            int number = 0;
            while ((text = in.readLine()) != null && number < MAX_LINES) {
                number++;
                Matcher m = LINE.matcher(text.length() > 4096 ? text.substring(0, 4096) : text);
                if (m.find()) {
                    line(threads.computeIfAbsent(m.group(1), t -> new Thread()), m.group(3), number);
                }
            }
        }
    }

    private void line(Thread t, String message, int number) {
        if (t.dumping != null) {
            Matcher d = DUMP_LINE.matcher(message);
            if (d.matches() && Integer.parseInt(d.group(1)) == t.dump.size()) {
                readHex(t, d.group(2));
                if (t.dump.size() >= t.expected) {
                    t.pending.put(t.dumping, t.dump.toByteArray());
                    t.dumping = null;
                }
                return;
            }
            t.dumping = null; // cut dump: dropped
        }
        Matcher h = DUMP_HEADER.matcher(message);
        if (h.matches()) {
            int n = Integer.parseInt(h.group(2));
            if (n > 0 && n <= MAX_KEY) {
                if (t.pending.isEmpty()) {
                    t.pendingLine = number;
                }
                t.dumping = h.group(1);
                t.expected = n;
                t.dump = new java.io.ByteArrayOutputStream();
            }
            return;
        }
        Matcher s = SPIS.matcher(message);
        if (s.find()) {
            String spis = s.group(2) + "_" + s.group(3);
            if (s.group(1).equals("checkout")) {
                t.checkedOut = spis;
            } else if (!s.group(3).equals(ZERO_SPI)) {
                bind(t, spis);
            }
        } else if (DESTROY.matcher(message).find() && t.checkedOut != null) {
            bind(t, t.checkedOut);
        }
    }

    /** Hex read by position: up to 16 two-digit columns, the ASCII column after them ignored. */
    private static void readHex(Thread t, String columns) {
        for (int i = 0; i + 2 <= columns.length() && t.dump.size() < t.expected; i += 3) {
            String pair = columns.substring(i, i + 2);
            if (!pair.matches("[0-9A-Fa-f]{2}")) {
                break;
            }
            t.dump.write(Integer.parseInt(pair, 16));
        }
    }

    private void bind(Thread t, String spis) {
        byte[] pi = t.pending.get("Sk_pi");
        byte[] pr = t.pending.get("Sk_pr");
        if (pi != null && pr != null) {
            bySpis.computeIfAbsent(spis, k -> new ArrayList<>()).add(new Keys(pi, pr, t.pendingLine));
        }
        t.pending = new HashMap<>();
    }


}
