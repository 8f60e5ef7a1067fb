package io.ikescope.check;

import io.ikescope.diagnosis.VerdictCode;
import io.ikescope.config.Origin;
import java.util.List;

/**
 * A child that is established now but fails later, at its first rekey (IKEv2: the CREATE_CHILD_SA of a rekey
 * carries a KE payload, the child made in IKE_AUTH did not).
 *
 * @param earliestSeconds after the child is made, the first moment either peer may start the rekey (its rekey time
 *                        minus the largest random jitter the implementation subtracts)
 * @param latestSeconds   the moment the first of them rekeys at the latest
 * @param timing          the setting (or default) that decides when
 */
public record LatentFailure(VerdictCode code, String event, long earliestSeconds, long latestSeconds, Origin timing,
                            String explanation, List<Change> changes) {

    public LatentFailure {
        changes = List.copyOf(changes);
    }
}
