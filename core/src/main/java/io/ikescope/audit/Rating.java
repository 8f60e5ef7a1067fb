package io.ikescope.audit;

import java.util.Locale;

/**
 * An audit verdict for one transform, mode or setting, reduced from the requirement levels the documents write.
 * Declared from the mildest to the strictest, so that {@link #stricter} picks the one that wins.
 */
public enum Rating {
    /** No document of the rating table says anything about it. */
    NOT_RATED,
    /** MUST, SHOULD+, SHOULD, SHOULD-, MUST-, MAY: fine to use today. */
    OK,
    /** SHOULD NOT, DEPRECATED. */
    SHOULD_NOT,
    /** MUST NOT. */
    MUST_NOT;

    /** The rating a requirement level as the documents write it ("MUST NOT", "SHOULD+", "DEPRECATED") stands for. */
    public static Rating ofLevel(String level) {
        return switch (level.trim().toUpperCase(Locale.ROOT)) {
            case "MUST NOT" -> MUST_NOT;
            case "SHOULD NOT", "DEPRECATED" -> SHOULD_NOT;
            case "MUST", "MUST-", "SHOULD+", "SHOULD", "SHOULD-", "MAY" -> OK;
            default -> throw new IllegalArgumentException("not a requirement level: \"" + level + "\"");
        };
    }

    public Rating stricter(Rating other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** "MUST NOT", "SHOULD NOT", "OK", "not rated": for text reports. */
    public String words() {
        return switch (this) {
            case MUST_NOT -> "MUST NOT";
            case SHOULD_NOT -> "SHOULD NOT";
            case OK -> "OK";
            case NOT_RATED -> "not rated";
        };
    }
}
