package io.ikescope.crosscheck;

import io.ikescope.check.Change;
import io.ikescope.check.ChildResult;
import io.ikescope.check.LatentFailure;
import io.ikescope.check.Outcome;
import io.ikescope.check.SimulatedNegotiation;
import io.ikescope.diagnosis.VerdictCode;
import java.util.List;

/**
 * What the simulation of the two configurations predicts for the direction the capture shows, reduced to what a
 * verdict is compared with: the code, the phase it fails in, why, and the settings to change.
 *
 * @param phase  1 or 2; null when everything establishes
 * @param latent the failure waits for the first rekey (the code is then the latent one's); null when none
 */
record Prediction(VerdictCode code, Integer phase, String explanation, List<Change> changes, LatentFailure latent) {

    static Prediction of(SimulatedNegotiation s) {
        Outcome p1 = s.phase1().outcome();
        if (!p1.established()) {
            return new Prediction(p1.code(), 1, p1.explanation(), p1.changes(), null);
        }
        for (ChildResult c : s.children()) {
            if (!c.outcome().established()) {
                return new Prediction(c.outcome().code(), 2, c.outcome().explanation(), c.outcome().changes(), null);
            }
        }
        for (ChildResult c : s.children()) {
            if (c.latent() != null) {
                LatentFailure l = c.latent();
                return new Prediction(l.code(), 2, l.explanation(), l.changes(), l);
            }
        }
        return new Prediction(VerdictCode.ESTABLISHED, null, p1.explanation(), List.of(), null);
    }

    /** The explanation without its final full stop, to be embedded in a sentence. */
    Prediction withoutFinalStop() {
        String text = explanation == null ? "" : explanation.strip();
        while (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        return new Prediction(code, phase, text, changes, latent);
    }

    boolean establishes() {
        return code == VerdictCode.ESTABLISHED;
    }
}
