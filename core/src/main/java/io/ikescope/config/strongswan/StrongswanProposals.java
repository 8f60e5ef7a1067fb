package io.ikescope.config.strongswan;

import io.ikescope.config.ChildProposalConfig;
import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.Origin;
import io.ikescope.config.strongswan.StrongswanAlgorithms.Algorithm;
import io.ikescope.config.strongswan.StrongswanAlgorithms.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * strongSwan proposal strings ("aes256-sha256-modp2048, default") to the model, by the rules of proposal.c
 * (proposal_create_from_string and check_proposal, 5.9.8): an IKE proposal without a PRF gets the PRF of each
 * integrity algorithm's hash; AEAD ciphers take no integrity algorithm and may not be mixed with classic ones; IKE
 * proposals need a PRF and a DH group ("none" is dropped there); ESP and AH drop PRFs, their groups are the PFS
 * groups; ESP and AH without an ESN keyword offer "no ESN"; AH keeps only integrity (AES-GMAC becomes the AH GMAC).
 * The keyword {@code default} is strongSwan's default list, {@link StrongswanDefaults}.
 */
final class StrongswanProposals {

    enum Protocol { IKE, ESP, AH }

    /** strongSwan 6 additional key exchanges ("ke1_mlkem768"): RFC 9370, not in the model. */
    private static final Pattern ADDITIONAL_KE = Pattern.compile("ke[1-7]_.*");

    /** One proposal after strongSwan's checks, algorithms in the order written. */
    record Parsed(List<Algorithm> encryption, List<Algorithm> integrity, List<Algorithm> prf,
                  List<Algorithm> groups, List<Algorithm> esn) {
    }

    private StrongswanProposals() {
    }

    /** Parses a comma-separated list of proposals (swanctl's proposals, esp_proposals, ah_proposals). */
    static List<Parsed> parseList(String text, Protocol protocol, Origin origin, List<ConfigWarning> warnings)
            throws ConfigException {
        List<Parsed> out = new ArrayList<>();
        for (String item : text.split("[,\\s]+")) {
            if (item.isEmpty()) {
                continue;
            }
            if (item.equalsIgnoreCase("default")) {
                out.addAll(StrongswanDefaults.keywordDefault(protocol));
            } else {
                out.add(parse(item, protocol, origin, warnings));
            }
        }
        if (out.isEmpty()) {
            throw new ConfigException(origin.file(), origin.line(), "an empty proposal list");
        }
        return out;
    }

    static Parsed parse(String proposal, Protocol protocol, Origin origin, List<ConfigWarning> warnings)
            throws ConfigException {
        List<Algorithm> enc = new ArrayList<>();
        List<Algorithm> integ = new ArrayList<>();
        List<Algorithm> prf = new ArrayList<>();
        List<Algorithm> groups = new ArrayList<>();
        List<Algorithm> esn = new ArrayList<>();
        for (String token : proposal.split("-")) {
            if (token.isEmpty()) {
                throw bad(origin, proposal, "an empty algorithm between '-'");
            }
            if (ADDITIONAL_KE.matcher(token.toLowerCase(Locale.ROOT)).matches()) {
                warnings.add(new ConfigWarning(origin, "additional key exchange " + token + " in " + proposal
                        + " is not modelled (only the first key exchange is compared)"));
                continue;
            }
            Algorithm a = StrongswanAlgorithms.byKeyword(token);
            if (a == null) {
                throw bad(origin, proposal, "unknown algorithm keyword '" + token + "'");
            }
            addOnce(switch (a.kind()) {
                case ENCRYPTION -> enc;
                case INTEGRITY -> integ;
                case PRF -> prf;
                case KEY_EXCHANGE -> groups;
                case ESN -> esn;
            }, a);
        }
        return check(proposal, protocol, origin, enc, integ, prf, groups, esn);
    }

    private static Parsed check(String proposal, Protocol protocol, Origin origin, List<Algorithm> enc,
                                List<Algorithm> integ, List<Algorithm> prf, List<Algorithm> groups,
                                List<Algorithm> esn) throws ConfigException {
        if (protocol == Protocol.IKE) {
            if (prf.isEmpty()) {
                for (Algorithm i : integ) {
                    Integer p = StrongswanAlgorithms.PRF_OF_INTEGRITY.get(i.id());
                    if (p != null) {
                        addOnce(prf, StrongswanAlgorithms.of(Kind.PRF, p, 0));
                    }
                }
            }
            if (prf.isEmpty()) {
                throw bad(origin, proposal, "a PRF is mandatory in IKE proposals");
            }
            groups.removeIf(g -> g.id() == 0);
            if (groups.isEmpty()) {
                throw bad(origin, proposal, "a DH group is mandatory in IKE proposals");
            }
        } else {
            prf.clear();
        }
        if (protocol == Protocol.AH) {
            for (Algorithm e : enc) {
                if (e.id() == 21) {
                    addOnce(integ, StrongswanAlgorithms.ahGmac(e));
                }
            }
            enc.clear();
            if (integ.isEmpty()) {
                throw bad(origin, proposal, "an integrity algorithm is mandatory in AH proposals");
            }
        } else {
            if (enc.isEmpty()) {
                throw bad(origin, proposal, "an encryption algorithm is mandatory in " + protocol + " proposals");
            }
            long aead = enc.stream().filter(Algorithm::isAead).count();
            if (aead > 0 && aead < enc.size()) {
                throw bad(origin, proposal, "classic and AEAD encryption algorithms cannot be in one proposal");
            }
            if (aead > 0) {
                integ.clear();
            } else if (protocol == Protocol.IKE && integ.isEmpty()) {
                throw bad(origin, proposal, "an integrity algorithm is mandatory in IKE proposals with classic"
                        + " (non-AEAD) encryption");
            }
        }
        if (protocol != Protocol.IKE && esn.isEmpty()) {
            esn.add(StrongswanAlgorithms.byKeyword("noesn"));
        }
        return new Parsed(List.copyOf(enc), List.copyOf(integ), List.copyOf(prf), List.copyOf(groups),
                List.copyOf(esn));
    }

    /** The model's IKE proposal; IKEv1 connections get IKEv1 Phase 1 names (what their captures show). */
    static IkeProposalConfig toIke(Parsed p, int ikeVersion, Origin origin) {
        boolean v1 = ikeVersion == 1;
        return new IkeProposalConfig(
                p.encryption().stream().map(a -> v1 ? a.ikev1Phase1Name() : a.name()).toList(),
                p.integrity().stream().map(Algorithm::name).toList(),
                p.prf().stream().map(Algorithm::name).toList(),
                p.groups().stream().map(Algorithm::id).toList(), origin);
    }

    /**
     * The model's ESP/AH proposal. A group "none" next to others means PFS is optional and stays as 0; a proposal
     * whose only group is "none" has no PFS.
     */
    static ChildProposalConfig toChild(Parsed p, Protocol protocol, int ikeVersion, Origin origin) {
        boolean v1 = ikeVersion == 1;
        List<Integer> groups = p.groups().stream().map(Algorithm::id).toList();
        if (groups.stream().allMatch(g -> g == 0)) {
            groups = List.of();
        }
        return new ChildProposalConfig(protocol.name(),
                p.encryption().stream().map(a -> v1 ? a.ikev1Phase2Name() : a.name()).toList(),
                p.integrity().stream().map(a -> v1 ? a.ikev1Phase2Name() : a.name()).toList(),
                groups, p.esn().stream().map(a -> a.id() == 1).toList(), origin);
    }

    private static void addOnce(List<Algorithm> list, Algorithm a) {
        boolean present = list.stream().anyMatch(x -> x.kind() == a.kind() && x.id() == a.id() && x.bits() == a.bits());
        if (!present) {
            list.add(a);
        }
    }

    private static ConfigException bad(Origin origin, String proposal, String problem) {
        return new ConfigException(origin.file(), origin.line(), "proposal '" + proposal + "': " + problem);
    }
}
