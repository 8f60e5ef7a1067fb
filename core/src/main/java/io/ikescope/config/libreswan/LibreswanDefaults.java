package io.ikescope.config.libreswan;

import io.ikescope.config.ChildProposalConfig;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.Origin;
import java.util.List;

/**
 * libreswan 4.10's defaults, each from the source of tag v4.10 (github.com/libreswan/libreswan):
 * <ul>
 *   <li>IKE proposals: lib/libswan/ike_info.c. IKEv2 {@code AES_GCM_16_256, AES_GCM_16_128, AES_CBC_256,
 *       AES_CBC_128}, PRFs SHA2-512 then SHA2-256 (integrity derived from the PRF), groups MODP 2048, 3072, 4096, 8192,
 *       ECP 256, 384, 521, Curve25519; IKEv1 {@code AES_CBC, 3DES}, groups MODP 2048 and 1536, PRFs SHA2-256, SHA2-512,
 *       SHA1.</li>
 *   <li>ESP proposals: lib/libswan/esp_info.c. IKEv2 the same four ciphers with integrity SHA2-512, SHA2-256; IKEv1
 *       {@code AES_CBC} with SHA1. AH: lib/libswan/ah_info.c (IKEv2 SHA2-512, SHA2-256, SHA1; IKEv1 SHA1).</li>
 *   <li>IKE version: IKEv2 (lib/libipsecconf/confread.c, conn %default {@code ike_version = IKEv2});
 *       {@code ikev2=no|never|permit} select IKEv1, {@code yes|propose|insist|always} IKEv2 (keywords.c, confread.c).
 *       libreswan 5 replaced it by {@code keyexchange=ikev1|ikev2} (ikev2= still read); 4.10 accepts only
 *       {@code keyexchange=ike}.</li>
 *   <li>pfs=yes, type=tunnel, auto=ignore, encapsulation=auto, fragmentation=yes, narrowing=no, aggressive=no,
 *       rekey=yes: confread.c conn %default and ipsec.conf(5).</li>
 *   <li>ikelifetime 8h, salifetime 8h, rekeymargin 9m, rekeyfuzz 100%: include/pluto_constants.h
 *       (IKE_SA_LIFETIME_DEFAULT, IPSEC_SA_LIFETIME_DEFAULT, SA_REPLACEMENT_MARGIN_DEFAULT,
 *       SA_REPLACEMENT_FUZZ_DEFAULT); both lifetimes at most 24h (ipsec.conf(5)).</li>
 *   <li>authby: rsasig,ecdsa (ipsec.conf(5) authby).</li>
 * </ul>
 */
final class LibreswanDefaults {

    static final String VERSION = "libreswan 4.10";
    static final long IKE_LIFETIME = 8 * 3600;
    static final long SA_LIFETIME = 8 * 3600;
    static final long MAX_LIFETIME = 24 * 3600;
    static final long REKEY_MARGIN = 9 * 60;

    private static final String V2_CIPHERS = "aes_gcm_16_256,aes_gcm_16_128,aes_cbc_256,aes_cbc_128";
    private static final String V1_IKE_CIPHERS = "aes_cbc,3des";
    private static final String V1_ESP_CIPHERS = "aes_cbc";

    private LibreswanDefaults() {
    }

    static String note(String what) {
        return VERSION + " default " + what;
    }

    static List<IkeProposalConfig> ikeProposals(int ikeVersion) {
        Origin origin = Origin.byDefault(note("IKE proposals (lib/libswan/ike_info.c)"));
        return LibreswanProposals.ike(ikeVersion == 1 ? V1_IKE_CIPHERS : V2_CIPHERS, ikeVersion, origin);
    }

    static List<ChildProposalConfig> espProposals(int ikeVersion) {
        Origin origin = Origin.byDefault(note("ESP proposals (lib/libswan/esp_info.c)"));
        return LibreswanProposals.child(ikeVersion == 1 ? V1_ESP_CIPHERS : V2_CIPHERS,
                LibreswanProposals.Kind.ESP, ikeVersion, origin);
    }

    static List<ChildProposalConfig> ahProposals(int ikeVersion) {
        Origin origin = Origin.byDefault(note("AH proposals (lib/libswan/ah_info.c)"));
        return LibreswanProposals.child(ikeVersion == 1 ? "sha1_96" : "sha2_512_256,sha2_256_128,sha1_96",
                LibreswanProposals.Kind.AH, ikeVersion, origin);
    }

    /** PRFs an IKE proposal without one gets: SHA2-512, SHA2-256 (IKEv2); SHA2-256, SHA2-512, SHA1 (IKEv1). */
    static List<Integer> ikePrfs(int ikeVersion) {
        return ikeVersion == 1 ? List.of(5, 7, 2) : List.of(7, 5);
    }

    /** Groups an IKE proposal without one gets. */
    static List<Integer> ikeGroups(int ikeVersion) {
        return ikeVersion == 1 ? List.of(14, 5) : List.of(14, 15, 16, 18, 19, 20, 21, 31);
    }

    /** Integrity an ESP proposal of a non-AEAD cipher without one gets: SHA2-512, SHA2-256 (IKEv2); SHA1 (IKEv1). */
    static List<Integer> espIntegrity(int ikeVersion) {
        return ikeVersion == 1 ? List.of(2) : List.of(14, 12);
    }

    static List<Integer> ahIntegrity(int ikeVersion) {
        return ikeVersion == 1 ? List.of(2) : List.of(14, 12);
    }
}
