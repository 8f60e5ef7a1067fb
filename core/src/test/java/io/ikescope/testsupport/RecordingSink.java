package io.ikescope.testsupport;

import io.ikescope.net.AhPacket;
import io.ikescope.net.EspPacket;
import io.ikescope.net.IcmpUnreachable;
import io.ikescope.net.IkeDatagram;
import io.ikescope.net.IncompleteDatagram;
import io.ikescope.net.PacketSink;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Keeps everything a packet decoder hands on: each kind in its own list, and all of it in order. */
public final class RecordingSink implements PacketSink {
    public final List<IkeDatagram> ike = new ArrayList<>();
    public final List<EspPacket> esp = new ArrayList<>();
    public final List<AhPacket> ah = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    public final List<IcmpUnreachable> icmp = new ArrayList<>();
    public final List<IncompleteDatagram> incomplete = new ArrayList<>();
    /** Every event in the order received: the records, and the warnings as strings. */
    public final List<Object> all = new ArrayList<>();

    @Override
    public void onIke(IkeDatagram message) {
        ike.add(message);
        all.add(message);
    }

    @Override
    public void onEsp(EspPacket packet) {
        esp.add(packet);
        all.add(packet);
    }

    @Override
    public void onAh(AhPacket packet) {
        ah.add(packet);
        all.add(packet);
    }

    @Override
    public void onWarning(String warning) {
        warnings.add(warning);
        all.add(warning);
    }

    @Override
    public void onIcmpUnreachable(IcmpUnreachable error) {
        icmp.add(error);
        all.add(error);
    }

    @Override
    public void onIncompleteDatagram(IncompleteDatagram datagram) {
        incomplete.add(datagram);
        all.add(datagram);
    }

    /** Every event as one line of text, in order, comparable across runs (an IKE message's bytes in hex). */
    public List<String> describe() {
        List<String> lines = new ArrayList<>(all.size());
        for (Object event : all) {
            if (event instanceof IkeDatagram m) {
                lines.add("IkeDatagram[frame=" + m.frame() + ", epochNanos=" + m.epochNanos() + ", " + m.src() + ":"
                        + m.srcPort() + " -> " + m.dst() + ":" + m.dstPort() + ", " + m.transport() + ", ike="
                        + HexFormat.of().formatHex(m.ike()) + "]");
            } else if (event instanceof String warning) {
                lines.add("warning: " + warning);
            } else {
                lines.add(event.toString());
            }
        }
        return lines;
    }
}
