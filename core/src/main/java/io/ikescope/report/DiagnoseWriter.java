package io.ikescope.report;

import io.ikescope.correlation.CaptureCorrelation;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.session.Negotiation;
import java.io.Closeable;
import java.io.IOException;

/**
 * Writes the {@code diagnose} report: negotiations as they are finished (so that a long capture is never held in
 * memory), each capture's summary after it was read, and the end of the document on {@link #close()}.
 */
public interface DiagnoseWriter extends Closeable {

    void negotiation(Negotiation negotiation, Diagnosis diagnosis) throws IOException;

    /**
     * A negotiation that captures at other points hold as well, with what they show ({@code correlation} null
     * when none does). A writer that does not show correlations writes the negotiation alone.
     */
    default void negotiation(Negotiation negotiation, Diagnosis diagnosis, CaptureCorrelation correlation)
            throws IOException {
        negotiation(negotiation, diagnosis);
    }

    /**
     * A negotiation compared with the peers' configurations ({@code diagnose --config}); {@code configuration} null
     * without them. A writer that does not show the comparison writes the (already refined) diagnosis alone.
     */
    default void negotiation(Negotiation negotiation, Diagnosis diagnosis, CaptureCorrelation correlation,
                             ConfigurationView configuration) throws IOException {
        negotiation(negotiation, diagnosis, correlation);
    }

    void input(InputSummary input) throws IOException;

    /** Completes the document and flushes; the underlying stream stays open (its owner closes it). */
    @Override
    void close() throws IOException;
}
