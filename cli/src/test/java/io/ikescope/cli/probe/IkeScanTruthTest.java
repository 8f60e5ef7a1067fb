package io.ikescope.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.cli.probe.IkeScan.Answer;
import io.ikescope.cli.probe.ProbeProposals.Ikev1;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The probe lab's truth files checked without the probe: ike-scan, one transform per run, gets a Main Mode answer
 * for every combination an IKEv1 set's expected.json lists and none for the refusals next to them. This proves
 * lab/probe.sh's expansion of each daemon's configuration (combined proposals, libreswan's default groups,
 * strongSwan answering any authentication method in MM1) against the daemons themselves.
 */
class IkeScanTruthTest {
    private static final int REFUSED_SAMPLE = 16;

    /** Per test, not per class: surefire then reports each test as skipped, with the reason. */
    @BeforeEach
    void lab() {
        ProbeLab.assumeLab();
    }

    @AfterEach
    void down() {
        ProbeLab.down();
    }

    /** The IPv4 IKEv1 sets whose responders keep answering (ike-scan has no IPv6; the limit set is below). */
    static Stream<String> ikev1Sets() {
        return Stream.of("strongswan-v1-a", "strongswan-v1-b", "libreswan-v1-a", "libreswan-v1-b");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ikev1Sets")
    void ikeScanAnswersMatchTheExpectedFile(String set) {
        ProbeLab.Responder r = ProbeLab.up(set);
        List<Ikev1> accepted = new ArrayList<>(ProbeProposals.ikev1(r.ikev1().get("accepted")));
        List<Ikev1> aggressive = new ArrayList<>(ProbeProposals.ikev1(r.ikev1().get("aggressiveAccepted")));
        assertThat(accepted.size() + aggressive.size()).as("%s lists IKEv1 proposals", set).isPositive();
        Map<Ikev1, Answer> wrong = new LinkedHashMap<>();
        for (Ikev1 p : accepted) {
            Answer a = IkeScan.mainMode(r.address(), p, true);
            if (a != Answer.HANDSHAKE) {
                wrong.put(p, a);
            }
        }
        // Refused in Main Mode: the neighbours of everything the set accepts, and what only Aggressive Mode accepts
        List<Ikev1> all = new ArrayList<>(accepted);
        all.addAll(aggressive);
        List<Ikev1> refused = new ArrayList<>(IkeScan.refusedNeighbours(all, REFUSED_SAMPLE));
        refused.removeAll(accepted);
        aggressive.stream().filter(p -> !accepted.contains(p)).forEach(refused::add);
        for (Ikev1 p : refused) {
            Answer a = IkeScan.mainMode(r.address(), p, false);
            if (a == Answer.HANDSHAKE) {
                wrong.put(p, a);
            }
        }
        assertThat(wrong).as("%s: Main Mode proposals where ike-scan disagrees with expected.json (%d accepted, %d "
                + "refused tried; responder log %s)", set, accepted.size(), refused.size(),
                r.dir().resolve("responder.log")).isEmpty();

        if (r.ikev1().get("aggressive").asBoolean()) {
            String id = r.ikev1().get("aggressiveId").asString();
            // ike-scan's KE payload is random bytes of the group's size: strongSwan refuses some of them
            // ("key derivation for pre-shared key failed", INVALID_KE), so one accepted proposal answering
            // in Aggressive Mode is what is asserted, and no refused one answering.
            assertThat(aggressive.stream().filter(p -> p.authMethod().equals("PSK"))
                    .anyMatch(p -> IkeScan.aggressiveMode(r.address(), p, id, true) == Answer.HANDSHAKE))
                    .as("%s: an accepted proposal answered in Aggressive Mode", set).isTrue();
            assertThat(IkeScan.refusedNeighbours(aggressive, 4).stream()
                    .filter(p -> IkeScan.aggressiveMode(r.address(), p, id, false) == Answer.HANDSHAKE).toList())
                    .as("%s: refused proposals answered in Aggressive Mode", set).isEmpty();
        }
    }

    /**
     * strongSwan's default block_threshold: five MM1s it answers leave five half-open IKE SAs, and from then on
     * (until they time out after 30 s) it drops the peer's MM1s, even those it would accept.
     */
    @Test
    void defaultHalfOpenLimitStopsAnswersAfterFive() {
        ProbeLab.Responder r = ProbeLab.up("strongswan-v1-limit");
        List<Ikev1> accepted = new ArrayList<>(ProbeProposals.ikev1(r.ikev1().get("accepted")));
        assertThat(r.expected().get("halfOpenLimitPerPeer").asInt()).isEqualTo(5);
        assertThat(accepted).hasSizeGreaterThan(7);
        List<Answer> answers = accepted.stream().limit(7).map(p -> IkeScan.mainMode(r.address(), p, true)).toList();
        assertThat(answers).containsExactly(Answer.HANDSHAKE, Answer.HANDSHAKE, Answer.HANDSHAKE, Answer.HANDSHAKE,
                Answer.HANDSHAKE, Answer.NONE, Answer.NONE);
    }
}
