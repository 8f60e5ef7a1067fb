package io.ikescope.cli;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.capture.Frame;
import io.ikescope.net.DecoderOptions;
import io.ikescope.net.IkeDatagram;
import io.ikescope.net.PacketDecoder;
import io.ikescope.net.PacketSink;
import io.ikescope.report.DissectJsonWriter;
import io.ikescope.report.DissectTextWriter;
import io.ikescope.report.DissectWriter;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ikescope dissect}: every IKE message of the captures, decoded, like {@code tshark -V} limited to IKE. */
@Command(name = "dissect",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Decode every IKE message (IKEv1/ISAKMP and IKEv2) in the captures.",
            "Captures: pcap or pcapng, optionally gzip-compressed; '-' reads standard input."})
final class DissectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "CAPTURE", arity = "1..*", description = "capture files, or - for standard input")
    List<String> captures;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        try (Output out = common.openOutput(spec);
             DissectWriter writer = common.format() == OutputFormat.JSON
                     ? new DissectJsonWriter(out.stream())
                     : new DissectTextWriter(out.writer(), out.isTerminal())) {
            for (String capture : captures) {
                dissect(capture, writer, err);
            }
        }
        return ExitCodes.OK;
    }

    private void dissect(String capture, DissectWriter writer, PrintWriter err) throws IOException {
        try (CaptureReader reader = CaptureInputs.open(capture)) {
            PacketSink sink = new PacketSink() {
                @Override
                public void onIke(IkeDatagram datagram) {
                    IkeMessage message = IkeDecoder.decode(datagram.ike());
                    writer.write(datagram, message, message.encrypted() ? "no_keys" : "none");
                }

                @Override
                public void onWarning(String warning) {
                    err.println("ikescope: " + capture + ": warning: " + warning);
                }
            };
            PacketDecoder decoder = new PacketDecoder(sink, common.decoderOptions());
            for (Frame frame = reader.next(); frame != null; frame = reader.next()) {
                decoder.accept(frame);
            }
            for (String warning : reader.warnings()) {
                err.println("ikescope: " + capture + ": warning: " + warning);
            }
        }
        err.flush();
    }
}
