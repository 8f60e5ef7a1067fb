package io.ikescope.session;

/**
 * What one kind of exchange teaches about a negotiation, read from its messages as they come: the passive
 * counterpart of the task strongSwan runs per exchange (IKEv2 ike_init, ike_auth, child_create; IKEv1 main_mode,
 * aggressive_mode, quick_mode). A task records into the negotiation's shared state ({@link Phase1Facts},
 * {@link ChildSas}, {@link RekeyTrail}); {@link ExchangeTasks} routes each message to its task.
 */
interface ExchangeTask {
    /**
     * A message of this task's exchange kind whose content can be read: not a retransmission, and for a
     * fragmented message the record that completed it.
     */
    void read(MessageRecord r, ExchangeState e, MessageContent content);
}
