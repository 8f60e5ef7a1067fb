package io.ikescope.fuzz;

import io.ikescope.net.IkeDatagram;
import java.nio.file.Path;
import java.util.List;

/** The IKE messages of a capture, as {@link FuzzSeeds} finds them, for tests outside this package. */
public final class FuzzSeedsAccess {
    private FuzzSeedsAccess() {
    }

    public static List<IkeDatagram> ikeDatagrams(Path capture) {
        return FuzzSeeds.ikeDatagrams(capture);
    }
}
