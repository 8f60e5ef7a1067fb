package io.ikescope.diagnosis;

import io.ikescope.session.MessageRecord;

/** IKEv1 XAUTH refused: the gateway's decrypted mode-config SET carries XAUTH_STATUS = FAIL. */
final class XauthRejected implements Rule {
    @Override
    public String name() {
        return "XAUTH refused";
    }

    @Override
    public Verdict apply(Facts f) {
        for (MessageRecord m : f.n.messages()) {
            if ("xauth-failed".equals(m.purpose())) {
                return VerdictBuilder.confirmed(VerdictCode.AUTH_FAILED, 1)
                        .summary("Extended authentication (XAUTH) failed: the " + m.from().jsonName()
                                + " refused the user name or password.")
                        .explanation("Phase 1 completed, then the " + m.from().jsonName() + " sent XAUTH_STATUS = FAIL"
                                + " in the decrypted Transaction message " + Facts.frame(m) + ".")
                        .fix("Check the XAUTH user name and password on the client against the gateway's user"
                                + " database (or its RADIUS server's log).")
                        .evidence(m.frame())
                        .build();
            }
        }
        return null;
    }
}
