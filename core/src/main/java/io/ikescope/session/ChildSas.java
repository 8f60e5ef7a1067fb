package io.ikescope.session;

import io.ikescope.wire.IdentificationPayload;
import io.ikescope.wire.KeyExchangePayload;
import io.ikescope.wire.NotifyPayload;
import io.ikescope.wire.Payload;
import io.ikescope.wire.PayloadTypes;
import io.ikescope.wire.Proposal;
import io.ikescope.wire.SecurityAssociationPayload;
import io.ikescope.wire.TrafficSelector;
import io.ikescope.wire.TrafficSelectorPayload;
import io.ikescope.wire.registry.Ikev2Registry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The child SAs of one negotiation (Quick Mode, the IKE_AUTH child, CREATE_CHILD_SA) while it is read: what their
 * decrypted messages say, and the ESP or AH SPIs they chose, by which IPsec packets are counted per child.
 */
final class ChildSas {
    private static final String REKEY_SA = "REKEY_SA";
    private static final String USE_TRANSPORT_MODE = "USE_TRANSPORT_MODE";

    private final int version;
    private final int max;
    private final List<ChildState> children = new ArrayList<>();
    /**
     * ESP or AH SPI (4 bytes, by value: a packet looks it up without formatting text) -> the child and the peer that
     * chose it (ESP or AH to that peer carries it).
     */
    private final Map<Long, SpiOwner> bySpi = new HashMap<>();

    private record SpiOwner(ChildState child, Role owner) {
    }

    ChildSas(int version, int max) {
        this.version = version;
        this.max = max;
    }

    /** Whether the cap on children per negotiation is reached: later ones are not followed. */
    boolean full() {
        return children.size() >= max;
    }

    /** A new child negotiated by exchange {@code e}, whose first message read is {@code r}. */
    ChildState open(String exchange, ExchangeState e, MessageRecord r) {
        ChildState c = new ChildState(children.size(), exchange, e.index, e.requester, r.messageId());
        children.add(c);
        return c;
    }

    /**
     * Counts an ESP or AH packet on the child whose SPI it carries (negotiated for ESP or AH); the peer it goes to,
     * or null when no child chose that SPI.
     */
    Role count(boolean isAh, long spi) {
        SpiOwner owner = bySpi.get(spi);
        if (owner == null) {
            return null;
        }
        owner.child.count(isAh, owner.owner);
        return owner.owner;
    }

    List<ChildSa> build() {
        List<ChildSa> built = new ArrayList<>(children.size());
        for (ChildState c : children) {
            built.add(c.build(version));
        }
        return built;
    }

    /** SA, KE, TS/ID and notifies of one decrypted child message. */
    void read(ChildState c, boolean request, MessageContent content) {
        c.contentSeen = true;
        Role side = request ? c.initiatedBy : c.initiatedBy.other();
        SecurityAssociationPayload sa = content.first(SecurityAssociationPayload.class);
        if (sa != null && !ProposalReader.negotiatesIkeSa(version, sa)) {
            List<ChildProposal> proposals = ProposalReader.childSa(version, sa);
            if (request) {
                c.offered = proposals;
            } else if (!proposals.isEmpty()) {
                c.chosen = proposals.get(0);
            }
            String spi = firstSpi(sa);
            if (spi != null && !spi.isEmpty()) {
                if (side == Role.INITIATOR) {
                    c.spiInitiator = spi;
                } else {
                    c.spiResponder = spi;
                }
                if (spi.length() == 8) {
                    bySpi.put(Long.parseLong(spi, 16), new SpiOwner(c, side));
                }
            }
        }
        if (request && (sa != null || c.requestHasKe == null)) {
            c.requestHasKe = content.first(KeyExchangePayload.class) != null;
        }
        for (Payload p : content.visible()) {
            if (p instanceof NotifyPayload n && REKEY_SA.equals(Ikev2Registry.NOTIFY_TYPE.name(n.notifyType()))
                    && version == 2) {
                c.rekey = true;
            }
            if (p instanceof NotifyPayload n && version == 2
                    && USE_TRANSPORT_MODE.equals(Ikev2Registry.NOTIFY_TYPE.name(n.notifyType()))) {
                if (request) {
                    c.transportRequested = true;
                } else {
                    c.transportAccepted = true;
                }
            }
        }
        if (version == 2) {
            readTrafficSelectors(c, content);
        } else {
            readIdentities(c, content);
        }
    }

    /** IKEv2: TSi always describes the exchange requester's side. */
    private static void readTrafficSelectors(ChildState c, MessageContent content) {
        List<String> tsi = null;
        List<String> tsr = null;
        for (Payload p : content.visible()) {
            if (p instanceof TrafficSelectorPayload ts) {
                List<String> rendered = new ArrayList<>();
                for (TrafficSelector s : ts.selectors()) {
                    String text = TrafficSelectorText.ikev2(s);
                    if (text != null) {
                        rendered.add(text);
                    }
                }
                if (ts.type() == PayloadTypes.V2_TSI) {
                    tsi = rendered;
                } else {
                    tsr = rendered;
                }
            }
        }
        if (tsi != null || tsr != null) {
            boolean requesterIsInitiator = c.initiatedBy == Role.INITIATOR;
            c.tsInitiator = requesterIsInitiator ? tsi : tsr;
            c.tsResponder = requesterIsInitiator ? tsr : tsi;
        }
    }

    /** IKEv1 Quick Mode: the client identities IDci and IDcr, in that order, are its traffic selectors. */
    private static void readIdentities(ChildState c, MessageContent content) {
        List<IdentificationPayload> ids = content.all(IdentificationPayload.class);
        if (ids.size() >= 2) {
            boolean requesterIsInitiator = c.initiatedBy == Role.INITIATOR;
            List<String> ci = List.of(TrafficSelectorText.ikev1(ids.get(0)));
            List<String> cr = List.of(TrafficSelectorText.ikev1(ids.get(1)));
            c.tsInitiator = requesterIsInitiator ? ci : cr;
            c.tsResponder = requesterIsInitiator ? cr : ci;
        }
    }

    /** The SPI of the first proposal, as hex; null without proposals. */
    static String firstSpi(SecurityAssociationPayload sa) {
        for (Proposal p : sa.proposals()) {
            return p.spi().hex();
        }
        return null;
    }
}
