package io.ikescope.crosscheck;

import io.ikescope.diagnosis.Certainty;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.diagnosis.Finding;
import io.ikescope.diagnosis.Verdict;
import io.ikescope.diagnosis.VerdictCode;
import java.util.ArrayList;
import java.util.List;

/** A diagnosis with what the configurations add: a longer explanation, a fix naming lines, a new code, findings. */
final class VerdictEdit {
    private final Diagnosis original;
    private VerdictCode code;
    private Certainty certainty;
    private String summary;
    private String explanation;
    private String fix;
    private final List<Finding> findings = new ArrayList<>();

    VerdictEdit(Diagnosis d) {
        this.original = d;
        Verdict v = d.verdict();
        code = v.code();
        certainty = v.certainty();
        summary = v.summary();
        explanation = v.explanation();
        fix = v.fix();
    }

    Verdict verdict() {
        return original.verdict();
    }

    VerdictEdit explain(String more) {
        explanation = explanation == null || explanation.isEmpty() ? more : explanation + " " + more;
        return this;
    }

    VerdictEdit fix(String text) {
        if (text != null && !text.isEmpty()) {
            fix = text;
        }
        return this;
    }

    VerdictEdit recode(VerdictCode newCode, Certainty newCertainty, String newSummary) {
        code = newCode;
        certainty = newCertainty;
        summary = newSummary;
        return this;
    }

    VerdictEdit finding(String findingCode, String message) {
        findings.add(new Finding(findingCode, Finding.WARNING, message, List.of()));
        return this;
    }

    Diagnosis build() {
        Verdict v = original.verdict();
        Verdict refined = new Verdict(code, v.phase(), certainty, summary, explanation, fix, v.evidence(),
                v.mismatch(), v.childIndex());
        List<Finding> all = new ArrayList<>(original.findings());
        all.addAll(findings);
        return new Diagnosis(refined, original.phase1Status(), original.phase2Status(), all, original.rule(),
                original.alternatives());
    }
}
