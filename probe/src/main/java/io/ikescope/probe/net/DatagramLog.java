package io.ikescope.probe.net;

import java.io.IOException;

/** Where each datagram the probe sends or receives is written down (a pcap file, counters). */
public interface DatagramLog {
    void record(Datagram datagram) throws IOException;

    DatagramLog NONE = d -> { };
}
