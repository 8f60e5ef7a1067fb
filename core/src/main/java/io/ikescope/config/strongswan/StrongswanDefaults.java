package io.ikescope.config.strongswan;

import io.ikescope.config.strongswan.StrongswanAlgorithms.Algorithm;
import io.ikescope.config.strongswan.StrongswanProposals.Parsed;
import io.ikescope.config.strongswan.StrongswanProposals.Protocol;
import java.util.ArrayList;
import java.util.List;

/**
 * strongSwan 5.9's defaults (sources: the 5.9.8 tree of strongswan/strongswan).
 *
 * <p>Proposals: proposal.c proposal_create_default / proposal_create_default_aead. The IKE lists are what
 * proposal_add_supported_ike collects from the loaded plugins, round by round (at least 128-bit strength first);
 * we assume every algorithm it names is available, except NTRU and NewHope (plugins not built by default), and
 * list them in its order. The {@code default} keyword adds the classic proposal then the AEAD one
 * (vici_config.c parse_proposal); a connection without {@code proposals} gets the same; a child without
 * {@code esp_proposals} and {@code ah_proposals} gets AEAD first, then classic (vici_config.c, child defaults).
 *
 * <p>Lifetimes (vici_config.c): IKE rekey_time 4h when neither rekey_time nor reauth_time is set, over_time 10 %
 * of the larger; child rekey_time 1h, life_time 110 % of rekey_time; mode tunnel; start_action none;
 * local_ts/remote_ts dynamic; version 0 (any); local_addrs/remote_addrs %any. Authentication (swanctl.conf(5)):
 * auth pubkey, local id the IP address (or the certificate's subject), remote id %any.
 */
final class StrongswanDefaults {

    static final String VERSION = "strongSwan 5.9";
    static final long IKE_REKEY_SECONDS = 4 * 60 * 60;
    static final long CHILD_REKEY_SECONDS = 60 * 60;

    private StrongswanDefaults() {
    }

    static String note(String what) {
        return VERSION + " default " + what;
    }

    /** The proposals of the {@code default} keyword. */
    static List<Parsed> keywordDefault(Protocol protocol) {
        return switch (protocol) {
            case IKE -> List.of(ikeClassic(), ikeAead());
            case ESP -> List.of(espClassic(), espAead());
            case AH -> List.of(ah());
        };
    }

    /** A connection without {@code proposals}. */
    static List<Parsed> ikeWhenAbsent() {
        return List.of(ikeClassic(), ikeAead());
    }

    /** A child without {@code esp_proposals} or {@code ah_proposals}. */
    static List<Parsed> espWhenAbsent() {
        return List.of(espAead(), espClassic());
    }

    private static Parsed ikeClassic() {
        return new Parsed(
                keywords("aes128 aes192 aes256 aes128ctr aes192ctr aes256ctr camellia128 camellia192 camellia256"
                        + " camellia128ctr camellia192ctr camellia256ctr 3des"),
                keywords("sha256 sha384 sha512 aesxcbc aescmac sha1"),
                ikePrfs(), ikeGroups(), List.of());
    }

    private static Parsed ikeAead() {
        return new Parsed(
                keywords("aes128gcm16 aes192gcm16 aes256gcm16 aes128ccm16 aes192ccm16 aes256ccm16"
                        + " camellia128ccm16 camellia192ccm16 camellia256ccm16 chacha20poly1305"
                        + " aes128gcm12 aes192gcm12 aes256gcm12 aes128gcm8 aes192gcm8 aes256gcm8"
                        + " aes128ccm12 aes192ccm12 aes256ccm12 aes128ccm8 aes192ccm8 aes256ccm8"
                        + " camellia128ccm12 camellia192ccm12 camellia256ccm12"
                        + " camellia128ccm8 camellia192ccm8 camellia256ccm8"),
                List.of(), ikePrfs(), ikeGroups(), List.of());
    }

    private static List<Algorithm> ikePrfs() {
        return keywords("prfsha256 prfsha384 prfsha512 prfaesxcbc prfaescmac prfsha1");
    }

    private static List<Algorithm> ikeGroups() {
        return keywords("ecp256 ecp384 ecp521 ecp256bp ecp384bp ecp512bp curve25519 curve448"
                + " modp3072 modp4096 modp6144 modp8192 modp2048");
    }

    private static Parsed espClassic() {
        return new Parsed(keywords("aes128 aes192 aes256"), keywords("sha256 sha384 sha512 sha1 aesxcbc"),
                List.of(), List.of(), keywords("noesn"));
    }

    private static Parsed espAead() {
        return new Parsed(keywords("aes128gcm16 aes192gcm16 aes256gcm16"), List.of(), List.of(), List.of(),
                keywords("noesn"));
    }

    private static Parsed ah() {
        return new Parsed(List.of(), keywords("sha256 sha384 sha512 sha1 aesxcbc"), List.of(), List.of(),
                keywords("noesn"));
    }

    private static List<Algorithm> keywords(String names) {
        List<Algorithm> out = new ArrayList<>();
        for (String name : names.split(" ")) {
            out.add(StrongswanAlgorithms.byKeyword(name));
        }
        return List.copyOf(out);
    }
}
