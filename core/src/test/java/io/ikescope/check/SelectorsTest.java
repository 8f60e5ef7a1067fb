package io.ikescope.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.config.Origin;
import io.ikescope.config.TrafficSelectorConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectorsTest {
    private static final Origin O = Origin.at("x.conf", 1);

    private static Selectors.Range r(String text) {
        return Selectors.resolve(TrafficSelectorConfig.network(text, O), null);
    }

    @Test
    void intersectionIsTheNarrowerSubnet() {
        assertThat(Selectors.texts(Selectors.intersect(List.of(r("10.0.0.0/16")), List.of(r("10.0.1.0/24")))))
                .containsExactly("10.0.1.0/24");
        assertThat(Selectors.intersect(List.of(r("10.0.0.0/24")), List.of(r("10.0.1.0/24")))).isEmpty();
        assertThat(Selectors.texts(Selectors.intersect(List.of(r("10.0.0.0-10.0.0.9")), List.of(r("10.0.0.8/29")))))
                .containsExactly("10.0.0.8/31");
    }

    @Test
    void protocolsAndPorts() {
        Selectors.Range tcp = Selectors.resolve(TrafficSelectorConfig.network("10.0.0.0/24", 6, 443, 443, O), null);
        Selectors.Range udp = Selectors.resolve(TrafficSelectorConfig.network("10.0.0.0/24", 17, 0, 65535, O), null);
        assertThat(tcp.intersect(udp)).isNull();
        assertThat(tcp.intersect(r("10.0.0.0/16")).text()).isEqualTo("10.0.0.0/24[6/443]");
    }

    @Test
    void dynamicTakesTheAddress() {
        Selectors.Range d = Selectors.resolve(TrafficSelectorConfig.dynamic("dynamic", O), "198.51.100.1");
        assertThat(d.text()).isEqualTo("198.51.100.1/32");
        assertThat(Selectors.resolve(TrafficSelectorConfig.dynamic("dynamic", O), null).unknown()).isTrue();
    }

    @Test
    void mixedFamiliesDoNotIntersect() {
        assertThat(r("10.0.0.0/8").intersect(r("2001:db8::/32"))).isNull();
        assertThat(Selectors.sameSet(List.of(r("10.0.0.0/8"), r("2001:db8::/32")),
                List.of(r("2001:db8::/32"), r("10.0.0.0/8")))).isTrue();
    }
}
