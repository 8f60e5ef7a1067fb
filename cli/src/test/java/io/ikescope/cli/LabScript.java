package io.ikescope.cli;

import io.ikescope.testsupport.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The lab's run.sh for tests that run scenarios of their own: skips unless root, the lab and strongSwan are here. */
final class LabScript {
    private LabScript() {
    }

    /** lab/run.sh, or the test is skipped with the reason. */
    static Path orSkip() {
        Path script = TestPaths.repositoryRoot().resolve("lab/run.sh");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "the lab needs root (network namespaces): not running " + script);
        Assumptions.assumeTrue(Files.isExecutable(script) && Files.isExecutable(Path.of("/usr/lib/ipsec/charon")),
                "no lab here (lab/run.sh and strongSwan's charon, lab/install-deps.sh)");
        Assumptions.assumeFalse("1".equals(System.getenv("IKESCOPE_SKIP_LAB")), "IKESCOPE_SKIP_LAB=1");
        return script;
    }
}
