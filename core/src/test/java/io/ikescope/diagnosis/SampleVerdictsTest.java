package io.ikescope.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.session.MessageSource;
import io.ikescope.session.Negotiation;
import io.ikescope.session.Reconstruct;
import io.ikescope.session.TrackerOptions;
import io.ikescope.testsupport.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every lab sample (samples/index.json lists what the daemons' logs proved) diagnosed without keys: each
 * negotiation gets the expected code, or UNDETERMINED; never another code, confirmed or inferred. Prints the table.
 * With keys see {@link KeyedSampleVerdictsTest}.
 */
class SampleVerdictsTest {

    /** One sample's outcome. */
    record Row(String sample, String expected, String rootCause, List<String> ours, boolean allowed, boolean exact) {
    }

    static List<Row> diagnoseAll(java.util.function.Function<String, MessageSource> sources) throws Exception {
        Path samples = TestPaths.samples();
        JsonNode index = new ObjectMapper().readTree(Files.readString(samples.resolve("index.json")));
        List<Row> rows = new ArrayList<>();
        for (JsonNode entry : index) {
            String name = entry.get("name").asString();
            String expected = entry.get("expected").asString();
            List<Negotiation> negotiations = Reconstruct.run(samples.resolve(entry.get("capture").asString()),
                    sources.apply(name), TrackerOptions.defaults()).negotiations();
            List<String> ours = new ArrayList<>();
            boolean allowed = !negotiations.isEmpty();
            boolean exact = !negotiations.isEmpty();
            for (Negotiation n : negotiations) {
                Verdict v = Diagnoser.diagnose(n).verdict();
                ours.add(v.code() + "/" + v.certainty().jsonName());
                boolean same = v.code().name().equals(expected);
                allowed &= same || v.code() == VerdictCode.UNDETERMINED;
                exact &= same;
            }
            rows.add(new Row(name, expected, entry.path("rootCause").asString(""), ours, allowed, exact));
        }
        return rows;
    }

    static void print(String title, List<Row> rows) {
        System.out.println(title);
        System.out.printf("%-40s %-20s %-45s %s%n", "sample", "expected", "ikescope", "");
        for (Row r : rows) {
            System.out.printf("%-40s %-20s %-45s %s%n", r.sample(), r.expected(), String.join(", ", r.ours()),
                    r.exact() ? "ok" : r.allowed() ? "undetermined" : "WRONG");
        }
        long exact = rows.stream().filter(Row::exact).count();
        System.out.println(exact + " of " + rows.size() + " exact, "
                + rows.stream().filter(r -> r.allowed() && !r.exact()).count() + " undetermined, "
                + rows.stream().filter(r -> !r.allowed()).count() + " wrong");
    }

    @Test
    void everySampleWithoutKeysGetsItsExpectedCodeOrUndetermined() throws Exception {
        List<Row> rows = diagnoseAll(name -> MessageSource.withoutKeys());
        print("Samples without keys", rows);

        assertThat(rows).hasSizeGreaterThanOrEqualTo(42);
        assertThat(rows).filteredOn(r -> !r.allowed()).isEmpty();
        // Without keys the hidden Phase 2 refusals and the childless success stay undetermined; everything else
        // the capture shows must be named.
        assertThat(rows.stream().filter(Row::exact).count()).isGreaterThanOrEqualTo(33);
    }
}
