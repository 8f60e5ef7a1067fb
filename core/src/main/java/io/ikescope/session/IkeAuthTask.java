package io.ikescope.session;

import io.ikescope.wire.AuthenticationPayload;
import io.ikescope.wire.SecurityAssociationPayload;

/**
 * IKEv2 IKE_AUTH: the initiator's AUTH method, and the child SA it creates along (none when a decrypted request
 * carries no SA: a childless IKE_AUTH, RFC 6023; a placeholder while the request stays encrypted).
 */
final class IkeAuthTask implements ExchangeTask {
    private final Phase1Facts phase1;
    private final ChildSas children;
    /** The first request read decides whether there is a child; retries and later requests do not. */
    private boolean childDecided;
    private ChildState child;

    IkeAuthTask(Phase1Facts phase1, ChildSas children) {
        this.phase1 = phase1;
        this.children = children;
    }

    @Override
    public void read(MessageRecord r, ExchangeState e, MessageContent content) {
        if (r.from() == Role.INITIATOR && r.decrypted()) {
            AuthenticationPayload auth = content.first(AuthenticationPayload.class);
            if (auth != null && !phase1.authMethodKnown()) {
                phase1.authMethod(AuthMethodNames.name(2, auth.authMethod()));
            }
        }
        if (children.full()) {
            return;
        }
        boolean request = r.from() == e.requester;
        if (request && !childDecided) {
            childDecided = true;
            SecurityAssociationPayload sa = content.first(SecurityAssociationPayload.class);
            if (r.decrypted() && sa == null) {
                return; // a childless IKE_AUTH (RFC 6023)
            }
            child = children.open("ike_auth", e, r);
        }
        if (child != null && r.decrypted()) {
            children.read(child, request, content);
        }
    }
}
