package io.ikescope.probe.fingerprint;

import io.ikescope.session.ImplementationNames;
import java.util.ArrayList;
import java.util.List;

/**
 * Which implementation the target runs, as far as its answers tell, with the evidence.
 *
 * @param implementation the implementation, or null when nothing names one
 * @param basis          {@link #VENDOR_ID} (a product's vendor ID: strong, but it can be configured off and anyone
 *                       can send any ID), {@link #BACKOFF} (the timing of its retransmissions resembles a known
 *                       default: an inference, timers are configurable), {@link #ANSWER_SHAPE} (the order of
 *                       the notifies in its IKE_SA_INIT answer, as one implementation's code writes them: an
 *                       inference), or null
 * @param backoff        the retransmission schedule measured, when one was
 */
public record Fingerprint(String implementation, String basis, List<String> evidence, Backoff backoff) {
    public static final String VENDOR_ID = "vendor-id";
    public static final String BACKOFF = "backoff";
    public static final String ANSWER_SHAPE = "answer-shape";

    public Fingerprint {
        evidence = List.copyOf(evidence);
    }

    /**
     * An answer's retransmissions, and how long the responder kept the exchange. {@code intervalsSeconds}: from the
     * first answer to each copy in turn; {@code stateKeptSeconds}: the latest repeat of the first message that
     * still got the same answer, {@code stateGoneBySeconds} the first that got a new one (null: none did);
     * {@code match}: the implementation whose known schedule and lifetime it fits, or null.
     */
    public record Backoff(List<Double> intervalsSeconds, String match, String description, Double stateKeptSeconds,
                          Double stateGoneBySeconds) {
        public Backoff {
            intervalsSeconds = List.copyOf(intervalsSeconds);
        }

        /** Retransmissions only: the state's lifetime was not measured. */
        public Backoff(List<Double> intervalsSeconds, String match, String description) {
            this(intervalsSeconds, match, description, null, null);
        }
    }

    /** True unless a vendor ID names the implementation. */
    public boolean inferred() {
        return !VENDOR_ID.equals(basis);
    }

    /** From the vendor IDs alone (the first product ID counts); null fields when none names a product. */
    public static Fingerprint fromVendorIds(List<VendorIdSeen> vendorIds, Backoff backoff) {
        List<String> evidence = new ArrayList<>();
        String implementation = null;
        String basis = null;
        for (VendorIdSeen v : vendorIds) {
            String product = v.vendor() == null ? null : ImplementationNames.of(v.vendor());
            if (product == null) {
                continue;
            }
            evidence.add("vendor ID '" + v.name() + "'");
            if (implementation == null) {
                implementation = product;
                basis = VENDOR_ID;
            } else if (!implementation.equals(product)) {
                evidence.add("vendor IDs name different implementations (" + implementation + ", " + product
                        + "); the first is reported");
            }
        }
        if (backoff != null) {
            evidence.add(backoff.description());
            if (implementation == null && backoff.match() != null) {
                implementation = backoff.match();
                basis = BACKOFF;
            } else if (implementation != null && backoff.match() != null && !backoff.match().equals(implementation)) {
                evidence.add("the retransmission schedule resembles " + backoff.match()
                        + ", not the vendor ID's implementation (timers are configurable)");
            }
        }
        return new Fingerprint(implementation, basis, evidence, backoff);
    }
}
