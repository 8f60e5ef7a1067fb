package io.ikescope.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Against the formatter's %-Ns and %Ns, on texts shorter than, as long as and longer than the column. */
class ColumnsTest {
    private static final String[] TEXTS = {"", "x", "frame", "initiator 198.51.100.1", "ü€", "longer than the six"};

    @Test
    void padsAsTheFormatterPadsAndNeverCuts() {
        for (String text : TEXTS) {
            for (int width : new int[] {1, 5, 6, 9, 32}) {
                assertThat(Columns.left(new StringBuilder(">"), text, width).toString())
                        .isEqualTo(">" + String.format(Locale.ROOT, "%-" + width + "s", text));
                assertThat(Columns.right(new StringBuilder(">"), text, width).toString())
                        .isEqualTo(">" + String.format(Locale.ROOT, "%" + width + "s", text));
            }
            assertThat(Columns.left(new StringBuilder(), text, 0).toString()).isEqualTo(text);
            assertThat(Columns.right(new StringBuilder(), text, 0).toString()).isEqualTo(text);
        }
    }
}
