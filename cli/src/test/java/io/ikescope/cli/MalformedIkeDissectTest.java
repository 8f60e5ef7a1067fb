package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.IkeSurgery;
import io.ikescope.testsupport.TestPaths;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Malformed IKE as {@code ikescope dissect} reports it. A real IKE_SA_INIT request (strongSwan,
 * samples/ikev2-psk-ok.pcap frame 1: SA, KE, NONCE, N x5) is corrupted in one way per frame, and the real
 * response follows: each problem is an entry of {@code errors[]} in JSON and an {@code !! ERROR} line in text,
 * naming the payload and its offset under the frame it came in, and decoding goes on (the rest of the message
 * where possible, and the next frame in any case).
 */
class MalformedIkeDissectTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SA = 0;
    private static final int KE = 1;
    private static final int NONCE = 2;

    @TempDir
    static Path dir;
    private static byte[] request;
    private static Path capture;
    private static final List<String> expectedErrors = new ArrayList<>();

    @BeforeAll
    static void corruptRealMessages() throws Exception {
        List<byte[]> frames = IkeSurgery.frames(TestPaths.sample("ikev2-psk-ok.pcap"));
        byte[] requestFrame = frames.get(0);
        request = java.util.Arrays.copyOfRange(requestFrame, 14 + 20 + 8, requestFrame.length);
        assertThat(request.length).isEqualTo(464);
        int sa = IkeSurgery.payloadOffset(request, SA);
        int ke = IkeSurgery.payloadOffset(request, KE);
        int nonce = IkeSurgery.payloadOffset(request, NONCE);
        int firstNotify = IkeSurgery.payloadOffset(request, 3);
        List<byte[]> broken = new ArrayList<>();

        // 1. Invalid payload length: KE claims 2000 bytes.
        broken.add(IkeSurgery.withU16(request, ke + 2, 2000));
        expectedErrors.add("payload 2 (type 34) at offset " + ke + ": length 2000 exceeds the " + (464 - ke)
                + " bytes that remain");

        // 2. Unknown critical payload: NONCE now announces type 200 next, and that payload has the critical bit.
        byte[] critical = IkeSurgery.withByte(request, nonce, 200);
        critical[firstNotify + 1] = (byte) 0x80;
        broken.add(critical);
        expectedErrors.add("payload 4 (type 200) at offset " + firstNotify + ": unknown payload type 200 has the"
                + " critical bit set: a peer must reject the message (UNSUPPORTED_CRITICAL_PAYLOAD)");

        // 3. A payload that would loop a naive decoder in place: NONCE with length 0.
        broken.add(IkeSurgery.withU16(request, nonce + 2, 0));
        expectedErrors.add("payload 3 (type 40) at offset " + nonce + ": length 0 is shorter than the 4-byte payload"
                + " header");

        // 4. Truncated SA: its proposal claims 200 bytes of the 44 the SA body holds.
        int proposal = sa + 4;
        broken.add(IkeSurgery.withU16(request, proposal + 2, 200));
        expectedErrors.add("payload 1 (type 33) at offset " + sa + ": proposal of length 200 needs 196 bytes but only "
                + (48 - 4 - 4) + " remain (at offset " + (proposal + 4) + ")");

        // 5. Attribute overflow: the ENCR transform's Key Length loses its TV bit, so 256 is read as a length.
        int encrTransform = proposal + 8;
        int keyLength = encrTransform + 8;
        assertThat(IkeSurgery.payload(request, SA).toString()).contains("type=1");
        broken.add(IkeSurgery.withByte(request, keyLength, 0x00));
        expectedErrors.add("payload 1 (type 33) at offset " + sa + ": attribute type 14 length 256 exceeds the 0 bytes"
                + " that remain (at offset " + keyLength + ")");

        List<byte[]> out = new ArrayList<>();
        for (byte[] ike : broken) {
            out.add(IkeSurgery.withIke(requestFrame, ike));
        }
        out.add(frames.get(1)); // the real response, untouched
        capture = dir.resolve("malformed.pcap");
        Files.write(capture, IkeSurgery.ethernetPcap(out));
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new ByteArrayInputStream(new byte[0]), out, err, args);
        assertThat(exit).as("exit status; stderr: " + err).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonListsEachProblemUnderItsFrameAndGoesOn() throws Exception {
        List<String> lines = run("dissect", "--format", "json", capture.toString()).lines().toList();
        assertThat(lines).hasSize(expectedErrors.size() + 1);
        for (int i = 0; i < expectedErrors.size(); i++) {
            JsonNode m = JSON.readTree(lines.get(i));
            assertThat(m.get("frame").asLong()).isEqualTo(i + 1);
            assertThat(m.get("exchange").asString()).isEqualTo("IKE_SA_INIT");
            List<String> errors = new ArrayList<>();
            m.get("errors").forEach(e -> errors.add(e.asString()));
            assertThat(errors).as("frame " + (i + 1)).containsExactly(expectedErrors.get(i));
        }
        // The payloads around each problem are still there.
        JsonNode criticalCase = JSON.readTree(lines.get(1)).get("payloads");
        assertThat(criticalCase).hasSize(8);
        assertThat(criticalCase.get(3).get("type").asInt()).isEqualTo(200);
        assertThat(criticalCase.get(4).get("notifyType").asInt()).isPositive();
        JsonNode truncatedSa = JSON.readTree(lines.get(3)).get("payloads").get(0);
        assertThat(truncatedSa.get("error").asString()).isEqualTo(expectedErrors.get(3));
        // The next frame, untouched, decodes cleanly.
        JsonNode response = JSON.readTree(lines.get(expectedErrors.size()));
        assertThat(response.get("frame").asLong()).isEqualTo(expectedErrors.size() + 1);
        assertThat(response.get("errors")).isEmpty();
        assertThat(response.get("flags").get("response").asBoolean()).isTrue();
    }

    @Test
    void textMarksEachProblemUnderItsFrame() {
        String text = run("dissect", capture.toString());
        List<String> blocks = List.of(text.split("\n\n"));
        assertThat(blocks).hasSize(expectedErrors.size() + 1);
        for (int i = 0; i < expectedErrors.size(); i++) {
            String block = blocks.get(i);
            assertThat(block).startsWith("Frame " + (i + 1) + " ");
            assertThat(block.lines().filter(l -> l.startsWith("  !! ERROR: ")).toList())
                    .containsExactly("  !! ERROR: " + expectedErrors.get(i));
        }
        assertThat(blocks.get(0)).contains("!! MALFORMED: " + expectedErrors.get(0));
        assertThat(blocks.get(expectedErrors.size())).doesNotContain("!!");
    }

    @Test
    void theUncorruptedRequestHasNoError() throws Exception {
        Path clean = dir.resolve("clean.pcap");
        List<byte[]> frames = IkeSurgery.frames(TestPaths.sample("ikev2-psk-ok.pcap"));
        Files.write(clean, IkeSurgery.ethernetPcap(List.of(IkeSurgery.withIke(frames.get(0), request))));
        JsonNode m = JSON.readTree(run("dissect", "-f", "json", clean.toString()));
        assertThat(m.get("errors")).isEmpty();
        assertThat(m.get("payloads")).hasSize(8);
    }
}
