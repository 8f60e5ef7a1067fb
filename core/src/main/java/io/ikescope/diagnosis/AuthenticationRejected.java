package io.ikescope.diagnosis;

import io.ikescope.session.AuthMethodNames;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Role;

/**
 * "Authentication failed": a peer says it does not believe the other's AUTH/HASH/signature or identity. Also IKEv1
 * with pre-shared keys: a responder that cannot parse MM5 (PAYLOAD-MALFORMED, INVALID-PAYLOAD-TYPE) decrypted it
 * with a key derived from another PSK.
 */
final class AuthenticationRejected implements NotifyRule {
    private static final String PAYLOAD_MALFORMED = "PAYLOAD_MALFORMED";
    private static final String INVALID_PAYLOAD_TYPE = "INVALID_PAYLOAD_TYPE";

    @Override
    public String name() {
        return "authentication failed";
    }

    @Override
    public boolean handles(ErrorSeen error, Facts f) {
        if (error.phase() != 1) {
            return false;
        }
        return NotifyNames.AUTHENTICATION.contains(error.name()) || error.is(NotifyNames.INVALID_ID_INFORMATION)
                || garbledAfterPsk(error, f);
    }

    @Override
    public Verdict verdict(ErrorSeen error, Facts f) {
        String method = f.authMethod();
        boolean psk = AuthMethodNames.isPreSharedKey(method);
        boolean identity = error.is(NotifyNames.INVALID_ID_INFORMATION);
        boolean garbled = garbledAfterPsk(error, f);
        Role judge = error.message().from();
        String judged = judge.other().jsonName();
        VerdictBuilder b = garbled ? VerdictBuilder.inferred(VerdictCode.AUTH_FAILED, 1)
                : VerdictBuilder.confirmed(VerdictCode.AUTH_FAILED, 1);
        String summary;
        String fix;
        if (identity) {
            summary = "Authentication failed: the " + judge.jsonName() + " does not accept the " + judged
                    + "'s identity (" + error.notice().name() + ").";
            fix = "Make the identity the " + judged + " sends match what the " + judge.jsonName() + " expects"
                    + " (strongSwan local_id/remote_id, libreswan leftid/rightid), and check that a connection on the "
                    + judge.jsonName() + " matches it.";
        } else if (psk || method == null && f.v2) {
            summary = "Authentication failed: " + (psk ? "the pre-shared keys differ" : "the " + judge.jsonName()
                    + " rejected the " + judged + "'s authentication") + " (" + error.notice().name() + " from the "
                    + judge.jsonName() + ").";
            fix = psk ? "Set the same pre-shared key on both peers for this pair of identities (the key is looked up by"
                    + " the IDs, so check them as well)."
                    : "Check the " + judged + "'s credentials: the same pre-shared key on both peers, or a certificate"
                    + " the " + judge.jsonName() + " trusts (its CA installed) whose identity matches the configured one.";
        } else {
            summary = "Authentication failed: the " + judge.jsonName() + " rejected the " + judged + "'s "
                    + (method != null ? method + " " : "") + "authentication (" + error.notice().name() + ").";
            fix = "Make the " + judge.jsonName() + " trust the CA that issued the " + judged + "'s certificate (install"
                    + " the CA certificate, send the whole chain) and check that the certificate's subject or"
                    + " subjectAltName matches the identity the " + judge.jsonName() + " expects.";
        }
        String explanation = "The " + judge.jsonName() + " sent " + error.notice().name() + " " + error.how() + " in "
                + Facts.describe(error.message()) + (method != null ? "; authentication method " + method : "") + ".";
        if (garbled) {
            explanation += " The responder could not parse MM5 after decrypting it: with pre-shared keys that is what"
                    + " a different key looks like, since the encryption key is derived from the PSK.";
            MessageRecord mm5 = mm5Before(error, f);
            b.evidence(mm5.frame());
            explanation += mm5 != null && mm5.decrypted()
                    ? " MM5 (" + Facts.frame(mm5) + ") decrypts and parses cleanly with the key material given, so"
                    + " it was not malformed: the responder used another key. No message names the pre-shared keys,"
                    + " so the cause stays inferred; the responder's log names it (strongSwan: 'invalid ID_V1"
                    + " payload length, decryption failed?')."
                    : " Decrypting MM5 with the initiator's keys and the informational with the responder's would"
                    + " support it.";
        }
        return b.summary(summary).explanation(explanation).fix(fix).evidence(error.message().frame()).build();
    }

    /** IKEv1 Main Mode with PSK: the responder answers the initiator's encrypted MM5 with "malformed". */
    private static boolean garbledAfterPsk(ErrorSeen error, Facts f) {
        if (f.v2 || !AuthMethodNames.isPreSharedKey(f.authMethod()) || error.message().from() != Role.RESPONDER
                || !(error.is(PAYLOAD_MALFORMED) || error.is(INVALID_PAYLOAD_TYPE))) {
            return false;
        }
        return mm5Before(error, f) != null;
    }

    private static MessageRecord mm5Before(ErrorSeen error, Facts f) {
        for (MessageRecord m : f.n.messages()) {
            if ("MM5".equals(m.step()) && !m.fragmentPart() && m.frame() < error.message().frame()) {
                return m;
            }
        }
        return null;
    }
}
