package io.ikescope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ikescope.capture.CaptureException;
import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.crypto.Decryptor;
import io.ikescope.diagnosis.Diagnoser;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.diagnosis.VerdictCode;
import io.ikescope.net.CaptureScan;
import io.ikescope.net.DecoderCounters;
import io.ikescope.net.DecoderOptions;
import io.ikescope.report.DiagnoseJsonWriter;
import io.ikescope.report.DiagnoseTextWriter;
import io.ikescope.report.InputSummary;
import io.ikescope.session.IdSequence;
import io.ikescope.session.MessageSource;
import io.ikescope.session.Negotiation;
import io.ikescope.session.SessionTracker;
import io.ikescope.session.TrackerOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The whole {@code ikescope diagnose} pipeline on any capture bytes, wired as the CLI's DiagnoseCommand wires it:
 * capture reader, packet decoding, session tracking (with or without one lab sample's keys), diagnosis, and both
 * report writers. Byte 0 chooses the keys (even: none; odd: the keys of sample {@code byte0 >> 1}); the rest is
 * the capture.
 *
 * <p>Invariants: a {@link CaptureException} naming the input is the only way to fail (an unreadable capture);
 * the JSON report parses, holds one negotiation per negotiation diagnosed and each has a verdict code of
 * {@link VerdictCode}; neither report holds a character a terminal would act on; no other exception.
 */
class DiagnosePipelineFuzzTest {
    private static final String NAME = "fuzzed-capture";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CODES =
            Stream.of(VerdictCode.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    @FuzzTest(maxDuration = "10m")
    void diagnoseCapture(byte[] input) throws IOException {
        if (input.length < 1) {
            return;
        }
        List<KeyedSamples.Sample> samples = KeyedSamples.samples();
        MessageSource source = (input[0] & 1) == 0 ? MessageSource.withoutKeys()
                : MessageSource.decrypting(new Decryptor(samples.get(((input[0] & 0xff) >> 1) % samples.size()).keys()));
        byte[] capture = Arrays.copyOfRange(input, 1, input.length);

        StringWriter json = new StringWriter();
        StringWriter text = new StringWriter();
        DiagnoseJsonWriter jsonWriter = new DiagnoseJsonWriter(json);
        DiagnoseTextWriter textWriter = new DiagnoseTextWriter(text);
        List<String> verdicts = new ArrayList<>();
        try (CaptureReader reader = Captures.open(new ByteArrayInputStream(capture), NAME)) {
            List<String> warnings = new ArrayList<>();
            SessionTracker tracker = new SessionTracker(NAME, TrackerOptions.defaults(), new IdSequence(),
                    negotiation -> write(negotiation, jsonWriter, textWriter, verdicts));
            DecoderCounters counters = CaptureScan.run(reader, DecoderOptions.defaults(),
                    tracker.packetSink(source, warnings::add));
            tracker.finish();
            warnings.addAll(tracker.warnings());
            InputSummary summary = new InputSummary(NAME, reader.format(), counters.frames(), counters.ikeMessages(),
                    warnings);
            jsonWriter.input(summary);
            textWriter.input(summary);
        } catch (CaptureException e) {
            if (!e.getMessage().startsWith(NAME + ": ") || e.getMessage().length() <= NAME.length() + 2) {
                throw new AssertionError("a capture error that does not name the input: " + e.getMessage(), e);
            }
            return;
        }
        jsonWriter.close();
        textWriter.close();

        OutputSafety.requireSafe("text report", text.toString());
        OutputSafety.requireSafe("JSON report", json.toString());
        JsonNode report = JSON.readTree(json.toString());
        JsonNode negotiations = report.get("negotiations");
        if (negotiations == null || !negotiations.isArray() || negotiations.size() != verdicts.size()) {
            throw new AssertionError("the JSON report does not list the " + verdicts.size() + " negotiations: " + json);
        }
        for (int i = 0; i < negotiations.size(); i++) {
            JsonNode code = negotiations.get(i).path("verdict").path("code");
            if (!code.isString() || !CODES.contains(code.asString()) || !code.asString().equals(verdicts.get(i))) {
                throw new AssertionError("negotiation " + i + " has the verdict code " + code + ", diagnosed "
                        + verdicts.get(i));
            }
        }
    }

    private static void write(Negotiation n, DiagnoseJsonWriter json, DiagnoseTextWriter text, List<String> verdicts) {
        Diagnosis d = Diagnoser.diagnose(n);
        if (d.verdict() == null || d.verdict().code() == null) {
            throw new AssertionError("a diagnosis without a verdict code");
        }
        verdicts.add(d.verdict().code().name());
        try {
            json.negotiation(n, d);
            text.negotiation(n, d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
