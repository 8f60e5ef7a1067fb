package io.ikescope.crypto;

import io.ikescope.wire.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-only reader of the lab's charon key logs (samples/*.keys.log, ike log level 4), following the rule of
 * lab/verify-samples.sh: a key dump belongs to the IKE SA named by the next "with SPIs I_i R_r" line (R not zero)
 * of the same charon thread or, when the SA is destroyed first, by the last one that thread logged before the
 * dump. The key sets name no algorithms: the decryptor takes them from the capture, as it must for charon logs.
 */
final class CharonKeyLog {
    private static final Pattern THREAD = Pattern.compile("(\\d+)\\[[A-Z]+\\]");
    private static final Pattern DUMP = Pattern.compile("\\] <[^>]*> +\\d+: ((?:[0-9A-F]{2} ){1,16})");
    private static final Pattern KEY = Pattern.compile(" (Sk_(?:ei|er|ai|ar) secret|encryption key Ka) => ");
    private static final Pattern SPIS = Pattern.compile("with SPIs ([0-9a-f]+)_i ([0-9a-f]+)_r");

    private CharonKeyLog() {
    }

    private static final class ThreadState {
        final Map<String, StringBuilder> keys = new HashMap<>();
        boolean pending;
        String[] before;
        String[] last;
        int firstLine;
    }

    /** @param withoutSpis drop the SPIs from every key set, to make the decryptor bind them by trial */
    static KeyRing read(Path log, boolean withoutSpis) throws IOException {
        List<Ikev1Keys> v1 = new ArrayList<>();
        List<Ikev2Keys> v2 = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, ThreadState> threads = new HashMap<>();
        String current = null;
        ThreadState currentThread = null;
        int n = 0;
        String name = log.getFileName().toString();
        for (String line : Files.readAllLines(log)) {
            n++;
            Matcher dump = DUMP.matcher(line);
            if (dump.find()) {
                if (current != null) {
                    currentThread.keys.get(current).append(dump.group(1).replace(" ", "").toLowerCase());
                }
                continue;
            }
            current = null;
            Matcher t = THREAD.matcher(line);
            String thread = t.find() ? t.group(1) : "";
            ThreadState ts = threads.computeIfAbsent(thread, k -> new ThreadState());
            Matcher key = KEY.matcher(line);
            if (key.find()) {
                String which = key.group(1).startsWith("encryption") ? "Ka" : key.group(1).substring(0, 5);
                if (ts.pending && ts.keys.containsKey(which)) {
                    flush(ts, ts.before, name, withoutSpis, seen, v1, v2);
                }
                if (!ts.pending) {
                    ts.pending = true;
                    ts.before = ts.last;
                    ts.firstLine = n;
                }
                ts.keys.put(which, new StringBuilder());
                current = which;
                currentThread = ts;
                continue;
            }
            Matcher spis = SPIS.matcher(line);
            if (spis.find()) {
                if (spis.group(2).matches("0+")) {
                    continue;
                }
                String[] pair = {spis.group(1), spis.group(2)};
                if (ts.pending) {
                    flush(ts, pair, name, withoutSpis, seen, v1, v2);
                }
                ts.last = pair;
                continue;
            }
            if (line.contains("checkin and destroy") && ts.pending) {
                flush(ts, ts.before, name, withoutSpis, seen, v1, v2);
            }
        }
        for (ThreadState ts : threads.values()) {
            if (ts.pending) {
                flush(ts, ts.before, name, withoutSpis, seen, v1, v2);
            }
        }
        return new KeyRing(v1, v2);
    }

    private static void flush(ThreadState ts, String[] spis, String name, boolean withoutSpis, Set<String> seen,
                              List<Ikev1Keys> v1, List<Ikev2Keys> v2) {
        ts.pending = false;
        Map<String, StringBuilder> k = new HashMap<>(ts.keys);
        ts.keys.clear();
        if (spis == null) {
            return;
        }
        String origin = name + " line " + ts.firstLine;
        Bytes spiI = withoutSpis ? null : Bytes.fromHex(spis[0]);
        Bytes spiR = withoutSpis ? null : Bytes.fromHex(spis[1]);
        if (k.containsKey("Ka")) {
            // both peers log a key; keep each distinct one (they differ when the pre-shared keys do)
            if (seen.add("v1 " + spis[0] + " " + k.get("Ka"))) {
                v1.add(new Ikev1Keys(withoutSpis ? null : spiI, withoutSpis ? null : spiR, Bytes.fromHex(k.get("Ka").toString()), origin));
            }
        }
        if (k.containsKey("Sk_ei")) {
            if (seen.add("v2 " + spis[0] + spis[1] + k.get("Sk_ei"))) {
                v2.add(new Ikev2Keys(spiI, spiR, hex(k, "Sk_ei"), hex(k, "Sk_er"), hex(k, "Sk_ai"), hex(k, "Sk_ar"),
                        null, null, origin));
            }
        }
    }

    private static Bytes hex(Map<String, StringBuilder> k, String name) {
        StringBuilder s = k.get(name);
        return s == null ? null : Bytes.fromHex(s.toString());
    }
}
