package io.ikescope.probe.fingerprint;

import io.ikescope.data.DataTable;
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
        for (DataTable.Row row : DataTable.load(KnownLifetimes.class, "known-lifetimes.tsv", "implementation, shortest, longest, source")) {
            String[] f = row.fields();
            try {
                rows.add(new Row(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), f[3]));
            } catch (NumberFormatException e) {
                throw DataTable.bad("known-lifetimes.tsv", row.line(), "the lifetimes are not numbers");
            }
        }
        return List.copyOf(rows);
    }
}
