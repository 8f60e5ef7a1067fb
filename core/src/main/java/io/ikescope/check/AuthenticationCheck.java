package io.ikescope.check;

import io.ikescope.config.Authentication;
import io.ikescope.config.Origin;
import io.ikescope.config.PskDigest;
import io.ikescope.config.Setting;
import io.ikescope.diagnosis.VerdictCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The authentication of Phase 1: each end's identity against what the other expects, the methods, and for
 * pre-shared keys whether both files hold the same secret (compared by {@link PskDigest}, never shown).
 * Certificates cannot be judged from the configurations (trust anchors, the certificates themselves are not
 * read), so a public-key pair is a warning, not a verdict.
 */
final class AuthenticationCheck {

    private AuthenticationCheck() {
    }

    /** The kind of credential a method keyword stands for; methods of one kind interoperate. */
    static String family(String method) {
        if (method == null) {
            return "UNKNOWN";
        }
        String m = method.toUpperCase(Locale.ROOT);
        if (m.startsWith("XAUTH")) {
            return m.contains("PSK") ? "XAUTH-PSK" : "XAUTH-PUBKEY";
        }
        if (m.startsWith("EAP")) {
            return "EAP";
        }
        if (m.contains("PSK") || m.equals("SECRET")) {
            return "PSK";
        }
        if (m.contains("RSA") || m.contains("ECDSA") || m.contains("PUBKEY") || m.contains("ED25519")
                || m.contains("ED448") || m.contains("SIG") || m.contains("CERT")) {
            return "PUBKEY";
        }
        return m;
    }

    /** Null when authentication succeeds; the failure otherwise. Warnings go to {@code findings}. */
    static Outcome check(End ini, End res, List<CheckFinding> findings) {
        List<Change> changes = new ArrayList<>();
        List<String> mismatch = new ArrayList<>();
        StringBuilder why = new StringBuilder();
        identity(ini, res, changes, mismatch, why);
        identity(res, ini, changes, mismatch, why);
        if (!mismatch.isEmpty()) {
            return Outcome.failed(VerdictCode.AUTH_FAILED, why.toString().trim(), List.of("id"), changes);
        }
        method(ini, res, changes, why);
        method(res, ini, changes, why);
        if (!changes.isEmpty()) {
            return Outcome.failed(VerdictCode.AUTH_FAILED, why.toString().trim(), List.of("authMethod"), changes);
        }
        boolean psk = family(ini.connection().local().method().value()).contains("PSK")
                || family(res.connection().local().method().value()).contains("PSK");
        if (psk && !comparable(ini) || psk && !comparable(res)) {
            // Stored encrypted (FortiOS ENC, Cisco type 6/7) or masked: set, but not to be compared.
            findings.add(CheckFinding.warning("PSK_NOT_COMPARABLE", "a pre-shared key is set but stored encrypted or"
                    + " masked in the configuration, so whether the two sides' keys are the same was not checked"));
        } else if (psk) {
            Outcome secret = secrets(ini, res);
            if (secret != null) {
                return secret;
            }
        }
        boolean pubkey = family(ini.connection().local().method().value()).equals("PUBKEY")
                || family(res.connection().local().method().value()).equals("PUBKEY");
        if (pubkey) {
            findings.add(CheckFinding.warning("CERTIFICATES_NOT_CHECKED", "public-key authentication: whether each"
                    + " side trusts the other's certificate (CA, validity, identity in the certificate) is not in the"
                    + " configurations and was not checked"));
        }
        return null;
    }

    private static void identity(End sender, End receiver, List<Change> changes, List<String> mismatch,
                                 StringBuilder why) {
        Setting<String> sent = sender.connection().local().id();
        Setting<String> expected = receiver.connection().remote().id();
        String address = sender.address(receiver);
        if (Identities.matches(expected.value(), sent.value(), address)) {
            return;
        }
        String sentText = sent.value() == null ? "its address " + address : sent.value();
        String expectedText = expected.value() == null ? "the peer's address" : expected.value();
        mismatch.add("id");
        why.append(sender.side()).append(" sends the identity ").append(sentText).append(" (").append(sent.origin())
                .append(") but ").append(receiver.side()).append(" expects ").append(expectedText).append(" (")
                .append(expected.origin()).append("). ");
        changes.add(new Change(receiver.side(), expected.origin(), "remote identity", expectedText, sentText));
        changes.add(new Change(sender.side(), sent.origin(), "local identity", sentText, expectedText));
    }

    private static void method(End sender, End receiver, List<Change> changes, StringBuilder why) {
        Setting<String> used = sender.connection().local().method();
        Setting<String> accepted = receiver.connection().remote().method();
        String u = family(used.value());
        String a = family(accepted.value());
        if (u.equals(a) || used.value() == null || accepted.value() == null) {
            return;
        }
        why.append(sender.side()).append(" authenticates with ").append(used.value()).append(" (")
                .append(used.origin()).append(") but ").append(receiver.side()).append(" expects ")
                .append(accepted.value()).append(" (").append(accepted.origin()).append("). ");
        changes.add(new Change(receiver.side(), accepted.origin(), "remote authentication", accepted.value(),
                used.value()));
        changes.add(new Change(sender.side(), used.origin(), "local authentication", used.value(),
                accepted.value()));
    }

    private static Outcome secrets(End ini, End res) {
        Setting<PskDigest> a = psk(ini.connection().local(), ini.connection().remote());
        Setting<PskDigest> b = psk(res.connection().local(), res.connection().remote());
        String ids = "for " + idText(ini) + " and " + idText(res);
        if (a.value() == null || b.value() == null) {
            List<Change> changes = new ArrayList<>();
            StringBuilder why = new StringBuilder();
            for (End e : List.of(ini, res)) {
                Setting<PskDigest> s = e == ini ? a : b;
                if (s.value() == null) {
                    why.append(e.side()).append(" has no pre-shared key ").append(ids).append(" (")
                            .append(s.origin()).append("). ");
                    changes.add(new Change(e.side(), s.origin(), "pre-shared key", "none",
                            "a secret " + ids + ", the same on both sides"));
                }
            }
            return Outcome.failed(VerdictCode.AUTH_FAILED, why.toString().trim(), List.of("psk"), changes);
        }
        if (a.value().equals(b.value())) {
            return null;
        }
        String why = "The pre-shared keys differ (" + ini.side() + ": " + a.origin() + ", digest " + a.value() + "; "
                + res.side() + ": " + b.origin() + ", digest " + b.value() + "): the responder cannot verify the"
                + " initiator's AUTH payload.";
        return Outcome.failed(VerdictCode.AUTH_FAILED, why, List.of("psk"), List.of(
                new Change(res.side(), b.origin(), "pre-shared key", "digest " + b.value(),
                        "the secret of " + ini.side() + " (" + a.origin() + ")"),
                new Change(ini.side(), a.origin(), "pre-shared key", "digest " + a.value(),
                        "the secret of " + res.side() + " (" + b.origin() + ")")));
    }

    private static boolean comparable(End e) {
        PskDigest digest = psk(e.connection().local(), e.connection().remote()).value();
        return digest == null || digest.comparable();
    }

    private static Setting<PskDigest> psk(Authentication local, Authentication remote) {
        if (local.psk() != null && local.psk().value() != null) {
            return local.psk();
        }
        if (remote.psk() != null && remote.psk().value() != null) {
            return remote.psk();
        }
        return local.psk() != null ? local.psk() : Setting.of(null, Origin.byDefault("no secret configured"));
    }

    private static String idText(End e) {
        String id = e.connection().local().id().value();
        return id == null ? "the address of " + e.side() : id;
    }
}
