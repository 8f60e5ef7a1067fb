package io.ikescope.cli;

import io.ikescope.capture.CaptureException;
import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Frame;
import io.ikescope.net.DecoderCounters;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What diagnose reads, and in which order: the CAPTURE arguments with each directory replaced by the capture files
 * in it, every file opened once before any output (an unreadable one stops the run with its own message), and the
 * files grouped into runs that may be one rotated series ({@code tcpdump -C} or {@code -G}: names that differ only
 * in their digits, next to each other, read in the order of their first packets). Whether a run really continues
 * from one file into the next is decided while reading (see {@link #continues}); the plan only proposes.
 */
final class CapturePlan {
    /** One file to read; {@code stream} holds the reader of '-' or a pipe, which cannot be opened twice. */
    record CaptureFile(String name, long firstNanos, CaptureReader stream) {
        boolean regular() {
            return stream == null;
        }
    }

    /** Files that may form one series, in reading order (a run of one for everything else). */
    record Run(List<CaptureFile> files) {
    }

    private final List<Run> runs;

    private CapturePlan(List<Run> runs) {
        this.runs = List.copyOf(runs);
    }

    List<Run> runs() {
        return runs;
    }

    /** Every file in reading order. */
    List<CaptureFile> files() {
        return runs.stream().flatMap(r -> r.files().stream()).toList();
    }

    /**
     * The next file of a run continues the series unless the capture shows otherwise: its first packet is earlier
     * than the last packet of the file before (two capture points whose file names happen to differ in digits only).
     */
    static boolean continues(long previousLastNanos, long nextFirstNanos) {
        return previousLastNanos == DecoderCounters.NO_FRAME || nextFirstNanos == DecoderCounters.NO_FRAME
                || nextFirstNanos >= previousLastNanos;
    }

    /** Expands, opens and orders the arguments; skipped directory entries are said on {@code err}. */
    static CapturePlan of(List<String> arguments, InputStream standardInput, PrintWriter err) throws IOException {
        List<CaptureFile> files = new ArrayList<>();
        for (String argument : arguments) {
            Path path = "-".equals(argument) ? null : Path.of(argument);
            if (path != null && Files.isDirectory(path)) {
                files.addAll(directory(argument, path, err));
            } else if (path != null && Files.isRegularFile(path)) {
                files.add(new CaptureFile(argument, firstNanos(argument, standardInput), null));
            } else {
                files.add(new CaptureFile(argument, DecoderCounters.NO_FRAME,
                        CaptureInputs.open(argument, standardInput)));
            }
        }
        return new CapturePlan(runs(files));
    }

    private static List<CaptureFile> directory(String argument, Path dir, PrintWriter err) throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString(), CapturePlan::naturalOrder))
                    .toList();
        } catch (IOException e) {
            throw new ErrorReporter.UserError(argument + ": cannot list the directory: " + e.getMessage());
        }
        List<CaptureFile> out = new ArrayList<>();
        for (Path entry : entries) {
            String name = dir.toString().equals(argument) ? entry.toString() : argument + entry.getFileName();
            if (!Files.isRegularFile(entry)) {
                err.println("ikescope: warning: " + name + ": not a regular file, skipped (directories are not"
                        + " read recursively)");
                continue;
            }
            try {
                out.add(new CaptureFile(name, firstNanos(name, null), null));
            } catch (CaptureException e) {
                err.println("ikescope: warning: " + e.getMessage() + "; skipped");
            }
        }
        if (out.isEmpty()) {
            throw new ErrorReporter.UserError(argument + ": no pcap or pcapng capture in this directory");
        }
        return out;
    }

    /** Opens the file as a capture (so that a bad one fails now) and reads the time of its first packet. */
    private static long firstNanos(String name, InputStream standardInput) throws IOException {
        try (CaptureReader reader = CaptureInputs.open(name, standardInput)) {
            Frame first = reader.next();
            return first == null ? DecoderCounters.NO_FRAME : first.epochNanos();
        }
    }

    /** Neighbouring regular files whose names differ in digits only, each group in the order of first packets. */
    private static List<Run> runs(List<CaptureFile> files) {
        List<Run> runs = new ArrayList<>();
        List<CaptureFile> current = new ArrayList<>();
        String currentKey = null;
        for (CaptureFile file : files) {
            String key = file.regular() ? rotationKey(file.name()) : null;
            if (key == null || !key.equals(currentKey)) {
                addRun(runs, current);
                current = new ArrayList<>();
            }
            current.add(file);
            currentKey = key;
        }
        addRun(runs, current);
        return runs;
    }

    private static void addRun(List<Run> runs, List<CaptureFile> files) {
        if (!files.isEmpty()) {
            files.sort(CapturePlan::byStartThenName);
            runs.add(new Run(files));
        }
    }

    /**
     * Earliest first packet first, then by name. Written out rather than composed with Comparator.comparingLong and
     * thenComparing, whose lambdas inside the JDK are linked at run time (milliseconds of a small run).
     */
    private static int byStartThenName(CaptureFile a, CaptureFile b) {
        int byStart = Long.compare(a.firstNanos(), b.firstNanos());
        return byStart != 0 ? byStart : naturalOrder(a.name(), b.name());
    }

    /**
     * The name with its digits left out, in its directory: {@code cap.pcap}, {@code cap.pcap1}, {@code cap.pcap12}
     * (tcpdump -C) and {@code ike-20261203-0600.pcap}, {@code ike-20261203-0700.pcap} (tcpdump -G) share theirs.
     */
    static String rotationKey(String name) {
        Path path = Path.of(name);
        Path parent = path.toAbsolutePath().normalize().getParent();
        String file = path.getFileName().toString();
        StringBuilder stripped = new StringBuilder(file.length());
        for (int i = 0; i < file.length(); i++) {
            char c = file.charAt(i);
            if (c < '0' || c > '9') {
                stripped.append(c);
            }
        }
        return (parent == null ? "" : parent.toString()) + "/" + stripped;
    }

    /** Compares names with their runs of digits as numbers: cap.pcap2 before cap.pcap10. */
    static int naturalOrder(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int iEnd = digitsEnd(a, i);
                int jEnd = digitsEnd(b, j);
                // the runs without their leading zeros (one digit kept); no regex: a directory's sort makes
                // hundreds of these comparisons
                int m = significantFrom(a, i, iEnd);
                int n = significantFrom(b, j, jEnd);
                int c = iEnd - m != jEnd - n ? Integer.compare(iEnd - m, jEnd - n)
                        : CharSequence.compare(a.subSequence(m, iEnd), b.subSequence(n, jEnd));
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

    /** The first index of {@code s[from, end)} that is not a leading '0', keeping the last digit. */
    private static int significantFrom(String s, int from, int end) {
        int k = from;
        while (k < end - 1 && s.charAt(k) == '0') {
            k++;
        }
        return k;
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && Character.isDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }
}
