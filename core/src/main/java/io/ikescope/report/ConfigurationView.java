package io.ikescope.report;

import java.util.List;

/**
 * What {@code diagnose --config} made of one negotiation against the peers' configurations: the JSON
 * {@code configuration} object. The verdict itself (refined or not) stays in the {@code Diagnosis}.
 *
 * @param initiator the capture's initiator's configuration, or null when none given fits it
 * @param responder the same for the responder
 * @param predicted what the configurations predict (both sides given), or null
 * @param agrees    whether the configurations agree with what the capture shows; null when nothing was compared
 * @param changes   the settings to change, as the configurations show them
 */
public record ConfigurationView(Side initiator, Side responder, String predicted, Boolean agrees,
                                List<ChangeView> changes) {

    public ConfigurationView {
        changes = List.copyOf(changes);
    }

    /** One peer's configuration: the file given, its connection that fits, and whether its role was inferred. */
    public record Side(String file, String connection, boolean roleInferred) {
    }

    /**
     * @param side "initiator" or "responder" (the capture's roles)
     * @param line 0 when the value is a default (then {@code file} is null)
     */
    public record ChangeView(String side, String file, int line, String setting, String now, String to) {
    }
}
