package io.ikescope.session;

import io.ikescope.wire.registry.Ikev1Registry;
import io.ikescope.wire.registry.Ikev2Registry;
import java.util.Locale;

/**
 * Exchange names in the contract's upper-snake form: the registry name without parenthesised remarks, upper-cased,
 * each run of other characters one underscore ("Identity Protection (Main Mode)" is IDENTITY_PROTECTION). The same
 * rule as the dissect reports use.
 */
public final class ExchangeNames {
    private ExchangeNames() {
    }

    /** Every exchange type is one byte: each name is spelled once per version, not per message. */
    private static final String[][] NAMES = {null, new String[256], new String[256]};

    public static final String IKE_SA_INIT = of(2, RegistryValues.of(Ikev2Registry.EXCHANGE_TYPE, "IKE_SA_INIT"));
    public static final String IKE_AUTH = of(2, RegistryValues.of(Ikev2Registry.EXCHANGE_TYPE, "IKE_AUTH"));
    public static final String CREATE_CHILD_SA = of(2, RegistryValues.of(Ikev2Registry.EXCHANGE_TYPE, "CREATE_CHILD_SA"));
    public static final String INFORMATIONAL_V2 = of(2, RegistryValues.of(Ikev2Registry.EXCHANGE_TYPE, "INFORMATIONAL"));
    public static final String MAIN_MODE = of(1, RegistryValues.of(Ikev1Registry.EXCHANGE_TYPE,
            "Identity Protection (Main Mode)"));
    public static final String AGGRESSIVE = of(1, RegistryValues.of(Ikev1Registry.EXCHANGE_TYPE, "Aggressive"));
    public static final String QUICK_MODE = of(1, RegistryValues.of(Ikev1Registry.EXCHANGE_TYPE, "Quick Mode"));
    public static final String INFORMATIONAL_V1 = of(1, RegistryValues.of(Ikev1Registry.EXCHANGE_TYPE, "Informational"));
    public static final String TRANSACTION = of(1, RegistryValues.of(Ikev1Registry.EXCHANGE_TYPE,
            "Transaction (Config Mode)"));

    /** The name, or "EXCHANGE_n" when the registry does not assign the value. */
    public static String of(int ikeVersion, int exchangeType) {
        int version = ikeVersion == 1 ? 1 : 2;
        if (exchangeType < 0 || exchangeType > 255) {
            return spell(version, exchangeType);
        }
        String name = NAMES[version][exchangeType];
        if (name == null) {
            name = spell(version, exchangeType);
            NAMES[version][exchangeType] = name;
        }
        return name;
    }

    private static String spell(int ikeVersion, int exchangeType) {
        String name = (ikeVersion == 1 ? Ikev1Registry.EXCHANGE_TYPE : Ikev2Registry.EXCHANGE_TYPE).name(exchangeType);
        if (name == null) {
            return "EXCHANGE_" + exchangeType;
        }
        String s = name.replaceAll("\\([^)]*\\)", " ").toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        s = s.replaceAll("^_+|_+$", "");
        return s.isEmpty() ? "EXCHANGE_" + exchangeType : s;
    }
}
