/**
 * Streaming capture reading: {@link io.ikescope.capture.Captures#open(java.nio.file.Path)} detects pcap (either
 * byte order, micro- or nanosecond timestamps), pcapng and gzip (of either) and returns a
 * {@link io.ikescope.capture.CaptureReader} handing out {@link io.ikescope.capture.Frame} views into one reusable
 * 1 MiB buffer.
 *
 * <p>Decisions, each checked against tshark 4.0 in the tests:
 * <ul>
 *   <li>Frame numbers count every record tshark counts: all pcap records; pcapng Enhanced, Simple and obsolete
 *       Packet Blocks, and also the custom, systemd-journal and sysdig event blocks tshark numbers as frames.</li>
 *   <li>A capture cut inside its last record keeps its earlier frames; the cut is a warning
 *       ({@link io.ikescope.capture.CaptureReader#warnings()}), not an error. Cut inside the file or section
 *       header, it is a {@link io.ikescope.capture.CaptureException}.</li>
 *   <li>Corrupt lengths (a pcap record or pcapng block beyond {@link io.ikescope.capture.CaptureLimits}, a pcapng
 *       block length not a multiple of 4, below 12, or disagreeing with its trailing copy) are errors naming the
 *       byte offset; nothing is allocated from a length before it is checked.</li>
 *   <li>One allocation per frame: the {@code Frame} record itself.</li>
 * </ul>
 */
package io.ikescope.capture;
