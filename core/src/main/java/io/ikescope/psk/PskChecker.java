package io.ikescope.psk;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.crypto.Decryptor;
import io.ikescope.crypto.KeyRing;
import io.ikescope.crypto.keys.KeySources;
import io.ikescope.crypto.keys.LoadedKeys;
import io.ikescope.crypto.keys.LoggedSecrets;
import io.ikescope.net.CaptureScan;
import io.ikescope.net.DecoderOptions;
import io.ikescope.net.IkeDatagram;
import io.ikescope.session.IdSequence;
import io.ikescope.session.MessageObservation;
import io.ikescope.session.MessageSource;
import io.ikescope.session.SessionTracker;
import io.ikescope.session.TrackerOptions;
import io.ikescope.wire.Bytes;
import io.ikescope.wire.IkeHeader;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.registry.Ikev1Registry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tests candidate pre-shared keys against what each peer of each negotiation sent: IKEv1 Aggressive Mode from
 * the cleartext ({@link AggressiveModeExchange}), IKEv2 shared-key AUTH with a key log ({@link Ikev2AuthExchange}),
 * IKEv1 Main Mode with a key log ({@link MainModeExchange}). One pass over the capture; only the messages a proof
 * needs are kept, for at most {@link #MAX_NEGOTIATIONS} negotiations per capture. Negotiations without a PSK
 * (certificates) are left out.
 */
public final class PskChecker {
    static final int MAX_NEGOTIATIONS = 10_000;
    private static final int AGGRESSIVE = (int) Ikev1Registry.EXCHANGE_TYPE.valueOf("Aggressive");
    private static final int INFORMATIONAL = (int) Ikev1Registry.EXCHANGE_TYPE.valueOf("Informational");

    private final List<PskCandidate> candidates;
    private final KeyRing keys;
    private final List<LoggedSecrets> secrets;
    private final boolean keyLogGiven;

    private PskChecker(List<PskCandidate> candidates, KeyRing keys, List<LoggedSecrets> secrets,
                       boolean keyLogGiven) {
        this.candidates = List.copyOf(candidates);
        this.keys = keys;
        this.secrets = List.copyOf(secrets);
        this.keyLogGiven = keyLogGiven;
    }

    /**
     * A checker for these candidates, with the key logs (files or directories, as {@code --keys} takes them) that
     * decrypt the encrypted messages and hold the secrets the proofs need (IKEv2 SK_pi/SK_pr, IKEv1 Main Mode the
     * shared Diffie Hellman secret or SKEYID); none for Aggressive Mode alone.
     */
    public static PskChecker of(List<PskCandidate> candidates, List<Path> keyLogs) throws IOException {
        if (keyLogs.isEmpty()) {
            return new PskChecker(candidates, KeyRing.empty(), List.of(), false);
        }
        LoadedKeys loaded = KeySources.read(keyLogs);
        return new PskChecker(candidates, loaded.keyRing(), loaded.loggedSecrets(), true);
    }

    /** The exchanges of one capture, by initiator SPI, and the order they began ("1:" or "2:" and the SPI). */
    private record Scan(Map<String, AggressiveModeExchange> aggressive, Map<String, MainModeExchange> main,
                        Map<String, Ikev2AuthExchange> ikev2, List<String> order, Map<String, String> negotiationIds) {
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
            String id = scan.negotiationIds().get(key);
            if (key.startsWith("1:")) {
                AggressiveModeExchange aggressive = scan.aggressive().get(spiI);
                MainModeExchange main = scan.main().get(spiI);
                if (aggressive != null && aggressive.usable()) {
                    out.add(aggressive.verdict(id, input, candidates, ikev1Secrets(aggressive.cookies())));
                } else if (main != null && main.usable()) {
                    out.add(main.verdict(id, input, candidates, ikev1Secrets(main.cookies()), keyLogGiven));
                }
            } else {
                Ikev2AuthExchange e = scan.ikev2().get(spiI);
                if (e.sawInitialExchange() && e.sharedKeyOrUnknown()) {
                    Bytes spiR = Bytes.fromHex(e.spiR());
                    out.add(e.verdict(id, input, candidates, secrets.stream()
                            .filter(s -> s.isFor(2, Bytes.fromHex(spiI), spiR) && s.skPi() != null).toList()));
                }
            }
        }
        return out;
    }

    /** The key logs' secrets for the IKEv1 SA with these cookies (initiator's, responder's). */
    private List<LoggedSecrets> ikev1Secrets(Bytes[] cookies) {
        return secrets.stream().filter(s -> s.isFor(1, cookies[0], cookies[1])).toList();
    }

    private Scan scan(Path capture, IdSequence ids) throws IOException {
        Map<String, AggressiveModeExchange> aggressive = new LinkedHashMap<>();
        Map<String, MainModeExchange> main = new LinkedHashMap<>();
        Map<String, Ikev2AuthExchange> ikev2 = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        Map<String, String> negotiationIds = new HashMap<>();
        MessageSource decrypting = MessageSource.decrypting(new Decryptor(keys));
        MessageSource source = datagram -> {
            MessageObservation o = decrypting.observe(datagram);
            // a message rebuilt from IKEv1 fragments has no captured bytes of its own to hash: left out
            if (o.carriedFragment() == null && o.message().header() != null) {
                take(datagram, o.message(), new Scan(aggressive, main, ikev2, order, negotiationIds));
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
        return new Scan(aggressive, main, ikev2, order, negotiationIds);
    }

    private static void take(IkeDatagram datagram, IkeMessage message, Scan scan) {
        IkeHeader h = message.header();
        String spiI = h.spiI().hex();
        Map<String, AggressiveModeExchange> aggressive = scan.aggressive();
        Map<String, Ikev2AuthExchange> ikev2 = scan.ikev2();
        List<String> order = scan.order();
        if (message.ikeVersion() == 1 && h.exchangeType() == INFORMATIONAL && aggressive.containsKey(spiI)) {
            aggressive.get(spiI).addInformational(h, datagram.ike(), source(datagram));
        } else if (message.ikeVersion() == 1 && h.exchangeType() != AGGRESSIVE && !aggressive.containsKey(spiI)) {
            MainModeExchange e = scan.main().get(spiI);
            if (e == null && MainModeExchange.isMainMode(h.exchangeType()) && RawPayloads.isZero(h.spiR())
                    && order.size() < MAX_NEGOTIATIONS) {
                e = new MainModeExchange(spiI);
                scan.main().put(spiI, e);
                order.add("1:" + spiI);
            }
            if (e != null) {
                e.add(datagram.ike(), message, source(datagram));
            }
        } else if (message.ikeVersion() == 1 && h.exchangeType() == AGGRESSIVE) {
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
        PskChecker cleartext = new PskChecker(List.of(), KeyRing.empty(), List.of(), false);
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
