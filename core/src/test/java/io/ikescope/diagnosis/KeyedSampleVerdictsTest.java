package io.ikescope.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.session.Negotiation;
import io.ikescope.session.Reconstruct;
import io.ikescope.testsupport.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every lab sample that comes with a key log, diagnosed with it the way {@code ikescope diagnose -k} does
 * (KeySources.load, one Decryptor, MessageSource.decrypting, SessionTracker, Diagnoser): each negotiation gets the
 * sample's expected code, and the verdict is confirmed, except where no message of the capture, decrypted or not,
 * can state it; those samples are listed below with the reason. Prints the table.
 */
class KeyedSampleVerdictsTest {

    /** Samples whose verdict stays inferred with keys, and why no decrypted message can confirm it. */
    static final Map<String, String> INFERRED_EVEN_WITH_KEYS = Map.of(
            "ikev1-cert-ipfrag-loss", "the initiator's MM5 never reassembles (IP fragments lost) and the responder"
                    + " stays silent: the evidence is what is missing, no message states it",
            "ikev2-cert-fragment-loss", "fragment 3 of the IKE_AUTH request never arrives and the responder stays"
                    + " silent: the fragments that did arrive decrypt, the evidence is the one that is missing",
            "ikev1-natt-blocked", "MM5 on UDP 4500 is never answered: silence, not a message, is the evidence",
            "ikev2-natt-blocked", "IKE_AUTH on UDP 4500 is never answered: silence is the evidence",
            "ikev2-nat-natt-blocked", "IKE_AUTH on UDP 4500 is never answered: silence is the evidence",
            "ikev1-main-psk-mismatch", "the responder cannot decrypt MM5 and says PAYLOAD-MALFORMED, not"
                    + " AUTHENTICATION-FAILED: that the pre-shared keys differ is inferred from the pattern",
            "ikev1-encap-psk-mismatch", "as ikev1-main-psk-mismatch, with MM5 on UDP 4500: the responder cannot"
                    + " decrypt it and says PAYLOAD-MALFORMED (on UDP 500), not AUTHENTICATION-FAILED",
            "libreswan-ikev1-main-psk-mismatch", "libreswan cannot decrypt MM5 and only re-sends MM4: no message"
                    + " names the failure; the initiator's MM5 decrypts with its own keys and looks normal");

    /** Samples with several negotiations, per their index descriptions; every other sample has one. */
    static final Map<String, Integer> NEGOTIATIONS = Map.of(
            "ikev1-algorithms-ok", 8, // 8 Main Modes, one per cipher/hash
            "ikev2-algorithms-ok", 15, // 15 childless IKE SAs, one per cipher/integrity
            "ikev2-psk-ok", 2); // the IKE SA and the one its CREATE_CHILD_SA rekey made

    record Row(String sample, String expected, List<String> ours, List<String> decryption, boolean ok) {
    }

    @Test
    void everyKeyedSampleGetsItsExpectedCodeConfirmed() throws Exception {
        Path samples = TestPaths.samples();
        JsonNode index = new ObjectMapper().readTree(Files.readString(samples.resolve("index.json")));
        List<Row> rows = new ArrayList<>();
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode entry : index) {
            if (entry.path("keys").isMissingNode() || entry.path("keys").isNull()) {
                continue;
            }
            String name = entry.get("name").asString();
            String expected = entry.get("expected").asString();
            Certainty certainty = INFERRED_EVEN_WITH_KEYS.containsKey(name) ? Certainty.INFERRED : Certainty.CONFIRMED;
            List<Negotiation> negotiations = Reconstruct.runWithKeys(samples.resolve(entry.get("capture").asString()),
                    List.of(samples.resolve(entry.get("keys").asString()))).negotiations();
            List<String> ours = new ArrayList<>();
            List<String> decryption = new ArrayList<>();
            boolean ok = negotiations.size() == NEGOTIATIONS.getOrDefault(name, 1);
            soft.assertThat(negotiations).as(name + ": negotiations").hasSize(NEGOTIATIONS.getOrDefault(name, 1));
            for (Negotiation n : negotiations) {
                Verdict v = Diagnoser.diagnose(n).verdict();
                ours.add(v.code() + "/" + v.certainty().jsonName());
                decryption.add(n.decryption());
                soft.assertThat(v.code().name()).as(name + " negotiation " + n.id() + ": " + v.summary())
                        .isEqualTo(expected);
                soft.assertThat(v.certainty()).as(name + " negotiation " + n.id() + " certainty: " + v.summary())
                        .isEqualTo(certainty);
                ok &= v.code().name().equals(expected) && v.certainty() == certainty;
            }
            rows.add(new Row(name, expected + "/" + certainty.jsonName(), ours, decryption, ok));
        }
        print(rows);
        assertThat(rows).as("samples with a key log").hasSizeGreaterThanOrEqualTo(35);
        soft.assertAll();
    }

    private static void print(List<Row> rows) {
        System.out.println("Samples diagnosed with their keys");
        System.out.printf("%-36s %-30s %-10s %s%n", "sample", "expected", "decryption", "ikescope");
        for (Row r : rows) {
            List<String> ours = r.ours().stream().distinct().toList();
            List<String> decryption = r.decryption().stream().distinct().toList();
            System.out.printf("%-36s %-30s %-10s %s%s %s%n", r.sample(), r.expected(), String.join(",", decryption),
                    String.join(", ", ours), r.ours().size() > 1 ? " (x" + r.ours().size() + ")" : "",
                    r.ok() ? "ok" : "WRONG");
        }
        System.out.println(rows.stream().filter(Row::ok).count() + " of " + rows.size() + " as expected");
    }
}
