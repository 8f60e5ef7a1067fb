package io.ikescope.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.wire.registry.Ikev1Registry;
import io.ikescope.wire.registry.Ikev2Registry;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The notify names the rules match are registry names (hyphens as underscores), so a typo cannot hide a rule. */
class NotifyNamesTest {

    @Test
    void everyNameTheRulesUseIsInANotifyRegistry() throws Exception {
        Set<String> registry = new HashSet<>();
        Ikev1Registry.NOTIFY_TYPE.entries().values().forEach(n -> registry.add(n.replace('-', '_')));
        Ikev2Registry.NOTIFY_TYPE.entries().values().forEach(n -> registry.add(n.replace('-', '_')));
        List<String> used = new ArrayList<>();
        for (Field f : NotifyNames.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                f.setAccessible(true);
                used.add((String) f.get(null));
            }
        }
        used.addAll(NotifyNames.AUTHENTICATION);
        used.add(Redirected.REDIRECT);
        used.addAll(PeerReportedError.HINTS.keySet());
        used.addAll(List.of("PAYLOAD_MALFORMED", "INVALID_PAYLOAD_TYPE", "R_U_THERE", "R_U_THERE_ACK", "REKEY_SA",
                "USE_TRANSPORT_MODE", "NAT_DETECTION_SOURCE_IP", "NAT_DETECTION_DESTINATION_IP"));

        assertThat(used).hasSizeGreaterThan(20);
        assertThat(registry).containsAll(used);
    }
}
