package io.ikescope.config;

import java.util.Objects;
import java.util.function.Function;

/** A configured value and where it came from. The value may be null ("not set, no default"), the origin may not. */
public record Setting<T>(T value, Origin origin) {

    public Setting {
        Objects.requireNonNull(origin, "origin");
    }

    public static <T> Setting<T> of(T value, Origin origin) {
        return new Setting<>(value, origin);
    }

    public static <T> Setting<T> byDefault(T value, String note) {
        return new Setting<>(value, Origin.byDefault(note));
    }

    public boolean isSet() {
        return value != null;
    }

    public <R> Setting<R> map(Function<? super T, ? extends R> mapper) {
        return new Setting<>(value == null ? null : mapper.apply(value), origin);
    }
}
