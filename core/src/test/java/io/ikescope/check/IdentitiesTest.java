package io.ikescope.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentitiesTest {

    @Test
    void fqdnWithOrWithoutAtAndCase() {
        assertThat(Identities.matches("@Responder.Lab.Example", "responder.lab.example", null)).isTrue();
        assertThat(Identities.matches("responder.lab.example", "initiator.lab.example", null)).isFalse();
    }

    @Test
    void anyAndWildcards() {
        assertThat(Identities.matches("%any", "whatever", null)).isTrue();
        assertThat(Identities.matches("*.lab.example", "gw.lab.example", null)).isTrue();
        assertThat(Identities.matches("*.lab.example", "gw.other.example", null)).isFalse();
        assertThat(Identities.matches("C=CH, O=strongSwan, CN=*", "C=CH,O=strongSwan,CN=moon", null)).isTrue();
        assertThat(Identities.matches("C=CH, O=strongSwan, CN=*", "C=DE,O=strongSwan,CN=moon", null)).isFalse();
    }

    @Test
    void addressDefaults() {
        assertThat(Identities.matches("198.51.100.1", null, "198.51.100.1")).isTrue();
        assertThat(Identities.matches(null, "198.51.100.1", "198.51.100.1")).isTrue();
        assertThat(Identities.matches("198.51.100.9", null, "198.51.100.1")).isFalse();
    }
}
