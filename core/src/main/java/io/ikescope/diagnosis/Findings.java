package io.ikescope.diagnosis;

import io.ikescope.crypto.DecryptionStatus;
import io.ikescope.session.AlgorithmNames;
import io.ikescope.session.AuthMethodNames;
import io.ikescope.session.ChildProposal;
import io.ikescope.session.ChildSa;
import io.ikescope.session.Exchange;
import io.ikescope.session.IcmpError;
import io.ikescope.session.IkeProposal;
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

    private static void weakAlgorithms(Facts f, List<Finding> out) {
        int v = f.n.ikeVersion();
        Phase1 p1 = f.n.phase1();
        Set<String> encryption = new LinkedHashSet<>();
        Set<String> integrity = new LinkedHashSet<>();
        Set<String> prf = new LinkedHashSet<>();
        Set<Integer> groups = new LinkedHashSet<>();
        List<Long> frames = new ArrayList<>();
        boolean chosenOnly = true;
        List<IkeProposal> ike = new ArrayList<>();
        if (p1.chosen() != null) {
            ike.add(p1.chosen());
        } else if (p1.offered() != null) {
            ike.addAll(p1.offered());
            chosenOnly = false;
        }
        for (IkeProposal p : ike) {
            encryption.add(p.encryption());
            integrity.add(p.integrity());
            integrity.add(p.hash());
            prf.add(p.prf());
            groups.add(p.dhGroup());
        }
        if (!p1.attempts().isEmpty()) {
            frames.add(p1.attempts().get(p1.attempts().size() - 1).frame());
        }
        for (ChildSa c : f.n.children()) {
            List<ChildProposal> list = c.chosen() != null ? List.of(c.chosen())
                    : c.offered() != null ? c.offered() : List.of();
            chosenOnly &= c.chosen() != null || c.offered() == null;
            for (ChildProposal p : list) {
                encryption.add(p.encryption());
                integrity.add(p.integrity());
                groups.add(p.dhGroup());
            }
            if (!list.isEmpty()) {
                Exchange x = f.exchange(c.exchangeIndex());
                if (x != null) {
                    frames.add(x.first().frame());
                }
            }
        }
        String scope = chosenOnly ? "negotiated" : "offered";
        List<String> weakCiphers = weak(encryption, "DES", "3DES", "NULL");
        if (!weakCiphers.isEmpty()) {
            out.add(new Finding("WEAK_ENCRYPTION", Finding.WARNING, "Weak encryption " + scope + ": "
                    + String.join(", ", weakCiphers) + " (DES and 3DES have 64-bit blocks, NULL encrypts nothing);"
                    + " prefer AES-GCM or AES-CBC with 128 bits or more.", frames));
        }
        List<String> weakHashes = weak(integrity, "MD5", "SHA1");
        weakHashes.addAll(weak(prf, "MD5", "SHA1"));
        if (!weakHashes.isEmpty()) {
            out.add(new Finding("WEAK_INTEGRITY", Finding.WARNING, "Weak hash or integrity algorithm " + scope + ": "
                    + String.join(", ", weakHashes) + "; prefer SHA2-256 or better.", frames));
        }
        List<String> weakGroups = new ArrayList<>();
        for (Integer g : groups) {
            int bits = g == null ? -1 : AlgorithmNames.modpBits(v, g);
            if (bits > 0 && bits < 2048) {
                weakGroups.add(g + " (" + bits + "-bit MODP)");
            }
        }
        if (!weakGroups.isEmpty()) {
            out.add(new Finding("WEAK_DH_GROUP", Finding.WARNING, "Weak Diffie-Hellman group " + scope + ": "
                    + String.join(", ", weakGroups) + "; use group 14 (2048-bit MODP) or an elliptic curve group"
                    + " (19, 20, 31).", frames));
        }
    }

    private static List<String> weak(Set<String> names, String... tokens) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            for (String token : tokens) {
                if (AlgorithmNames.mentions(name, token) && !out.contains(name)) {
                    out.add(name);
                }
            }
        }
        return out;
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
