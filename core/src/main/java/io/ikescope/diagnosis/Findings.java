package io.ikescope.diagnosis;

import io.ikescope.audit.Auditor;
import io.ikescope.audit.Rating;
import io.ikescope.audit.Source;
import io.ikescope.audit.TransformRating;
import io.ikescope.crypto.DecryptionStatus;
import io.ikescope.session.AlgorithmNames;
import io.ikescope.session.AuthMethodNames;
import io.ikescope.session.ChildSa;
import io.ikescope.session.Exchange;
import io.ikescope.session.IcmpError;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.NotifySeen;
import io.ikescope.session.Phase1;
import io.ikescope.wire.NotifyDetail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Warnings and notes besides the verdict: retransmissions, retries, weak algorithms, risky modes, limits. */
final class Findings {
    private Findings() {
    }

    static List<Finding> of(Facts f, Verdict verdict) {
        List<Finding> out = new ArrayList<>();
        retransmissions(f, out);
        invalidKeRetry(f, out);
        cookie(f, out);
        weakAlgorithms(f, out);
        aggressivePsk(f, out);
        lostFragments(f, verdict, out);
        icmpErrors(f, verdict, out);
        decryptionFailures(f, out);
        if (f.n.rekeyOf() != null) {
            var link = f.n.rekeyOf();
            out.add(new Finding("IKE_SA_REKEYED", Finding.INFO, "This IKE SA was created by rekeying negotiation "
                    + link.id() + " (CREATE_CHILD_SA " + Facts.frames(link.frames()) + ")"
                    + (link.inferred() ? "; linked by timing and addresses, since its SPIs are in encrypted payloads"
                    : "") + ".", link.frames()));
        } else if (!f.n.phase1().captured()) {
            out.add(new Finding("PHASE1_NOT_CAPTURED", Finding.INFO, "The capture begins after Phase 1 (the IKE SA"
                    + " was set up earlier): only later exchanges are seen, so its parameters are unknown.",
                    List.of(f.n.firstFrame())));
        }
        for (String note : f.n.notes()) {
            out.add(new Finding("TRACKING_LIMIT", Finding.INFO, note, List.of()));
        }
        return out;
    }

    /** ICMP destination unreachables the verdict does not already rest on (a dead peer's DPD, a blocked rekey ...). */
    private static void icmpErrors(Facts f, Verdict verdict, List<Finding> out) {
        Map<String, List<Long>> byKind = new LinkedHashMap<>();
        for (IcmpError e : f.n.icmpErrors()) {
            if (!verdict.evidence().contains(e.frame())) {
                byKind.computeIfAbsent(e.icmp().meaning() + " from " + e.icmp().sender() + " refusing the "
                        + e.refused().jsonName() + "'s datagrams to UDP " + e.icmp().quotedDstPort(),
                        k -> new ArrayList<>()).add(e.frame());
            }
        }
        if (byKind.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        List<Long> frames = new ArrayList<>();
        byKind.forEach((kind, list) -> {
            parts.add(kind + " (" + Facts.frames(list) + ")");
            frames.addAll(list);
        });
        out.add(new Finding("ICMP_UNREACHABLE", Finding.WARNING, "ICMP destination unreachable: "
                + String.join("; ", parts) + ".", frames));
    }

    private static void retransmissions(Facts f, List<Finding> out) {
        Map<String, List<Long>> byStep = new LinkedHashMap<>();
        for (MessageRecord m : f.n.messages()) {
            if (m.retransmission() && !m.fragmentPart()) { // a fragmented message re-sent counts once
                byStep.computeIfAbsent(Facts.stepName(m) + " from the " + m.from().jsonName(), k -> new ArrayList<>())
                        .add(m.frame());
            }
        }
        if (byStep.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        List<Long> frames = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, List<Long>> e : byStep.entrySet()) {
            parts.add(e.getKey() + " (" + Facts.frames(e.getValue()) + ")");
            frames.addAll(e.getValue());
            count += e.getValue().size();
        }
        out.add(new Finding("RETRANSMISSIONS", Finding.WARNING, count + " retransmission" + (count > 1 ? "s" : "")
                + ": " + String.join("; ", parts) + ". Messages were lost or answers were late.", frames));
    }

    private static void invalidKeRetry(Facts f, List<Finding> out) {
        for (ErrorSeen e : f.errors()) {
            if (!e.is(NotifyNames.INVALID_KE_PAYLOAD) || f.fatalErrors().contains(e)) {
                continue;
            }
            Integer wanted = e.notice().detail() instanceof NotifyDetail.AcceptedGroup g ? g.dhGroup() : null;
            Phase1.Attempt retry = null;
            for (Phase1.Attempt a : f.n.phase1().attempts()) {
                if (a.frame() > e.message().frame() && retry == null) {
                    retry = a;
                }
            }
            String group = wanted == null ? "another DH group" : "DH group " + wanted + " ("
                    + AlgorithmNames.groupName(f.n.ikeVersion(), wanted) + ")";
            List<Long> frames = new ArrayList<>(List.of(e.message().frame()));
            if (retry != null) {
                frames.add(retry.frame());
            }
            out.add(new Finding("INVALID_KE_RETRY", Finding.WARNING, "The responder asked for " + group + " ("
                    + Facts.frame(e.message()) + ") and the initiator retried with it"
                    + (retry != null ? " (frame " + retry.frame() + ")" : "") + ": put "
                    + (wanted == null ? "that group" : "group " + wanted) + " first in the initiator's proposal to save a"
                    + " round trip.", frames));
        }
    }

    private static void cookie(Facts f, List<Finding> out) {
        for (MessageRecord m : f.n.messages()) {
            for (NotifySeen n : m.notifies()) {
                if (n.is(NotifyNames.COOKIE) && m.response() && !m.retransmission()) {
                    out.add(new Finding("COOKIE_CHALLENGE", Finding.INFO, "The responder asked for a cookie ("
                            + Facts.frame(m) + "): it is under load or protects itself against flooding; the"
                            + " initiator must repeat IKE_SA_INIT with it.", List.of(m.frame())));
                    return;
                }
            }
        }
    }

    /**
     * Weak transforms as the audit rates them (SHOULD NOT or MUST NOT in RFC 8247, RFC 8221, RFC 9395): per phase
     * and child, what was chosen, or what was offered where nothing was chosen. ESP with NULL encryption too, which
     * RFC 8221 requires implementations to have but which encrypts nothing.
     */
    private static void weakAlgorithms(Facts f, List<Finding> out) {
        List<TransformRating> ratings = Auditor.audit(f.n).ratings();
        Set<String> chosenScopes = new LinkedHashSet<>();
        for (TransformRating r : ratings) {
            if (r.chosen()) {
                chosenScopes.add(r.phase() + "/" + r.child());
            }
        }
        boolean chosenOnly = true;
        Map<String, List<String>> weak = new LinkedHashMap<>();
        for (TransformRating r : ratings) {
            boolean inScope = chosenScopes.contains(r.phase() + "/" + r.child()) ? r.chosen() : r.offered();
            String code = WEAK_CODES.get(r.transformType());
            boolean nullCipher = "encryption".equals(r.transformType()) && "NULL".equals(r.name());
            if (!inScope || code == null || (r.rating().compareTo(Rating.SHOULD_NOT) < 0 && !nullCipher)) {
                continue;
            }
            chosenOnly &= r.chosen();
            String cited = nullCipher && r.rating().compareTo(Rating.SHOULD_NOT) < 0 ? "encrypts nothing"
                    : r.sources().stream().filter(s -> s.rating() == r.rating()).map(Source::cite)
                    .collect(Collectors.joining(", "));
            List<String> names = weak.computeIfAbsent(code, k -> new ArrayList<>());
            String entry = r.name() + " (" + cited + ")";
            if (!names.contains(entry)) {
                names.add(entry);
            }
        }
        List<Long> frames = weakFrames(f);
        String scope = chosenOnly ? "negotiated" : "offered";
        for (Map.Entry<String, List<String>> e : weak.entrySet()) {
            String what = switch (e.getKey()) {
                case "WEAK_ENCRYPTION" -> "Weak encryption ";
                case "WEAK_INTEGRITY" -> "Weak hash or integrity algorithm ";
                default -> "Weak Diffie-Hellman group ";
            };
            String advice = switch (e.getKey()) {
                case "WEAK_ENCRYPTION" -> "; prefer AES-GCM or AES-CBC with 128 bits or more.";
                case "WEAK_INTEGRITY" -> "; prefer SHA2-256 or better.";
                default -> "; use group 14 (2048-bit MODP) or an elliptic curve group (19, 20, 31).";
            };
            out.add(new Finding(e.getKey(), Finding.WARNING, what + scope + ": " + String.join(", ", e.getValue())
                    + advice, frames));
        }
    }

    /** The finding's codes per transform type of the audit. */
    private static final Map<String, String> WEAK_CODES = Map.of("encryption", "WEAK_ENCRYPTION",
            "integrity", "WEAK_INTEGRITY", "prf", "WEAK_INTEGRITY", "hash", "WEAK_INTEGRITY",
            "dhGroup", "WEAK_DH_GROUP");

    /** The last IKE SA request and the first message of each child's exchange whose proposals are known. */
    private static List<Long> weakFrames(Facts f) {
        List<Long> frames = new ArrayList<>();
        Phase1 p1 = f.n.phase1();
        if (!p1.attempts().isEmpty()) {
            frames.add(p1.attempts().get(p1.attempts().size() - 1).frame());
        }
        for (ChildSa c : f.n.children()) {
            if (c.chosen() != null || (c.offered() != null && !c.offered().isEmpty())) {
                Exchange x = f.exchange(c.exchangeIndex());
                if (x != null) {
                    frames.add(x.first().frame());
                }
            }
        }
        return frames;
    }

    private static void aggressivePsk(Facts f, List<Finding> out) {
        if ("aggressive".equals(f.n.exchangeMode()) && AuthMethodNames.isPreSharedKey(f.authMethod())) {
            out.add(new Finding("AGGRESSIVE_MODE_PSK", Finding.WARNING, "Aggressive Mode with a pre-shared key sends"
                    + " the identities in cleartext and a hash an eavesdropper can attack offline to recover the"
                    + " key; use Main Mode or IKEv2, or certificates.", List.of(f.n.firstFrame())));
        }
    }

    private static void lostFragments(Facts f, Verdict verdict, List<Finding> out) {
        if (f.n.lostFragments().isEmpty() || verdict.code() == VerdictCode.FRAGMENTATION_LOSS) {
            return;
        }
        List<Long> frames = new ArrayList<>();
        f.n.lostFragments().forEach(l -> frames.add(l.firstFrame()));
        out.add(new Finding("FRAGMENTS_LOST", Finding.WARNING, frames.size() + " IP datagram(s) between the peers"
                + " never reassembled (" + Facts.frames(frames) + "): some fragments did not reach the capture"
                + " point.", frames));
    }

    private static void decryptionFailures(Facts f, List<Finding> out) {
        List<Long> frames = new ArrayList<>();
        String reason = null;
        for (MessageRecord m : f.n.messages()) {
            if (m.decryption() == io.ikescope.crypto.DecryptionStatus.FAILED) {
                frames.add(m.frame());
                if (reason == null) {
                    reason = m.decryptionFailure();
                }
            }
        }
        if (!frames.isEmpty()) {
            out.add(new Finding("DECRYPTION_FAILED", Finding.WARNING, frames.size() + " message(s) did not decrypt"
                    + " with the given keys" + (reason != null ? " (" + reason + ")" : "") + ": keys of another SA, or"
                    + " the peers derived different keys (e.g. different pre-shared keys).", frames));
        }
    }
}
