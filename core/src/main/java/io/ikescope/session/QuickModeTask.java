package io.ikescope.session;

/**
 * IKEv1 Quick Mode: each exchange (message ID) is one Phase 2 negotiation; its proposals, identities and SPIs are
 * read from the decrypted messages.
 */
final class QuickModeTask implements ExchangeTask {
    private final ChildSas children;

    QuickModeTask(ChildSas children) {
        this.children = children;
    }

    @Override
    public void read(MessageRecord r, ExchangeState e, MessageContent content) {
        if (children.full()) {
            return;
        }
        boolean request = r.from() == e.requester;
        if (e.child == null) {
            e.child = children.open("quick_mode", e, r);
        }
        if (r.decrypted()) {
            children.read(e.child, request, content);
        }
    }
}
