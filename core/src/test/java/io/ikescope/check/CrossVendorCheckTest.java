package io.ikescope.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.config.PeerConfig;
import io.ikescope.config.formats.ConfigFormats;
import io.ikescope.diagnosis.VerdictCode;
import io.ikescope.testsupport.TestPaths;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Cisco IOS branch (config/cisco/ikev1-crypto-map.cfg) against strongSwan headquarters written to agree with its
 * crypto map VPN 10 (config/cross/), read by the real readers: one file per vendor, one simulation.
 */
class CrossVendorCheckTest {
    private static final Path CONFIG = TestPaths.repositoryRoot().resolve("core/src/test/resources/config");

    private static CheckReport check(String b) throws Exception {
        PeerConfig branch = ConfigFormats.standard().read(CONFIG.resolve("cisco/ikev1-crypto-map.cfg"), null);
        PeerConfig hq = ConfigFormats.standard().read(CONFIG.resolve("cross").resolve(b), null);
        return CheckSimulator.check(branch, hq, null);
    }

    private static SimulatedNegotiation from(CheckReport r, Side side) {
        List<SimulatedNegotiation> n = r.negotiations().stream().filter(x -> x.initiator() == side && x.simulated())
                .toList();
        assertThat(n).hasSize(1);
        return n.get(0);
    }

    @Test
    void headquartersInitiatingGetsItsOneNetworkPair() throws Exception {
        CheckReport r = check("hq-for-branch1.swanctl.conf");
        SimulatedNegotiation fromHq = from(r, Side.B);
        assertThat(fromHq.verdict()).as(LabScenarioCheckTest.describe(fromHq)).isEqualTo(VerdictCode.ESTABLISHED);
        assertThat(fromHq.phase1().outcome().explanation()).contains("ikev1-crypto-map.cfg line 23");
        // map entry 20 goes to another peer: listed, not dropped
        assertThat(r.unpaired()).hasSize(1);
    }

    @Test
    void theBranchInitiatingEveryAclLineIsHalfUp() throws Exception {
        SimulatedNegotiation fromBranch = from(check("hq-for-branch1.swanctl.conf"), Side.A);
        assertThat(fromBranch.children()).extracting(c -> c.outcome().code())
                .containsExactly(VerdictCode.ESTABLISHED, VerdictCode.TS_MISMATCH, VerdictCode.TS_MISMATCH);
        assertThat(fromBranch.findings()).anyMatch(f -> f.code().equals("HALF_UP"));
    }

    @Test
    void headquartersWithoutPfsRefusesTheBranchsQuickMode() throws Exception {
        SimulatedNegotiation fromBranch = from(check("hq-no-pfs.swanctl.conf"), Side.A);
        assertThat(fromBranch.children().get(0).outcome().code()).isEqualTo(VerdictCode.PFS_MISMATCH);
        assertThat(fromBranch.children().get(0).outcome().explanation()).contains("ikev1-crypto-map.cfg line 37")
                .contains("hq-no-pfs.swanctl.conf line 21");
    }
}
