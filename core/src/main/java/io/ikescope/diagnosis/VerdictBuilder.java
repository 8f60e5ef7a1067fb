package io.ikescope.diagnosis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Assembles a {@link Verdict}; evidence frames are kept sorted and unique. */
final class VerdictBuilder {
    private final VerdictCode code;
    private final Integer phase;
    private final Certainty certainty;
    private String summary;
    private String explanation;
    private String fix;
    private final TreeSet<Long> evidence = new TreeSet<>();
    private List<Mismatch> mismatch;
    private Integer child;

    private VerdictBuilder(VerdictCode code, Integer phase, Certainty certainty) {
        this.code = code;
        this.phase = phase;
        this.certainty = certainty;
    }

    static VerdictBuilder confirmed(VerdictCode code, Integer phase) {
        return new VerdictBuilder(code, phase, Certainty.CONFIRMED);
    }

    static VerdictBuilder inferred(VerdictCode code, Integer phase) {
        return new VerdictBuilder(code, phase, Certainty.INFERRED);
    }

    VerdictBuilder summary(String text) {
        this.summary = text;
        return this;
    }

    VerdictBuilder explanation(String text) {
        this.explanation = text;
        return this;
    }

    VerdictBuilder fix(String text) {
        this.fix = text;
        return this;
    }

    VerdictBuilder evidence(Collection<Long> frames) {
        evidence.addAll(frames);
        return this;
    }

    VerdictBuilder evidence(long... frames) {
        for (long f : frames) {
            evidence.add(f);
        }
        return this;
    }

    VerdictBuilder mismatch(Mismatch m) {
        if (mismatch == null) {
            mismatch = new ArrayList<>();
        }
        mismatch.add(m);
        return this;
    }

    VerdictBuilder child(Integer index) {
        this.child = index;
        return this;
    }

    Verdict build() {
        return new Verdict(code, phase, certainty, summary, explanation, fix, new ArrayList<>(evidence), mismatch,
                child);
    }
}
