package io.ikescope.config.cisco;

import io.ikescope.config.Origin;
import io.ikescope.config.PskDigest;
import io.ikescope.config.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The crypto objects of one running-config, by name, as the sections define them and before they are combined
 * into connections. The smart defaults (IKEv2 proposal and policy "default", transform set and IPsec profile
 * "default") are present from the start; a configured object of that name changes them, "no crypto ... default"
 * removes them.
 */
final class CiscoObjects {

    static final class IsakmpPolicy {
        final int priority;
        final Origin origin;
        Setting<String> encryption = Setting.byDefault("DES-CBC", CiscoDefaults.note("ISAKMP policy encryption des"));
        Setting<String> hash = Setting.byDefault(CiscoDefaults.ISAKMP_HASH,
                CiscoDefaults.note("ISAKMP policy hash sha"));
        Setting<String> authentication = Setting.byDefault("RSA-SIG",
                CiscoDefaults.note("ISAKMP policy authentication rsa-sig"));
        Setting<Integer> group = Setting.byDefault(CiscoDefaults.ISAKMP_GROUP,
                CiscoDefaults.note("ISAKMP policy group 1"));
        Setting<Long> lifetime = Setting.byDefault(CiscoDefaults.ISAKMP_LIFETIME,
                CiscoDefaults.note("ISAKMP policy lifetime 86400 s"));

        IsakmpPolicy(int priority, Origin origin) {
            this.priority = priority;
            this.origin = origin;
        }
    }

    /**
     * A pre-shared key for an address and mask ("crypto isakmp key", "pre-shared-key address" of a crypto
     * keyring) or for a host name; {@code keyring} null for the global keys.
     */
    record IsakmpKey(String keyring, long address, int prefix, String hostname, Setting<PskDigest> psk) {
    }

    static final class IsakmpProfile {
        final String name;
        final Origin origin;
        Setting<String> keyring;
        Setting<String> selfIdentity;
        final List<Setting<String>> matchAddresses = new ArrayList<>();

        IsakmpProfile(String name, Origin origin) {
            this.name = name;
            this.origin = origin;
        }
    }

    static final class Ikev2Proposal {
        final String name;
        final Origin origin;
        Setting<List<String>> encryption;
        Setting<List<String>> integrity;
        Setting<List<String>> prf;
        Setting<List<Integer>> groups;

        Ikev2Proposal(String name, Origin origin) {
            this.name = name;
            this.origin = origin;
        }

        static Ikev2Proposal smartDefault() {
            Ikev2Proposal p = new Ikev2Proposal("default", Origin.byDefault(CiscoDefaults.note("IKEv2 proposal")));
            p.encryption = Setting.byDefault(CiscoDefaults.IKEV2_ENCRYPTION,
                    CiscoDefaults.note("IKEv2 proposal encryption aes-cbc-256"));
            p.integrity = Setting.byDefault(CiscoDefaults.IKEV2_INTEGRITY,
                    CiscoDefaults.note("IKEv2 proposal integrity sha512 sha384"));
            p.prf = Setting.byDefault(CiscoDefaults.IKEV2_PRF, CiscoDefaults.note("IKEv2 proposal prf sha512 sha384"));
            p.groups = Setting.byDefault(CiscoDefaults.IKEV2_GROUPS,
                    CiscoDefaults.note("IKEv2 proposal group 19 14 21 5"));
            return p;
        }
    }

    static final class Ikev2Policy {
        final String name;
        final Origin origin;
        final List<Setting<String>> proposals = new ArrayList<>();
        /** "match address local A" values; empty: any local address. */
        final List<String> matchLocal = new ArrayList<>();

        Ikev2Policy(String name, Origin origin) {
            this.name = name;
            this.origin = origin;
        }
    }

    /** One "peer" of an IKEv2 keyring. */
    static final class Ikev2Peer {
        final String name;
        final Origin origin;
        long address = -1;
        int prefix = 32;
        String identity;
        Setting<PskDigest> localKey;
        Setting<PskDigest> remoteKey;

        Ikev2Peer(String name, Origin origin) {
            this.name = name;
            this.origin = origin;
        }
    }

    static final class Ikev2Profile {
        final String name;
        final Origin origin;
        /** "match identity remote ..." as the identity value (address, FQDN, e-mail, key-id). */
        final List<Setting<String>> remoteIds = new ArrayList<>();
        Setting<String> localId;
        Setting<String> authLocal;
        final List<Setting<String>> authRemote = new ArrayList<>();
        Setting<String> keyring;
        /** Keys given in "authentication local|remote pre-share key K": they win over the keyring's. */
        Setting<PskDigest> localKey;
        Setting<PskDigest> remoteKey;
        Setting<Long> lifetime = Setting.byDefault(CiscoDefaults.IKEV2_LIFETIME,
                CiscoDefaults.note("IKEv2 profile lifetime 86400 s"));

        Ikev2Profile(String name, Origin origin) {
            this.name = name;
            this.origin = origin;
        }
    }

    static final class TransformSet {
        final String name;
        final Origin origin;
        String protocol = "ESP";
        final List<String> encryption = new ArrayList<>();
        final List<String> integrity = new ArrayList<>();
        Setting<String> mode;

        TransformSet(String name, Origin origin) {
            this.name = name;
            this.origin = origin;
            this.mode = Setting.byDefault(CiscoDefaults.CONFIGURED_TRANSFORM_MODE,
                    CiscoDefaults.note("transform-set mode tunnel"));
        }

        static TransformSet smartDefault() {
            TransformSet t = new TransformSet("default", Origin.byDefault(CiscoDefaults.note(
                    "transform set: esp-aes esp-sha-hmac")));
            t.encryption.addAll(CiscoDefaults.TRANSFORM_ENCRYPTION);
            t.integrity.addAll(CiscoDefaults.TRANSFORM_INTEGRITY);
            t.mode = Setting.byDefault(CiscoDefaults.TRANSFORM_MODE,
                    CiscoDefaults.note("transform set negotiates transport mode"));
            return t;
        }
    }

    /** The "set ..." commands an IPsec profile and a crypto map entry share. */
    static class IpsecPolicy {
        final String name;
        final Origin origin;
        Setting<List<String>> transformSets = Setting.byDefault(List.of("default"),
                CiscoDefaults.note("transform set \"default\" when none is set"));
        Setting<List<Integer>> pfs = Setting.byDefault(List.of(), CiscoDefaults.note("no PFS"));
        Setting<String> ikev2Profile;
        Setting<String> isakmpProfile;
        Setting<Long> lifetime;

        IpsecPolicy(String name, Origin origin) {
            this.name = name;
            this.origin = origin;
        }
    }

    static final class MapEntry extends IpsecPolicy {
        final String map;
        final int seq;
        final boolean dynamic;
        final List<Setting<String>> peers = new ArrayList<>();
        Setting<String> acl;

        MapEntry(String map, int seq, boolean dynamic, Origin origin) {
            super(map + " seq " + seq, origin);
            this.map = map;
            this.seq = seq;
            this.dynamic = dynamic;
        }
    }

    static final class Interface {
        final String name;
        final Origin origin;
        Setting<String> address;
        Setting<String> cryptoMap;
        Setting<String> tunnelSource;
        Setting<String> tunnelDestination;
        Setting<String> tunnelMode;
        Setting<String> tunnelProfile;

        Interface(String name, Origin origin) {
            this.name = name;
            this.origin = origin;
        }
    }

    final Map<Integer, IsakmpPolicy> isakmpPolicies = new TreeMap<>();
    final List<IsakmpKey> isakmpKeys = new ArrayList<>();
    final Map<String, IsakmpProfile> isakmpProfiles = new LinkedHashMap<>();
    Setting<String> isakmpIdentity = Setting.byDefault("address", CiscoDefaults.note("crypto isakmp identity address"));
    Setting<Boolean> aggressiveModeDisabled = Setting.byDefault(false,
            CiscoDefaults.note("Aggressive Mode accepted as responder"));

    final Map<String, Ikev2Proposal> ikev2Proposals = new LinkedHashMap<>();
    final Map<String, Ikev2Policy> ikev2Policies = new LinkedHashMap<>();
    final Map<String, Map<String, Ikev2Peer>> ikev2Keyrings = new LinkedHashMap<>();
    final Map<String, Ikev2Profile> ikev2Profiles = new LinkedHashMap<>();

    final Map<String, TransformSet> transformSets = new LinkedHashMap<>();
    final Map<String, IpsecPolicy> ipsecProfiles = new LinkedHashMap<>();
    final List<MapEntry> mapEntries = new ArrayList<>();
    final Map<String, List<MapEntry>> dynamicMaps = new LinkedHashMap<>();
    /** "crypto map NAME local-address INTERFACE". */
    final Map<String, Setting<String>> mapLocalAddress = new LinkedHashMap<>();
    Setting<Long> ipsecLifetime = Setting.byDefault(CiscoDefaults.IPSEC_LIFETIME,
            CiscoDefaults.note("IPsec SA lifetime 3600 s"));

    final Map<String, CiscoAcl> acls = new LinkedHashMap<>();
    final Map<String, Interface> interfaces = new LinkedHashMap<>();
    String hostname;
    String domain;

    CiscoObjects() {
        ikev2Proposals.put("default", Ikev2Proposal.smartDefault());
        Ikev2Policy policy = new Ikev2Policy("default", Origin.byDefault(CiscoDefaults.note("IKEv2 policy")));
        policy.proposals.add(Setting.byDefault("default", CiscoDefaults.note("IKEv2 policy proposal default")));
        ikev2Policies.put("default", policy);
        transformSets.put("default", TransformSet.smartDefault());
        ipsecProfiles.put("default", new IpsecPolicy("default", Origin.byDefault(CiscoDefaults.note(
                "IPsec profile"))));
    }
}
