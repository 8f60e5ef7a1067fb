package io.ikescope.probe.ikev1;

import io.ikescope.probe.Outcomes;
import io.ikescope.probe.fingerprint.Fingerprint;
import io.ikescope.probe.fingerprint.VendorIdSeen;
import java.util.List;

/**
 * What an IKEv1 probe learnt.
 *
 * @param answered       the target answered at least one MM1 or the AM1
 * @param accepted       full suites the responder chose, each from an offer that still held it
 * @param refused        values refused in every combination (one field set, the others null: "with anything"),
 *                       then full suites of individually accepted values that were refused together
 * @param encryption     per cipher ("AES-CBC-256"): accepted in some suite, refused in all, or unclear
 * @param aggressiveMode the Aggressive Mode probe, or null when none was made
 * @param complete       every candidate was offered and answered clearly
 * @param probes         MM1 and AM1 requests built (a re-send is not another)
 */
public record Ikev1Result(boolean answered, List<Ikev1Suite> accepted, List<Ikev1Suite> refused,
                          Outcomes<String> encryption, Outcomes<String> hash, Outcomes<String> authMethod,
                          Outcomes<Integer> groups, AggressiveMode aggressiveMode, List<VendorIdSeen> vendorIds,
                          Fingerprint fingerprint, boolean complete, int probes, List<String> problems) {
    public Ikev1Result {
        accepted = List.copyOf(accepted);
        refused = List.copyOf(refused);
        vendorIds = List.copyOf(vendorIds);
        problems = List.copyOf(problems);
    }

    /**
     * The Aggressive Mode probe: whether it was answered, the suite chosen (AM2) or the error notify's name, and a
     * warning when the answer carries a pre-shared-key HASH_R.
     */
    public record AggressiveMode(boolean answered, Ikev1Suite proposal, String notifyName, String warning) {
    }
}
