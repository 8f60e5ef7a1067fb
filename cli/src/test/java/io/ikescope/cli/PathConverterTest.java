package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** A path as picocli's reflective converter gives it: Paths.get's value, its message when the text is no path. */
class PathConverterTest {
    @Test
    void thePathPathsGetGives() {
        for (String text : new String[] {"out.json", "/dev/null", "dir/", "./a/../b", "-", "with space", "ü.pcap"}) {
            assertThat(new PathConverter().convert(text)).isEqualTo(Paths.get(text));
        }
    }

    @Test
    void aTextThatIsNoPathIsTheUsageErrorPicocliWrote() {
        String text = "a\0b";
        InvalidPathException cause = null;
        try {
            Paths.get(text);
        } catch (InvalidPathException e) {
            cause = e;
        }
        assertThat(cause).isNotNull();
        // picocli's converter for Path: "cannot convert '%s' to %s (%s)" of the value, Paths.get's return type and
        // the exception it threw
        assertThatThrownBy(() -> new PathConverter().convert(text)).isInstanceOf(TypeConversionException.class)
                .hasMessage("cannot convert '" + text + "' to " + Path.class + " (" + cause + ")");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), err,
                "diagnose", "-o", text, "x.pcap");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("ikescope: Invalid value for option '--output':"
                + " cannot convert 'a");
    }
}
