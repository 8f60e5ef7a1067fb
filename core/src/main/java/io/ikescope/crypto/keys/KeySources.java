package io.ikescope.crypto.keys;

import io.ikescope.crypto.Ikev2Keys;
import io.ikescope.crypto.KeyRing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * name that is binary or unrecognised; a directory without key files. A key file that holds no keys is a
 * warning (see {@link #read}).
 */
public final class KeySources {
    private KeySources() {
    }

    /** The keys of every path; warnings are dropped (see {@link #read}). */
    public static KeyRing load(List<Path> paths) throws IOException {
        return read(paths).keyRing();
    }

    /**
     * The keys of every path, with the warnings worth showing the user and what each file held. A key file that
     * holds no keys (a charon log of negotiations that failed before deriving any, an empty file, a table with
     * only comments) is a warning saying why, not an error: the capture can still be diagnosed without keys; a
     * command that needs keys decides with {@link LoadedKeys#withoutKeys()}.
     */
    public static LoadedKeys read(List<Path> paths) throws IOException {
        List<String> warnings = new ArrayList<>();
        List<KeyFileContent> files = new ArrayList<>();
        KeyRingBuilder builder = new KeyRingBuilder(warnings::add);
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                readDirectory(path, builder, warnings, files);
            } else {
                readFile(path, path, builder, warnings, files);
            }
        }
        return new LoadedKeys(builder.build(), warnings, files);
    }

    private static void readDirectory(Path dir, KeyRingBuilder builder, List<String> warnings,
                                      List<KeyFileContent> contents) throws IOException {
        List<Path> files;
        try (Stream<Path> entries = Files.list(dir)) {
            files = entries.filter(Files::isRegularFile).sorted().toList();
        }
        int used = 0;
        for (Path file : files) {
            if (readFile(file, dir, builder, warnings, contents)) {
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
     * Reads one file, {@code given} itself or found in the directory {@code given}. A file the user named that
     * is not key material is an error, and one without records a warning; in a directory such files are
     * skipped. Returns whether the file was key material.
     */
    private static boolean readFile(Path file, Path given, KeyRingBuilder builder, List<String> warnings,
                                    List<KeyFileContent> contents) throws IOException {
        boolean named = file.equals(given);
        String source = file.toString();
        KeyFileKind kind = KeyFileKind.detect(file);
        switch (kind) {
            case BINARY, UNKNOWN -> {
                if (named) {
                    throw new KeySourceException(source, 0, kind == KeyFileKind.BINARY ? "binary data, not a key file"
                            : "not key material: expected a Wireshark ikev1/ikev2_decryption_table, a tcpdump"
                            + " IKEv2 secrets file or a strongSwan charon log written with ike level 4");
                }
                return false;
            }
            case EMPTY, NO_RECORDS -> {
                if (named) {
                    String why = source + (kind == KeyFileKind.EMPTY ? ": empty file: no key material"
                            : ": no key material (only comments)");
                    warnings.add(why);
                    contents.add(new KeyFileContent(source, given.toString(), kind, List.of(), List.of(), why, null));
                }
                return false;
            }
            default -> {
                KeyFileContent content;
                try (TextLines lines = TextLines.open(file)) {
                    content = read(kind, lines, given.toString(), warnings);
                }
                content.ikev1().forEach(builder::addIkev1);
                content.ikev2().forEach(builder::addIkev2);
                contents.add(content);
                return true;
            }
        }
    }

    private static KeyFileContent read(KeyFileKind kind, TextLines lines, String given, List<String> warnings)
            throws IOException {
        String source = lines.source();
        return switch (kind) {
            case IKEV1_TABLE -> new KeyFileContent(source, given, kind, WiresharkTableReader.readIkev1(lines), List.of(),
                    null, null);
            case IKEV2_TABLE -> new KeyFileContent(source, given, kind, List.of(), WiresharkTableReader.readIkev2(lines),
                    null, null);
            case TCPDUMP_SECRETS -> {
                List<Ikev2Keys> keys = TcpdumpSecretsReader.read(lines, warnings::add);
                yield new KeyFileContent(source, given, kind, List.of(), keys, keys.isEmpty()
                        ? source + ": no usable key set among its lines (see the warnings about them)" : null, null);
            }
            case CHARON_LOG -> {
                CharonLogReader.Result result = CharonLogReader.read(lines, warnings::add);
                String why = result.withoutKeyDumps();
                if (why != null) {
                    warnings.add(why);
                } else if (result.ikev1().isEmpty() && result.ikev2().isEmpty()) {
                    int dumps = result.keyDumps();
                    why = source + ": its " + dumps + " key dump" + (dumps == 1 ? "" : "s") + " gave no usable key"
                            + " set (see the warnings about them)";
                }
                yield new KeyFileContent(source, given, kind, result.ikev1(), result.ikev2(), why, result.loggedSas(),
                        result.secrets());
            }
            default -> throw new IllegalStateException("not a readable kind: " + kind);
        };
    }
}
