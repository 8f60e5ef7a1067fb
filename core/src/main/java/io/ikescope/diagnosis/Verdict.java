package io.ikescope.diagnosis;

import java.util.List;

/**
 * The outcome of a negotiation and its cause.
 *
 * @param phase       1 or 2 for a failure, null when established or unknown
 * @param summary     one line in an administrator's words
 * @param explanation what the capture shows, citing frames; for an inferred verdict also what would confirm it
 * @param fix         a concrete change to make, or null
 * @param evidence    the frames the verdict rests on
 * @param mismatch    attributes known to differ (proposal and DH group mismatches), or null when not known
 * @param childIndex  the Phase 2 negotiation the verdict is about (index into the negotiation's children), or null
 */
public record Verdict(VerdictCode code, Integer phase, Certainty certainty, String summary, String explanation,
                      String fix, List<Long> evidence, List<Mismatch> mismatch, Integer childIndex) {
    public Verdict {
        evidence = List.copyOf(evidence);
        mismatch = mismatch == null ? null : List.copyOf(mismatch);
    }

    /** The same verdict in other words: what later evidence (rivals, other captures, other children) adds to it. */
    Verdict withText(String newSummary, String newExplanation) {
        return new Verdict(code, phase, certainty, newSummary, newExplanation, fix, evidence, mismatch, childIndex);
    }
}
