package io.ikescope.wire.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One IANA registry: numbers and their names, plus the ranges the registry reserves (unassigned,
 * private use). Names are data, looked up by reports; the codec keeps numbers.
 */
public final class Registry {

    /** A reserved range such as "Private Use" 16384-65535. */
    public record Range(long from, long to, String label) {
    }

    private final String title;
    private final Map<Long, String> names;
    private final List<Range> ranges;

    private Registry(String title, Map<Long, String> names, List<Range> ranges) {
        this.title = title;
        this.names = Collections.unmodifiableMap(names);
        this.ranges = List.copyOf(ranges);
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** The registry's title as IANA names it. */
    public String title() {
        return title;
    }

    /** The assigned name, or {@code null} when the value is not assigned. */
    public String name(long value) {
        return names.get(value);
    }

    /** The assigned name, else the label of the reserved range holding the value, else "Unknown (N)". */
    public String describe(long value) {
        String n = names.get(value);
        if (n != null) {
            return n;
        }
        for (Range r : ranges) {
            if (value >= r.from() && value <= r.to()) {
                return r.label() + " (" + value + ")";
            }
        }
        return "Unknown (" + value + ")";
    }

    /**
     * The value assigned to a name, for code that must send a value (a prober builds messages from names, so
     * no number is written twice). Throws when the registry assigns no such name: a typo is a bug, not input.
     */
    public long valueOf(String name) {
        for (Map.Entry<Long, String> e : names.entrySet()) {
            if (e.getValue().equals(name)) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException(title + " assigns no value to \"" + name + "\"");
    }

    public boolean isAssigned(long value) {
        return names.containsKey(value);
    }

    /** Every assigned value and its name, in numeric order. */
    public Map<Long, String> entries() {
        return names;
    }

    public List<Range> ranges() {
        return ranges;
    }

    public static final class Builder {
        private final String title;
        private final Map<Long, String> names = new TreeMap<>();
        private final List<Range> ranges = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder add(long value, String name) {
            if (names.putIfAbsent(value, name) != null) {
                throw new IllegalStateException(title + ": value " + value + " assigned twice");
            }
            return this;
        }

        public Builder range(long from, long to, String label) {
            ranges.add(new Range(from, to, label));
            return this;
        }

        public Registry build() {
            return new Registry(title, names, ranges);
        }
    }
}
