package io.ikescope.probe.ikev2;

import io.ikescope.probe.keyexchange.KeyShares;
import io.ikescope.probe.Outcomes.Verdict;
import io.ikescope.probe.ProbeSettings;
import io.ikescope.probe.net.Datagram;
import io.ikescope.probe.net.ProbeChannel;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts one offer to the responder and reads its verdict: the request, a cookie round when demanded, re-sends for
 * lost datagrams, and the run's state (answered at all, stopped by silence or the time bound, problems met).
 *
 * <p>Stateless by default: the KE payload's group is outside the offer, so the answer is INVALID_KE_PAYLOAD or
 * NO_PROPOSAL_CHOSEN and the responder keeps nothing. {@link #useRealKeyExchanges()} switches to a KE of an offered
 * group, for a peer that answers such probes with neither (each accepted probe then leaves a half-open SA there).
 */
final class Ikev2Asker {
    /** KE groups used where the offer must not hold the KE payload's group: small values first. */
    private static final List<Integer> STATELESS_KE_GROUPS = List.of(31, 19, 14, 32, 20, 2);
    private static final int MAX_COOKIE_ROUNDS = 2;

    private final ProbeChannel channel;
    private final ProbeSettings settings;
    private final KeyShares keys;
    private final SecureRandom random;
    private final Ikev2Observations seen = new Ikev2Observations();
    private final List<String> problems = new ArrayList<>();
    private boolean realKeyExchanges;
    private boolean answered;
    private boolean stopped;
    private int silentInARow;
    private int probes;

    Ikev2Asker(ProbeChannel channel, ProbeSettings settings, SecureRandom random) {
        this.channel = channel;
        this.settings = settings;
        this.random = random;
        this.keys = new KeyShares(random);
    }

    Verdict ask(Ikev2Offer offer) throws IOException, InterruptedException {
        List<Integer> offered = offer.groups();
        int keGroup = realKeyExchanges ? offered.stream().filter(keys::canGenerate).findFirst()
                .orElse(outside(offered)) : outside(offered);
        Ikev2Answer a = exchange(new InitRequest(offer, keGroup, keys.publicValue(keGroup).orElseThrow(),
                channel.local(), channel.target().address(), random));
        return switch (a.kind()) {
            case INVALID_KE -> {
                if (offered.contains(a.group())) {
                    yield Verdict.ACCEPTED;
                }
                problem("INVALID_KE_PAYLOAD named group " + a.group() + ", which the probe did not offer");
                yield Verdict.UNCLEAR;
            }
            case CHOSEN -> Verdict.ACCEPTED;
            case NO_PROPOSAL_CHOSEN -> Verdict.REFUSED;
            case NONE -> Verdict.UNANSWERED;
            case COOKIE, OTHER -> {
                problem("an IKE_SA_INIT was answered " + describe(a));
                yield Verdict.UNCLEAR;
            }
        };
    }

    /**
     * A KE group outside the offer that the probe can make a value for; when the offer holds all of them, one of
     * the offer's (the answer then chooses a proposal: a real exchange).
     */
    private int outside(List<Integer> offered) {
        return STATELESS_KE_GROUPS.stream().filter(g -> !offered.contains(g)).findFirst()
                .or(() -> Ikev2Candidates.groups().stream().filter(g -> !offered.contains(g) && keys.canGenerate(g))
                        .findFirst())
                .or(() -> offered.stream().filter(keys::canGenerate).findFirst())
                .orElse(STATELESS_KE_GROUPS.get(0));
    }

    /** Sends the request (again with a cookie when one is demanded) and reads the answer. */
    Ikev2Answer exchange(InitRequest request) throws IOException, InterruptedException {
        probes++;
        byte[] cookie = null;
        for (int round = 0; round <= MAX_COOKIE_ROUNDS; round++) {
            Optional<Datagram> d = channel.ask(request.bytes(cookie), settings.tries(), settings.waitNanos());
            if (d.isEmpty()) {
                silent();
                return Ikev2Answer.NO_ANSWER;
            }
            answered = true;
            silentInARow = 0;
            Ikev2Answer a = Ikev2Answer.of(d.get().ike());
            seen.answer(a);
            if (a.kind() != Ikev2Answer.Kind.COOKIE) {
                return a;
            }
            cookie = a.cookie();
        }
        return new Ikev2Answer(Ikev2Answer.Kind.OTHER, null, null, null, "COOKIE again after "
                + MAX_COOKIE_ROUNDS + " retries with the cookie", null);
    }

    private void silent() {
        if (channel.outOfTime()) {
            if (!stopped) {
                problems.add("the time bound ended the IKEv2 probe before every candidate was tested");
            }
            stopped = true;
            return;
        }
        silentInARow++;
        if (!answered || silentInARow >= settings.silentLimit()) {
            if (answered) {
                problems.add("the target stopped answering after " + (probes - silentInARow)
                        + " IKE_SA_INIT probes (a rate limit or a limit of half-open SAs per address?)");
            }
            stopped = true;
        }
    }

    /** Each distinct problem once: a peer that answers every probe oddly says so once, with a count. */
    void problem(String text) {
        if (!problems.contains(text)) {
            problems.add(text);
        }
    }

    static String describe(Ikev2Answer a) {
        return switch (a.kind()) {
            case INVALID_KE -> "INVALID_KE_PAYLOAD (group " + a.group() + ")";
            case CHOSEN -> "with a chosen proposal";
            case NONE -> "not at all";
            default -> a.notifyName() == null ? "with " + a.kind() : "with " + a.notifyName();
        };
    }

    void useRealKeyExchanges() {
        realKeyExchanges = true;
    }

    KeyShares keys() {
        return keys;
    }

    SecureRandom random() {
        return random;
    }

    Ikev2Observations seen() {
        return seen;
    }

    List<String> problems() {
        return problems;
    }

    boolean answered() {
        return answered;
    }

    boolean stopped() {
        return stopped;
    }

    int probes() {
        return probes;
    }
}
