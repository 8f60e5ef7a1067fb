package io.ikescope.wire.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vendor IDs and IKEv1 transform names against tshark, the reference dissector: on the public capture corpus
 * (real traffic), and on a capture holding every value of our table once.
 */
class VendorIdsTsharkTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String UNKNOWN = "Unknown Vendor ID";

    /** tshark names that we deliberately replace, with the name we use. */
    private static final Map<String, String> RENAMED = Map.of(
            // tshark labels the Check Point prefix after a GOST implementation that reuses it
            "CryptoPro/GOST 0.1 / Check Point R65", "Check Point");

    /** One Vendor ID payload as tshark dissected it, with the version fields it decoded. */
    record SeenVid(String where, String hex, String tsharkName, Map<String, String> versionFields) {
    }

    @Test
    void everyVendorIdTsharkNamesInTheCorpusGetsTheSameName(@TempDir Path profile) throws Exception {
        Assumptions.assumeTrue(Tshark.available(), "tshark is not installed: skipping the corpus cross-check");
        Path corpus = TestPaths.publicCorpusOrSkip();

        List<List<PdmlFields.Field>> dissections = dissectCorpus(corpus, profile);
        List<SeenVid> vids = new ArrayList<>();
        List<String> transformProblems = new ArrayList<>();
        int transformsCompared = 0;
        for (List<PdmlFields.Field> fields : dissections) {
            vids.addAll(vendorIds(fields, "corpus"));
            long protocol = -1;
            for (PdmlFields.Field f : fields) {
                if (f.name().equals("isakmp.prop.protoid")) {
                    protocol = Long.parseLong(f.show());
                } else if (f.name().equals("isakmp.trans.id") && f.showname() != null) {
                    // "Transform ID: AES (12)"
                    String shown = f.showname().substring(f.showname().indexOf(": ") + 2);
                    String tsharkName = shown.substring(0, shown.lastIndexOf(" ("));
                    Registry table = Ikev1Registry.transformIds((int) protocol);
                    String ours = table == null ? null : table.name(Long.parseLong(f.show()));
                    transformsCompared++;
                    if (!tsharkName.equals(ours)) {
                        transformProblems.add("protocol " + protocol + " transform " + f.show() + ": tshark '"
                                + tsharkName + "', ours '" + ours + "'");
                    }
                }
            }
        }

        assertThat(vids).as("Vendor ID payloads in the corpus").hasSizeGreaterThan(150);
        List<String> problems = compare(vids);
        assertThat(problems).isEmpty();
        assertThat(transformsCompared).as("IKEv1 transforms in the corpus").isGreaterThan(60);
        assertThat(transformProblems).isEmpty();

        Set<String> namedOnlyByUs = new TreeSet<>();
        for (SeenVid v : vids) {
            if (v.tsharkName().equals(UNKNOWN) && VendorIds.lookup(HEX.parseHex(v.hex())) != null) {
                namedOnlyByUs.add(v.hex());
            }
        }
        // Openswan 2.6.32 (hash of its version text), Windows' KEY_MODS and Openswan's unit-test build ID
        assertThat(namedOnlyByUs).contains("4f4568794c64414365636661", "01528bbbc00696121849ab9a1c5b2a5100000002",
                "4f45706c75746f756e697430");
    }

    @Test
    void tsharkNamesEveryValueOfOurTableAsWeDo(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Tshark.available(), "tshark is not installed: skipping the table cross-check");
        List<VendorIdTable.Entry> entries = VendorIdTable.INSTANCE.entries();
        Path capture = dir.resolve("every-vendor-id.pcap");
        Files.write(capture, captureWithOneVendorIdPerMessage(entries.stream().map(VendorIdTable.Entry::value).toList()));

        List<SeenVid> vids = vendorIds(PdmlFields.parse(Tshark.run(List.of("-r", capture.toString(), "-T", "pdml"),
                Map.of())), "table");
        assertThat(vids).hasSize(entries.size());
        List<String> problems = compare(vids);
        for (int i = 0; i < entries.size(); i++) {
            VendorIdTable.Entry e = entries.get(i);
            if (e.source().equals("tshark") && vids.get(i).tsharkName().equals(UNKNOWN)) {
                problems.add(HEX.formatHex(e.value()) + " is listed as tshark's but tshark does not know it");
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Differences between tshark's name (and decoded version fields) and ours, for the VIDs tshark names. */
    private static List<String> compare(List<SeenVid> vids) {
        List<String> problems = new ArrayList<>();
        for (SeenVid v : vids) {
            if (v.tsharkName().equals(UNKNOWN)) {
                continue;
            }
            VendorIds.Match ours = VendorIds.lookup(HEX.parseHex(v.hex()));
            String expected = RENAMED.getOrDefault(v.tsharkName(), v.tsharkName());
            if (ours == null || !ours.vendor().equals(expected)) {
                problems.add(v.where() + " " + v.hex() + ": tshark '" + v.tsharkName() + "', ours " + ours);
                continue;
            }
            String expectedVersion = expectedVersion(v.versionFields());
            if (expectedVersion != null && (ours.version() == null || !ours.version().startsWith(expectedVersion))) {
                problems.add(v.where() + " " + v.hex() + ": tshark decodes version " + v.versionFields()
                        + ", ours '" + ours.version() + "'");
            }
        }
        return problems;
    }

    /** The start of the version text we must produce from the fields tshark decoded, or null if none. */
    private static String expectedVersion(Map<String, String> fields) {
        if (fields.containsKey("isakmp.vid.cisco_unity.major")) {
            return fields.get("isakmp.vid.cisco_unity.major") + "." + fields.get("isakmp.vid.cisco_unity.minor");
        }
        if (fields.containsKey("isakmp.vid.ms_nt5_isakmpoakley")) {
            return fields.get("isakmp.vid.ms_nt5_isakmpoakley");
        }
        String release = fields.get("isakmp.vid.fortinet.fortigate.release");
        String build = fields.get("isakmp.vid.fortinet.fortigate.build");
        if (release != null && !(release.equals("0") && "0".equals(build))) {
            return "release " + release + " build " + build;
        }
        return null;
    }

    /** Each VID payload in document order: its bytes, tshark's name, and the version fields that follow it. */
    private static List<SeenVid> vendorIds(List<PdmlFields.Field> fields, String where) {
        List<SeenVid> out = new ArrayList<>();
        String hex = null;
        String name = null;
        Map<String, String> version = new java.util.HashMap<>();
        for (PdmlFields.Field f : fields) {
            if (f.name().equals("isakmp.vid_bytes")) {
                if (hex != null) {
                    out.add(new SeenVid(where, hex, name, Map.copyOf(version)));
                }
                hex = f.value();
                name = null;
                version.clear();
            } else if (f.name().equals("isakmp.vid_string")) {
                name = f.show();
            } else if (f.name().startsWith("isakmp.vid.") && hex != null) {
                version.put(f.name(), f.show());
            }
        }
        if (hex != null) {
            out.add(new SeenVid(where, hex, name, Map.copyOf(version)));
        }
        return out;
    }

    /** PDML of every capture in the corpus, decrypted where Wireshark's own key tables cover it. */
    private static List<List<PdmlFields.Field>> dissectCorpus(Path corpus, Path profile) throws Exception {
        Path wiresharkDir = Files.createDirectories(profile.resolve("wireshark"));
        Path keys = corpus.resolve("wireshark/keys");
        for (String table : List.of("ikev1_decryption_table", "ikev2_decryption_table")) {
            if (Files.isRegularFile(keys.resolve(table))) {
                Files.copy(keys.resolve(table), wiresharkDir.resolve(table));
            }
        }
        List<Path> captures;
        try (Stream<Path> walk = Files.walk(corpus)) {
            captures = walk.filter(Files::isRegularFile)
                    .filter(p -> !corpus.relativize(p).toString().contains("expected"))
                    .filter(p -> p.getFileName().toString().matches(".*\\.(pcap|pcapng|cap)(\\.gz)?$"))
                    .sorted().toList();
        }
        assertThat(captures).as("captures in " + corpus).hasSizeGreaterThan(100);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<PdmlFields.Field>>> jobs = new ArrayList<>();
            for (Path capture : captures) {
                jobs.add(pool.submit(() -> PdmlFields.parse(Tshark.run(
                        List.of("-r", capture.toString(), "-T", "pdml", "-Y", "isakmp"),
                        Map.of("XDG_CONFIG_HOME", profile.toString())))));
            }
            List<List<PdmlFields.Field>> out = new ArrayList<>();
            for (Future<List<PdmlFields.Field>> job : jobs) {
                out.add(job.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A classic pcap of Ethernet/IPv4/UDP 500 frames, each an IKEv1 Main Mode message with one Vendor ID
     * payload: the test harness that lets tshark name every value of our table.
     */
    static byte[] captureWithOneVendorIdPerMessage(List<byte[]> vendorIds) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0xa1b2c3d4);
        out.writeShort(2);
        out.writeShort(4);
        out.writeInt(0);
        out.writeInt(0);
        out.writeInt(65535);
        out.writeInt(1); // Ethernet
        int n = 0;
        for (byte[] vid : vendorIds) {
            n++;
            int ikeLength = 28 + 4 + vid.length;
            int udpLength = 8 + ikeLength;
            int ipLength = 20 + udpLength;
            int frameLength = 14 + ipLength;
            out.writeInt(1_700_000_000 + n);
            out.writeInt(0);
            out.writeInt(frameLength);
            out.writeInt(frameLength);
            out.write(new byte[] {0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1, 8, 0});
            out.write(new byte[] {0x45, 0});
            out.writeShort(ipLength);
            out.write(new byte[] {0, 0, 0, 0, 64, 17, 0, 0, (byte) 192, 0, 2, 1, (byte) 192, 0, 2, 2});
            out.writeShort(500);
            out.writeShort(500);
            out.writeShort(udpLength);
            out.writeShort(0);
            out.writeLong(0x0102030405060000L + n); // initiator cookie
            out.writeLong(0);                      // responder cookie
            out.write(new byte[] {13, 0x10, 2, 0}); // next payload VID, version 1.0, Main Mode, no flags
            out.writeInt(0);
            out.writeInt(ikeLength);
            out.write(new byte[] {0, 0});
            out.writeShort(4 + vid.length);
            out.write(vid);
        }
        out.flush();
        return bytes.toByteArray();
    }
}
