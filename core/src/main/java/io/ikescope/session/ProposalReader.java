package io.ikescope.session;

import io.ikescope.wire.Attribute;
import io.ikescope.wire.Proposal;
import io.ikescope.wire.SecurityAssociationPayload;
import io.ikescope.wire.Transform;
import io.ikescope.wire.registry.Ikev1Registry;
import io.ikescope.wire.registry.Ikev2Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads SA payloads into algorithm combinations. An IKEv1 transform is one combination; an IKEv2 proposal gives
 * every combination of its transforms (one per type), at most {@link #MAX_COMBINATIONS} per SA payload.
 */
public final class ProposalReader {
    private ProposalReader() {
    }

    /** Bound on the combinations one SA payload expands to (a proposal of 5 ciphers x 4 MACs x 4 PRFs x 6 groups is 480). */
    public static final int MAX_COMBINATIONS = 64;

    // IKEv1 Phase 1 attribute classes
    private static final int V1_ENCRYPTION = RegistryValues.of(Ikev1Registry.IKE_ATTRIBUTE, "Encryption-Algorithm");
    private static final int V1_HASH = RegistryValues.of(Ikev1Registry.IKE_ATTRIBUTE, "Hash-Algorithm");
    private static final int V1_AUTH = RegistryValues.of(Ikev1Registry.IKE_ATTRIBUTE, "Authentication-Method");
    private static final int V1_GROUP = RegistryValues.of(Ikev1Registry.IKE_ATTRIBUTE, "Group-Description");
    private static final int V1_LIFE_TYPE = RegistryValues.of(Ikev1Registry.IKE_ATTRIBUTE, "Life-Type");
    private static final int V1_LIFE_DURATION = RegistryValues.of(Ikev1Registry.IKE_ATTRIBUTE, "Life-Duration");
    private static final int V1_PRF = RegistryValues.of(Ikev1Registry.IKE_ATTRIBUTE, "PRF");
    private static final int V1_KEY_LENGTH = RegistryValues.of(Ikev1Registry.IKE_ATTRIBUTE, "Key-Length");
    private static final int V1_SECONDS = RegistryValues.of(Ikev1Registry.IKE_LIFE_TYPE, "Seconds");
    // IKEv1 Phase 2 attribute types
    private static final int P2_LIFE_TYPE = RegistryValues.of(Ikev1Registry.IPSEC_ATTRIBUTE, "SA-Life-Type");
    private static final int P2_LIFE_DURATION = RegistryValues.of(Ikev1Registry.IPSEC_ATTRIBUTE, "SA-Life-Duration");
    private static final int P2_GROUP = RegistryValues.of(Ikev1Registry.IPSEC_ATTRIBUTE, "Group-Description");
    private static final int P2_MODE = RegistryValues.of(Ikev1Registry.IPSEC_ATTRIBUTE, "Encapsulation-Mode");
    private static final int P2_AUTH = RegistryValues.of(Ikev1Registry.IPSEC_ATTRIBUTE, "Authentication-Algorithm");
    private static final int P2_KEY_LENGTH = RegistryValues.of(Ikev1Registry.IPSEC_ATTRIBUTE, "Key-Length");
    private static final int P2_ESN = RegistryValues.of(Ikev1Registry.IPSEC_ATTRIBUTE, "Extended (64-bit) Sequence Number");
    private static final int P2_SECONDS = RegistryValues.of(Ikev1Registry.IPSEC_LIFE_TYPE, "Seconds");
    // protocols
    private static final int V1_ISAKMP = RegistryValues.of(Ikev1Registry.PROTOCOL_ID, "ISAKMP");
    private static final int V1_AH = RegistryValues.of(Ikev1Registry.PROTOCOL_ID, "IPSEC_AH");
    private static final int V1_ESP = RegistryValues.of(Ikev1Registry.PROTOCOL_ID, "IPSEC_ESP");
    private static final int V2_IKE = RegistryValues.of(Ikev2Registry.PROTOCOL_ID, "IKE");
    private static final int V2_AH = RegistryValues.of(Ikev2Registry.PROTOCOL_ID, "AH");
    private static final int V2_ESP = RegistryValues.of(Ikev2Registry.PROTOCOL_ID, "ESP");
    // IKEv2 transform types and the key-length attribute
    private static final int ENCR = RegistryValues.of(Ikev2Registry.TRANSFORM_TYPE, "Encryption Algorithm (ENCR)");
    private static final int PRF = RegistryValues.of(Ikev2Registry.TRANSFORM_TYPE, "Pseudorandom Function (PRF)");
    private static final int INTEG = RegistryValues.of(Ikev2Registry.TRANSFORM_TYPE, "Integrity Algorithm (INTEG)");
    private static final int KE = RegistryValues.of(Ikev2Registry.TRANSFORM_TYPE, "Key Exchange Method (KE)");
    private static final int SN = RegistryValues.of(Ikev2Registry.TRANSFORM_TYPE, "Sequence Numbers (SN)");
    private static final int V2_KEY_LENGTH = RegistryValues.of(Ikev2Registry.TRANSFORM_ATTRIBUTE, "Key Length (in bits)");
    private static final int ESN_PARTIAL_64 = RegistryValues.of(Ikev2Registry.ESN,
            "Partially Transmitted 64-bit Sequential Numbers");

    /** True when the SA negotiates an IKE SA (IKEv1 ISAKMP proposals, IKEv2 protocol IKE: an IKE SA rekey). */
    public static boolean negotiatesIkeSa(int ikeVersion, SecurityAssociationPayload sa) {
        int ike = ikeVersion == 1 ? V1_ISAKMP : V2_IKE;
        for (Proposal p : sa.proposals()) {
            if (p.protocolId() == ike) {
                return true;
            }
        }
        return false;
    }

    /** The Phase 1 / IKE SA combinations of an SA payload. */
    public static List<IkeProposal> ikeSa(int ikeVersion, SecurityAssociationPayload sa) {
        List<IkeProposal> out = new ArrayList<>();
        for (Proposal p : sa.proposals()) {
            if (ikeVersion == 1) {
                if (p.protocolId() == V1_ISAKMP) {
                    for (Transform t : p.transforms()) {
                        if (out.size() < MAX_COMBINATIONS) {
                            out.add(ikev1Transform(p.number(), t));
                        }
                    }
                }
            } else if (p.protocolId() == V2_IKE) {
                ikev2Combinations(p, out);
            }
        }
        return out;
    }

    /** The IPsec SA (child) combinations of an SA payload. */
    public static List<ChildProposal> childSa(int ikeVersion, SecurityAssociationPayload sa) {
        List<ChildProposal> out = new ArrayList<>();
        for (Proposal p : sa.proposals()) {
            if (ikeVersion == 1) {
                if (p.protocolId() == V1_ESP || p.protocolId() == V1_AH) {
                    for (Transform t : p.transforms()) {
                        if (out.size() < MAX_COMBINATIONS) {
                            out.add(ikev1ChildTransform(p, t));
                        }
                    }
                }
            } else if (p.protocolId() == V2_ESP || p.protocolId() == V2_AH) {
                ikev2ChildCombinations(p, out);
            }
        }
        return out;
    }

    /** The KE groups an IKEv2 SA offers, in order, without repeats. */
    public static List<Integer> ikev2Groups(SecurityAssociationPayload sa) {
        List<Integer> groups = new ArrayList<>();
        for (Proposal p : sa.proposals()) {
            for (Transform t : p.transforms()) {
                if (t.type() != null && t.type() == KE && !groups.contains(t.id())) {
                    groups.add(t.id());
                }
            }
        }
        return groups;
    }

    private static IkeProposal ikev1Transform(int proposal, Transform t) {
        Integer enc = null;
        Integer keyBits = null;
        String hash = null;
        String prf = null;
        String auth = null;
        Integer group = null;
        Long lifetime = null;
        boolean seconds = false;
        for (Attribute a : t.attributes()) {
            long v = a.numericValue();
            if (v < 0) {
                continue;
            }
            int type = a.type();
            if (type == V1_ENCRYPTION) {
                enc = (int) v;
            } else if (type == V1_KEY_LENGTH) {
                keyBits = (int) v;
            } else if (type == V1_HASH) {
                hash = AlgorithmNames.ikev1Hash((int) v);
            } else if (type == V1_PRF) {
                prf = "PRF-" + v;
            } else if (type == V1_AUTH) {
                auth = AuthMethodNames.name(1, (int) v);
            } else if (type == V1_GROUP) {
                group = (int) v;
            } else if (type == V1_LIFE_TYPE) {
                seconds = v == V1_SECONDS;
            } else if (type == V1_LIFE_DURATION && seconds) {
                lifetime = v;
            }
        }
        String encryption = enc == null ? null : AlgorithmNames.ikev1Encryption(enc, keyBits);
        return new IkeProposal(proposal, encryption, hash, prf, null, group, auth, lifetime);
    }

    private static ChildProposal ikev1ChildTransform(Proposal p, Transform t) {
        boolean esp = p.protocolId() == V1_ESP;
        Integer keyBits = null;
        String integrity = null;
        Integer group = null;
        Boolean esn = null;
        String mode = null;
        Long lifetime = null;
        boolean seconds = false;
        for (Attribute a : t.attributes()) {
            long v = a.numericValue();
            if (v < 0) {
                continue;
            }
            int type = a.type();
            if (type == P2_KEY_LENGTH) {
                keyBits = (int) v;
            } else if (type == P2_AUTH) {
                integrity = AlgorithmNames.ikev1Phase2Integrity((int) v);
            } else if (type == P2_GROUP) {
                group = (int) v;
            } else if (type == P2_ESN) {
                esn = v == 1;
            } else if (type == P2_MODE) {
                mode = modeName((int) v);
            } else if (type == P2_LIFE_TYPE) {
                seconds = v == P2_SECONDS;
            } else if (type == P2_LIFE_DURATION && seconds) {
                lifetime = v;
            }
        }
        String encryption = esp ? AlgorithmNames.ikev1EspEncryption(t.id(), keyBits) : null;
        if (!esp && integrity == null) {
            integrity = AlgorithmNames.ikev1AhTransform(t.id());
        }
        return new ChildProposal(p.number(), esp ? "ESP" : "AH", encryption, integrity, group, esn, mode, lifetime,
                p.spi().hex());
    }

    /** "tunnel" or "transport" (UDP-encapsulated variants included), else the registry name in lower case. */
    static String modeName(int value) {
        String name = Ikev1Registry.IPSEC_ENCAPSULATION_MODE.name(value);
        if (name == null) {
            return "mode-" + value;
        }
        if (name.contains("Tunnel")) {
            return "tunnel";
        }
        if (name.contains("Transport")) {
            return "transport";
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static void ikev2Combinations(Proposal p, List<IkeProposal> out) {
        List<String> encs = new ArrayList<>();
        List<String> prfs = new ArrayList<>();
        List<String> integs = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        for (Transform t : p.transforms()) {
            int type = t.type() == null ? -1 : t.type();
            if (type == ENCR) {
                encs.add(AlgorithmNames.ikev2Encryption(t.id(), keyLength(t)));
            } else if (type == PRF) {
                prfs.add(AlgorithmNames.ikev2Prf(t.id()));
            } else if (type == INTEG) {
                integs.add(AlgorithmNames.ikev2Integrity(t.id()));
            } else if (type == KE) {
                groups.add(t.id());
            }
        }
        for (String enc : orNull(encs)) {
            for (String integ : orNull(integs)) {
                for (String prf : orNull(prfs)) {
                    for (Integer group : orNull(groups)) {
                        if (out.size() >= MAX_COMBINATIONS) {
                            return;
                        }
                        out.add(new IkeProposal(p.number(), enc, null, prf, integ, group, null, null));
                    }
                }
            }
        }
    }

    private static void ikev2ChildCombinations(Proposal p, List<ChildProposal> out) {
        String protocol = p.protocolId() == V2_ESP ? "ESP" : "AH";
        List<String> encs = new ArrayList<>();
        List<String> integs = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        List<Boolean> esns = new ArrayList<>();
        for (Transform t : p.transforms()) {
            int type = t.type() == null ? -1 : t.type();
            if (type == ENCR) {
                encs.add(AlgorithmNames.ikev2Encryption(t.id(), keyLength(t)));
            } else if (type == INTEG) {
                integs.add(AlgorithmNames.ikev2Integrity(t.id()));
            } else if (type == KE) {
                // KE method NONE (0) offers "no PFS" next to the groups.
                groups.add(t.id() == 0 ? null : t.id());
            } else if (type == SN) {
                esns.add(t.id() == ESN_PARTIAL_64);
            }
        }
        for (String enc : orNull(encs)) {
            for (String integ : orNull(integs)) {
                for (Integer group : orNull(groups)) {
                    for (Boolean esn : orNull(esns)) {
                        if (out.size() >= MAX_COMBINATIONS) {
                            return;
                        }
                        out.add(new ChildProposal(p.number(), protocol, enc, integ, group, esn, null, null,
                                p.spi().hex()));
                    }
                }
            }
        }
    }

    private static Integer keyLength(Transform t) {
        for (Attribute a : t.attributes()) {
            if (a.type() == V2_KEY_LENGTH && a.numericValue() >= 0) {
                return (int) a.numericValue();
            }
        }
        return null;
    }

    private static <T> List<T> orNull(List<T> values) {
        if (values.isEmpty()) {
            List<T> one = new ArrayList<>(1);
            one.add(null);
            return one;
        }
        return values;
    }
}
