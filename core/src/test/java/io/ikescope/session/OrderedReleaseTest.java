package io.ikescope.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderedReleaseTest {

    @Test
    void aNegotiationWaitsForOlderLiveOnesUpToTheLimit() {
        List<String> out = new ArrayList<>();
        OrderedRelease release = new OrderedRelease(n -> out.add(n.id()), 2);
        for (String id : List.of("1", "2", "3", "4")) {
            release.opened(id);
        }
        release.closed(negotiation("3"));
        release.closed(negotiation("2"));
        assertThat(out).isEmpty();
        release.closed(negotiation("4"));
        // three held, limit two: the oldest waiting one goes out before 1
        assertThat(out).containsExactly("2");
        assertThat(release.wentOutOfOrder()).isTrue();
        release.closed(negotiation("1"));
        assertThat(out).containsExactly("2", "1", "3", "4");
    }

    private static Negotiation negotiation(String id) {
        return new Negotiation(id, "test", 2, "ikev2", new Endpoint("192.0.2.1", 500), new Endpoint("192.0.2.2", 500),
                "00", null, 1, 1, 0, 0, null, null, "none", new Phase1(true, null, null, List.of()), List.of(), List.of(),
                List.of(), 0, EspTally.NONE, List.of(), 0, List.of(), null);
    }
}
