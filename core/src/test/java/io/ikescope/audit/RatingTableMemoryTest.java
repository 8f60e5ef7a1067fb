package io.ikescope.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ikescope.audit.RatingTable.Kind;
import io.ikescope.audit.RatingTable.Match;
import io.ikescope.audit.RatingTable.Scope;
import org.junit.jupiter.api.Test;

/** A transform asked again gets the match it got the first time; what is remembered stays bounded. */
class RatingTableMemoryTest {

    @Test
    void askingAgainGivesTheSameMatchAndItCannotBeChanged() {
        RatingTable table = RatingTable.standard();
        Match first = table.rate(Scope.IKEV2, Kind.ENCR, "AES-GCM-256-16");
        Match again = table.rate(Scope.IKEV2, Kind.ENCR, "AES-GCM-256-16");
        assertThat(again).isEqualTo(first);
        assertThat(first.sources()).isNotEmpty();
        assertThat(first.keyLength()).isEqualTo(256);
        assertThatThrownBy(() -> first.sources().clear()).isInstanceOf(UnsupportedOperationException.class);
        // another scope, kind or name is its own question
        assertThat(table.rate(Scope.IKEV1, Kind.ENCR, "AES-GCM-256-16")).isNotEqualTo(first);
        assertThat(table.rate(Scope.IKEV2, Kind.ENCR, "DES").rating()).isEqualTo(Rating.MUST_NOT);
    }

    @Test
    void endlesslyManyNamesAreRatedWithoutBeingRemembered() {
        RatingTable table = RatingTable.standard();
        for (int i = 0; i < RatingTable.REMEMBERED_MATCHES + 1000; i++) {
            // names a crafted capture could produce: unknown transform numbers
            assertThat(table.rate(Scope.IKEV2, Kind.ENCR, "ENCR-" + i + "-128").sources()).isEmpty();
        }
        assertThat(table.rememberedMatches()).isLessThanOrEqualTo(RatingTable.REMEMBERED_MATCHES);
        // still right for a known name once the memory is full
        assertThat(table.rate(Scope.IKEV2, Kind.PRF, "PRF-HMAC-MD5").rating()).isEqualTo(Rating.MUST_NOT);
    }
}
