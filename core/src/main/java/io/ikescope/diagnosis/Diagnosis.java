package io.ikescope.diagnosis;

import java.util.List;

/**
 * What the rules made of one negotiation.
 *
 * @param phase1Status  the contract's phase status ("established", "failed", "incomplete", "not_started",
 *                      "not_captured"), null when hidden
 * @param phase2Status  one status per child of the negotiation, same vocabulary
 * @param rule          the name of the rule that gave the verdict
 * @param alternatives  the other causes weighed: ruled out by the evidence, or fitting it as well
 */
public record Diagnosis(Verdict verdict, String phase1Status, List<String> phase2Status, List<Finding> findings,
                        String rule, List<Alternative> alternatives) {
    public Diagnosis {
        alternatives = List.copyOf(alternatives);
        phase2Status = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(phase2Status));
        findings = List.copyOf(findings);
    }

    /** True when the negotiation counts as a success for the exit status. */
    public boolean established() {
        return verdict.code() == VerdictCode.ESTABLISHED;
    }
}
