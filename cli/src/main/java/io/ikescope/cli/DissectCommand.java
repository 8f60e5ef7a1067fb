package io.ikescope.cli;

import io.ikescope.capture.CaptureReader;
import io.ikescope.crypto.DecryptedMessage;
import io.ikescope.crypto.Decryptor;
import io.ikescope.crypto.KeyRing;
import io.ikescope.crypto.keys.KeyCoverage;
import io.ikescope.crypto.keys.LoadedKeys;
import io.ikescope.net.IkeDatagram;
import io.ikescope.net.PacketSink;
import io.ikescope.report.DissectJsonWriter;
import io.ikescope.report.DissectTextWriter;
import io.ikescope.report.DissectWriter;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ikescope dissect}: every IKE message of the captures, decoded, like {@code tshark -V} limited to IKE. */
@Command(name = "dissect",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Decode every IKE message (IKEv1/ISAKMP and IKEv2) in the captures.",
            "Captures: pcap or pcapng, optionally gzip-compressed; '-' reads standard input."})
final class DissectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    IkescopeCommand parent;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "CAPTURE", arity = "1..*", description = "capture files, or - for standard input")
    List<String> captures;

    @Override
    public Integer call() throws IOException {
        common.refuseHtml("dissect");
        PrintWriter err = spec.commandLine().getErr();
        LoadedKeys loaded = common.loadedKeys();
        KeyRing keys = loaded.keyRing();
        // one decryptor for the whole run: an SA may continue from one capture file into the next
        Decryptor decryptor = keys.isEmpty() ? null : new Decryptor(keys);
        try (Output out = common.openOutput(parent.streams());
             DissectWriter writer = common.format() == OutputFormat.JSON
                     ? new DissectJsonWriter(out.stream())
                     : new DissectTextWriter(out.stream())) {
            for (String capture : captures) {
                dissect(capture, writer, decryptor, new KeyCoverage(loaded), err);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return ExitCodes.OK;
    }

    /** The reader's warnings name their input themselves; the line already does. */
    static String withoutInputName(String warning, String capture) {
        for (String name : new String[] {capture, CaptureInputs.displayName(capture)}) {
            if (warning.startsWith(name + ": ")) {
                return warning.substring(name.length() + 2);
            }
        }
        return warning;
    }

    private void dissect(String capture, DissectWriter writer, Decryptor decryptor, KeyCoverage coverage,
                         PrintWriter err) throws IOException {
        PacketSink sink = new PacketSink() {
            @Override
            public void onIke(IkeDatagram datagram) {
                coverage.observe(datagram.ike());
                try {
                    IkeMessage message = IkeDecoder.decode(datagram.ike());
                    if (decryptor == null) {
                        writer.write(datagram, message, null);
                        return;
                    }
                    // an IKEv1 message rebuilt from fragments follows the fragment that completed it
                    for (DecryptedMessage m = decryptor.process(datagram, message); m != null; m = m.reassembled()) {
                        writer.write(datagram, m.message(), m.status().contractName(), m.error());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void onWarning(String warning) {
                err.println("ikescope: " + capture + ": warning: " + withoutInputName(warning, capture));
            }
        };
        try (CaptureReader reader = CaptureInputs.open(capture, parent.streams().in())) {
            CaptureInputs.scan(capture, reader, common.decoderOptions(), sink);
            coverage.warnings().forEach(sink::onWarning);
        } finally {
            err.flush();
        }
    }
}
