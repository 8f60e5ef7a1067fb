package io.ikescope.probe.fingerprint;

import io.ikescope.data.DataTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The implementations whose IKE_SA_INIT answers order their status notifies in a known way (a data table,
 * {@code ikev2-answer-shapes.tsv}, with the source of each row). Used only when no vendor ID names the peer, and
 * reported as an inference.
 */
public final class AnswerShapes {
    private record Shape(String implementation, List<String> notifies, String source) {
    }

    private static final List<Shape> SHAPES = load();

    private AnswerShapes() {
    }

    /** The implementation whose shape the answer's notify order fits, with the evidence; null when none or several. */
    public static Fingerprint match(List<String> notifyOrder) {
        List<Shape> fitting = new ArrayList<>();
        for (Shape s : SHAPES) {
            if (inOrder(s.notifies(), notifyOrder)) {
                fitting.add(s);
            }
        }
        if (fitting.size() != 1) {
            return null;
        }
        Shape s = fitting.get(0);
        return new Fingerprint(s.implementation(), Fingerprint.ANSWER_SHAPE, List.of("IKE_SA_INIT answer with "
                + String.join(", ", s.notifies()) + " in this order, as " + s.source()
                + " (an inference: the order is not standardised)"), null);
    }

    private static boolean inOrder(List<String> wanted, List<String> seen) {
        int at = 0;
        for (String n : seen) {
            if (at < wanted.size() && wanted.get(at).equals(n)) {
                at++;
            }
        }
        return at == wanted.size();
    }

    private static List<Shape> load() {
        List<Shape> shapes = new ArrayList<>();
        for (DataTable.Row row : DataTable.load(AnswerShapes.class, "ikev2-answer-shapes.tsv", "implementation, notifies, source")) {
            String[] f = row.fields();
            shapes.add(new Shape(f[0], List.of(f[1].split(",")), f[2]));
        }
        return List.copyOf(shapes);
    }
}
