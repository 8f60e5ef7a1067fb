package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** How a directory's files are ordered and grouped: digit runs compared as numbers, names without digits as keys. */
class CapturePlanOrderTest {
    @Test
    void digitRunsCompareAsNumbersWithTheirLeadingZerosLeftOut() {
        List<String> names = new ArrayList<>(List.of("cap.pcap10", "cap.pcap", "cap.pcap2", "cap.pcap1", "cap.pcap002",
                "ike-20261203-0700.pcap", "ike-20261203-0600.pcap", "cap.pcap0", "cap.pcap00", "b", "a10b", "a9c"));
        names.sort(CapturePlan::naturalOrder);
        assertThat(names).containsExactly("a9c", "a10b", "b", "cap.pcap", "cap.pcap0", "cap.pcap00", "cap.pcap1",
                "cap.pcap002", "cap.pcap2", "cap.pcap10", "ike-20261203-0600.pcap", "ike-20261203-0700.pcap");
    }

    @Test
    void theOrderIsTheOneTheRegexWritingGave() {
        SplittableRandom random = new SplittableRandom(20261207);
        String alphabet = "0019a.b";
        for (int k = 0; k < 20_000; k++) {
            String a = word(random, alphabet);
            String b = word(random, alphabet);
            assertThat(Integer.signum(CapturePlan.naturalOrder(a, b))).as("%s vs %s", a, b)
                    .isEqualTo(Integer.signum(byRegex(a, b)));
        }
    }

    @Test
    void namesThatDifferInDigitsOnlyShareARotationKey() {
        assertThat(CapturePlan.rotationKey("d/cap.pcap12")).isEqualTo(CapturePlan.rotationKey("d/cap.pcap"));
        assertThat(CapturePlan.rotationKey("d/ike-20261203-0600.pcap"))
                .isEqualTo(CapturePlan.rotationKey("d/ike-20261204-0700.pcap"));
        assertThat(CapturePlan.rotationKey("d/gw-a.pcap")).isNotEqualTo(CapturePlan.rotationKey("d/gw-b.pcap"));
        assertThat(CapturePlan.rotationKey("d/cap.pcap")).isNotEqualTo(CapturePlan.rotationKey("e/cap.pcap"));
    }

    private static String word(SplittableRandom random, String alphabet) {
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(1, 8);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** The comparison as it was written before, with a regex per digit run: the reference. */
    private static int byRegex(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int iEnd = i;
                while (iEnd < a.length() && Character.isDigit(a.charAt(iEnd))) {
                    iEnd++;
                }
                int jEnd = j;
                while (jEnd < b.length() && Character.isDigit(b.charAt(jEnd))) {
                    jEnd++;
                }
                String m = a.substring(i, iEnd).replaceFirst("^0+(?=.)", "");
                String n = b.substring(j, jEnd).replaceFirst("^0+(?=.)", "");
                int c = m.length() != n.length() ? Integer.compare(m.length(), n.length()) : m.compareTo(n);
                if (c != 0) {
                    return c;
                }
                i = iEnd;
                j = jEnd;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }
}
