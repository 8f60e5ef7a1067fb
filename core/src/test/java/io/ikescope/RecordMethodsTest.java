package io.ikescope;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.wire.Bytes;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The records whose equals and hashCode are written out (the generated ones are linked at their first call, costly
 * in a short run; cli's RecordMethodsLinkingTest finds them) mean what the generated ones mean: equal exactly when
 * every component is, and, but for the one noted, the same hash the JDK's record methods compute (31 times the hash
 * so far plus each component's). A component added later and forgotten in equals fails here.
 */
class RecordMethodsTest {
    private static final List<String> WRITTEN_OUT = List.of(
            "io.ikescope.crypto.SpiPair",
            "io.ikescope.crypto.EncryptionSpec",
            "io.ikescope.crypto.IntegritySpec",
            "io.ikescope.crypto.Ikev2Decryption$RekeyKey",
            "io.ikescope.crypto.SkfReassembly$MessageKey",
            "io.ikescope.session.Endpoint",
            "io.ikescope.correlation.MessageSignature",
            "io.ikescope.audit.RatingTable$Question");
    /** Hashes enum components by ordinal (the generated hash of an enum is its identity hash). */
    private static final String ORDINAL_HASH = "io.ikescope.audit.RatingTable$Question";

    @Test
    void equalExactlyWhenEveryComponentIsWithTheGeneratedHash() throws Exception {
        for (String name : WRITTEN_OUT) {
            Class<?> type = Class.forName(name);
            assertThat(type.isRecord()).as(name).isTrue();
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            Object base = constructor.newInstance(values(types, -1));
            Object same = constructor.newInstance(values(types, -1));
            assertThat(base).as(name).isEqualTo(same).isNotSameAs(same);
            assertThat(base.hashCode()).as(name).isEqualTo(same.hashCode());
            assertThat(base).as(name).isNotEqualTo(null).isNotEqualTo("another type");
            if (!name.equals(ORDINAL_HASH)) {
                assertThat(base.hashCode()).as(name + ": the generated hash").isEqualTo(generatedHash(base, components));
            }
            for (int i = 0; i < components.length; i++) {
                Object other = constructor.newInstance(values(types, i));
                assertThat(other).as(name + " differing in " + components[i].getName()).isNotEqualTo(base);
                assertThat(base).as(name + " differing in " + components[i].getName()).isNotEqualTo(other);
            }
        }
    }

    /** A first value for every component, and a second one for component {@code changed}. */
    private static Object[] values(Class<?>[] types, int changed) {
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            values[i] = value(types[i], i == changed ? 1 : 0);
        }
        return values;
    }

    private static Object value(Class<?> type, int which) {
        if (type == int.class) {
            return 7 + which;
        } else if (type == long.class) {
            return 7L + which;
        } else if (type == boolean.class) {
            return which == 1;
        } else if (type == String.class) {
            return which == 0 ? "a" : "b";
        } else if (type == List.class) {
            return List.of(which == 0 ? "a" : "b");
        } else if (type == Bytes.class) {
            return Bytes.of(new byte[] {1, (byte) which});
        } else if (type.isEnum()) {
            return type.getEnumConstants()[which];
        }
        throw new AssertionError("no test values for a component of type " + type);
    }

    private static int generatedHash(Object record, RecordComponent[] components) throws Exception {
        int h = 0;
        for (RecordComponent c : components) {
            c.getAccessor().setAccessible(true);
            h = h * 31 + Objects.hashCode(c.getAccessor().invoke(record));
        }
        return h;
    }
}
