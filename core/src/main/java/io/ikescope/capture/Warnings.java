package io.ikescope.capture;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects distinct warning texts in the order first seen. */
final class Warnings {
    private final Set<String> seen = new LinkedHashSet<>();

    void add(String warning) {
        seen.add(warning);
    }

    List<String> list() {
        return Collections.unmodifiableList(new ArrayList<>(seen));
    }
}
