package io.ikescope.diagnosis;

/**
 * The notify names the rules act on, in the one spelling {@link io.ikescope.session.NotifySeen#key()} uses for both
 * IKE versions (IKEv1's hyphens as underscores). Every one is a registry name (checked by a test).
 */
final class NotifyNames {
    private NotifyNames() {
    }

    static final String NO_PROPOSAL_CHOSEN = "NO_PROPOSAL_CHOSEN";
    static final String INVALID_KE_PAYLOAD = "INVALID_KE_PAYLOAD";
    static final String AUTHENTICATION_FAILED = "AUTHENTICATION_FAILED";
    static final String TS_UNACCEPTABLE = "TS_UNACCEPTABLE";
    static final String INVALID_ID_INFORMATION = "INVALID_ID_INFORMATION";
    static final String INVALID_HASH_INFORMATION = "INVALID_HASH_INFORMATION";
    static final String INVALID_SIGNATURE = "INVALID_SIGNATURE";
    static final String INVALID_CERTIFICATE = "INVALID_CERTIFICATE";
    static final String CERT_TYPE_UNSUPPORTED = "CERT_TYPE_UNSUPPORTED";
    static final String INVALID_CERT_AUTHORITY = "INVALID_CERT_AUTHORITY";
    static final String CERTIFICATE_UNAVAILABLE = "CERTIFICATE_UNAVAILABLE";
    static final String COOKIE = "COOKIE";

    /** Errors that mean "I do not believe who you are". */
    static final java.util.List<String> AUTHENTICATION = java.util.List.of(AUTHENTICATION_FAILED,
            INVALID_HASH_INFORMATION, INVALID_SIGNATURE, INVALID_CERTIFICATE, CERT_TYPE_UNSUPPORTED,
            INVALID_CERT_AUTHORITY, CERTIFICATE_UNAVAILABLE);
}
