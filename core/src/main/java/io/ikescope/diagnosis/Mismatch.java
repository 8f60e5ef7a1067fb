package io.ikescope.diagnosis;

import java.util.List;

/**
 * An attribute known to differ between what was offered and what the peer wants.
 *
 * @param attribute the field name used in the offered entries ("dhGroup", "encryption", ...)
 * @param offered   the values offered, as written in the offered entries
 * @param wanted    the value the peer asked for, or null when the capture does not say
 */
public record Mismatch(String attribute, List<String> offered, String wanted) {
    public Mismatch {
        offered = List.copyOf(offered);
    }
}
