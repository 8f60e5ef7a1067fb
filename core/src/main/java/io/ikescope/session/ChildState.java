package io.ikescope.session;

import java.util.List;

/** A child negotiation while it is being filled. */
final class ChildState {
    final int index;
    final String exchange;
    final int exchangeIndex;
    final Role initiatedBy;
    final long messageId;
    boolean contentSeen;
    Boolean ikeRekey;
    boolean rekey;
    boolean transportRequested;
    boolean transportAccepted;
    List<ChildProposal> offered;
    ChildProposal chosen;
    Boolean requestHasKe;
    List<String> tsInitiator;
    List<String> tsResponder;
    String spiInitiator;
    String spiResponder;
    long espToResponder;
    long espToInitiator;
    long ahToResponder;
    long ahToInitiator;

    ChildState(int index, String exchange, int exchangeIndex, Role initiatedBy, long messageId) {
        this.index = index;
        this.exchange = exchange;
        this.exchangeIndex = exchangeIndex;
        this.initiatedBy = initiatedBy;
        this.messageId = messageId;
    }

    void count(boolean isAh, Role to) {
        if (to == Role.RESPONDER) {
            if (isAh) {
                ahToResponder++;
            } else {
                espToResponder++;
            }
        } else if (isAh) {
            ahToInitiator++;
        } else {
            espToInitiator++;
        }
    }

    ChildSa build(int version) {
        ChildProposal reference = chosen != null ? chosen : offered != null && !offered.isEmpty() ? offered.get(0) : null;
        String protocol = reference == null ? null : reference.protocol();
        String mode;
        if (version == 1) {
            mode = reference == null ? null : reference.mode();
        } else {
            mode = !contentSeen ? null : transportRequested && transportAccepted ? "transport" : "tunnel";
        }
        Integer pfs = chosen != null ? chosen.dhGroup() : null;
        if (chosen == null && offered != null && Boolean.TRUE.equals(requestHasKe)) {
            pfs = offered.isEmpty() ? null : offered.get(0).dhGroup();
        }
        return new ChildSa(index, exchange, exchangeIndex, initiatedBy, messageId, !contentSeen,
                version == 2 && exchange.equals("create_child_sa") ? ikeRekey : Boolean.FALSE, protocol, mode,
                offered, chosen, pfs, requestHasKe, tsInitiator, tsResponder, spiInitiator, spiResponder,
                spiResponder == null ? null : espToResponder, spiInitiator == null ? null : espToInitiator,
                spiResponder == null ? null : ahToResponder, spiInitiator == null ? null : ahToInitiator);
    }
}
