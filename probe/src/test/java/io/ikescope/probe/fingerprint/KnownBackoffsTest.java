package io.ikescope.probe.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownBackoffsTest {
    @Test
    void theTableLoadsEveryRowWithItsSource() {
        List<KnownBackoffs.Pattern> all = KnownBackoffs.patterns();
        assertThat(all).hasSizeGreaterThan(30);
        assertThat(all).allMatch(p -> !p.waits().isEmpty() && p.waits().size() == p.tolerances().size());
        assertThat(all).extracting(KnownBackoffs.Pattern::source)
                .allMatch(s -> s.equals("ike-scan") || s.startsWith("lab: "));
        KnownBackoffs.Pattern nortel = all.stream().filter(p -> p.implementation().equals("Nortel Contivity"))
                .findFirst().orElseThrow();
        assertThat(nortel.waits()).containsExactly(16.0, 16.0, 16.0);
        assertThat(nortel.tolerances()).containsExactly(0.6, 0.8, 0.8);
    }

    @Test
    void strongSwansAggressiveModeScheduleFromTheLabMatchesItsRow() {
        // +4.000, +7.203, +12.963 s between copies (lab 2026-12-02), listened 40 s
        KnownBackoffs.Match m = KnownBackoffs.match(List.of(4.0, 7.203, 12.963), 40);
        assertThat(m.pattern().implementation()).isEqualTo("strongSwan");
        assertThat(m.partial()).isFalse();
    }

    @Test
    void aFullScheduleMatchesItsRowWithinTheTolerance() {
        KnownBackoffs.Match m = KnownBackoffs.match(List.of(1.03, 1.98, 4.05, 7.9, 16.2, 31.7), 120);
        assertThat(m.pattern().implementation()).isEqualTo("Windows 2000, 2003 or XP");
        assertThat(m.partial()).isFalse();
        assertThat(KnownBackoffs.match(List.of(1.7, 1.98, 4.05, 7.9, 16.2, 31.7), 120)).isNull(); // Windows-2003 allows 0.6 s
    }

    @Test
    void aScheduleCutByTheWindowMatchesARowWhoseNextCopyWasDueLater() {
        // Windows 2000/2003/XP: copies at 1, 3, 7 s; the next is due at 15 s, after a 10 s window
        KnownBackoffs.Match m = KnownBackoffs.match(List.of(1.0, 2.02, 3.97), 10);
        assertThat(m.pattern().implementation()).isEqualTo("Windows 2000, 2003 or XP");
        assertThat(m.partial()).isTrue();
        // listened 20 s: the fourth copy would have come at 15 s, so three copies fit no Windows row
        assertThat(KnownBackoffs.match(List.of(1.0, 2.02, 3.97), 20)).isNull();
    }

    @Test
    void aFullFitBeatsACutOne() {
        List<KnownBackoffs.Pattern> table = new ArrayList<>();
        table.add(new KnownBackoffs.Pattern("longer", List.of(2.0, 2.0, 2.0), List.of(0.1, 0.1, 0.1), "t"));
        table.add(new KnownBackoffs.Pattern("exact", List.of(2.0, 2.05), List.of(0.1, 0.1), "t"));
        assertThat(KnownBackoffs.match(table, List.of(2.0, 2.0), 4.5).pattern().implementation()).isEqualTo("exact");
        assertThat(KnownBackoffs.match(table, List.of(), 10)).isNull();
    }

    @Test
    void badRowsAreRejectedWithTheirLine() {
        assertThatThrownBy(() -> KnownBackoffs.parse(new BufferedReader(new StringReader("# c\nx\t1, y\tsrc\n"))))
                .hasMessageContaining("line 2").hasMessageContaining("'y'");
        assertThatThrownBy(() -> KnownBackoffs.parse(new BufferedReader(new StringReader("x\t1\n"))))
                .hasMessageContaining("3 tab-separated columns");
    }

    @Test
    void backoffReadingNamesTheTableMatchOrTheScheduleShape() {
        long s = 1_000_000_000L;
        Fingerprint.Backoff windows = BackoffFingerprint.read(List.of(0L, s, 3 * s, 7_010_000_000L), 10);
        assertThat(windows.match()).isEqualTo("Windows 2000, 2003 or XP");
        assertThat(windows.intervalsSeconds()).containsExactly(1.0, 3.0, 7.01);
        assertThat(windows.description()).contains("ike-scan").contains("first 3 copies");
        // doubling from 0.1 s: no table row, but core's schedule reading calls it libreswan-like
        Fingerprint.Backoff doubling = BackoffFingerprint.read(List.of(0L, s / 10, s / 5, 2 * s / 5), 1);
        assertThat(doubling.match()).isEqualTo("libreswan");
        assertThat(doubling.description()).contains("fits no known schedule exactly").contains("libreswan-like");
        Fingerprint.Backoff none = BackoffFingerprint.read(List.of(5L), 40);
        assertThat(none.intervalsSeconds()).isEmpty();
        assertThat(none.match()).isNull();
        assertThat(none.description()).startsWith("the answer was not re-sent within 40.0 s");
    }
}
