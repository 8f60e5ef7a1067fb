package io.ikescope.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.cli.probe.ProbeProposals.Ikev1;
import io.ikescope.session.AlgorithmNames;
import io.ikescope.session.AuthMethodNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * ike-scan (Debian package ike-scan 1.9.5) from the prober's namespace, one transform per run: the independent
 * opinion on what an IKEv1 responder answers. Names are turned back into numbers through core's AlgorithmNames
 * and AuthMethodNames, so the transform ike-scan sends is the one the name means.
 */
final class IkeScan {
    /** What came back: a Main or Aggressive Mode answer with an SA, a notify, or nothing. */
    enum Answer { HANDSHAKE, NOTIFY, NONE }

    /**
     * First wait, and attempts: two where an answer is expected (a lost datagram must not fail a test), one where
     * none is (a proposal the responder ignores then costs 0.4 s, not 1 s).
     */
    private static final String TIMEOUT_MS = "--timeout=400";
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(15);
    private static final List<Integer> KEY_BITS = List.of(128, 192, 256);
    /** The values the refused samples are drawn from (names as the probe writes them). */
    static final List<String> SAMPLE_ENCRYPTIONS = List.of("3DES-CBC", "AES-CBC-128", "AES-CBC-192", "AES-CBC-256");
    static final List<String> SAMPLE_HASHES = List.of("MD5", "SHA1", "SHA2-256", "SHA2-384");
    static final List<Integer> SAMPLE_GROUPS = List.of(2, 5, 14, 15, 19, 20, 31);

    private IkeScan() {
    }

    /** Main Mode; {@code expectAnswer} only sets the attempts (see {@link #TIMEOUT_MS}). */
    static Answer mainMode(String address, Ikev1 p, boolean expectAnswer) {
        return scan(expectAnswer, List.of("--trans=" + transform(p), address));
    }

    /** Aggressive Mode: the KE payload's size follows --dhgroup, which must be the transform's group. */
    static Answer aggressiveMode(String address, Ikev1 p, String id, boolean expectAnswer) {
        return scan(expectAnswer, List.of("--aggressive", "--id=" + id, "--dhgroup=" + p.dhGroup(),
                "--trans=" + transform(p), address));
    }

    private static Answer scan(boolean expectAnswer, List<String> args) {
        List<String> command = new ArrayList<>(List.of("ike-scan", "--sport=0", "--nodns",
                expectAnswer ? "--retry=2" : "--retry=1", TIMEOUT_MS));
        command.addAll(args);
        ProbeLab.Run run = ProbeLab.inProber(RUN_TIMEOUT, command);
        assertThat(run.timedOut()).as(run.describe()).isFalse();
        if (run.out().contains("Mode Handshake returned")) {
            return Answer.HANDSHAKE;
        }
        return run.out().contains("Notify message") ? Answer.NOTIFY : Answer.NONE;
    }

    /** ike-scan's old-style transform "enc[/bits],hash,auth,group" for a concrete proposal. */
    static String transform(Ikev1 p) {
        return encryption(p.encryption()) + "," + number(p.hash(), IntStream.rangeClosed(1, 10).boxed().toList(),
                AlgorithmNames::ikev1Hash) + "," + authMethod(p.authMethod()) + "," + p.dhGroup();
    }

    private static String encryption(String name) {
        for (int id = 1; id <= 10; id++) {
            if (name.equals(AlgorithmNames.ikev1Encryption(id, null))) {
                return Integer.toString(id);
            }
            for (int bits : KEY_BITS) {
                if (name.equals(AlgorithmNames.ikev1Encryption(id, bits))) {
                    return id + "/" + bits;
                }
            }
        }
        throw new IllegalArgumentException("no IKEv1 encryption algorithm is named " + name);
    }

    private static String authMethod(String name) {
        List<Integer> ids = new ArrayList<>(IntStream.rangeClosed(1, 14).boxed().toList());
        ids.addAll(IntStream.rangeClosed(64221, 65010).boxed().toList());
        return number(name, ids, id -> AuthMethodNames.name(1, id));
    }

    private static String number(String name, List<Integer> ids, java.util.function.IntFunction<String> naming) {
        return ids.stream().filter(id -> name.equals(naming.apply(id))).findFirst().map(String::valueOf)
                .orElseThrow(() -> new IllegalArgumentException("no IKEv1 value is named " + name));
    }

    /**
     * Up to {@code max} proposals the responder should refuse, each one attribute away from an accepted one
     * (the refusals that say most), taken evenly from all of them in a fixed order.
     */
    static List<Ikev1> refusedNeighbours(Collection<Ikev1> accepted, int max) {
        Set<Ikev1> candidates = new LinkedHashSet<>();
        for (Ikev1 a : accepted) {
            SAMPLE_GROUPS.forEach(g -> candidates.add(a.withGroup(g)));
            SAMPLE_ENCRYPTIONS.forEach(e -> candidates.add(a.withEncryption(e)));
            SAMPLE_HASHES.forEach(h -> candidates.add(a.withHash(h)));
            candidates.add(a.withAuthMethod("RSA-SIG"));
        }
        candidates.removeAll(accepted);
        List<Ikev1> all = new ArrayList<>(candidates);
        if (all.size() <= max) {
            return all;
        }
        List<Ikev1> sample = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            sample.add(all.get(i * all.size() / max));
        }
        return sample.stream().filter(Objects::nonNull).toList();
    }
}
