package io.ikescope.diagnosis;

/** The contract's verdict codes (cli-and-json.md). */
public enum VerdictCode {
    /** Every phase that started completed. */
    ESTABLISHED,
    /** The peer never answered. */
    NO_RESPONSE,
    /** The responder accepted none of the offered proposals (Phase 1 or 2). */
    PROPOSAL_MISMATCH,
    /** The offered Diffie-Hellman group is not acceptable to the peer and no retry succeeded. */
    DH_GROUP_MISMATCH,
    /** Authentication failed: different pre-shared keys, a rejected signature or identity. */
    AUTH_FAILED,
    /** Phase 2 traffic selectors were refused. */
    TS_MISMATCH,
    /** Phase 2 failed because one side requires PFS and the other does not, or the groups differ. */
    PFS_MISMATCH,
    /** The exchange stalls after moving to UDP 4500. */
    NAT_T_BLOCKED,
    /** Large messages were fragmented and not all fragments arrived. */
    FRAGMENTATION_LOSS,
    /** The peer reported another error notify. */
    PEER_ERROR,
    /** The capture ends before the outcome is visible. */
    INCOMPLETE,
    /** The outcome is hidden in encrypted payloads and no keys were given. */
    UNDETERMINED
}
