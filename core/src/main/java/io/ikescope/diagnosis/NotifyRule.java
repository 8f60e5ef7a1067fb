package io.ikescope.diagnosis;

/** A rule that reads the error a peer sent (in cleartext or decrypted): the verdict is then confirmed. */
interface NotifyRule {
    String name();

    boolean handles(ErrorSeen error, Facts facts);

    Verdict verdict(ErrorSeen error, Facts facts);
}
