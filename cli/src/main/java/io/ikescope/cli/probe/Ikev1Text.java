package io.ikescope.cli.probe;

import io.ikescope.probe.ProbeReport;
import java.io.PrintWriter;

/** The IKEv1 part of {@code probe}'s text. */
final class Ikev1Text {
    private Ikev1Text() {
    }

    static void write(ProbeReport r, PrintWriter out) {
    }
}
