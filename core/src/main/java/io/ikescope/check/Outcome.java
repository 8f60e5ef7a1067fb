package io.ikescope.check;

import io.ikescope.diagnosis.VerdictCode;
import java.util.List;

/**
 * The verdict of one simulated phase or child: a contract verdict code, why, and what to change.
 *
 * @param mismatch the attributes known to differ ("encryption", "dhGroup", "pfsGroup", "psk", ...), empty when none
 */
public record Outcome(VerdictCode code, String explanation, List<String> mismatch, List<Change> changes) {

    public Outcome {
        mismatch = List.copyOf(mismatch);
        changes = List.copyOf(changes);
    }

    public static Outcome established(String explanation) {
        return new Outcome(VerdictCode.ESTABLISHED, explanation, List.of(), List.of());
    }

    public static Outcome failed(VerdictCode code, String explanation, List<String> mismatch, List<Change> changes) {
        return new Outcome(code, explanation, mismatch, changes);
    }

    public boolean established() {
        return code == VerdictCode.ESTABLISHED;
    }
}
