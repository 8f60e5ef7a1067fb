package io.ikescope.cli;

import io.ikescope.crypto.keys.KeyCoverage;
import io.ikescope.crypto.keys.LoadedKeys;
import io.ikescope.net.DecoderCounters;
import io.ikescope.net.PacketSink;
import io.ikescope.net.SeriesScan;
import io.ikescope.report.InputSummary;
import io.ikescope.session.IdSequence;
import io.ikescope.session.MessageSource;
import io.ikescope.session.Negotiation;
import io.ikescope.session.SessionTracker;
import io.ikescope.session.TrackerOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One capture as diagnose reconstructs it: a single file, or the files of a rotated series read as if they were
 * one (one tracker goes on from file to file, so a negotiation that crosses a boundary is one negotiation, named
 * after the series' first file, its frames numbered across the series). Each file keeps its own summary and
 * warnings; what is known only at the end (the tracker's, the key files') goes with the last file.
 */
final class CaptureSeries {
    /** Reads one file of the series into {@code sink}, its frames numbered across the series. */
    interface FileReading {
        SeriesScan.FileResult read(PacketSink sink) throws IOException;
    }

    /** A file read; its warnings list may still grow while the series ends. */
    private record Part(String path, SeriesScan.FileResult result, List<String> warnings, long from) {
    }

    private final String name;
    private final SessionTracker tracker;
    private final MessageSource observed;
    private final LoadedKeys keys;
    private final KeyCoverage coverage;
    private final List<Part> parts = new ArrayList<>();
    /** Where a negotiation's own warning goes (limits of holding): the file being read when it was released. */
    private List<String> currentWarnings = new ArrayList<>();
    private long frames;
    private long lastNanos = DecoderCounters.NO_FRAME;

    /** {@code sink} receives each negotiation with the warnings list of the file being read. */
    CaptureSeries(String name, IdSequence ids, LoadedKeys keys, MessageSource source,
                  BiConsumer<Negotiation, List<String>> sink) {
        this.name = name;
        this.keys = keys;
        this.coverage = new KeyCoverage(keys);
        this.tracker = new SessionTracker(name, TrackerOptions.defaults(), ids,
                negotiation -> sink.accept(negotiation, currentWarnings));
        this.observed = datagram -> {
            coverage.observe(datagram.ike());
            return source.observe(datagram);
        };
    }

    /** The capture time of the last frame read so far, {@link DecoderCounters#NO_FRAME} before any. */
    long lastNanos() {
        return lastNanos;
    }

    /** Reads the next file of the series (the reading numbers its frames on from the files before). */
    void read(CapturePlan.CaptureFile file, FileReading reading) throws IOException {
        List<String> warnings = new ArrayList<>();
        currentWarnings = warnings;
        SeriesScan.FileResult r = reading.read(tracker.packetSink(observed, warnings::add));
        parts.add(new Part(file.name(), r, warnings, frames + 1));
        frames += r.frames();
        if (r.lastFrameNanos() != DecoderCounters.NO_FRAME) {
            lastNanos = r.lastFrameNanos();
        }
    }

    /**
     * Ends the series (negotiations still open are released as the capture's end finds them) and returns one summary
     * per file; a file read on its own carries no series fields.
     */
    List<InputSummary> finish() {
        tracker.finish();
        List<String> tail = new ArrayList<>(tracker.warnings());
        // the key files' warnings belong to every capture they were meant to decrypt, with what this one lacked
        tail.addAll(keys.warnings());
        tail.addAll(coverage.warnings());
        List<InputSummary> out = new ArrayList<>();
        for (Part part : parts) {
            List<String> warnings = new ArrayList<>(part.warnings());
            if (part == parts.get(parts.size() - 1)) {
                warnings.addAll(tail);
            }
            InputSummary summary = new InputSummary(part.path(), part.result().format(), part.result().frames(),
                    part.result().ikeMessages(), warnings);
            out.add(parts.size() == 1 ? summary : summary.inSeries(name, part.from()));
        }
        return out;
    }
}
