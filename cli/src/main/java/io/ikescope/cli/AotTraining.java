package io.ikescope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The training run of the launcher's start-up cache (the AOT cache of JDK 25 and later, the class-data-sharing
 * archive of Java 17): in one JVM, the diagnose runs users make most over the bundled samples, so that what each
 * path loads and links is in the cache: the text report without keys (a terminal's default, the benchmark's small
 * run), JSON with every sample's keys (decryption of every cipher) and the HTML page. Not a command; the launcher
 * runs it with {@code -cp}. Exits 0 whatever the runs found (some samples fail on purpose).
 */
final class AotTraining {
    private AotTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: AotTraining SAMPLES-DIRECTORY");
            System.exit(2);
        }
        Locale.setDefault(Locale.ROOT);
        List<String> captures = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".pcap")) {
                    captures.add(p.toString());
                } else if (name.endsWith(".keys.log")) {
                    keys.add("-k");
                    keys.add(p.toString());
                }
            }
        }
        diagnose(List.of(), captures);
        diagnose(List.of("-f", "json"), keys, captures);
        diagnose(List.of("-f", "html"), captures);
        System.exit(0);
    }

    @SafeVarargs
    private static void diagnose(List<String>... parts) {
        List<String> args = new ArrayList<>(List.of("diagnose", "--no-progress", "-o", "/dev/null"));
        for (List<String> part : parts) {
            args.addAll(part);
        }
        Main.run(args.toArray(String[]::new));
    }
}
