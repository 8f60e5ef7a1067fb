package io.ikescope.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reading a configuration file whole, within a size its reader sets; a secrets file a format has no use for. */
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

    /**
     * For a format that keeps its keys in the configuration itself: a secrets file the user names is not read,
     * which {@code warnings} is told ("PRODUCT keeps its secrets in the DOCUMENT itself: the secrets file is not
     * read"). Nothing when {@code secrets} is null.
     */
    public static void secretsNotRead(Path secrets, String product, String document, List<ConfigWarning> warnings) {
        if (secrets != null) {
            warnings.add(new ConfigWarning(Origin.at(secrets.toString(), 0),
                    product + " keeps its secrets in the " + document + " itself: the secrets file is not read"));
        }
    }
}
