package io.ikescope.probe.fingerprint;

import io.ikescope.data.DataTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Known retransmission schedules of IKEv1 responders (table {@code known-backoffs.tsv}, read at run time: facts
 * from ike-scan's ike-backoff-patterns and the implementations' documented defaults, each row naming its source),
 * and the matching of a measured schedule against them.
 *
 * <p>A schedule fits a row when it has as many waits and each is within the row's tolerance, or when it is cut
 * short by the end of the listening window: its waits fit the row's first ones and the row's next copy would have
 * come after the window closed. A full fit beats a cut one; among equals the smallest total difference wins.
 */
public final class KnownBackoffs {
    private static final String RESOURCE = "known-backoffs.tsv";
    private static final String COLUMNS = "implementation, waits, source";
    private static final double MIN_TOLERANCE_SECONDS = 0.1;
    private static final double RELATIVE_TOLERANCE = 0.05;

    /** One row: the waits between consecutive copies and each wait's tolerance, in seconds. */
    public record Pattern(String implementation, List<Double> waits, List<Double> tolerances, String source) {
        public Pattern {
            waits = List.copyOf(waits);
            tolerances = List.copyOf(tolerances);
        }
    }

    /** A fit: the row, and whether the measurement was cut short by the window (fewer copies than the row). */
    public record Match(Pattern pattern, boolean partial, double difference) {
    }

    private static final List<Pattern> TABLE = load();

    private KnownBackoffs() {
    }

    public static List<Pattern> patterns() {
        return TABLE;
    }

    /**
     * The best fit of measured waits (seconds between consecutive copies, the first answer first), listened for
     * {@code windowSeconds} after the first answer; null when nothing fits or there was no copy.
     */
    public static Match match(List<Double> waits, double windowSeconds) {
        return match(TABLE, waits, windowSeconds);
    }

    static Match match(List<Pattern> patterns, List<Double> waits, double windowSeconds) {
        if (waits.isEmpty()) {
            return null;
        }
        Match best = null;
        for (Pattern p : patterns) {
            Match m = fit(p, waits, windowSeconds);
            if (m != null && (best == null || best.partial() && !m.partial()
                    || best.partial() == m.partial() && m.difference() < best.difference())) {
                best = m;
            }
        }
        return best;
    }

    private static Match fit(Pattern p, List<Double> waits, double windowSeconds) {
        if (waits.size() > p.waits().size()) {
            return null;
        }
        double difference = 0;
        double offset = 0;
        for (int i = 0; i < waits.size(); i++) {
            double d = Math.abs(waits.get(i) - p.waits().get(i));
            if (d > p.tolerances().get(i)) {
                return null;
            }
            difference += d;
            offset += waits.get(i);
        }
        boolean partial = waits.size() < p.waits().size();
        if (partial) {
            int next = waits.size();
            if (offset + p.waits().get(next) < windowSeconds - p.tolerances().get(next)) {
                return null; // the next copy was due inside the window and did not come
            }
        }
        return new Match(p, partial, difference);
    }

    private static List<Pattern> load() {
        return patterns(DataTable.load(KnownBackoffs.class, RESOURCE, COLUMNS));
    }

    static List<Pattern> parse(BufferedReader reader) throws IOException {
        return patterns(DataTable.parse(reader, RESOURCE, COLUMNS));
    }

    private static List<Pattern> patterns(List<DataTable.Row> rows) {
        List<Pattern> patterns = new ArrayList<>();
        for (DataTable.Row row : rows) {
            String[] f = row.fields();
            int number = row.line();
            List<Double> waits = new ArrayList<>();
            List<Double> tolerances = new ArrayList<>();
            for (String w : f[1].split(",")) {
                String[] parts = w.trim().split("/", -1);
                try {
                    double wait = Double.parseDouble(parts[0]);
                    double tolerance = parts.length > 1 ? Double.parseDouble(parts[1])
                            : Math.max(MIN_TOLERANCE_SECONDS, RELATIVE_TOLERANCE * wait);
                    if (parts.length > 2 || !(wait > 0) || tolerance < 0) {
                        throw bad(number, "wait '" + w.trim() + "' is not SECONDS or SECONDS/TOLERANCE");
                    }
                    waits.add(wait);
                    tolerances.add(tolerance);
                } catch (NumberFormatException e) {
                    throw bad(number, "wait '" + w.trim() + "' is not a number");
                }
            }
            patterns.add(new Pattern(f[0], waits, tolerances, f[2]));
        }
        return List.copyOf(patterns);
    }

    private static IllegalStateException bad(int line, String problem) {
        return DataTable.bad(RESOURCE, line, problem);
    }
}
