package io.ikescope.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;

/**
 * Binds an option of {@link CommandModels} to a command's field through two lambdas, where picocli's annotated model
 * would reach the field by reflection.
 */
final class FieldBinding<T> implements IGetter, ISetter {
    private final Supplier<T> getter;
    private final Consumer<T> setter;

    private FieldBinding(Supplier<T> getter, Consumer<T> setter) {
        this.getter = getter;
        this.setter = setter;
    }

    static <T> FieldBinding<T> of(Supplier<T> getter, Consumer<T> setter) {
        return new FieldBinding<>(getter, setter);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> V get() {
        return (V) getter.get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> V set(V value) {
        V previous = get();
        setter.accept((T) value);
        return previous;
    }
}
