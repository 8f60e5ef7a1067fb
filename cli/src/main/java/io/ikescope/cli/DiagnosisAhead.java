package io.ikescope.cli;

import io.ikescope.correlation.CaptureCorrelation;
import io.ikescope.diagnosis.Diagnoser;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.session.Negotiation;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Diagnoses negotiations on worker threads while the caller writes them, on its own thread, in the order it handed
 * them in. A diagnosis depends on its negotiation (and correlation) alone, so what is written, and in which order, is
 * what diagnosing one after the other gives; only the time changes. That time is the tail of a large capture: the
 * negotiations still open when the capture ends are all released at once, after the scan has freed its core.
 * At most {@link #WINDOW} negotiations wait, so memory follows the window, not the capture.
 */
final class DiagnosisAhead implements AutoCloseable {
    /** Writes one negotiation with its diagnosis; called on the caller's thread, in hand-in order. */
    interface Writing {
        void write(Negotiation negotiation, CaptureCorrelation correlation, Diagnosis diagnosis);
    }

    /** What diagnoses one negotiation: {@link Diagnoser} (tests give another). */
    interface Diagnosing {
        Diagnosis diagnose(Negotiation negotiation, CaptureCorrelation correlation);
    }

    static final int WINDOW = 64;

    private record Pending(Negotiation negotiation, CaptureCorrelation correlation, Future<Diagnosis> diagnosis) {
    }

    private final Writing writing;
    private final Diagnosing diagnosing;
    /** Null with a single core: each negotiation is diagnosed when it is handed in. */
    private final ExecutorService workers;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();

    /** {@code threads} workers (0: none, everything on the caller's thread). */
    DiagnosisAhead(int threads, Writing writing) {
        this(threads, DiagnosisAhead::diagnose, writing);
    }

    DiagnosisAhead(int threads, Diagnosing diagnosing, Writing writing) {
        this.writing = writing;
        this.diagnosing = diagnosing;
        AtomicInteger number = new AtomicInteger();
        this.workers = threads < 1 ? null : Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "ikescope-diagnose-" + number.incrementAndGet());
            // a run that fails must not be kept alive by its helpers
            t.setDaemon(true);
            return t;
        });
    }

    /** Workers for this machine: the cores but the caller's, which writes. */
    static int defaultThreads() {
        return Math.min(4, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** Hands in the next negotiation; writes those before it whose diagnosis is ready. */
    void add(Negotiation negotiation, CaptureCorrelation correlation) {
        if (workers == null) {
            writing.write(negotiation, correlation, diagnosing.diagnose(negotiation, correlation));
            return;
        }
        Future<Diagnosis> diagnosis = workers.submit(() -> diagnosing.diagnose(negotiation, correlation));
        pending.add(new Pending(negotiation, correlation, diagnosis));
        while (!pending.isEmpty() && (pending.peek().diagnosis().isDone() || pending.size() >= WINDOW)) {
            writeFirst();
        }
    }

    /** Writes every negotiation handed in, waiting for their diagnoses. */
    void flush() {
        while (!pending.isEmpty()) {
            writeFirst();
        }
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
        pending.clear();
    }

    private void writeFirst() {
        Pending first = pending.poll();
        writing.write(first.negotiation(), first.correlation(), result(first.diagnosis()));
    }

    private static Diagnosis diagnose(Negotiation negotiation, CaptureCorrelation correlation) {
        return Diagnoser.diagnose(negotiation, correlation == null ? null : correlation.evidence());
    }

    /** The diagnosis, or what the worker threw, rethrown here as the caller's thread would have thrown it. */
    private static Diagnosis result(Future<Diagnosis> diagnosis) {
        try {
            return diagnosis.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while diagnosing"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
