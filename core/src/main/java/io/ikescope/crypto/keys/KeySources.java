package io.ikescope.crypto.keys;

import io.ikescope.crypto.KeyRing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads key material from files and directories (every {@code --keys PATH}) into one {@link KeyRing}.
 *
 * <p>A file's kind comes from its content ({@link KeyFileKind}): Wireshark {@code ikev1_decryption_table} and
 * {@code ikev2_decryption_table} (also what strongSwan's save-keys plugin writes), tcpdump IKEv2 secrets
 * ({@code ikev2 I|R ...}, as Openswan prints them) and strongSwan charon logs with {@code ike} level 4;
 * gzip-compressed files are read too. A directory contributes the files directly in it (not in
 * subdirectories), in name order; files in it that are not key material (a capture, Wireshark's preferences)
 * are passed over, but a file that is recognisably a table and has a bad line is an error there too.
 *
 * <p>Errors ({@link KeySourceException}) name the file, the line and the problem: a table line with a wrong
 * field count, bad hex, an unknown algorithm name, key lengths that do not fit the algorithm; a file given by
 * name that is empty, binary or unrecognised; nothing usable at all.
 */
public final class KeySources {
    private KeySources() {
    }

    /** The keys of every path; warnings are dropped (see {@link #read}). */
    public static KeyRing load(List<Path> paths) throws IOException {
        return read(paths).keyRing();
    }

    /** The keys of every path, with the warnings worth showing the user. */
    public static LoadedKeys read(List<Path> paths) throws IOException {
        List<String> warnings = new ArrayList<>();
        KeyRingBuilder builder = new KeyRingBuilder(warnings::add);
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                readDirectory(path, builder, warnings);
            } else {
                readFile(path, true, builder, warnings);
            }
        }
        KeyRing ring = builder.build();
        if (ring.isEmpty() && !paths.isEmpty()) {
            throw new KeySourceException(paths.stream().map(Path::toString).collect(Collectors.joining(", ")), 0,
                    "no key material found" + (warnings.isEmpty() ? "" : " (" + warnings.get(0)
                    + (warnings.size() > 1 ? "; and " + (warnings.size() - 1) + " more" : "") + ")"));
        }
        return new LoadedKeys(ring, warnings);
    }

    private static void readDirectory(Path dir, KeyRingBuilder builder, List<String> warnings) throws IOException {
        List<Path> files;
        try (Stream<Path> entries = Files.list(dir)) {
            files = entries.filter(Files::isRegularFile).sorted().toList();
        }
        int used = 0;
        for (Path file : files) {
            if (readFile(file, false, builder, warnings)) {
                used++;
            }
        }
        if (used == 0) {
            throw new KeySourceException(dir.toString(), 0, "no key material among its " + files.size() + " file"
                    + (files.size() == 1 ? "" : "s") + " (looked for Wireshark ikev1/ikev2_decryption_table files,"
                    + " tcpdump IKEv2 secrets and strongSwan charon logs; subdirectories are not searched)");
        }
    }

    /**
     * Reads one file. {@code named}: the user named it, so a file that is not key material is an error; in a
     * directory such files are skipped. Returns whether the file was key material.
     */
    private static boolean readFile(Path file, boolean named, KeyRingBuilder builder, List<String> warnings)
            throws IOException {
        String source = file.toString();
        KeyFileKind kind = KeyFileKind.detect(file);
        switch (kind) {
            case EMPTY, BINARY, UNKNOWN -> {
                if (named) {
                    throw new KeySourceException(source, 0, switch (kind) {
                        case EMPTY -> "empty file: no key material";
                        case BINARY -> "binary data, not a key file";
                        default -> "not key material: expected a Wireshark ikev1/ikev2_decryption_table, a tcpdump"
                                + " IKEv2 secrets file or a strongSwan charon log written with ike level 4";
                    });
                }
                return false;
            }
            case NO_RECORDS -> {
                if (named) {
                    warnings.add(source + ": no key material (only comments)");
                }
                return false;
            }
            default -> {
                try (TextLines lines = TextLines.open(file)) {
                    read(kind, lines, builder, warnings);
                }
                return true;
            }
        }
    }

    private static void read(KeyFileKind kind, TextLines lines, KeyRingBuilder builder, List<String> warnings)
            throws IOException {
        switch (kind) {
            case IKEV1_TABLE -> WiresharkTableReader.readIkev1(lines).forEach(builder::addIkev1);
            case IKEV2_TABLE -> WiresharkTableReader.readIkev2(lines).forEach(builder::addIkev2);
            case TCPDUMP_SECRETS -> TcpdumpSecretsReader.read(lines, warnings::add).forEach(builder::addIkev2);
            case CHARON_LOG -> {
                CharonLogReader.Result result = CharonLogReader.read(lines, warnings::add);
                if (result.keyDumps() == 0) {
                    warnings.add(lines.source() + ": a charon log without IKE key dumps (they need ike log level 4:"
                            + " charon.filelog.NAME.ike = 4)");
                }
                result.ikev1().forEach(builder::addIkev1);
                result.ikev2().forEach(builder::addIkev2);
            }
            default -> throw new IllegalStateException("not a readable kind: " + kind);
        }
    }
}
