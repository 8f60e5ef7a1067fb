package io.ikescope.crypto.keys;

import io.ikescope.crypto.Ikev1Keys;
import io.ikescope.crypto.Ikev2Keys;
import io.ikescope.wire.Bytes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells, for one capture, which key sources (each {@code -k PATH}: a file, or a directory as a whole) hold keys
 * for none of its IKE SAs: the log of another run or of another VPN, which would otherwise only show as
 * messages without keys. A charon log without keys that names none of the capture's IKE SAs is told apart the
 * same way.
 *
 * <p>A source with a key set that does not name its IKE SA is not judged (such a set is tried on every SA, so
 * whether it belongs cannot be seen from the headers). An IKE SA is recognised by its initiator SPI (IKEv1: the
 * initiator cookie) in the IKE headers, which every message of the SA carries, the first one included.
 */
public final class KeyCoverage {
    /** SAs named in a warning, from the source and from the capture. */
    private static final int NAMED = 3;
    /** Distinct initiator SPIs of the capture counted; beyond that the warning says "more than". */
    private static final int MAX_COUNTED = 10_000;
    private static final int SPI_LENGTH = 8;

    /** One {@code -k PATH}: the SAs its files hold keys for, or, when none holds keys, those its logs name. */
    private static final class Source {
        final String path;
        final Set<String> keyed = new LinkedHashSet<>();
        final Set<String> logged = new LinkedHashSet<>();
        final Set<Bytes> loggedSpis = new HashSet<>();
        boolean withKeys;
        boolean judged = true;
        boolean covered;

        Source(String path) {
            this.path = path;
        }

        Set<String> sas() {
            return withKeys ? keyed : logged;
        }
    }

    private final List<Source> sources = new ArrayList<>();
    private final Map<Bytes, List<Source>> sourcesBySpi = new HashMap<>();
    private final Set<Bytes> captureSpis = new LinkedHashSet<>();
    private boolean moreThanCounted;

    public KeyCoverage(LoadedKeys keys) {
        Map<String, Source> byPath = new LinkedHashMap<>();
        for (KeyFileContent file : keys.files()) {
            Source source = byPath.computeIfAbsent(file.givenAs(), Source::new);
            if (file.holdsKeys()) {
                source.withKeys = true;
                for (Ikev2Keys k : file.ikev2()) {
                    keyed(source, k.spiI(), "IKEv2 SA " + hex(k.spiI()) + "_i " + hex(k.spiR()) + "_r");
                }
                for (Ikev1Keys k : file.ikev1()) {
                    keyed(source, k.cookieI(), "IKEv1 SA " + hex(k.cookieI()) + "_i " + hex(k.cookieR()) + "_r");
                }
            } else if (file.loggedSas() != null) {
                source.logged.addAll(file.loggedSas().named());
                source.loggedSpis.addAll(file.loggedSas().initiatorSpis());
            }
        }
        for (Source source : byPath.values()) {
            if (!source.withKeys) {
                source.loggedSpis.forEach(spi -> index(source, spi));
            }
            if (source.judged && !source.sas().isEmpty()) {
                sources.add(source);
            }
        }
    }

    private void keyed(Source source, Bytes initiatorSpi, String name) {
        if (initiatorSpi == null) {
            source.judged = false;
            return;
        }
        source.keyed.add(name);
        index(source, initiatorSpi);
    }

    private void index(Source source, Bytes initiatorSpi) {
        sourcesBySpi.computeIfAbsent(initiatorSpi, s -> new ArrayList<>(1)).add(source);
    }

    /** One IKE message of the capture, from its header on. */
    public void observe(byte[] ike) {
        if (sources.isEmpty() || ike.length < SPI_LENGTH) {
            return;
        }
        Bytes spi = Bytes.copyOf(ike, 0, SPI_LENGTH);
        List<Source> matching = sourcesBySpi.get(spi);
        if (matching != null) {
            matching.forEach(s -> s.covered = true);
        }
        if (captureSpis.size() < MAX_COUNTED) {
            captureSpis.add(spi);
        } else if (!captureSpis.contains(spi)) {
            moreThanCounted = true;
        }
    }

    /** A warning per key source with keys for none of the capture's IKE SAs; none when the capture holds no IKE. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (captureSpis.isEmpty()) {
            return warnings;
        }
        for (Source source : sources) {
            if (!source.covered) {
                warnings.add(source.withKeys
                        ? source.path + ": holds keys for " + named(source.sas()) + " but for none of the IKE SAs in this"
                                + " capture " + captureSas() + ": the keys of another run or another VPN?"
                        : source.path + ": logs " + named(source.sas()) + " (without keys), none of which is in this"
                                + " capture " + captureSas() + ": the log of another run or another VPN?");
            }
        }
        return warnings;
    }

    /** "(1 IKE SA, initiator SPI X)", "(5 IKE SAs, initiator SPIs X, Y, Z, ...)". */
    private String captureSas() {
        int count = captureSpis.size();
        List<String> seen = captureSpis.stream().limit(NAMED).map(Bytes::hex).toList();
        boolean one = count == 1 && !moreThanCounted;
        return "(" + (moreThanCounted ? "more than " : "") + count + " IKE SA" + (one ? "" : "s") + ", initiator SPI"
                + (one ? " " : "s ") + String.join(", ", seen) + (count > seen.size() || moreThanCounted ? ", ..." : "")
                + ")";
    }

    private static String named(Set<String> sas) {
        List<String> all = List.copyOf(sas);
        if (all.size() <= NAMED) {
            return String.join(", ", all);
        }
        return String.join(", ", all.subList(0, NAMED)) + " and " + (all.size() - NAMED) + " more";
    }

    private static String hex(Bytes spi) {
        return spi == null ? "?" : spi.hex();
    }
}
