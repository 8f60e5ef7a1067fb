package io.ikescope.wire.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class VendorIdsTest {

    private static final HexFormat HEX = HexFormat.of();

    private static VendorIds.Match lookup(String hex) {
        return VendorIds.lookup(HEX.parseHex(hex));
    }

    @Test
    void valuesOfAVendorTextAreTheRowsLookupNamesSo() {
        List<byte[]> natT = VendorIds.valuesOf("RFC 3947 Negotiation of NAT-Traversal in the IKE");
        assertThat(natT).hasSize(1);
        assertThat(HEX.formatHex(natT.get(0))).isEqualTo("4a131c81070358455c5728f20e95452f");
        for (byte[] v : VendorIds.valuesOf("Cisco Fragmentation")) {
            assertThat(VendorIds.lookup(v).vendor()).isEqualTo("Cisco Fragmentation");
        }
        assertThat(VendorIds.valuesOf("Cisco Fragmentation")).hasSizeGreaterThan(1);
        assertThatThrownBy(() -> VendorIds.valuesOf("no such vendor")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tableListsWellOverOneHundredFiftyIds() {
        assertThat(VendorIds.knownCount()).isGreaterThanOrEqualTo(150);
    }

    /** Values derived from a text (MD5, FreeS/WAN hash) are recomputed: a mistyped byte cannot hide. */
    @Test
    void derivedValuesRecomputeFromTheirText() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (VendorIdTable.Entry e : VendorIdTable.INSTANCE.entries()) {
            if (e.derivation() == null) {
                continue;
            }
            int colon = e.derivation().indexOf(':');
            String method = e.derivation().substring(0, colon);
            byte[] md5 = MessageDigest.getInstance("MD5").digest(
                    e.derivation().substring(colon + 1).replace("\\n", "\n").getBytes(StandardCharsets.UTF_8));
            byte[] expected = switch (method) {
                case "md5" -> md5;
                case "fswan" -> hashedId("OE", md5, 10);
                case "osw" -> hashedId("OSW", md5, 9);
                default -> throw new AssertionError("unknown derivation " + e.derivation());
            };
            checked++;
            if (!HEX.formatHex(expected).equals(HEX.formatHex(e.value()))) {
                wrong.add(e.vendor() + " " + e.derivation() + ": listed " + HEX.formatHex(e.value())
                        + ", computed " + HEX.formatHex(expected));
            }
        }
        assertThat(checked).isGreaterThan(350);
        assertThat(wrong).isEmpty();
    }

    private static byte[] hashedId(String marker, byte[] md5, int hashBytes) {
        byte[] out = new byte[marker.length() + hashBytes];
        for (int i = 0; i < marker.length(); i++) {
            out[i] = (byte) marker.charAt(i);
        }
        for (int i = 0; i < hashBytes; i++) {
            out[marker.length() + i] = (byte) ((md5[i] & 0x7f) | 0x40);
        }
        return out;
    }

    @Test
    void exactValuesMatch() {
        assertThat(lookup("4a131c81070358455c5728f20e95452f").vendor())
                .isEqualTo("RFC 3947 Negotiation of NAT-Traversal in the IKE");
        assertThat(lookup("09002689dfd6b712")).isEqualTo(new VendorIds.Match("XAUTH", null));
        assertThat(lookup("882fe56d6fd20dbc2251613b2ebe5beb")).isEqualTo(new VendorIds.Match("strongSwan", null));
        assertThat(lookup("9f68901325a972894335302a9531ab9f")).isEqualTo(new VendorIds.Match("strongSwan", "4.2.0"));
        assertThat(lookup("4f4568794c64414365636661").display()).isEqualTo("Openswan 2.6.32");
        assertThat(lookup("01528bbbc00696121849ab9a1c5b2a5100000002").display()).isEqualTo("Microsoft KEY_MODS IKEv2");
    }

    @Test
    void theLongestKnownPrefixWins() {
        // 16-byte draft-beaulieu value begins with the 8-byte XAUTH value
        assertThat(lookup("09002689dfd6b71280a224dec33b81e5").vendor()).isEqualTo("draft-beaulieu-ike-xauth-02.txt");
        // FRAGMENTATION followed by capability flags, as Cisco and strongSwan send it
        assertThat(lookup("4048b7d56ebce88525e7de7f00d6c2d3c0000000").vendor()).isEqualTo("Cisco Fragmentation");
        assertThat(lookup("0900268900")).isNull();
        assertThat(VendorIds.lookup(new byte[0])).isNull();
        assertThat(VendorIds.lookup(null)).isNull();
        assertThat(lookup("00112233445566778899aabbccddeeff")).isNull();
    }

    @Test
    void versionsAreReadFromTheBytesAfterThePrefix() {
        assertThat(lookup("12f5f28c457168a9702d9fe274cc0100")).isEqualTo(new VendorIds.Match("CISCO-UNITY", "1.0"));
        assertThat(lookup("12f5f28c457168a9702d9fe274cc")).isEqualTo(new VendorIds.Match("CISCO-UNITY", null));
        assertThat(lookup("afcad71368a1f1c96b8696fc77570100").display())
                .isEqualTo("RFC 3706 DPD (Dead Peer Detection) 1.0");
        assertThat(lookup("1e2b516905991c7d7c96fcbfb587e46100000009"))
                .isEqualTo(new VendorIds.Match("MS NT5 ISAKMPOAKLEY", "9 (Windows 8 or later)"));
        assertThat(lookup("1e2b516905991c7d7c96fcbfb587e46100000063").version()).isEqualTo("99");
        assertThat(lookup("1f07f70eaa6514d3b0fa96542a500407")).isEqualTo(new VendorIds.Match("CISCO-CONCENTRATOR", "4.0.7"));
        assertThat(lookup("8299031757a36082c6a621de00000000")).isEqualTo(new VendorIds.Match("Fortigate (Fortinet)", null));
        assertThat(lookup("8299031757a36082c6a621de0006000b").version()).isEqualTo("release 6 build 11");
        // Check Point VPN-1: product 1 (Firewall-1), version 5005, as ike-scan documents the layout
        assertThat(lookup("f4ed19e0c114eb516faaac0ee37daf2807b4381f" + "00000001" + "0000138d" + "00000000"
                + "00000000" + "18800000"))
                .isEqualTo(new VendorIds.Match("Check Point", "Firewall-1 NG with Application Intelligence R55"));
        assertThat(lookup("4f452d4c696272657377616e2d342e3132"))
                .isEqualTo(new VendorIds.Match("Libreswan", "4.12"));
        // Timestep sends its product string after "TIMESTEP"
        assertThat(lookup("54494d455354455020312053475720313532302033313520322e303145303133"))
                .isEqualTo(new VendorIds.Match("Timestep", "1 SGW 1520 315 2.01E013"));
        // SafeNet SoftRemote 8.0.0 (Build 10), as seen by libreswan and ike-scan
        assertThat(lookup("47bbe7c993f1fc13b4e6d0db565c68e5010201010201010310382e302e3020284275696c6420313029000000"))
                .isEqualTo(new VendorIds.Match("SafeNet SoftRemote", "8.0.0 (Build 10)"));
    }

    @Test
    void unlistedFreeSwanFamilyHashesAreRecognisedByShape() throws Exception {
        byte[] md5 = MessageDigest.getInstance("MD5").digest("Openswan 9.9.9".getBytes(StandardCharsets.UTF_8));
        assertThat(VendorIds.lookup(hashedId("OE", md5, 10)))
                .isEqualTo(new VendorIds.Match("FreeS/WAN, Openswan or Libreswan", null));
        assertThat(VendorIds.lookup(hashedId("OSW", md5, 9))).isEqualTo(new VendorIds.Match("Openswan", null));
        // "OE" followed by a byte outside 0x40-0x7f is not such a hash
        assertThat(lookup("4f4500414141414141414141")).isNull();
    }

    @Test
    void aMalformedTableNamesTheLineAndTheProblem() {
        assertThatThrownBy(() -> VendorIdTable.parse(new BufferedReader(new StringReader(
                "# comment\nabcd\tX\t-\t-\t-\tt\nabc\tY\t-\t-\t-\tt\n"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("vendor-ids.tsv line 3: value 'abc' is not an even number of hex digits");
        assertThatThrownBy(() -> VendorIdTable.parse(new BufferedReader(new StringReader(
                "abcd\tX\t-\t-\t-\tt\nABCD\tY\t-\t-\t-\tt\n"))))
                .hasMessage("vendor-ids.tsv line 2: value ABCD already listed on line 1");
        assertThatThrownBy(() -> VendorIdTable.parse(new BufferedReader(new StringReader("abcd\tX\t-\tnope\t-\tt\n"))))
                .hasMessage("vendor-ids.tsv line 1: unknown decoder 'nope'");
    }
}
