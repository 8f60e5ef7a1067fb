package io.ikescope.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.audit.RatingTable.Kind;
import io.ikescope.audit.RatingTable.Scope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One case per row of the RFC tables the audit applies, with the level written here from the RFC (not read from
 * ratings.tsv, which would make the test agree with itself): the transform as the session model names it (key
 * length included where the level depends on it), the document, section and level that must rate it, and the
 * rating that follows. A row missing from the table, a typo in a name, a wrong level or section fails.
 */
class RfcTableRowsTest {

    @ParameterizedTest(name = "RFC 8247 {1} {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            ENCR  | 3.1 | AES-CBC-128            | MUST       | OK
            ENCR  | 3.1 | AES-CBC-256            | MUST       | OK
            ENCR  | 3.1 | AES-CBC-192            | MAY        | OK
            ENCR  | 3.1 | CHACHA20-POLY1305      | SHOULD     | OK
            ENCR  | 3.1 | AES-GCM-128-16         | SHOULD     | OK
            ENCR  | 3.1 | AES-GCM-256-16         | SHOULD     | OK
            ENCR  | 3.1 | AES-GCM-192-16         | MAY        | OK
            ENCR  | 3.1 | AES-CCM-128-8          | SHOULD     | OK
            ENCR  | 3.1 | 3DES                   | MAY        | OK
            ENCR  | 3.1 | DES                    | MUST NOT   | MUST_NOT
            PRF   | 3.2 | PRF-HMAC-SHA2-256      | MUST       | OK
            PRF   | 3.2 | PRF-HMAC-SHA2-512      | SHOULD+    | OK
            PRF   | 3.2 | PRF-HMAC-SHA1          | MUST-      | OK
            PRF   | 3.2 | PRF-AES128-XCBC        | SHOULD     | OK
            PRF   | 3.2 | PRF-HMAC-MD5           | MUST NOT   | MUST_NOT
            INTEG | 3.3 | HMAC-SHA2-256-128      | MUST       | OK
            INTEG | 3.3 | HMAC-SHA2-512-256      | SHOULD     | OK
            INTEG | 3.3 | HMAC-SHA1-96           | MUST-      | OK
            INTEG | 3.3 | AES-XCBC-96            | SHOULD     | OK
            INTEG | 3.3 | HMAC-MD5-96            | MUST NOT   | MUST_NOT
            INTEG | 3.3 | DES-MAC                | MUST NOT   | MUST_NOT
            INTEG | 3.3 | KPDK-MD5               | MUST NOT   | MUST_NOT
            KE    | 3.4 | 14                     | MUST       | OK
            KE    | 3.4 | 19                     | SHOULD     | OK
            KE    | 3.4 | 5                      | SHOULD NOT | SHOULD_NOT
            KE    | 3.4 | 2                      | SHOULD NOT | SHOULD_NOT
            KE    | 3.4 | 1                      | MUST NOT   | MUST_NOT
            KE    | 3.4 | 22                     | SHOULD NOT | SHOULD_NOT
            KE    | 3.4 | 23                     | SHOULD NOT | SHOULD_NOT
            KE    | 3.4 | 24                     | SHOULD NOT | SHOULD_NOT
            KE    | 1.2 | 15                     | MAY        | OK
            KE    | 1.2 | 16                     | MAY        | OK
            KE    | 1.2 | 20                     | MAY        | OK
            KE    | 1.2 | 21                     | MAY        | OK
            KE    | 1.2 | 31                     | MAY        | OK
            AUTH  | 4.1 | RSA-SIG                | MUST       | OK
            AUTH  | 4.1 | PSK                    | MUST       | OK
            AUTH  | 4.1 | DSS-SIG                | SHOULD NOT | SHOULD_NOT
            AUTH  | 4.1 | ECDSA-SHA256-P256      | SHOULD     | OK
            AUTH  | 4.1 | ECDSA-SHA384-P384      | SHOULD     | OK
            AUTH  | 4.1 | ECDSA-SHA512-P521      | SHOULD     | OK
            AUTH  | 4.1 | DIGITAL-SIGNATURE      | SHOULD     | OK
            """)
    void rfc8247(Kind kind, String section, String name, String level, Rating rating) {
        assertRow(Scope.IKEV2, kind, name, "RFC 8247", section, level, rating);
    }

    @ParameterizedTest(name = "RFC 8221 {1} {0} {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            ESP | ENCR  | 5 | DES-IV64               | MUST NOT   | MUST_NOT
            ESP | ENCR  | 5 | DES                    | MUST NOT   | MUST_NOT
            ESP | ENCR  | 5 | 3DES                   | SHOULD NOT | SHOULD_NOT
            ESP | ENCR  | 5 | BLOWFISH-128           | MUST NOT   | MUST_NOT
            ESP | ENCR  | 5 | 3IDEA                  | MUST NOT   | MUST_NOT
            ESP | ENCR  | 5 | DES-IV32               | MUST NOT   | MUST_NOT
            ESP | ENCR  | 5 | NULL                   | MUST       | OK
            ESP | ENCR  | 5 | AES-CBC-128            | MUST       | OK
            ESP | ENCR  | 5 | AES-CBC-256            | MUST       | OK
            ESP | ENCR  | 5 | AES-CBC-192            | MAY        | OK
            ESP | ENCR  | 5 | AES-CCM-128-8          | SHOULD     | OK
            ESP | ENCR  | 5 | AES-CCM-192-8          | MAY        | OK
            ESP | ENCR  | 5 | AES-GCM-128-16         | MUST       | OK
            ESP | ENCR  | 5 | AES-GCM-256-16         | MUST       | OK
            ESP | ENCR  | 5 | AES-GCM-192-16         | MAY        | OK
            ESP | ENCR  | 5 | CHACHA20-POLY1305      | SHOULD     | OK
            ESP | INTEG | 6 | HMAC-MD5-96            | MUST NOT   | MUST_NOT
            ESP | INTEG | 6 | DES-MAC                | MUST NOT   | MUST_NOT
            ESP | INTEG | 6 | KPDK-MD5               | MUST NOT   | MUST_NOT
            ESP | INTEG | 6 | HMAC-SHA1-96           | MUST-      | OK
            ESP | INTEG | 6 | AES-XCBC-96            | MAY        | OK
            ESP | INTEG | 6 | AES-128-GMAC           | MAY        | OK
            ESP | INTEG | 6 | AES-256-GMAC           | MAY        | OK
            ESP | INTEG | 6 | HMAC-SHA2-256-128      | MUST       | OK
            ESP | INTEG | 6 | HMAC-SHA2-512-256      | SHOULD     | OK
            AH  | INTEG | 6 | HMAC-MD5-96            | MUST NOT   | MUST_NOT
            AH  | INTEG | 6 | HMAC-SHA1-96           | MUST-      | OK
            AH  | INTEG | 6 | HMAC-SHA2-256-128      | MUST       | OK
            """)
    void rfc8221(Scope scope, Kind kind, String section, String name, String level, Rating rating) {
        assertRow(scope, kind, name, "RFC 8221", section, level, rating);
    }

    /** RFC 9395: IKEv1 deprecated (its abstract), and the IKEv2 transforms IANA's status column marks deprecated. */
    @ParameterizedTest(name = "RFC 9395 {0} {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            IKEV1 | VERSION | IKEv1
            IKEV2 | ENCR    | DES-IV64
            IKEV2 | ENCR    | RC5-128
            IKEV2 | ENCR    | IDEA
            IKEV2 | ENCR    | CAST-128
            IKEV2 | ENCR    | BLOWFISH-256
            IKEV2 | ENCR    | 3IDEA
            IKEV2 | ENCR    | DES-IV32
            IKEV2 | PRF     | PRF-HMAC-TIGER
            IKEV2 | INTEG   | DES-MAC
            IKEV2 | INTEG   | KPDK-MD5
            """)
    void rfc9395(Scope scope, Kind kind, String name) {
        RatingTable.Match m = RatingTable.standard().rate(scope, kind, name);
        assertThat(m.sources()).filteredOn(s -> s.document().equals("RFC 9395"))
                .singleElement().satisfies(s -> assertThat(s.level()).isEqualTo("DEPRECATED"));
        assertThat(m.rating()).isGreaterThanOrEqualTo(Rating.SHOULD_NOT);
    }

    /** The IKEv1 Phase 1 transforms carry the RFC 8247 level of the same algorithm; the row says so. */
    @ParameterizedTest(name = "IKEv1 {0} {1}: RFC 8247 {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            ENCR | AES-CBC-256      | 3.1 | MUST       | OK
            ENCR | AES-CBC-192      | 3.1 | MAY        | OK
            ENCR | 3DES-CBC         | 3.1 | MAY        | OK
            ENCR | DES-CBC          | 3.1 | MUST NOT   | MUST_NOT
            HASH | SHA2-256         | 3.2 | MUST       | OK
            HASH | SHA2-512         | 3.2 | SHOULD+    | OK
            HASH | SHA1             | 3.2 | MUST-      | OK
            HASH | MD5              | 3.2 | MUST NOT   | MUST_NOT
            KE   | 1                | 3.4 | MUST NOT   | MUST_NOT
            KE   | 2                | 3.4 | SHOULD NOT | SHOULD_NOT
            KE   | 5                | 3.4 | SHOULD NOT | SHOULD_NOT
            KE   | 14               | 3.4 | MUST       | OK
            KE   | 19               | 3.4 | SHOULD     | OK
            AUTH | PSK              | 4.1 | MUST       | OK
            AUTH | RSA-SIG          | 4.1 | MUST       | OK
            AUTH | DSS-SIG          | 4.1 | SHOULD NOT | SHOULD_NOT
            """)
    void ikev1ByTheIkev2Level(Kind kind, String name, String section, String level, Rating rating) {
        Source s = assertRow(Scope.IKEV1, kind, name, "RFC 8247", section, level, rating);
        assertThat(s.note()).contains("RFC 8247 rates IKEv2 only");
    }

    @ParameterizedTest(name = "not rated: {0} {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            IKEV2 | PRF   | PRF-HMAC-SHA2-384
            IKEV2 | INTEG | HMAC-SHA2-384-192
            IKEV2 | INTEG | HMAC-SHA1-160
            IKEV2 | ENCR  | CAMELLIA-CBC-256
            IKEV2 | KE    | 36
            ESP   | ENCR  | CAMELLIA-CBC-128
            IKEV1 | ENCR  | CAMELLIA-CBC-192
            """)
    void transformsNoTableListsAreNotRated(Scope scope, Kind kind, String name) {
        RatingTable.Match m = RatingTable.standard().rate(scope, kind, name);
        assertThat(m.sources()).isEmpty();
        assertThat(m.rating()).isEqualTo(Rating.NOT_RATED);
    }

    private static Source assertRow(Scope scope, Kind kind, String name, String document, String section,
                                    String level, Rating rating) {
        RatingTable.Match m = RatingTable.standard().rate(scope, kind, name);
        assertThat(m.sources()).as(scope + " " + kind + " " + name).filteredOn(s -> s.document().equals(document))
                .hasSize(1);
        Source s = m.sources().stream().filter(x -> x.document().equals(document)).findFirst().orElseThrow();
        assertThat(s.section()).as(name + " section").isEqualTo(section);
        assertThat(s.level()).as(name + " level").isEqualTo(level);
        assertThat(s.rating()).isEqualTo(rating);
        assertThat(m.rating()).as("strictest source of " + name).isGreaterThanOrEqualTo(rating);
        return s;
    }
}
