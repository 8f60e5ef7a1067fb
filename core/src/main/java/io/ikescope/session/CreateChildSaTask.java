package io.ikescope.session;

import io.ikescope.wire.SecurityAssociationPayload;

/**
 * IKEv2 CREATE_CHILD_SA: each exchange is one child negotiation (a new child, a child rekey, or an IKE SA rekey,
 * told by whether its SA negotiates protocol IKE). An IKE SA rekey's request names the new IKE SA's SPIi, recorded
 * in the {@link RekeyTrail}.
 */
final class CreateChildSaTask implements ExchangeTask {
    private final ChildSas children;
    private final RekeyTrail rekeys;

    CreateChildSaTask(ChildSas children, RekeyTrail rekeys) {
        this.children = children;
        this.rekeys = rekeys;
    }

    @Override
    public void read(MessageRecord r, ExchangeState e, MessageContent content) {
        if (children.full()) {
            return;
        }
        boolean request = r.from() == e.requester;
        ChildState c = e.child;
        if (c == null) {
            // Also for a response whose request was not captured: still one negotiation.
            c = children.open("create_child_sa", e, r);
            e.child = c;
        }
        if (r.decrypted()) {
            SecurityAssociationPayload sa = content.first(SecurityAssociationPayload.class);
            if (sa != null && ProposalReader.negotiatesIkeSa(2, sa)) {
                c.ikeRekey = true;
                if (request) {
                    // The rekey's requester is the new IKE SA's initiator: its proposal SPI is the new SPIi.
                    String spi = ChildSas.firstSpi(sa);
                    if (spi != null) {
                        rekeys.rekeyedTo(spi, e.index);
                    }
                }
            } else if (sa != null && c.ikeRekey == null) {
                c.ikeRekey = false;
            }
            children.read(c, request, content);
        }
    }
}
