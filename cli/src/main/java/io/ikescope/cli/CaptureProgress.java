package io.ikescope.cli;

import io.ikescope.capture.CaptureReader;
import io.ikescope.net.SeriesScan;
import io.ikescope.cli.serve.ProgressLine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error while a large capture file is read: driven by the bytes the reader has taken
 * from the file (compressed bytes for gzip), refreshed from a background thread. Shown only on a terminal, for a
 * regular file of more than {@link #MIN_BYTES}, and never with {@code --no-progress}.
 */
class CaptureProgress implements SeriesScan.Watching {
    static final long MIN_BYTES = 100_000_000L;
    private static final CaptureProgress NONE = new CaptureProgress(null, null, null);

    private final ProgressBar bar;
    private final CaptureReader reader;
    private final ScheduledExecutorService ticker;

    private CaptureProgress(ProgressBar bar, CaptureReader reader, ScheduledExecutorService ticker) {
        this.bar = bar;
        this.reader = reader;
        this.ticker = ticker;
    }

    /** Whether a bar belongs on this run: a terminal, a regular file (not '-') larger than MIN_BYTES, not disabled. */
    static boolean wanted(boolean disabled, boolean terminal, String capture) {
        if (disabled || !terminal || "-".equals(capture)) {
            return false;
        }
        try {
            Path p = Path.of(capture);
            return Files.isRegularFile(p) && Files.size(p) > MIN_BYTES;
        } catch (IOException | RuntimeException e) {
            return false; // no bar is better than a failed run; reading the file reports its own errors
        }
    }

    /** Starts a bar for {@code capture} when {@link #wanted}; otherwise a no-op. */
    static CaptureProgress start(boolean disabled, boolean terminal, String capture, CaptureReader reader,
                                 PrintStream err) {
        if (!wanted(disabled, terminal, capture)) {
            return NONE;
        }
        long size;
        try {
            size = Files.size(Path.of(capture));
        } catch (IOException e) {
            return NONE;
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(Path.of(capture).getFileName().toString())
                .setInitialMax(size)
                .setUnit(" MB", 1_000_000)
                .showSpeed()
                // the bar's default style is coloured: plain blocks when NO_COLOR asks for no colour
                .setStyle(System.getenv("NO_COLOR") != null && !System.getenv("NO_COLOR").isEmpty()
                        ? ProgressBarStyle.UNICODE_BLOCK : ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .build();
        return new CaptureProgress(bar, reader, every200ms(() -> bar.stepTo(reader.bytesRead())));
    }

    /** Runs {@code tick} now and every 200 ms on a daemon thread, until the executor is shut down. */
    private static ScheduledExecutorService every200ms(Runnable tick) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "capture-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(tick, 0, 200, TimeUnit.MILLISECONDS);
        return ticker;
    }

    /**
     * Machine-readable progress for a parent process (the hidden {@code --progress-lines} of diagnose, which
     * {@code serve} runs): every 200 ms one line {@code ikescope: progress BYTES TOTAL} on {@code err}, TOTAL the
     * file's size (-1 when unknown), and a last one ending in " end" when the capture has been read.
     */
    static CaptureProgress lines(String capture, CaptureReader reader, PrintStream err) {
        long size;
        try {
            size = "-".equals(capture) ? -1 : Files.size(Path.of(capture));
        } catch (IOException | RuntimeException e) {
            size = -1;
        }
        long total = size;
        ScheduledExecutorService ticker = every200ms(() -> err.println(ProgressLine.PREFIX + reader.bytesRead() + " " + total));
        return new CaptureProgress(null, reader, ticker) {
            @Override
            public void close() {
                ticker.shutdownNow();
                err.println(ProgressLine.PREFIX + reader.bytesRead() + " " + total + ProgressLine.END);
            }
        };
    }

    @Override
    public void close() {
        if (bar == null) {
            return;
        }
        ticker.shutdownNow();
        bar.stepTo(reader.bytesRead());
        bar.close();
    }
}
