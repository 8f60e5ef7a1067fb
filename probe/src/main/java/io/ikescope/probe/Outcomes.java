package io.ikescope.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * What the probe learnt about a set of values of one kind (encryption algorithms, groups ...): each tested value is
 * accepted, refused, or unclear (the answer said neither; the reason is in the run's problems). Untested values
 * (the time bound ran out) are in none of the lists.
 */
public record Outcomes<T>(List<T> accepted, List<T> refused, List<T> unclear) {
    public Outcomes {
        accepted = List.copyOf(accepted);
        refused = List.copyOf(refused);
        unclear = List.copyOf(unclear);
    }

    public static <T> Outcomes<T> empty() {
        return new Outcomes<>(List.of(), List.of(), List.of());
    }

    /** A mutable collector, in the order values were tested. */
    public static final class Builder<T> {
        private final List<T> accepted = new ArrayList<>();
        private final List<T> refused = new ArrayList<>();
        private final List<T> unclear = new ArrayList<>();

        public void add(T value, Verdict verdict) {
            switch (verdict) {
                case ACCEPTED -> accepted.add(value);
                case REFUSED -> refused.add(value);
                case UNCLEAR -> unclear.add(value);
                case UNANSWERED -> { }
            }
        }

        public List<T> accepted() {
            return List.copyOf(accepted);
        }

        public Outcomes<T> build() {
            return new Outcomes<>(accepted, refused, unclear);
        }
    }

    /** One probe's result. UNANSWERED: no answer after every try (the value stays untested). */
    public enum Verdict { ACCEPTED, REFUSED, UNCLEAR, UNANSWERED }
}
