package io.ikescope.wire.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares our tables with the value strings of tshark, the reference dissector ({@code tshark -G values}):
 * every value tshark names must be assigned here, and where our tables adopt tshark's spelling (IKEv1, EAP and
 * the IKEv2 tables whose IANA names tshark also uses) the names must be equal. The allow-list below documents
 * each deliberate difference; an entry that no longer matches a difference fails the test too.
 */
class TsharkValueStringsTest {

    /** A value string entry of one tshark field: a single value or a range, with its label. */
    record Label(long from, long to, String name) {
    }

    /** Reserved, unassigned or placeholder labels: nothing to assign. */
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "(?i).*(reserved|unassigned|future use|private use|<unknown>|undefined - 0|undefined by any document).*");

    /** (tshark field, value) -> why our table differs from tshark on purpose. */
    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("isakmp.nextpayload 0", "tshark prints 'NONE / No Next Payload ' for both versions; IKEv1 calls it NONE"),
            Map.entry("isakmp.nextpayload 49", "IANA (RFC 6467) says Generic Secure Password Methods, tshark Method"),
            Map.entry("isakmp.id.type#0 12", "RFC 3554 and IANA call IKEv1 ID type 12 ID_LIST; tshark 4.0 says KEY_LIST"),
            Map.entry("isakmp.notify.msgtype#1 46", "tshark 4.0 repeats CHILD_SA_NOT_FOUND; IANA 46 is AUTHORIZATION_FAILED"),
            Map.entry("isakmp.notify.msgtype#1 16429", "RFC 9838 renamed SENDER_REQUEST_ID to GROUP_SENDER"),
            Map.entry("isakmp.cfg.attr.type#1 5", "RFC 7296 withdrew RFC 4306's INTERNAL_ADDRESS_EXPIRY; IANA: Reserved"),
            Map.entry("isakmp.cfg.attr.type#1 11", "RFC 7296 withdrew RFC 4306's INTERNAL_IP6_NBNS; IANA: Reserved"),
            Map.entry("isakmp.tf.id.dh 3", "IANA's IKEv2 table reserves 3-4; tshark reuses the IKEv1 group table"),
            Map.entry("isakmp.tf.id.dh 4", "IANA's IKEv2 table reserves 3-4; tshark reuses the IKEv1 group table"),
            Map.entry("isakmp.tf.id.dh 6", "IANA's IKEv2 table leaves 6-13 unassigned (EC2N groups are IKEv1 only)"),
            Map.entry("isakmp.tf.id.dh 7", "IANA's IKEv2 table leaves 6-13 unassigned (EC2N groups are IKEv1 only)"),
            Map.entry("isakmp.tf.id.dh 8", "IANA's IKEv2 table leaves 6-13 unassigned (EC2N groups are IKEv1 only)"),
            Map.entry("isakmp.tf.id.dh 9", "IANA's IKEv2 table leaves 6-13 unassigned (EC2N groups are IKEv1 only)"),
            Map.entry("isakmp.tf.id.dh 10", "IANA's IKEv2 table leaves 6-13 unassigned (EC2N groups are IKEv1 only)"),
            Map.entry("isakmp.tf.id.dh 11", "IANA's IKEv2 table leaves 6-13 unassigned (EC2N groups are IKEv1 only)"),
            Map.entry("isakmp.tf.id.dh 12", "IANA's IKEv2 table leaves 6-13 unassigned (EC2N groups are IKEv1 only)"),
            Map.entry("isakmp.tf.id.dh 13", "IANA's IKEv2 table leaves 6-13 unassigned (EC2N groups are IKEv1 only)"));

    private static Map<String, List<List<Label>>> fields;

    @BeforeAll
    static void dumpTsharkValueStrings() throws Exception {
        Assumptions.assumeTrue(Tshark.available(), "tshark is not installed: skipping the value-string cross-check");
        fields = parse(Tshark.run(List.of("-G", "values"), Map.of()));
    }

    /**
     * Groups the V (value) and R (range) lines of isakmp and eap fields by field; a field registered twice
     * (IKEv1 then IKEv2 under one abbreviation) restarts at a lower value, which starts a new block.
     */
    static Map<String, List<List<Label>>> parse(List<String> lines) {
        Map<String, List<List<Label>>> out = new LinkedHashMap<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f.length < 4 || !(f[1].startsWith("isakmp.") || f[1].startsWith("eap."))) {
                continue;
            }
            Label label;
            if (f[0].equals("V") && f.length == 4) {
                long v = Long.decode(f[2]);
                label = new Label(v, v, f[3]);
            } else if (f[0].equals("R") && f.length == 5) {
                label = new Label(Long.decode(f[2]), Long.decode(f[3]), f[4]);
            } else {
                continue;
            }
            List<List<Label>> blocks = out.computeIfAbsent(f[1], k -> new ArrayList<>());
            if (blocks.isEmpty() || lastOf(blocks).from() > label.from()) {
                blocks.add(new ArrayList<>());
            }
            blocks.get(blocks.size() - 1).add(label);
        }
        return out;
    }

    private static Label lastOf(List<List<Label>> blocks) {
        List<Label> last = blocks.get(blocks.size() - 1);
        return last.get(last.size() - 1);
    }

    /** Which of our tables holds a value of a tshark field block, or null when the value belongs to no table. */
    private record Target(String field, int block, LongFunction<Registry> table, boolean sameNames) {
        String key() {
            return block < 0 ? field : field + "#" + block;
        }
    }

    private static Target t(String field, Registry table, boolean sameNames) {
        return new Target(field, -1, v -> table, sameNames);
    }

    private static Target t(String field, int block, Registry table, boolean sameNames) {
        return new Target(field, block, v -> table, sameNames);
    }

    private static final List<Target> TARGETS = List.of(
            new Target("isakmp.exchangetype", -1,
                    v -> v < 34 ? Ikev1Registry.EXCHANGE_TYPE : Ikev2Registry.EXCHANGE_TYPE, true),
            new Target("isakmp.nextpayload", -1,
                    v -> v >= 33 && v <= 127 ? Ikev2Registry.PAYLOAD_TYPE : Ikev1Registry.PAYLOAD_TYPE, true),
            t("isakmp.sa.doi", Ikev1Registry.DOI, true),
            t("isakmp.prop.protoid", 0, Ikev1Registry.PROTOCOL_ID, true),
            t("isakmp.prop.protoid", 1, Ikev2Registry.PROTOCOL_ID, true),
            t("isakmp.id.type", 0, Ikev1Registry.ID_TYPE, true),
            t("isakmp.id.type", 1, Ikev2Registry.ID_TYPE, false),
            t("isakmp.cert.encoding", 0, Ikev1Registry.CERT_ENCODING, true),
            t("isakmp.cert.encoding", 1, Ikev2Registry.CERT_ENCODING, false),
            t("isakmp.auth.method", Ikev2Registry.AUTH_METHOD, true),
            t("isakmp.notify.msgtype", 0, Ikev1Registry.NOTIFY_TYPE, true),
            t("isakmp.notify.msgtype", 1, Ikev2Registry.NOTIFY_TYPE, true),
            t("isakmp.notify.data.ipcomp.transform_id", Ikev1Registry.IPCOMP_TRANSFORM_ID, true),
            t("isakmp.notify.data.redirect.gw_ident.type", Ikev2Registry.GATEWAY_ID_TYPE, false),
            t("isakmp.notify.data.signature_hash_algorithms", Ikev2Registry.HASH_ALGORITHM, true),
            t("isakmp.ike.attr.type", Ikev1Registry.IKE_ATTRIBUTE, true),
            t("isakmp.ike.attr.encryption_algorithm", Ikev1Registry.IKE_ENCRYPTION_ALGORITHM, true),
            t("isakmp.ike.attr.hash_algorithm", Ikev1Registry.IKE_HASH_ALGORITHM, true),
            t("isakmp.ike.attr.authentication_method", Ikev1Registry.IKE_AUTH_METHOD, true),
            t("isakmp.ike.attr.group_description", Ikev1Registry.IKE_GROUP_DESCRIPTION, true),
            t("isakmp.ike.attr.group_type", Ikev1Registry.IKE_GROUP_TYPE, true),
            t("isakmp.ike.attr.life_type", Ikev1Registry.IKE_LIFE_TYPE, true),
            t("isakmp.ipsec.attr.type", Ikev1Registry.IPSEC_ATTRIBUTE, true),
            t("isakmp.ipsec.attr.life_type", Ikev1Registry.IPSEC_LIFE_TYPE, true),
            t("isakmp.ipsec.attr.group_description", Ikev1Registry.IKE_GROUP_DESCRIPTION, true),
            t("isakmp.ipsec.attr.encap_mode", Ikev1Registry.IPSEC_ENCAPSULATION_MODE, true),
            t("isakmp.ipsec.attr.auth_algorithm", Ikev1Registry.IPSEC_AUTH_ALGORITHM, true),
            t("isakmp.tf.type", Ikev2Registry.TRANSFORM_TYPE, false),
            t("isakmp.tf.id.encr", Ikev2Registry.ENCR, false),
            t("isakmp.tf.id.prf", Ikev2Registry.PRF, false),
            t("isakmp.tf.id.integ", Ikev2Registry.INTEG, true),
            t("isakmp.tf.id.dh", Ikev2Registry.KE_METHOD, false),
            t("isakmp.tf.id.esn", Ikev2Registry.ESN, false),
            t("isakmp.ike2.attr.type", Ikev2Registry.TRANSFORM_ATTRIBUTE, false),
            t("isakmp.ts.type", Ikev2Registry.TS_TYPE, true),
            t("isakmp.cfg.type", 0, Ikev1Registry.CFG_TYPE, true),
            t("isakmp.cfg.type", 1, Ikev2Registry.CFG_TYPE, true),
            t("isakmp.cfg.attr.type", 0, Ikev1Registry.CFG_ATTRIBUTE, true),
            t("isakmp.cfg.attr.type", 1, Ikev2Registry.CFG_ATTRIBUTE, true),
            t("eap.code", EapRegistry.CODE, true),
            t("eap.type", EapRegistry.METHOD_TYPE, true));

    @Test
    void everyValueTsharkNamesIsAssignedAndSpelledAlike() {
        List<String> problems = new ArrayList<>();
        Set<String> allowanceUsed = new LinkedHashSet<>();
        int compared = 0;
        for (Target target : TARGETS) {
            List<List<Label>> blocks = fields.get(target.field());
            int blockIndex = Math.max(target.block(), 0);
            if (blocks == null || blocks.size() <= blockIndex) {
                problems.add(target.key() + ": tshark has no such value string");
                continue;
            }
            for (Label label : blocks.get(blockIndex)) {
                if (label.from() != label.to() || NOT_A_NAME.matcher(label.name()).matches()) {
                    continue;
                }
                compared++;
                long value = label.from();
                Registry table = target.table().apply(value);
                String ours = table.name(value);
                boolean differs = ours == null || (target.sameNames() && !ours.equals(label.name()));
                if (!differs) {
                    continue;
                }
                String key = target.key() + " " + value;
                if (ALLOWED.containsKey(key)) {
                    allowanceUsed.add(key);
                } else {
                    problems.add(String.format("%s value %d: tshark '%s', %s '%s'", target.key(), value, label.name(),
                            table.title(), ours));
                }
            }
        }
        assertThat(compared).as("values compared").isGreaterThan(400);
        assertThat(problems).as("differences from tshark not in the allow-list").isEmpty();
        assertThat(allowanceUsed).as("allow-list entries that still describe a real difference")
                .containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
    }
}
