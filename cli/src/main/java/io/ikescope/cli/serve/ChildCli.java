package io.ikescope.cli.serve;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@code serve} runs an ikescope command: a child JVM on this one's class path, in the directory of a session's
 * uploads. A child per run keeps the server's heap small and lets a report name the files as they were uploaded,
 * byte for byte what {@code ikescope diagnose} prints when run in that directory.
 */
final class ChildCli {
    private final List<String> command;

    private ChildCli(List<String> command) {
        this.command = List.copyOf(command);
    }

    /**
     * The java binary, class path and start-up flags of this process: the launcher's class-data archive (Java 17) or
     * ahead-of-time cache with its switches (JDK 25), so that each child starts as fast as a run of the launcher.
     */
    static ChildCli ofThisJvm() {
        List<String> c = new ArrayList<>();
        c.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // the launcher's flags for short runs (see ./ikescope); a debugger or agent of the parent is not passed on
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-XX:SharedArchiveFile=") || arg.startsWith("-Xlog:cds") || arg.startsWith("-Xlog:aot")
                    || arg.startsWith("-XX:AOTCache=") || arg.equals("-XX:+UnlockDiagnosticVMOptions")
                    || arg.equals("-XX:-AOTReplayTraining") || arg.equals("-XX:-UsePerfData")
                    || arg.startsWith("-XX:TieredStopAtLevel=") || arg.equals("-XX:+UseSerialGC")) {
                c.add(arg);
            }
        }
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.add("io.ikescope.cli.Main");
        return new ChildCli(c);
    }

    /** Starts {@code ikescope ARGS} in {@code directory}; standard output to {@code stdout}, standard error piped. */
    Process start(Path directory, List<String> args, ProcessBuilder.Redirect stdin, ProcessBuilder.Redirect stdout)
            throws IOException {
        List<String> all = new ArrayList<>(command);
        all.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(all).directory(directory.toFile());
        pb.redirectInput(stdin);
        pb.redirectOutput(stdout);
        pb.environment().put("NO_COLOR", "1");
        return pb.start();
    }
}
