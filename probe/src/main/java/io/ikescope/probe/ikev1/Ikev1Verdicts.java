package io.ikescope.probe.ikev1;

import io.ikescope.probe.Outcomes;
import io.ikescope.probe.Outcomes.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The verdict on every offered suite (accepted, refused, unclear; untested ones in none), and what follows for
 * each value of one type: accepted when some accepted suite holds it, refused when every candidate holding it was
 * refused, unclear when none was accepted and some answer was unclear.
 */
final class Ikev1Verdicts {
    private final List<Ikev1Suite> candidates;
    private final List<Ikev1Suite> accepted = new ArrayList<>();
    private final Set<Ikev1Suite> refused = new LinkedHashSet<>();
    private final Set<Ikev1Suite> unclear = new LinkedHashSet<>();

    Ikev1Verdicts(List<Ikev1Suite> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    void accepted(Ikev1Suite s) {
        accepted.add(s);
    }

    void refused(List<Ikev1Suite> suites) {
        refused.addAll(suites);
    }

    void unclear(List<Ikev1Suite> suites) {
        unclear.addAll(suites);
    }

    List<Ikev1Suite> accepted() {
        return List.copyOf(accepted);
    }

    /** Candidates with no verdict (the time bound, or a peer that fell silent). */
    int untested() {
        int n = 0;
        for (Ikev1Suite s : candidates) {
            if (!accepted.contains(s) && !refused.contains(s) && !unclear.contains(s)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Per value of a type other than the authentication method. Suites of a method that got no clear answer at all
     * (libreswan drops every MM1 of a method no connection allows, unread) say nothing about ciphers or groups, so
     * they do not make a value unclear that every answered method refused.
     */
    <T> Outcomes<T> perValue(Function<Ikev1Suite, T> value) {
        Set<Integer> answeredMethods = new LinkedHashSet<>();
        accepted.forEach(s -> answeredMethods.add(s.authMethod()));
        refused.forEach(s -> answeredMethods.add(s.authMethod()));
        return outcomes(value, s -> answeredMethods.isEmpty() || answeredMethods.contains(s.authMethod()));
    }

    /** Per authentication method: every candidate counts. */
    <T> Outcomes<T> perMethod(Function<Ikev1Suite, T> value) {
        return outcomes(value, s -> true);
    }

    private <T> Outcomes<T> outcomes(Function<Ikev1Suite, T> value, java.util.function.Predicate<Ikev1Suite> counts) {
        Map<T, Verdict> verdicts = new LinkedHashMap<>();
        for (Ikev1Suite s : candidates) {
            if (!counts.test(s)) {
                continue;
            }
            T v = value.apply(s);
            Verdict now = verdicts.getOrDefault(v, Verdict.REFUSED);
            Verdict mine = accepted.contains(s) ? Verdict.ACCEPTED : refused.contains(s) ? Verdict.REFUSED
                    : unclear.contains(s) ? Verdict.UNCLEAR : Verdict.UNANSWERED;
            verdicts.put(v, combine(now, mine));
        }
        for (Ikev1Suite s : accepted) {
            verdicts.put(value.apply(s), Verdict.ACCEPTED); // a suite chosen outside the candidates counts too
        }
        Outcomes.Builder<T> b = new Outcomes.Builder<>();
        verdicts.forEach(b::add);
        return b.build();
    }

    private static Verdict combine(Verdict sofar, Verdict next) {
        if (sofar == Verdict.ACCEPTED || next == Verdict.ACCEPTED) {
            return Verdict.ACCEPTED;
        }
        if (sofar == Verdict.UNCLEAR || next == Verdict.UNCLEAR) {
            return Verdict.UNCLEAR;
        }
        if (sofar == Verdict.UNANSWERED || next == Verdict.UNANSWERED) {
            return Verdict.UNANSWERED;
        }
        return Verdict.REFUSED;
    }

    /**
     * Refusals worth reporting: each value refused with everything (the other fields null), then refused full
     * suites whose values are each accepted in some other suite (they only fail together).
     */
    List<Ikev1Suite> refusals() {
        List<Ikev1Suite> list = new ArrayList<>();
        Outcomes<Ikev1Suite> ciphers = perValue(s -> new Ikev1Suite(s.encryption(), s.keyBits(), null, null, null));
        list.addAll(ciphers.refused());
        perValue(Ikev1Suite::hash).refused().forEach(h -> list.add(new Ikev1Suite(null, null, h, null, null)));
        perMethod(Ikev1Suite::authMethod).refused()
                .forEach(a -> list.add(new Ikev1Suite(null, null, null, a, null)));
        perValue(Ikev1Suite::group).refused().forEach(g -> list.add(new Ikev1Suite(null, null, null, null, g)));
        for (Ikev1Suite s : refused) {
            boolean eachAccepted = accepted.stream().anyMatch(a -> sameCipher(a, s))
                    && accepted.stream().anyMatch(a -> Objects.equals(a.hash(), s.hash()))
                    && accepted.stream().anyMatch(a -> Objects.equals(a.authMethod(), s.authMethod()))
                    && accepted.stream().anyMatch(a -> Objects.equals(a.group(), s.group()));
            if (eachAccepted) {
                list.add(s);
            }
        }
        return list;
    }

    private static boolean sameCipher(Ikev1Suite a, Ikev1Suite b) {
        return Objects.equals(a.encryption(), b.encryption()) && Objects.equals(a.keyBits(), b.keyBits());
    }
}
