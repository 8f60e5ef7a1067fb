package io.ikescope.probe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProbeTargetTest {
    @Test
    void readsHostsPortsAndIpv6() throws Exception {
        assertThat(ProbeTarget.parse("198.51.100.2", false).text()).isEqualTo("198.51.100.2:500");
        assertThat(ProbeTarget.parse("198.51.100.2", true).text()).isEqualTo("198.51.100.2:4500");
        assertThat(ProbeTarget.parse("198.51.100.2:4501", false).address().getPort()).isEqualTo(4501);
        assertThat(ProbeTarget.parse("2001:db8::2", false).text()).isEqualTo("[2001:db8:0:0:0:0:0:2]:500");
        assertThat(ProbeTarget.parse("[2001:db8::2]:4500", true).address().getPort()).isEqualTo(4500);
    }

    @Test
    void badInputSaysWhatIsWrong() {
        assertThatThrownBy(() -> ProbeTarget.parse("198.51.100.2:0", false)).hasMessageContaining("port must be 1-65535");
        assertThatThrownBy(() -> ProbeTarget.parse("198.51.100.2:x", false)).hasMessageContaining("\"x\"");
        assertThatThrownBy(() -> ProbeTarget.parse("[2001:db8::2", false)).hasMessageContaining("']'");
        assertThatThrownBy(() -> ProbeTarget.parse(":500", false)).hasMessageContaining("no host");
    }
}
