package io.ikescope.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityTextTest {

    @Test
    void rendersEveryIkev1AddressForm() {
        assertThat(IdentityText.render(1, 1, Bytes.fromHex("c0000201"))).isEqualTo("192.0.2.1");
        assertThat(IdentityText.render(1, 4, Bytes.fromHex("cb007100ffffffc0"))).isEqualTo("203.0.113.0/26");
        assertThat(IdentityText.render(1, 4, Bytes.fromHex("cb007100ff00ff00"))).isEqualTo("203.0.113.0/255.0.255.0");
        assertThat(IdentityText.render(1, 7, Bytes.fromHex("cb007101cb00710a"))).isEqualTo("203.0.113.1-203.0.113.10");
        assertThat(IdentityText.render(1, 5, Bytes.fromHex("20010db8000000000000000000000001"))).isEqualTo("2001:db8::1");
        assertThat(IdentityText.render(1, 6, Bytes.fromHex("20010db8000100000000000000000000"
                + "ffffffffffff00000000000000000000"))).isEqualTo("2001:db8:1::/48");
    }

    @Test
    void ipv6TextFollowsRfc5952() {
        assertThat(Addresses.format(Bytes.fromHex("20010db8000000010000000000000001"))).isEqualTo("2001:db8:0:1::1");
        assertThat(Addresses.format(Bytes.fromHex("20010db8000000000001000000000000"))).isEqualTo("2001:db8:0:0:1::");
        assertThat(Addresses.format(Bytes.fromHex("20010db8000000000001000000000001"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(Addresses.format(Bytes.fromHex("00000000000000000000000000000000"))).isEqualTo("::");
        assertThat(Addresses.format(Bytes.fromHex("20010db8000100010001000100010001"))).isEqualTo("2001:db8:1:1:1:1:1:1");
    }

    @Test
    void namesAndKeysAndBadLengths() {
        assertThat(IdentityText.render(2, 2, Bytes.of("vpn.example".getBytes()))).isEqualTo("vpn.example");
        assertThat(IdentityText.render(2, 11, Bytes.fromHex("0102"))).isEqualTo("0102");
        assertThat(IdentityText.render(2, 1, Bytes.fromHex("de"))).isEqualTo("de");
        // IKEv2 defines no subnet ID: the bytes stay hex
        assertThat(IdentityText.render(2, 4, Bytes.fromHex("cb007100ffffffc0"))).isEqualTo("cb007100ffffffc0");
    }

    @Test
    void distinguishedNameFromDerAndGarbage() {
        // SEQUENCE { SET { SEQUENCE { OID 2.5.4.3 (CN), UTF8String "gw" } } }
        Bytes dn = Bytes.fromHex("300d310b300906035504030c026777");
        assertThat(IdentityText.render(2, 9, dn)).isEqualTo("CN=gw");
        assertThat(IdentityText.render(2, 9, Bytes.fromHex("3099"))).isEqualTo("3099");
        assertThat(IdentityText.certificateSubject(Bytes.fromHex("3003020101"))).isNull();
    }
}
