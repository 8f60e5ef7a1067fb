package io.ikescope.session;

/**
 * The tasks of one negotiation, one per exchange kind of its IKE version. Informational and Transaction (XAUTH,
 * mode config) exchanges have none: what they tell is per message ({@link MessagePurpose}) or NAT evidence.
 */
final class ExchangeTasks {
    private final int version;
    // IKEv2
    private final ExchangeTask ikeSaInit;
    private final ExchangeTask ikeAuth;
    private final ExchangeTask createChildSa;
    // IKEv1
    private final ExchangeTask mainMode;
    private final ExchangeTask aggressiveMode;
    private final ExchangeTask quickMode;

    ExchangeTasks(int version, Phase1Facts phase1, ChildSas children, RekeyTrail rekeys) {
        this.version = version;
        boolean v2 = version == 2;
        ikeSaInit = v2 ? new IkeSaInitTask(phase1) : null;
        ikeAuth = v2 ? new IkeAuthTask(phase1, children) : null;
        createChildSa = v2 ? new CreateChildSaTask(children, rekeys) : null;
        mainMode = v2 ? null : new Ikev1Phase1Task(phase1, "main");
        aggressiveMode = v2 ? null : new Ikev1Phase1Task(phase1, "aggressive");
        quickMode = v2 ? null : new QuickModeTask(children);
    }

    /** The task reading messages of exchange {@code name} (see {@link ExchangeNames}), null when there is none. */
    ExchangeTask forExchange(String name) {
        if (version == 2) {
            if (name.equals(ExchangeNames.IKE_SA_INIT)) {
                return ikeSaInit;
            }
            if (name.equals(ExchangeNames.IKE_AUTH)) {
                return ikeAuth;
            }
            return name.equals(ExchangeNames.CREATE_CHILD_SA) ? createChildSa : null;
        }
        if (name.equals(ExchangeNames.MAIN_MODE)) {
            return mainMode;
        }
        if (name.equals(ExchangeNames.AGGRESSIVE)) {
            return aggressiveMode;
        }
        return name.equals(ExchangeNames.QUICK_MODE) ? quickMode : null;
    }
}
