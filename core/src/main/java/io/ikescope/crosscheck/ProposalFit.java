package io.ikescope.crosscheck;

import io.ikescope.config.ChildProposalConfig;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.session.AlgorithmNames;
import io.ikescope.session.ChildProposal;
import io.ikescope.session.IkeProposal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether configured proposals hold an algorithm combination the capture shows, and if not, which attributes no
 * configured proposal has ("encryption", "integrity", "prf", "hash", "dhGroup", "pfsGroup"; "combination" when each
 * is configured somewhere but never together). Unknown values (null in the capture) never count against a file.
 */
final class ProposalFit {

    private ProposalFit() {
    }

    /** The attributes of {@code seen} no configured proposal has; empty when one proposal holds all of it. */
    static List<String> missingIke(int ikeVersion, List<IkeProposalConfig> configured, IkeProposal seen) {
        if (configured == null || seen == null) {
            return List.of();
        }
        Set<String> missing = new LinkedHashSet<>();
        boolean together = false;
        for (IkeProposalConfig c : configured) {
            List<String> here = missingIn(ikeVersion, c, seen);
            together |= here.isEmpty();
        }
        if (together) {
            return List.of();
        }
        for (String attribute : ikeAttributes(ikeVersion)) {
            boolean anywhere = false;
            for (IkeProposalConfig c : configured) {
                anywhere |= !missingIn(ikeVersion, c, seen).contains(attribute);
            }
            if (!anywhere) {
                missing.add(attribute);
            }
        }
        return missing.isEmpty() ? List.of("combination") : List.copyOf(missing);
    }

    private static List<String> ikeAttributes(int ikeVersion) {
        return ikeVersion == 1 ? List.of("encryption", "hash", "dhGroup")
                : List.of("encryption", "integrity", "prf", "dhGroup");
    }

    private static List<String> missingIn(int ikeVersion, IkeProposalConfig c, IkeProposal seen) {
        List<String> out = new ArrayList<>();
        if (!holds(c.encryption(), seen.encryption())) {
            out.add("encryption");
        }
        if (ikeVersion == 1) {
            if (!holds(c.ikev1Hashes(), seen.hash())) {
                out.add("hash");
            }
        } else {
            if (seen.integrity() != null && !holds(c.integrity(), seen.integrity())) {
                out.add("integrity");
            }
            if (!holds(c.prf(), seen.prf())) {
                out.add("prf");
            }
        }
        if (seen.dhGroup() != null && !c.dhGroups().contains(seen.dhGroup())) {
            out.add("dhGroup");
        }
        return out;
    }

    /**
     * The same for a child proposal; {@code withPfs} false for IKEv2's first child (IKE_AUTH has no KE payload, so the
     * configured PFS groups do not apply there).
     */
    static List<String> missingChild(List<ChildProposalConfig> configured, ChildProposal seen, boolean withPfs) {
        if (configured == null || seen == null) {
            return List.of();
        }
        for (ChildProposalConfig c : configured) {
            if (missingIn(c, seen, withPfs).isEmpty()) {
                return List.of();
            }
        }
        Set<String> missing = new LinkedHashSet<>();
        for (String attribute : List.of("encryption", "integrity", "pfsGroup")) {
            boolean anywhere = false;
            for (ChildProposalConfig c : configured) {
                anywhere |= !missingIn(c, seen, withPfs).contains(attribute);
            }
            if (!anywhere) {
                missing.add(attribute);
            }
        }
        return missing.isEmpty() ? List.of("combination") : List.copyOf(missing);
    }

    private static List<String> missingIn(ChildProposalConfig c, ChildProposal seen, boolean withPfs) {
        List<String> out = new ArrayList<>();
        if (seen.protocol() != null && !seen.protocol().equalsIgnoreCase(c.protocol())) {
            out.add("encryption");
        }
        if (!holds(c.encryption(), seen.encryption())) {
            out.add("encryption");
        }
        if (seen.integrity() != null && !holds(c.integrity(), seen.integrity())) {
            out.add("integrity");
        }
        boolean pfsFits = seen.dhGroup() == null ? !c.hasPfs() : c.dhGroups().contains(seen.dhGroup());
        if (withPfs && !pfsFits) {
            out.add("pfsGroup");
        }
        return out;
    }

    private static boolean holds(List<String> configured, String seen) {
        return seen == null || configured.stream().anyMatch(c -> c.equalsIgnoreCase(seen));
    }

    /** What the configured proposals allow of one attribute, as the report writes it ("modp3072", "AES-CBC-128"). */
    static List<String> allowedIke(int ikeVersion, List<IkeProposalConfig> configured, String attribute) {
        Set<String> out = new LinkedHashSet<>();
        for (IkeProposalConfig c : configured) {
            switch (attribute) {
                case "encryption" -> out.addAll(c.encryption());
                case "integrity" -> out.addAll(c.integrity());
                case "prf" -> out.addAll(c.prf());
                case "hash" -> out.addAll(c.ikev1Hashes());
                case "dhGroup" -> c.dhGroups().forEach(g -> out.add(group(ikeVersion, g)));
                default -> out.add(c.encryption() + "/" + c.prf() + "/" + c.dhGroups());
            }
        }
        return List.copyOf(out);
    }

    static List<String> allowedChild(int ikeVersion, List<ChildProposalConfig> configured, String attribute) {
        Set<String> out = new LinkedHashSet<>();
        for (ChildProposalConfig c : configured) {
            switch (attribute) {
                case "encryption" -> out.addAll(c.encryption());
                case "integrity" -> out.addAll(c.integrity());
                case "pfsGroup" -> {
                    if (c.dhGroups().isEmpty()) {
                        out.add("no PFS");
                    }
                    c.dhGroups().forEach(g -> out.add(group(ikeVersion, g)));
                }
                default -> out.add(c.encryption() + "/" + c.integrity() + "/" + c.dhGroups());
            }
        }
        return List.copyOf(out);
    }

    static String seenIke(int ikeVersion, IkeProposal p, String attribute) {
        return switch (attribute) {
            case "encryption" -> p.encryption();
            case "integrity" -> p.integrity();
            case "prf" -> p.prf();
            case "hash" -> p.hash();
            case "dhGroup" -> p.dhGroup() == null ? null : group(ikeVersion, p.dhGroup());
            default -> "their combination";
        };
    }

    static String seenChild(int ikeVersion, ChildProposal p, String attribute) {
        return switch (attribute) {
            case "encryption" -> p.encryption();
            case "integrity" -> p.integrity();
            case "pfsGroup" -> p.dhGroup() == null ? "no PFS" : group(ikeVersion, p.dhGroup());
            default -> "their combination";
        };
    }

    static String group(int ikeVersion, int group) {
        return AlgorithmNames.groupName(ikeVersion, group);
    }
}
