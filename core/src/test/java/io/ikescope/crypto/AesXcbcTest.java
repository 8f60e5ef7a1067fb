package io.ikescope.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AES-XCBC-MAC against the test cases of RFC 3566 section 4.6, and AES-XCBC-PRF-128 against RFC 4434 section 4. */
class AesXcbcTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f");

    private static byte[] counting(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @ParameterizedTest(name = "RFC 3566 test case with {0} bytes")
    @CsvSource({
        "0, 75f0251d528ac01c4573dfd584d79f29",
        "3, 5b376580ae2f19afe7219ceef172756f",
        "16, d2a246fa349b68a79998a4394ff7a263",
        "20, 47f51b4564966215b8985c63055ed308",
        "32, f54f0ec8d2b9f3d36807734bd5283fd4",
        "34, becbb3bccdb518a30677d5481fb6b4d8"})
    void rfc3566(int length, String mac) throws Exception {
        assertThat(HEX.formatHex(new AesXcbc(KEY).mac(counting(length), 0, length))).isEqualTo(mac);
    }

    @Test
    void rfc3566ThousandZeroBytes() throws Exception {
        assertThat(HEX.formatHex(new AesXcbc(KEY).mac(new byte[1000], 0, 1000)))
                .isEqualTo("f0dafee895db30253761103b5d84528f");
    }

    @Test
    void macOfASliceIgnoresTheBytesAround() throws Exception {
        byte[] framed = new byte[40];
        System.arraycopy(counting(34), 0, framed, 3, 34);
        framed[0] = 0x55;
        framed[39] = 0x66;
        assertThat(HEX.formatHex(new AesXcbc(KEY).mac(framed, 3, 34))).isEqualTo("becbb3bccdb518a30677d5481fb6b4d8");
    }

    @ParameterizedTest(name = "RFC 4434 PRF with a {0}-byte key")
    @CsvSource({
        "000102030405060708090a0b0c0d0e0f, 47f51b4564966215b8985c63055ed308",
        "00010203040506070809, 0fa087af7d866e7653434e602fdde835",
        "000102030405060708090a0b0c0d0e0fedcb, 8cd3c93ae598a9803006ffb67c40e9e4"})
    void rfc4434Prf(String key, String output) throws Exception {
        assertThat(HEX.formatHex(AesXcbc.prf(HEX.parseHex(key)).mac(counting(20), 0, 20))).isEqualTo(output);
    }

    @Test
    void aesXcbc96ChecksTheFirst96BitsOnly() throws Exception {
        Integrity xcbc = Integrities.create(new IntegritySpec(Integrities.AES_XCBC_96, 12, true), KEY);
        byte[] message = new byte[34 + 12];
        System.arraycopy(counting(34), 0, message, 0, 34);
        System.arraycopy(HEX.parseHex("becbb3bccdb518a30677d548"), 0, message, 34, 12);
        assertThat(xcbc.verify(message, 34)).isTrue();
        message[45] ^= 1;
        assertThat(xcbc.verify(message, 34)).isFalse();
    }

    /** AES-CMAC-96 (RFC 4494 section 4: the RFC 4493 examples cut to 96 bits). */
    @ParameterizedTest(name = "RFC 4494 example with {0} bytes")
    @CsvSource({
        "0, bb1d6929e95937287fa37d12",
        "16, 070a16b46b4d4144f79bdd9d",
        "40, dfa66747de9ae63030ca3261",
        "64, 51f0bebf7e3b9d92fc497417"})
    void aesCmac96(int length, String icv) throws Exception {
        byte[] message = HEX.parseHex(("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
                + "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710").substring(0, 2 * length) + icv);
        Integrity cmac = Integrities.create(new IntegritySpec(Integrities.AES_CMAC_96, 12, true),
                HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c"));
        assertThat(cmac.verify(message, length)).isTrue();
        message[message.length - 1] ^= 0x80;
        assertThat(cmac.verify(message, length)).isFalse();
    }
}
