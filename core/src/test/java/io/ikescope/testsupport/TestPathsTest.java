package io.ikescope.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class TestPathsTest {
    private final String surefireRoot = System.getProperty(TestPaths.ROOT_PROPERTY);

    @AfterEach
    void restoreTheProperty() {
        if (surefireRoot == null) {
            System.clearProperty(TestPaths.ROOT_PROPERTY);
        } else {
            System.setProperty(TestPaths.ROOT_PROPERTY, surefireRoot);
        }
    }

    @Test
    void theRootHoldsTheSamplesIndexAndThePom() {
        Path root = TestPaths.repositoryRoot();

        assertThat(root.resolve("pom.xml")).isRegularFile();
        assertThat(TestPaths.samples()).isEqualTo(root.resolve("samples"));
        assertThat(TestPaths.sample("index.json")).isRegularFile();
        assertThat(TestPaths.sampleCapture("ikev2-psk-ok")).isEqualTo(root.resolve("samples/ikev2-psk-ok.pcap"));
    }

    @Test
    void withoutThePropertyTheRootIsTheNearestAncestorOfTheWorkingDirectoryWithSamplesAndAPom() {
        Path fromProperty = TestPaths.repositoryRoot();
        System.clearProperty(TestPaths.ROOT_PROPERTY);

        // surefire runs the tests in core/, one level below the root
        assertThat(TestPaths.repositoryRoot()).isEqualTo(fromProperty);
    }

    @Test
    void aMissingSampleFailsTheTestNamingThePath() {
        Path missing = TestPaths.samples().resolve("no-such-sample.pcap");

        assertThatThrownBy(() -> TestPaths.sample("no-such-sample.pcap")).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("part of the repository");
    }

    @Test
    void withoutTheSharedFolderBesideTheRootTheCorpusSkipsTheTestNamingThePath(@TempDir Path dir) throws Exception {
        Path clone = Files.createDirectory(dir.resolve("clone"));
        System.setProperty(TestPaths.ROOT_PROPERTY, clone.toString());

        assertThatThrownBy(TestPaths::publicCorpusOrSkip).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(dir.resolve("shared/corpus/public").toString());
    }
}
