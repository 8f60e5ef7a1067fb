package io.ikescope.diagnosis;

import io.ikescope.session.AlgorithmNames;
import io.ikescope.session.ChildProposal;
import io.ikescope.session.IkeProposal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Proposals as one line each, in the order strongSwan logs them: "AES-CBC-256/HMAC-SHA2-256-128/PRF-HMAC-SHA2-256/modp2048". */
public final class ProposalText {
    private ProposalText() {
    }

    public static String ike(int ikeVersion, IkeProposal p) {
        List<String> parts = new ArrayList<>();
        add(parts, p.encryption());
        add(parts, p.hash());
        add(parts, p.integrity());
        add(parts, p.prf());
        if (p.dhGroup() != null) {
            parts.add(AlgorithmNames.groupName(ikeVersion, p.dhGroup()));
        }
        add(parts, p.authMethod());
        if (p.lifetimeSeconds() != null) {
            parts.add(p.lifetimeSeconds() + "s");
        }
        return String.join("/", parts);
    }

    public static String child(int ikeVersion, ChildProposal p) {
        List<String> parts = new ArrayList<>();
        add(parts, p.protocol());
        add(parts, p.encryption());
        add(parts, p.integrity());
        parts.add(p.dhGroup() == null ? "no PFS" : AlgorithmNames.groupName(ikeVersion, p.dhGroup()));
        if (Boolean.TRUE.equals(p.esn())) {
            parts.add("ESN");
        }
        add(parts, p.mode());
        return String.join("/", parts);
    }

    /** Distinct lines of a list of IKE proposals, joined with "; ". */
    public static String ikeList(int ikeVersion, List<IkeProposal> proposals) {
        Set<String> lines = new LinkedHashSet<>();
        for (IkeProposal p : proposals) {
            lines.add(ike(ikeVersion, p));
        }
        return String.join("; ", lines);
    }

    public static String childList(int ikeVersion, List<ChildProposal> proposals) {
        Set<String> lines = new LinkedHashSet<>();
        for (ChildProposal p : proposals) {
            lines.add(child(ikeVersion, p));
        }
        return String.join("; ", lines);
    }

    private static void add(List<String> parts, String value) {
        if (value != null) {
            parts.add(value);
        }
    }
}
