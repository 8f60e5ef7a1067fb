package io.ikescope.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the reader for a configuration file or directory by its content, and reads it. */
public final class ConfigReaders {

    /** Enough of a file to recognise its format; vendor exports can start with a long banner. */
    private static final int HEAD_BYTES = 16 * 1024;

    private final List<ConfigReader> readers;

    public ConfigReaders(List<ConfigReader> readers) {
        this.readers = List.copyOf(readers);
    }

    /** Every reader ikescope has, in the order they are asked. */
    public static ConfigReaders standard() {
        List<ConfigReader> all = new ArrayList<>();
        // Readers register here, most specific first.
        all.add(new io.ikescope.config.fortios.FortiosReader());
        all.add(new io.ikescope.config.mikrotik.MikrotikReader());
        return new ConfigReaders(all);
    }

    public PeerConfig read(Path path, Path secrets) throws ConfigException {
        String name = path.toString();
        if (!Files.exists(path)) {
            throw new ConfigException(name, 0, "no such file or directory");
        }
        String head = Files.isDirectory(path) ? "" : head(path);
        for (ConfigReader reader : readers) {
            if (reader.recognises(path, head)) {
                return reader.read(path, secrets);
            }
        }
        throw new ConfigException(name, 0, "not a configuration format ikescope reads (" + formats() + ")");
    }

    private String formats() {
        return String.join(", ", readers.stream().map(r -> r.implementation().displayName()).distinct().toList());
    }

    private static String head(Path path) throws ConfigException {
        try (InputStream in = Files.newInputStream(path)) {
            return new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(path.toString(), 0, "cannot read: " + e.getMessage());
        }
    }
}
