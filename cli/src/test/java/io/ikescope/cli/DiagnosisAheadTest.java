package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ikescope.diagnosis.Diagnoser;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.session.Negotiation;
import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.net.CaptureScan;
import io.ikescope.net.DecoderOptions;
import io.ikescope.session.IdSequence;
import io.ikescope.session.MessageSource;
import io.ikescope.session.SessionTracker;
import io.ikescope.session.TrackerOptions;
import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Diagnoses on workers, written in hand-in order: the same diagnoses, the same order, as one after the other. */
class DiagnosisAheadTest {
    private static final List<Negotiation> NEGOTIATIONS = new ArrayList<>();

    @BeforeAll
    static void reconstructEverySample() throws IOException {
        try (Stream<Path> files = Files.list(TestPaths.samples())) {
            for (Path capture : files.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng"))
                    .sorted().toList()) {
                SessionTracker tracker = new SessionTracker(capture.getFileName().toString(),
                        TrackerOptions.defaults(), new IdSequence(), NEGOTIATIONS::add);
                try (CaptureReader reader = Captures.open(capture)) {
                    CaptureScan.run(reader, DecoderOptions.defaults(),
                            tracker.packetSink(MessageSource.withoutKeys(), warning -> { }));
                }
                tracker.finish();
            }
        }
        // more than the window, so that handing in waits for the first of them
        assertThat(NEGOTIATIONS).hasSizeGreaterThan(DiagnosisAhead.WINDOW);
    }

    @Test
    void everySampleNegotiationIsWrittenInOrderWithItsOwnDiagnosis() {
        List<Diagnosis> oneAfterTheOther = NEGOTIATIONS.stream().map(Diagnoser::diagnose).toList();
        for (int threads : new int[] {0, 1, 3}) {
            List<Negotiation> written = new ArrayList<>();
            List<Diagnosis> diagnoses = new ArrayList<>();
            try (DiagnosisAhead ahead = new DiagnosisAhead(threads, (n, c, d) -> {
                written.add(n);
                diagnoses.add(d);
            })) {
                for (Negotiation n : NEGOTIATIONS) {
                    ahead.add(n, null);
                }
                ahead.flush();
            }
            assertThat(written).as("%d workers", threads).containsExactlyElementsOf(NEGOTIATIONS);
            assertThat(diagnoses).as("%d workers", threads).isEqualTo(oneAfterTheOther);
        }
    }

    @Test
    void slowAndFastDiagnosesStillComeOutInHandInOrder() {
        List<Negotiation> written = new ArrayList<>();
        // random delays, so later negotiations often finish first
        DiagnosisAhead.Diagnosing uneven = (n, c) -> {
            sleepMillis(ThreadLocalRandom.current().nextInt(3));
            return Diagnoser.diagnose(n);
        };
        try (DiagnosisAhead ahead = new DiagnosisAhead(4, uneven, (n, c, d) -> written.add(n))) {
            for (int i = 0; i < NEGOTIATIONS.size(); i++) {
                ahead.add(NEGOTIATIONS.get(i), null);
                // never more waiting than the window
                assertThat(written.size()).isGreaterThan(i - DiagnosisAhead.WINDOW);
            }
            ahead.flush();
        }
        assertThat(written).containsExactlyElementsOf(NEGOTIATIONS);
    }

    @Test
    void aFailingDiagnosisIsThrownOnTheCallersThreadAfterTheOnesBeforeItWereWritten() {
        Negotiation failing = NEGOTIATIONS.get(5);
        DiagnosisAhead.Diagnosing failsOnOne = (n, c) -> {
            if (n == failing) {
                throw new IllegalStateException("no verdict for " + n.id());
            }
            return Diagnoser.diagnose(n);
        };
        List<Negotiation> written = new ArrayList<>();
        try (DiagnosisAhead ahead = new DiagnosisAhead(2, failsOnOne, (n, c, d) -> written.add(n))) {
            assertThatThrownBy(() -> {
                for (Negotiation n : NEGOTIATIONS.subList(0, 20)) {
                    ahead.add(n, null);
                }
                ahead.flush();
            }).isInstanceOf(IllegalStateException.class).hasMessage("no verdict for " + failing.id());
        }
        assertThat(written).containsExactlyElementsOf(NEGOTIATIONS.subList(0, 5));
    }

    private static void sleepMillis(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
