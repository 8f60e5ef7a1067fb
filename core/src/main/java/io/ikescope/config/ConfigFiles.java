package io.ikescope.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading a configuration file whole, within a size its reader sets. */
public final class ConfigFiles {

    private ConfigFiles() {
    }

    /**
     * The file as UTF-8 text; a file above {@code maxBytes} is refused ("larger than N MiB: not a {@code what}
     * ikescope reads"), as is one that cannot be read.
     */
    public static String readUtf8(Path path, long maxBytes, String what) throws ConfigException {
        try {
            if (Files.size(path) > maxBytes) {
                throw new ConfigException(path.toString(), 0, "larger than " + maxBytes / (1024 * 1024)
                        + " MiB: not a " + what + " ikescope reads");
            }
            return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(path.toString(), 0, "cannot read: " + e.getMessage());
        }
    }
}
