package io.ikescope.wire.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryTablesTest {

    /** Every public Registry constant of the three registry classes, with its field name. */
    static Map<String, Registry> allTables() throws IllegalAccessException {
        Map<String, Registry> tables = new java.util.LinkedHashMap<>();
        for (Class<?> owner : List.of(Ikev1Registry.class, Ikev2Registry.class, EapRegistry.class)) {
            for (Field f : owner.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == Registry.class) {
                    tables.put(owner.getSimpleName() + "." + f.getName(), (Registry) f.get(null));
                }
            }
        }
        return tables;
    }

    @Test
    void everyTableHasNamesAndOnlyIkePrfIsLeftWithRangesAlone() throws IllegalAccessException {
        Map<String, Registry> tables = allTables();
        assertThat(tables).hasSizeGreaterThanOrEqualTo(50);
        tables.forEach((field, table) -> {
            assertThat(table.title()).as(field).isNotBlank();
            assertThat(table.ranges()).as(field + " ranges").isNotEmpty();
            if (table == Ikev1Registry.IKE_PRF) {
                assertThat(table.entries()).as("IANA never assigned an IKEv1 PRF value").isEmpty();
            } else {
                assertThat(table.entries()).as(field).isNotEmpty();
            }
            table.entries().values().forEach(name -> assertThat(name).as(field).isNotBlank().isEqualTo(name.strip()));
        });
    }

    @Test
    void rangesAreWellFormedAndDoNotOverlap() throws IllegalAccessException {
        List<String> problems = new ArrayList<>();
        allTables().forEach((field, table) -> {
            List<Registry.Range> ranges = new ArrayList<>(table.ranges());
            ranges.sort(java.util.Comparator.comparingLong(Registry.Range::from));
            for (int i = 0; i < ranges.size(); i++) {
                Registry.Range r = ranges.get(i);
                if (r.from() > r.to() || r.label().isBlank()) {
                    problems.add(field + " " + r);
                }
                if (i > 0 && ranges.get(i - 1).to() >= r.from()) {
                    problems.add(field + " overlap " + ranges.get(i - 1) + " / " + r);
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void ikev2FactsFromIana() {
        assertThat(Ikev2Registry.KE_METHOD.name(36)).isEqualToIgnoringCase("ML-KEM-768");
        assertThat(Ikev2Registry.KE_METHOD.name(35)).isEqualToIgnoringCase("ML-KEM-512");
        assertThat(Ikev2Registry.KE_METHOD.name(37)).isEqualToIgnoringCase("ML-KEM-1024");
        assertThat(Ikev2Registry.KE_METHOD.name(31)).isEqualTo("Curve25519");
        assertThat(Ikev2Registry.KE_METHOD.name(34)).isEqualTo("GOST3410_2012_512");
        assertThat(Ikev2Registry.KE_METHOD.name(14)).isEqualTo("2048-bit MODP Group");
        assertThat(Ikev2Registry.KE_METHOD.describe(3)).isEqualTo("Reserved (3)");
        assertThat(Ikev2Registry.ENCR.name(28)).isEqualTo("ENCR_CHACHA20_POLY1305");
        assertThat(Ikev2Registry.ENCR.name(20)).isEqualTo("ENCR_AES_GCM_16");
        assertThat(Ikev2Registry.ENCR.name(14)).isEqualTo("ENCR_AES_CCM_8");
        assertThat(Ikev2Registry.ENCR.name(32)).isEqualTo("ENCR_KUZNYECHIK_MGM_KTREE");
        assertThat(Ikev2Registry.PRF.name(5)).isEqualTo("PRF_HMAC_SHA2_256");
        assertThat(Ikev2Registry.INTEG.name(12)).isEqualTo("AUTH_HMAC_SHA2_256_128");
        assertThat(Ikev2Registry.EXCHANGE_TYPE.name(43)).isEqualTo("IKE_INTERMEDIATE");
        assertThat(Ikev2Registry.EXCHANGE_TYPE.name(44)).isEqualTo("IKE_FOLLOWUP_KE");
        assertThat(Ikev2Registry.PAYLOAD_TYPE.name(53)).isEqualTo("Encrypted and Authenticated Fragment");
        assertThat(Ikev2Registry.PAYLOAD_TYPE.name(54)).isEqualTo("Puzzle Solution");
        for (int i = 1; i <= 7; i++) {
            assertThat(Ikev2Registry.TRANSFORM_TYPE.name(5 + i)).isEqualTo("Additional Key Exchange " + i + " (ADDKE" + i + ")");
        }
        assertThat(Ikev2Registry.AUTH_METHOD.name(14)).isEqualTo("Digital Signature");
        assertThat(Ikev2Registry.AUTH_METHOD.name(13)).isEqualTo("NULL Authentication");
        assertThat(Ikev2Registry.TS_TYPE.name(10)).isEqualTo("TS_SECLABEL");
        assertThat(Ikev2Registry.NOTIFY_TYPE.name(14)).isEqualTo("NO_PROPOSAL_CHOSEN");
        assertThat(Ikev2Registry.NOTIFY_TYPE.name(17)).isEqualTo("INVALID_KE_PAYLOAD");
        assertThat(Ikev2Registry.NOTIFY_TYPE.name(16441)).isEqualTo("ADDITIONAL_KEY_EXCHANGE");
        assertThat(Ikev2Registry.NOTIFY_TYPE.name(16430)).isEqualTo("IKEV2_FRAGMENTATION_SUPPORTED");
        assertThat(Ikev2Registry.NOTIFY_TYPE.describe(9000)).isEqualTo("Private Use - Errors (9000)");
        assertThat(Ikev2Registry.HASH_ALGORITHM.name(5)).isEqualTo("Identity");
        assertThat(Ikev2Registry.CFG_ATTRIBUTE.name(25)).isEqualTo("INTERNAL_DNS_DOMAIN");
    }

    @Test
    void ikev1FactsInTsharkSpelling() {
        assertThat(Ikev1Registry.NOTIFY_TYPE.name(36136)).isEqualTo("R-U-THERE");
        assertThat(Ikev1Registry.NOTIFY_TYPE.name(36137)).isEqualTo("R-U-THERE-ACK");
        assertThat(Ikev1Registry.NOTIFY_TYPE.name(24578)).isEqualTo("INITIAL-CONTACT");
        assertThat(Ikev1Registry.NOTIFY_TYPE.name(14)).isEqualTo("NO-PROPOSAL-CHOSEN");
        assertThat(Ikev1Registry.EXCHANGE_TYPE.name(32)).isEqualTo("Quick Mode");
        assertThat(Ikev1Registry.EXCHANGE_TYPE.name(6)).isEqualTo("Transaction (Config Mode)");
        assertThat(Ikev1Registry.IKE_ATTRIBUTE.name(1)).isEqualTo("Encryption-Algorithm");
        assertThat(Ikev1Registry.IKE_ATTRIBUTE.name(14)).isEqualTo("Key-Length");
        assertThat(Ikev1Registry.IKE_ATTRIBUTE.name(12)).isEqualTo("Life-Duration");
        assertThat(Ikev1Registry.IKE_ENCRYPTION_ALGORITHM.name(7)).isEqualTo("AES-CBC");
        assertThat(Ikev1Registry.IKE_HASH_ALGORITHM.name(4)).isEqualTo("SHA2-256");
        assertThat(Ikev1Registry.IKE_AUTH_METHOD.name(1)).isEqualTo("Pre-shared key");
        assertThat(Ikev1Registry.IKE_AUTH_METHOD.name(65001)).isEqualTo("XAUTHInitPreShared");
        assertThat(Ikev1Registry.IKE_AUTH_METHOD.name(64221)).isEqualTo("HybridInitRSA");
        assertThat(Ikev1Registry.IKE_GROUP_DESCRIPTION.name(14)).isEqualTo("2048 bit MODP group");
        assertThat(Ikev1Registry.IPSEC_ATTRIBUTE.name(4)).isEqualTo("Encapsulation-Mode");
        assertThat(Ikev1Registry.IPSEC_ENCAPSULATION_MODE.name(3)).isEqualTo("UDP-Encapsulated-Tunnel");
        assertThat(Ikev1Registry.IPSEC_ENCAPSULATION_MODE.name(61444)).isEqualTo("UDP-Encapsulated-Transport (draft)");
        assertThat(Ikev1Registry.ESP_TRANSFORM_ID.name(12)).isEqualTo("AES");
        assertThat(Ikev1Registry.CFG_ATTRIBUTE.name(16521)).isEqualTo("XAUTH_USER_NAME");
        assertThat(Ikev1Registry.CFG_ATTRIBUTE.name(28672)).isEqualTo("UNITY_BANNER");
        assertThat(Ikev1Registry.PAYLOAD_TYPE.name(132)).isEqualTo("Cisco-Fragmentation");
        assertThat(Ikev1Registry.NOTIFY_TYPE.describe(50000)).isEqualTo("Reserved (Future Use) (50000)");
        assertThat(EapRegistry.CODE.name(3)).isEqualTo("Success");
        assertThat(EapRegistry.METHOD_TYPE.name(18)).contains("EAP-SIM");
    }

    @Test
    void shortPayloadNamesAreTheReportNotation() {
        assertThat(Ikev2Registry.PAYLOAD_ABBREV.entries()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry(33L, "SA"), Map.entry(34L, "KE"), Map.entry(35L, "IDi"), Map.entry(36L, "IDr"),
                Map.entry(37L, "CERT"), Map.entry(38L, "CERTREQ"), Map.entry(39L, "AUTH"), Map.entry(40L, "NONCE"),
                Map.entry(41L, "N"), Map.entry(42L, "D"), Map.entry(43L, "VID"), Map.entry(44L, "TSi"),
                Map.entry(45L, "TSr"), Map.entry(46L, "SK"), Map.entry(47L, "CP"), Map.entry(48L, "EAP"),
                Map.entry(49L, "GSPM"), Map.entry(50L, "IDg"), Map.entry(51L, "GSA"), Map.entry(52L, "KD"),
                Map.entry(53L, "SKF"), Map.entry(54L, "PS")));
        String[] v1 = {null, "SA", "P", "T", "KE", "ID", "CERT", "CR", "HASH", "SIG", "NONCE", "N", "D", "VID",
                "ATTR", "SAK", "SAT", "KD", "SEQ", "POP", "NAT-D", "NAT-OA", "GAP"};
        for (int type = 1; type < v1.length; type++) {
            assertThat(Ikev1Registry.PAYLOAD_ABBREV.name(type)).as("type %d", type).isEqualTo(v1[type]);
        }
        assertThat(Ikev1Registry.PAYLOAD_ABBREV.name(130)).isEqualTo("NAT-D");
        assertThat(Ikev1Registry.PAYLOAD_ABBREV.name(131)).isEqualTo("NAT-OA");
        assertThat(Ikev1Registry.PAYLOAD_ABBREV.name(132)).isEqualTo("FRAG");
        assertThat(Ikev1Registry.PAYLOAD_ABBREV.entries()).hasSize(25);
        // every payload with a full name has a short one, and the other way round
        assertThat(Ikev2Registry.PAYLOAD_ABBREV.entries().keySet())
                .containsExactlyElementsOf(Ikev2Registry.PAYLOAD_TYPE.entries().keySet().stream().filter(t -> t != 0).toList());
        assertThat(Ikev1Registry.PAYLOAD_ABBREV.entries().keySet())
                .containsExactlyElementsOf(Ikev1Registry.PAYLOAD_TYPE.entries().keySet().stream().filter(t -> t != 0).toList());
    }

    @Test
    void describeFallsBackToTheRangeThenUnknown() {
        assertThat(Ikev2Registry.EXCHANGE_TYPE.describe(34)).isEqualTo("IKE_SA_INIT");
        assertThat(Ikev2Registry.EXCHANGE_TYPE.describe(45)).isEqualTo("Unassigned (45)");
        assertThat(Ikev2Registry.EXCHANGE_TYPE.describe(250)).isEqualTo("Private Use (250)");
        assertThat(Ikev2Registry.PAYLOAD_TYPE.describe(300)).isEqualTo("Unknown (300)");
        assertThat(Ikev2Registry.ENCR.isAssigned(17)).isFalse();
        assertThat(Ikev2Registry.ENCR.describe(22)).isEqualTo("Reserved for IEEE P1619 XTS-AES (22)");
    }

    @Test
    void valueTablesFollowTheTransformAndAttributeTypes() {
        assertThat(Ikev2Registry.transformIds(1)).isSameAs(Ikev2Registry.ENCR);
        assertThat(Ikev2Registry.transformIds(2)).isSameAs(Ikev2Registry.PRF);
        assertThat(Ikev2Registry.transformIds(3)).isSameAs(Ikev2Registry.INTEG);
        for (int type : new int[] {4, 6, 7, 8, 9, 10, 11, 12}) {
            assertThat(Ikev2Registry.transformIds(type)).as("type %d", type).isSameAs(Ikev2Registry.KE_METHOD);
        }
        assertThat(Ikev2Registry.transformIds(5)).isSameAs(Ikev2Registry.ESN);
        assertThat(Ikev2Registry.transformIds(13)).isSameAs(Ikev2Registry.KWA);
        assertThat(Ikev2Registry.transformIds(14)).isSameAs(Ikev2Registry.GCAUTH);
        assertThat(Ikev2Registry.transformIds(15)).isNull();
        assertThat(Ikev1Registry.transformIds(3).name(3)).isEqualTo("3DES");
        assertThat(Ikev1Registry.transformIds(9)).isNull();
        assertThat(Ikev1Registry.ikeAttributeValues(1).name(7)).isEqualTo("AES-CBC");
        assertThat(Ikev1Registry.ikeAttributeValues(14)).isNull();
        assertThat(Ikev1Registry.ipsecAttributeValues(3)).isSameAs(Ikev1Registry.IKE_GROUP_DESCRIPTION);
        assertThat(Ikev1Registry.ipsecAttributeValues(4).name(1)).isEqualTo("Tunnel");
    }

    @Test
    void builderRefusesAValueAssignedTwice() {
        Registry.Builder b = Registry.builder("t").add(1, "a");
        assertThatThrownBy(() -> b.add(1, "b")).isInstanceOf(IllegalStateException.class).hasMessageContaining("value 1");
    }
}
