package io.ikescope.probe.ikev1;

import io.ikescope.probe.ProbeSettings;
import io.ikescope.probe.fingerprint.BackoffFingerprint;
import io.ikescope.probe.keyexchange.KeyShares;
import io.ikescope.probe.fingerprint.Fingerprint;
import io.ikescope.probe.fingerprint.VendorIdSeen;
import io.ikescope.probe.net.Datagram;
import io.ikescope.probe.net.ProbeChannel;
import io.ikescope.session.AuthMethodNames;
import io.ikescope.wire.Payload;
import io.ikescope.wire.VendorIdPayload;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.LinkedHashSet;

/**
 * Asks an IKEv1 responder which Phase 1 suites it accepts, with Main Mode first messages only.
 *
 * <p>The candidates go out in batches: each MM1 offers up to {@link #MAX_BATCH} transforms (the datagram stays
 * under {@link #MAX_DATAGRAM} bytes, below any path MTU). A refusal (NO-PROPOSAL-CHOSEN) refuses the whole batch
 * and leaves no state on the responder; an answer names the one transform chosen, which is recorded and dropped
 * from the batch, and the rest is offered again under a fresh SPI until refused. Probes = batches + accepted
 * suites. Each accepted MM1 leaves a half-open SA on the responder until its timeout, and responders limit those
 * per address (strongSwan's charon.block_threshold, default 5, then drops further MM1s silently): a target that
 * falls silent after answering is reported, and waited for (half_open_timeout, default 30 s) before the
 * unanswered batches are offered again; a wait followed by silence again ends the run. A target that still
 * answers a refused offer sent again is not blocked but drops what it will not take (libreswan): the silent
 * batches are then unclear, and the run goes on without waiting. Then, when asked, one Aggressive Mode AM1 and the backoff fingerprint.
 */
public final class Ikev1Prober {
    static final int MAX_BATCH = 20;
    static final int MAX_DATAGRAM = 1200;
    /** Distinct vendor IDs kept; real peers send a few. */
    private static final int MAX_VENDOR_IDS = 16;
    static final String HASH_R_WARNING = "the Aggressive Mode answer carries HASH_R, keyed with the pre-shared key"
            + " over values anyone on the path sees: the key can be cracked offline (a dictionary attack)";

    private final ProbeChannel channel;
    private final ProbeSettings settings;
    private final SecureRandom random;
    private final Ikev1Options options;
    private final List<Ikev1Suite> candidates;
    private final KeyShares keys;
    private final Map<String, VendorIdSeen> vendorIds = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private boolean answered;
    private boolean stopped;
    private boolean incomplete;
    private boolean waitedForBlock;
    /** The last offer refused outright: sent again to tell a peer that drops offers from one that stopped. */
    private List<Ikev1Suite> lastRefused;
    private int droppedSilently;
    private final Set<Integer> droppedMethods = new LinkedHashSet<>();
    private int skippedForMethod;
    /** An answer came after the last wait for the half-open SAs: waiting again may help again. */
    private boolean answeredSinceWait;
    private int silentInARow;
    private int probes;

    public Ikev1Prober(ProbeChannel channel, ProbeSettings settings, SecureRandom random, Ikev1Options options) {
        this(channel, settings, random, options, Ikev1Candidates.suites(false));
    }

    /** With another candidate list (XAUTH methods, or a short list in tests). */
    public Ikev1Prober(ProbeChannel channel, ProbeSettings settings, SecureRandom random, Ikev1Options options,
                       List<Ikev1Suite> candidates) {
        this.channel = channel;
        this.settings = settings;
        this.random = random;
        this.options = options;
        this.candidates = List.copyOf(candidates);
        this.keys = new KeyShares(random);
    }

    public Ikev1Result run() throws IOException, InterruptedException {
        Ikev1Verdicts verdicts = new Ikev1Verdicts(candidates);
        Deque<List<Ikev1Suite>> queue = new ArrayDeque<>(batches(candidates));
        List<List<Ikev1Suite>> unanswered = new ArrayList<>();
        while (!queue.isEmpty() && !stopped) {
            List<Ikev1Suite> remaining = new ArrayList<>(queue.poll());
            if (droppedMethods.contains(remaining.get(0).authMethod())) {
                verdicts.unclear(remaining); // batches hold one method: this one is dropped unread
                skippedForMethod += remaining.size();
                continue;
            }
            while (!remaining.isEmpty() && !stopped) {
                Ikev1Answer a = exchange(new MainModeRequest(remaining, random).bytes());
                if (a.kind() == Ikev1Answer.Kind.NONE) {
                    if (!stopped) {
                        unanswered.add(List.copyOf(remaining));
                        if (silentInARow >= settings.silentLimit() && answersStill()) {
                            dropped(verdicts, unanswered);
                        } else if (silentInARow >= settings.silentLimit()) {
                            fellSilent(queue, unanswered);
                        }
                    }
                    break;
                }
                dropped(verdicts, unanswered); // the target answers: what it left silent, it dropped
                if (a.kind() == Ikev1Answer.Kind.CHOSEN && remaining.contains(a.chosen())) {
                    verdicts.accepted(a.chosen());
                    remaining.remove(a.chosen());
                    continue;
                }
                if (a.kind() == Ikev1Answer.Kind.NO_PROPOSAL_CHOSEN) {
                    verdicts.refused(remaining);
                    lastRefused = List.copyOf(remaining);
                } else {
                    problems.add("an MM1 of " + remaining.size() + " transforms was answered " + describe(a));
                    verdicts.unclear(remaining);
                }
                break;
            }
        }
        if (droppedSilently > 0) {
            incomplete = true;
            problems.add(droppedSilently + " candidate suites got no answer while the target answered a refused"
                    + " offer again: it drops the MM1s it will not take (libreswan 4.10 does, for an authentication"
                    + " method no connection allows); they are unclear");
        }
        if (skippedForMethod > 0) {
            List<String> names = droppedMethods.stream().map(m -> AuthMethodNames.name(1, m)).toList();
            problems.add(skippedForMethod + " candidate suites with " + String.join(", ", names) + " were not"
                    + " offered: the target dropped that method's MM1s unread; they are unclear");
        }
        List<Ikev1Suite> accepted = verdicts.accepted();
        int untested = verdicts.untested();
        if (!answered) {
            problems.add(0, channel.portUnreachable()
                    ? "nothing listens there: the target answered with ICMP port unreachable"
                    : "no answer to any Main Mode MM1 (" + settings.tries() + " sends each)");
        } else if (untested > 0) {
            problems.add(untested + " of " + candidates.size() + " candidate suites were not tested");
        }
        boolean mainModeAnswered = answered;
        // a gateway may answer Aggressive Mode only (libreswan with aggressive=yes ignores every MM1)
        Ikev1Result.AggressiveMode aggressive = options.aggressive() && !channel.outOfTime()
                ? aggressive(accepted) : null;
        boolean aggressiveChose = aggressive != null && aggressive.proposal() != null;
        Fingerprint.Backoff backoff = options.fingerprint() && !channel.outOfTime()
                && (!accepted.isEmpty() || aggressiveChose)
                ? backoff(accepted.isEmpty() ? null : accepted.get(0), aggressive) : null;
        boolean complete = mainModeAnswered && !stopped && !incomplete && untested == 0;
        List<VendorIdSeen> seen = List.copyOf(vendorIds.values());
        return new Ikev1Result(answered, accepted, verdicts.refusals(), verdicts.perValue(Ikev1Suite::encryptionName),
                verdicts.perValue(Ikev1Suite::hashName), verdicts.perMethod(Ikev1Suite::authMethodName),
                verdicts.perValue(Ikev1Suite::group), aggressive, seen, Fingerprint.fromVendorIds(seen, backoff),
                complete, probes, problems);
    }

    /**
     * Offers the target left unanswered (each sent {@code tries} times) while it answers others: unclear. When
     * {@code silentLimit} of them in a row share one authentication method, the rest of that method's batches are
     * not sent: libreswan 4.10 (lab) drops every MM1 whose method no connection allows, before reading its
     * proposals, which would cost every such batch all its tries.
     */
    private void dropped(Ikev1Verdicts verdicts, List<List<Ikev1Suite>> unanswered) {
        if (unanswered.size() >= settings.silentLimit()
                && unanswered.stream().map(b -> b.get(0).authMethod()).distinct().count() == 1) {
            droppedMethods.add(unanswered.get(0).get(0).authMethod());
        }
        unanswered.forEach(verdicts::unclear);
        droppedSilently += candidatesIn(unanswered);
        unanswered.clear();
    }

    /**
     * Whether the target, silent to the last offers, still answers: the last refused offer is sent again (a
     * refusal costs the responder no state). Yes means it drops what it does not take; no, that it stopped
     * answering this address.
     */
    private boolean answersStill() throws IOException, InterruptedException {
        if (!answered || lastRefused == null) {
            return false;
        }
        int silentBefore = silentInARow;
        boolean answers = exchange(new MainModeRequest(lastRefused, random).bytes()).kind() != Ikev1Answer.Kind.NONE;
        silentInARow = answers ? 0 : silentBefore;
        return answers;
    }

    /**
     * The target stopped answering: wait for its half-open SAs to expire, then offer the silent batches again. A
     * wait is repeated only when answers came after the previous one (each accepted suite adds a half-open SA, so
     * a peer accepting many fills its limit again); silence right after a wait ends the run.
     */
    private void fellSilent(Deque<List<Ikev1Suite>> queue, List<List<Ikev1Suite>> unanswered)
            throws InterruptedException {
        if (!answered) {
            stopped = true; // silent from the start: the summary problem says so
            return;
        }
        incomplete = true;
        String what = "the target stopped answering after " + (probes - silentInARow) + " MM1 probes (a limit of"
                + " half-open SAs per address, as strongSwan's block_threshold, or a rate limit";
        if (waitedForBlock && !answeredSinceWait || options.blockedWaitNanos() == 0
                || channel.bound().remainingNanos() <= options.blockedWaitNanos()) {
            problems.add(what + "): " + candidatesIn(unanswered)
                    + " candidates left untested");
            stopped = true;
            return;
        }
        problems.add(what + "): waited " + Math.round(options.blockedWaitNanos() / 1e9) + " s for them to expire");
        waitedForBlock = true;
        answeredSinceWait = false;
        channel.clock().sleepNanos(options.blockedWaitNanos());
        silentInARow = 0;
        for (int i = unanswered.size() - 1; i >= 0; i--) {
            queue.addFirst(unanswered.get(i));
        }
        unanswered.clear();
    }

    private Ikev1Result.AggressiveMode aggressive(List<Ikev1Suite> accepted) throws IOException, InterruptedException {
        List<Ikev1Suite> psk = accepted.stream().filter(s -> AuthMethodNames.isPreSharedKey(s.authMethodName()))
                .toList();
        // none accepted in Main Mode (a gateway may allow PSK in Aggressive Mode only): the first candidate group's
        int group = psk.isEmpty() ? candidates.get(0).group() : psk.get(0).group();
        List<Ikev1Suite> offer = (psk.isEmpty() ? candidates : psk).stream()
                .filter(s -> s.group() == group && AuthMethodNames.isPreSharedKey(s.authMethodName()))
                .limit(MAX_BATCH).toList();
        Optional<byte[]> ke = keys.publicValue(group);
        if (offer.isEmpty() || ke.isEmpty()) {
            problems.add("no Aggressive Mode probe: no pre-shared-key suite of group " + group + " to offer");
            return null;
        }
        String id = options.id() != null ? options.id() : channel.local().getAddress().getHostAddress();
        Ikev1Answer a = exchange(new AggressiveModeRequest(offer, ke.get(), id, random).bytes());
        return switch (a.kind()) {
            case NONE -> {
                if (!accepted.isEmpty()) {
                    problems.add("the AM1 was not answered: Aggressive Mode may be off, or the target dropped it for"
                            + " the half-open SAs the accepted MM1s left (" + accepted.size() + ")");
                }
                yield new Ikev1Result.AggressiveMode(false, null, null, null);
            }
            case CHOSEN -> {
                boolean crackable = a.hash() && AuthMethodNames.isPreSharedKey(a.chosen().authMethodName());
                if (!a.aggressive() || !a.keyExchange() || !a.nonce()) {
                    problems.add("the Aggressive Mode answer lacks the exchange's payloads (KE, Nr): " + describe(a));
                }
                yield new Ikev1Result.AggressiveMode(true, a.chosen(), null, crackable ? HASH_R_WARNING : null);
            }
            case NO_PROPOSAL_CHOSEN, NOTIFY -> new Ikev1Result.AggressiveMode(true, null, a.notifyName(), null);
            case OTHER -> {
                problems.add("the AM1 was answered " + describe(a));
                yield new Ikev1Result.AggressiveMode(true, null, null, null);
            }
        };
    }

    /**
     * The timing fingerprint on a first message never followed up: an AM1 where Aggressive Mode chose a suite
     * (strongSwan re-sends its AM2, not its MM2), else an MM1 of an accepted suite.
     */
    private Fingerprint.Backoff backoff(Ikev1Suite suite, Ikev1Result.AggressiveMode aggressive)
            throws IOException, InterruptedException {
        probes++;
        Ikev1Backoff timing = new Ikev1Backoff(channel, settings, problems, this::note);
        if (aggressive != null && aggressive.proposal() != null) {
            Ikev1Suite chosen = aggressive.proposal();
            Optional<byte[]> ke = keys.publicValue(chosen.group());
            if (ke.isPresent()) {
                String id = options.id() != null ? options.id() : channel.local().getAddress().getHostAddress();
                byte[] am1 = new AggressiveModeRequest(List.of(chosen), ke.get(), id, random).bytes();
                return timing.measure(am1, "AM1", options.fingerprintNanos());
            }
        }
        if (suite == null) {
            return null;
        }
        return timing.measure(new MainModeRequest(List.of(suite), random).bytes(), "MM1", options.fingerprintNanos());
    }

    private Ikev1Answer exchange(byte[] request) throws IOException, InterruptedException {
        probes++;
        Optional<Datagram> d = channel.ask(request, settings.tries(), settings.waitNanos());
        if (d.isEmpty()) {
            if (channel.outOfTime()) {
                if (!stopped) {
                    problems.add("the time bound ended the IKEv1 probe before every candidate was tested");
                }
                stopped = true;
            } else {
                silentInARow++;
            }
            return Ikev1Answer.NO_ANSWER;
        }
        answered = true;
        answeredSinceWait = true;
        silentInARow = 0;
        Ikev1Answer a = Ikev1Answer.of(d.get().ike());
        note(a);
        return a;
    }

    private void note(Ikev1Answer a) {
        if (a.message() == null) {
            return;
        }
        for (Payload p : a.message().payloads()) {
            if (p instanceof VendorIdPayload v && vendorIds.size() < MAX_VENDOR_IDS) {
                VendorIdSeen seen = VendorIdSeen.of(v.data().toArray());
                vendorIds.putIfAbsent(seen.hex(), seen);
            }
        }
    }

    /**
     * Consecutive runs of candidates, each as long as fits {@link #MAX_BATCH} and {@link #MAX_DATAGRAM}, and of
     * one group and one authentication method. strongSwan (5.9.8, lab) picks a transform by its algorithms alone
     * and answers with the authentication method of the offer's first transform, so a batch mixing methods would
     * get an answer naming a suite it does not hold.
     */
    static List<List<Ikev1Suite>> batches(List<Ikev1Suite> suites) {
        List<List<Ikev1Suite>> batches = new ArrayList<>();
        List<Ikev1Suite> batch = new ArrayList<>();
        for (Ikev1Suite s : suites) {
            boolean other = !batch.isEmpty() && (!batch.get(0).group().equals(s.group())
                    || !batch.get(0).authMethod().equals(s.authMethod()));
            batch.add(s);
            if (other || batch.size() > MAX_BATCH || MainModeRequest.length(batch) > MAX_DATAGRAM) {
                batch.remove(batch.size() - 1);
                batches.add(batch);
                batch = new ArrayList<>(List.of(s));
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    private static int candidatesIn(List<List<Ikev1Suite>> batches) {
        return batches.stream().mapToInt(List::size).sum();
    }

    private static String describe(Ikev1Answer a) {
        return switch (a.kind()) {
            case CHOSEN -> "with a transform that was not offered (" + a.chosen().text() + ")";
            case NONE -> "not at all";
            default -> "with " + a.notifyName();
        };
    }
}
