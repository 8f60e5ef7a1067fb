package io.ikescope.diagnosis;

import java.util.List;

/**
 * Something worth knowing besides the verdict (retransmissions, a weak algorithm, a retry).
 *
 * @param severity "info" or "warning"
 */
public record Finding(String code, String severity, String message, List<Long> frames) {
    public static final String INFO = "info";
    public static final String WARNING = "warning";

    public Finding {
        frames = List.copyOf(frames);
    }
}
