package io.ikescope.psk;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.crypto.Decryptor;
import io.ikescope.crypto.KeyRing;
import io.ikescope.crypto.keys.KeySources;
import io.ikescope.net.CaptureScan;
import io.ikescope.net.DecoderOptions;
import io.ikescope.net.IkeDatagram;
import io.ikescope.session.IdSequence;
import io.ikescope.session.MessageObservation;
import io.ikescope.session.MessageSource;
import io.ikescope.session.SessionTracker;
import io.ikescope.session.TrackerOptions;
import io.ikescope.wire.IkeHeader;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.registry.Ikev1Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Tests candidate pre-shared keys against what each peer of each negotiation sent: IKEv1 Aggressive Mode from
 * the cleartext ({@link AggressiveModeExchange}), IKEv2 shared-key AUTH with a key log ({@link Ikev2AuthExchange}).
 * One pass over the capture; only the messages a proof needs are kept, for at most {@link #MAX_NEGOTIATIONS}
 * negotiations per capture. Negotiations without a PSK (certificates, Main Mode for now) are left out.
 */
public final class PskChecker {
    static final int MAX_NEGOTIATIONS = 10_000;
    private static final int AGGRESSIVE = (int) Ikev1Registry.EXCHANGE_TYPE.valueOf("Aggressive");

    private final List<PskCandidate> candidates;
    private final KeyRing keys;
    private final SharedKeyPrfKeys prfKeys;

    private PskChecker(List<PskCandidate> candidates, KeyRing keys, SharedKeyPrfKeys prfKeys) {
        this.candidates = List.copyOf(candidates);
        this.keys = keys;
        this.prfKeys = prfKeys;
    }

    /**
     * A checker for these candidates, with the key logs (files or directories, as {@code --keys} takes them) that
     * decrypt IKEv2 IKE_AUTH and give SK_pi/SK_pr; none for Aggressive Mode alone.
     */
    public static PskChecker of(List<PskCandidate> candidates, List<Path> keyLogs) throws IOException {
        KeyRing ring = keyLogs.isEmpty() ? KeyRing.empty() : KeySources.load(keyLogs);
        return new PskChecker(candidates, ring, SharedKeyPrfKeys.read(files(keyLogs)));
    }

    private static List<Path> files(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Files::isRegularFile).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** The exchanges of one capture, by initiator SPI, and the order they began ("1:" or "2:" and the SPI). */
    private record Scan(Map<String, AggressiveModeExchange> aggressive, Map<String, Ikev2AuthExchange> ikev2,
                        List<String> order, Map<String, String> negotiationIds) {
    }

    /** The verdict of every PSK negotiation in the capture, in the order they began, numbered from 1. */
    public List<PskVerdict> check(Path capture) throws IOException {
        return check(capture, new IdSequence());
    }

    /**
     * The same, numbering negotiations from {@code ids} as diagnose does (one sequence across a run's captures, so
     * a verdict's id is the negotiation's id in diagnose's output for the same captures).
     */
    public List<PskVerdict> check(Path capture, IdSequence ids) throws IOException {
        Scan scan = scan(capture, ids);
        List<PskVerdict> out = new ArrayList<>();
        String input = capture.toString();
        for (String key : scan.order()) {
            String spiI = key.substring(2);
            if (key.startsWith("1:")) {
                AggressiveModeExchange e = scan.aggressive().get(spiI);
                if (e.usable()) {
                    out.add(e.verdict(scan.negotiationIds().get(key), input, candidates));
                }
            } else {
                Ikev2AuthExchange e = scan.ikev2().get(spiI);
                if (e.sawInitialExchange() && e.sharedKeyOrUnknown()) {
                    out.add(e.verdict(scan.negotiationIds().get(key), input, candidates,
                            prfKeys.forSa(spiI, e.spiR())));
                }
            }
        }
        return out;
    }

    private Scan scan(Path capture, IdSequence ids) throws IOException {
        Map<String, AggressiveModeExchange> aggressive = new LinkedHashMap<>();
        Map<String, Ikev2AuthExchange> ikev2 = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        Map<String, String> negotiationIds = new HashMap<>();
        MessageSource decrypting = MessageSource.decrypting(new Decryptor(keys));
        MessageSource source = datagram -> {
            MessageObservation o = decrypting.observe(datagram);
            // a message rebuilt from IKEv1 fragments has no captured bytes of its own to hash: left out
            if (o.carriedFragment() == null && o.message().header() != null) {
                take(datagram, o.message(), aggressive, ikev2, order);
            }
            return o;
        };
        // the session tracker runs alongside only to number the negotiations as diagnose does
        SessionTracker tracker = new SessionTracker(capture.toString(), TrackerOptions.defaults(), ids,
                n -> negotiationIds.putIfAbsent(n.ikeVersion() + ":" + n.spiI(), n.id()));
        List<String> warnings = new ArrayList<>();
        try (CaptureReader reader = Captures.open(capture)) {
            CaptureScan.run(reader, DecoderOptions.defaults(), tracker.packetSink(source, warnings::add));
        }
        tracker.finish();
        return new Scan(aggressive, ikev2, order, negotiationIds);
    }

    private static void take(IkeDatagram datagram, IkeMessage message, Map<String, AggressiveModeExchange> aggressive,
                             Map<String, Ikev2AuthExchange> ikev2, List<String> order) {
        IkeHeader h = message.header();
        String spiI = h.spiI().hex();
        if (message.ikeVersion() == 1 && h.exchangeType() == AGGRESSIVE) {
            AggressiveModeExchange e = aggressive.get(spiI);
            if (e == null && RawPayloads.isZero(h.spiR()) && order.size() < MAX_NEGOTIATIONS) {
                e = new AggressiveModeExchange(spiI);
                aggressive.put(spiI, e);
                order.add("1:" + spiI);
            }
            if (e != null) {
                e.add(new AggressiveModeExchange.Message(datagram.ike(), message, source(datagram)));
            }
        } else if (message.ikeVersion() == 2) {
            Ikev2AuthExchange e = ikev2.get(spiI);
            if (e == null && !h.response() && h.initiator() && RawPayloads.isZero(h.spiR())
                    && order.size() < MAX_NEGOTIATIONS) {
                e = new Ikev2AuthExchange(spiI);
                ikev2.put(spiI, e);
                order.add("2:" + spiI);
            }
            if (e != null) {
                e.add(h, datagram.ike(), message.payloads());
            }
        }
    }

    /**
     * The psk-crack parameter line of every usable Aggressive Mode exchange in the capture, in order (cleartext
     * only: no keys are used).
     */
    public static List<String> pskCrackLines(Path capture) throws IOException {
        return aggressiveParts(capture).stream().map(PskCrackParameters::line).toList();
    }

    /** What each usable Aggressive Mode exchange's hashes are made of, in order, from the cleartext. */
    static List<AggressiveModeExchange.Parts> aggressiveParts(Path capture) throws IOException {
        PskChecker cleartext = new PskChecker(List.of(), KeyRing.empty(), SharedKeyPrfKeys.none());
        List<AggressiveModeExchange.Parts> out = new ArrayList<>();
        for (AggressiveModeExchange e : cleartext.scan(capture, new IdSequence()).aggressive().values()) {
            if (e.usable()) {
                out.add(e.parts());
            }
        }
        return out;
    }

    private static String source(IkeDatagram d) {
        return d.src(); // not the port: with NAT-T the initiator moves to 4500 at AM3 (RFC 3947 4)
    }
}
