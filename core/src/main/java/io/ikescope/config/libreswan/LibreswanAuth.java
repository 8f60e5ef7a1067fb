package io.ikescope.config.libreswan;

import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.Setting;
import io.ikescope.config.libreswan.ConnResolver.Resolved;
import io.ikescope.config.libreswan.IpsecConfParser.Entry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * authby= (both ends) and leftauth=/rightauth= (each end, IKEv2 only) as confread.c of libreswan 4.10 reads them.
 * Methods in the model's words: secret is "PSK", the RSA forms "RSA-SIG", the ECDSA forms "ECDSA", rsasig with ecdsa
 * (the IKEv2 default) "PUBKEY", null "NULL", never "NEVER", eaponly "EAP-ONLY". The IKEv1 default is rsasig
 * (RSA with SHA-1: ipsec.conf(5) authby).
 */
final class LibreswanAuth {

    /** authby=/leftauth= words -> method. Data table. */
    private static final Map<String, String> METHODS = Map.ofEntries(
            Map.entry("secret", "PSK"), Map.entry("psk", "PSK"),
            Map.entry("rsasig", "RSA-SIG"), Map.entry("rsa", "RSA-SIG"), Map.entry("rsa-sha1", "RSA-SIG"),
            Map.entry("rsa-sha2", "RSA-SIG"), Map.entry("rsa-sha2_256", "RSA-SIG"),
            Map.entry("rsa-sha2_384", "RSA-SIG"), Map.entry("rsa-sha2_512", "RSA-SIG"),
            Map.entry("ecdsa", "ECDSA"), Map.entry("ecdsa-sha2", "ECDSA"), Map.entry("ecdsa-sha2_256", "ECDSA"),
            Map.entry("ecdsa-sha2_384", "ECDSA"), Map.entry("ecdsa-sha2_512", "ECDSA"),
            Map.entry("null", "NULL"), Map.entry("never", "NEVER"), Map.entry("eaponly", "EAP-ONLY"));

    private final Resolved conn;
    private final int ikeVersion;
    private final List<ConfigWarning> warnings;
    private final Setting<String> symmetric;

    LibreswanAuth(Resolved conn, int ikeVersion, List<ConfigWarning> warnings) throws ConfigException {
        this.conn = conn;
        this.ikeVersion = ikeVersion;
        this.warnings = warnings;
        Entry authby = conn.get("authby");
        Entry leftauth = conn.get("leftauth");
        Entry rightauth = conn.get("rightauth");
        if ((leftauth == null) != (rightauth == null)) {
            Entry set = leftauth != null ? leftauth : rightauth;
            throw new ConfigException(set.origin().file(), set.origin().line(), set.key()
                    + "= needs " + (leftauth == null ? "leftauth" : "rightauth") + "= too (ipsec.conf(5) leftauth)");
        }
        if (leftauth != null && ikeVersion == 1) {
            throw new ConfigException(leftauth.origin().file(), leftauth.origin().line(),
                    "leftauth=/rightauth= (asymmetric authentication) need IKEv2");
        }
        if (leftauth != null && authby != null) {
            warnings.add(new ConfigWarning(authby.origin(), "authby= is not used when leftauth=/rightauth= are set"));
        }
        if (authby == null) {
            symmetric = ikeVersion == 1
                    ? Setting.byDefault("RSA-SIG", LibreswanDefaults.note("authby=rsasig (RSA with SHA-1 in IKEv1)"))
                    : Setting.byDefault("PUBKEY", LibreswanDefaults.note("authby=rsasig,ecdsa"));
        } else {
            symmetric = Setting.of(methods(authby), authby.origin());
        }
    }

    Setting<String> method(String side) throws ConfigException {
        Entry own = conn.get(side + "auth");
        return own == null ? symmetric : Setting.of(methods(own), own.origin());
    }

    private String methods(Entry e) throws ConfigException {
        Set<String> found = new LinkedHashSet<>();
        for (String word : e.value().toLowerCase(Locale.ROOT).split("[\\s,|]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String m = METHODS.get(word);
            if (m == null) {
                throw LibreswanValues.fail(e, "secret, rsasig, ecdsa, null, never or an rsa-/ecdsa- form");
            }
            if (ikeVersion == 1 && !Set.of("PSK", "RSA-SIG", "NEVER").contains(m)) {
                throw new ConfigException(e.origin().file(), e.origin().line(), "an IKEv1 conn must use authby= "
                        + "rsasig, secret or never (confread.c)");
            }
            found.add(m);
        }
        if (found.isEmpty()) {
            throw LibreswanValues.fail(e, "an authentication method");
        }
        if (found.size() == 1) {
            return found.iterator().next();
        }
        if (found.equals(Set.of("RSA-SIG", "ECDSA"))) {
            return "PUBKEY";
        }
        String first = found.iterator().next();
        warnings.add(new ConfigWarning(e.origin(), e.key() + "=" + e.value() + " allows several methods; "
                + "ikescope checks the first, " + first));
        return first;
    }
}
