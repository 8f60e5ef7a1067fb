package io.ikescope.probe.ikev2;

import io.ikescope.probe.keyexchange.KeyShares;
import io.ikescope.probe.Outcomes;
import io.ikescope.probe.Outcomes.Verdict;
import io.ikescope.probe.ProbeSettings;
import io.ikescope.probe.fingerprint.AnswerShapes;
import io.ikescope.probe.fingerprint.Fingerprint;
import io.ikescope.probe.net.ProbeChannel;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks an IKEv2 responder, one transform type at a time, what it accepts.
 *
 * <p>Each probe offers a single value of the type under test with every value of the other types still in play,
 * and a KE payload of a group <em>not</em> in the offer. RFC 7296 1.2 makes a responder that accepts the offer
 * answer INVALID_KE_PAYLOAD naming the group it chose, and one that accepts nothing answer NO_PROPOSAL_CHOSEN;
 * neither creates state on the responder, so no half-open IKE SA piles up whatever the number of probes. An
 * INVALID_KE_PAYLOAD naming a group that was not offered is no acceptance (unclear). Order: groups (with every
 * cipher, PRF and integrity), then ciphers with the accepted groups, then PRFs, then integrity; then each full
 * combination of accepted values; last, one real exchange (a KE of an accepted group) shows what the peer prefers
 * and what it announces (fragmentation, signature hashes, vendor IDs), which leaves one half-open SA there until
 * its own timeout.
 */
public final class Ikev2Prober {
    private final ProbeChannel channel;
    private final ProbeSettings settings;
    private final Ikev2Asker asker;
    private boolean incomplete;

    public Ikev2Prober(ProbeChannel channel, ProbeSettings settings, SecureRandom random) {
        this.channel = channel;
        this.settings = settings;
        this.asker = new Ikev2Asker(channel, settings, random);
    }

    public Ikev2Result run() throws IOException, InterruptedException {
        List<Ikev2Transform> allCiphers = Ikev2Candidates.encryption();
        List<Integer> allPrfs = Ikev2Candidates.prfs();
        List<Integer> allIntegrity = Ikev2Candidates.integrity();

        Outcomes.Builder<Integer> groups = groups(allCiphers, allPrfs, allIntegrity);
        Outcomes<Integer> firstPass = groups.build();
        if (firstPass.accepted().isEmpty() && firstPass.refused().isEmpty() && !firstPass.unclear().isEmpty()) {
            // the peer answers KE payloads outside the offer with neither INVALID_KE_PAYLOAD nor NO_PROPOSAL_CHOSEN
            asker.problem("the peer answered no probe with a KE outside its offer clearly: asked again with real"
                    + " key exchanges (each accepted probe leaves a half-open IKE SA on the peer)");
            asker.useRealKeyExchanges();
            groups = groups(allCiphers, allPrfs, allIntegrity);
        }
        List<Integer> acceptedGroups = groups.accepted();

        Outcomes.Builder<Ikev2Transform> ciphers = new Outcomes.Builder<>();
        Outcomes.Builder<Integer> prfs = new Outcomes.Builder<>();
        Outcomes.Builder<Integer> integrity = new Outcomes.Builder<>();
        List<Ikev2Suite> refused = new ArrayList<>();
        if (!acceptedGroups.isEmpty()) {
            for (Ikev2Transform c : allCiphers) {
                if (asker.stopped()) {
                    break;
                }
                Verdict v = ask(offer(List.of(c), allPrfs, allIntegrity, acceptedGroups));
                ciphers.add(c, v);
                if (v == Verdict.REFUSED) {
                    refused.add(new Ikev2Suite(c, null, null, null));
                }
            }
            List<Ikev2Transform> acceptedCiphers = ciphers.accepted();
            for (int p : allPrfs) {
                if (asker.stopped() || acceptedCiphers.isEmpty()) {
                    break;
                }
                Verdict v = ask(offer(acceptedCiphers, List.of(p), allIntegrity, acceptedGroups));
                prfs.add(p, v);
                if (v == Verdict.REFUSED) {
                    refused.add(new Ikev2Suite(null, p, null, null));
                }
            }
            List<Ikev2Transform> plainCiphers = acceptedCiphers.stream().filter(c -> !Ikev2Candidates.isAead(c))
                    .toList();
            for (int i : allIntegrity) {
                if (asker.stopped() || plainCiphers.isEmpty() || prfs.accepted().isEmpty()) {
                    break;
                }
                Verdict v = ask(offer(plainCiphers, prfs.accepted(), List.of(i), acceptedGroups));
                integrity.add(i, v);
                if (v == Verdict.REFUSED) {
                    refused.add(new Ikev2Suite(null, null, i, null));
                }
            }
        }
        for (int g : groups.build().refused()) {
            refused.add(new Ikev2Suite(null, null, null, g));
        }
        Outcomes<Integer> additional = additionalKeyExchanges(ciphers.accepted(), prfs.accepted(),
                integrity.accepted(), acceptedGroups);

        List<Ikev2Suite> accepted = new ArrayList<>();
        combinations(ciphers.accepted(), prfs.accepted(), integrity.accepted(), acceptedGroups, accepted, refused);
        Ikev2Suite preferred = asker.stopped() || accepted.isEmpty() ? null
                : preferred(ciphers.accepted(), prfs.accepted(), integrity.accepted(), acceptedGroups);

        List<String> problems = asker.problems();
        if (!asker.answered()) {
            problems.add(0, channel.portUnreachable()
                    ? "nothing listens there: the target answered with ICMP port unreachable"
                    : "no answer to any IKE_SA_INIT (" + settings.tries() + " sends each)");
        }
        boolean complete = asker.answered() && !asker.stopped() && !incomplete;
        Ikev2Observations seen = asker.seen();
        return new Ikev2Result(asker.answered(), accepted, refused, ciphers.build(), prfs.build(), integrity.build(),
                groups.build(), additional, preferred, seen.cookie(), seen.fragmentation(), seen.signatureHashes(),
                seen.redirect(), seen.notifies(), seen.vendorIds(), seen.certificateRequest(),
                fingerprint(), complete, asker.probes(), problems);
    }

    /**
     * RFC 9370 additional key exchanges: everything accepted plus ADDKE1 of one method. A peer that accepts an
     * ADDKE1 of a private-use method does not refuse unknown transform types, so its answers say nothing.
     */
    private Outcomes<Integer> additionalKeyExchanges(List<Ikev2Transform> ciphers, List<Integer> prfs,
                                                     List<Integer> integrity, List<Integer> groups)
            throws IOException, InterruptedException {
        Outcomes.Builder<Integer> additional = new Outcomes.Builder<>();
        if (asker.stopped() || ciphers.isEmpty() || prfs.isEmpty() || groups.isEmpty()) {
            return additional.build();
        }
        Ikev2Offer base;
        try {
            base = offer(ciphers, prfs, integrity, groups);
        } catch (IllegalArgumentException e) {
            return additional.build(); // only plain ciphers and no accepted integrity: nothing to offer
        }
        Verdict control = ask(base.with(Ikev2Transform.additionalKeyExchange(Ikev2Candidates.unknownKeyExchange())));
        if (control != Verdict.REFUSED) {
            if (control == Verdict.ACCEPTED) {
                asker.problem("the peer accepted an additional key exchange (RFC 9370) of a private-use method: it"
                        + " ignores the transform type, so additional key exchanges were not tested");
            }
            return additional.build();
        }
        for (int k : Ikev2Candidates.additionalKeyExchanges()) {
            if (asker.stopped()) {
                break;
            }
            additional.add(k, ask(base.with(Ikev2Transform.additionalKeyExchange(k))));
        }
        return additional.build();
    }

    private Outcomes.Builder<Integer> groups(List<Ikev2Transform> ciphers, List<Integer> prfs,
                                             List<Integer> integrity) throws IOException, InterruptedException {
        Outcomes.Builder<Integer> groups = new Outcomes.Builder<>();
        for (int g : Ikev2Candidates.groups()) {
            if (asker.stopped()) {
                break;
            }
            groups.add(g, ask(offer(ciphers, prfs, integrity, List.of(g))));
        }
        return groups;
    }

    /** A product vendor ID names the peer; failing that, the shape of its answer may suggest one. */
    private Fingerprint fingerprint() {
        Ikev2Observations seen = asker.seen();
        Fingerprint byVendor = Fingerprint.fromVendorIds(seen.vendorIds(), null);
        if (byVendor.implementation() != null) {
            return byVendor;
        }
        Fingerprint byShape = AnswerShapes.match(seen.chosenNotifyOrder());
        return byShape != null ? byShape : byVendor;
    }

    /** Each full combination of accepted values on its own, up to the configured number. */
    private void combinations(List<Ikev2Transform> ciphers, List<Integer> prfs, List<Integer> integrity,
                              List<Integer> groups, List<Ikev2Suite> accepted, List<Ikev2Suite> refused)
            throws IOException, InterruptedException {
        List<Ikev2Suite> all = new ArrayList<>();
        for (Ikev2Transform c : ciphers) {
            boolean aead = Ikev2Candidates.isAead(c);
            for (int p : prfs) {
                for (Integer i : aead ? java.util.Collections.<Integer>singletonList(null) : integrity) {
                    for (int g : groups) {
                        all.add(new Ikev2Suite(c, p, i, g));
                    }
                }
            }
        }
        int tested = 0;
        for (Ikev2Suite s : all) {
            if (asker.stopped()) {
                break;
            }
            if (tested == settings.maxCombinations()) {
                asker.problem((all.size() - tested) + " of " + all.size() + " full combinations not tested (limit "
                        + settings.maxCombinations() + ")");
                incomplete = true;
                break;
            }
            tested++;
            List<Integer> integ = s.integrity() == null ? List.of() : List.of(s.integrity());
            Verdict v = ask(offer(List.of(s.encryption()), List.of(s.prf()), integ, List.of(s.group())));
            if (v == Verdict.ACCEPTED) {
                accepted.add(s);
            } else if (v == Verdict.REFUSED) {
                refused.add(s);
            }
        }
    }

    /** One real exchange offering everything accepted: what the peer picks, and what it announces. */
    private Ikev2Suite preferred(List<Ikev2Transform> ciphers, List<Integer> prfs, List<Integer> integrity,
                                 List<Integer> groups) throws IOException, InterruptedException {
        Ikev2Offer offer = offer(ciphers, prfs, integrity, groups);
        KeyShares keys = asker.keys();
        Integer group = groups.stream().filter(keys::canGenerate).findFirst().orElse(null);
        for (int round = 0; round < 2 && group != null; round++) {
            byte[] ke = keys.publicValue(group).orElseThrow();
            Ikev2Answer a = asker.exchange(new InitRequest(offer, group, ke, channel.local(),
                    channel.target().address(), asker.random()));
            if (a.kind() == Ikev2Answer.Kind.CHOSEN) {
                return a.chosen();
            }
            if (a.kind() == Ikev2Answer.Kind.INVALID_KE && keys.canGenerate(a.group()) && a.group() != group) {
                group = a.group();
                continue;
            }
            asker.problem("the offer of everything accepted, with a KE for group " + group + ", was answered "
                    + Ikev2Asker.describe(a) + " instead of a chosen proposal");
            incomplete = true;
            return null;
        }
        asker.problem("no accepted group has a key-exchange value the probe can make: no full exchange was made");
        return null;
    }

    private Verdict ask(Ikev2Offer offer) throws IOException, InterruptedException {
        return asker.ask(offer);
    }

    /** Proposal 1: the non-AEAD ciphers with PRFs, integrity and groups; proposal 2: the AEAD ciphers without. */
    static Ikev2Offer offer(List<Ikev2Transform> ciphers, List<Integer> prfs, List<Integer> integrity,
                            List<Integer> groups) {
        List<Ikev2Transform> plain = new ArrayList<>();
        List<Ikev2Transform> aead = new ArrayList<>();
        for (Ikev2Transform c : ciphers) {
            (Ikev2Candidates.isAead(c) ? aead : plain).add(c);
        }
        List<List<Ikev2Transform>> proposals = new ArrayList<>();
        if (!plain.isEmpty() && !integrity.isEmpty()) {
            proposals.add(proposal(plain, prfs, integrity, groups));
        }
        if (!aead.isEmpty()) {
            proposals.add(proposal(aead, prfs, List.of(), groups));
        }
        return new Ikev2Offer(proposals);
    }

    private static List<Ikev2Transform> proposal(List<Ikev2Transform> ciphers, List<Integer> prfs,
                                                 List<Integer> integrity, List<Integer> groups) {
        List<Ikev2Transform> p = new ArrayList<>(ciphers);
        prfs.forEach(x -> p.add(Ikev2Transform.prf(x)));
        integrity.forEach(x -> p.add(Ikev2Transform.integrity(x)));
        groups.forEach(x -> p.add(Ikev2Transform.group(x)));
        return p;
    }
}
