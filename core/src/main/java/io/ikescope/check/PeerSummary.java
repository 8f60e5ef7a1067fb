package io.ikescope.check;

import io.ikescope.config.ConfigWarning;
import io.ikescope.config.Implementation;
import java.util.List;

/** What was read for one side, with the readers' warnings passed through. */
public record PeerSummary(Side side, Implementation implementation, String defaultsOf, List<String> files,
                          List<ConfigWarning> warnings) {

    public PeerSummary {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }
}
