package io.ikescope.crypto;

import io.ikescope.testsupport.PdmlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What tshark makes of the encrypted IKE messages of a capture given Wireshark key tables: per frame, for each
 * encrypted message in it, whether tshark decrypted it, whether it found the ICV correct, and the decrypted
 * payload types and notify types.
 */
final class TsharkView {

    /**
     * @param decrypted  tshark shows decrypted payloads (for an SKF fragment that is not the last: decrypted data)
     * @param icvCorrect IKEv2 with an integrity transform: tshark's verdict on the ICV; null when it gives none
     */
    record Message(int version, boolean decrypted, Boolean icvCorrect, List<Integer> payloadTypes,
                   List<Integer> notifyTypes) {
    }

    private TsharkView() {
    }


    /** The encrypted messages per frame, with the tables as the profile's ikev1/ikev2_decryption_table. */
    static Map<Long, List<Message>> of(Path capture, String ikev1Table, String ikev2Table, Path temp)
            throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(temp, "profile");
        Path wireshark = Files.createDirectories(profile.resolve("wireshark"));
        // tshark ignores a last row without its line end
        Files.writeString(wireshark.resolve("ikev1_decryption_table"), ikev1Table == null ? "" : ikev1Table + "\n");
        Files.writeString(wireshark.resolve("ikev2_decryption_table"), ikev2Table == null ? "" : ikev2Table + "\n");
        Map<Long, List<Message>> frames = new LinkedHashMap<>();
        try {
            for (PdmlReader.Packet packet : PdmlReader.read(capture, profile)) {
                if (packet.icmpError()) {
                    // An ICMP error quoting an earlier message: tshark dissects (and decrypts) the quoted copy,
                    // which is that message again, not one of its own (ikev2-natt-rejected quotes whole IKE_AUTHs).
                    continue;
                }
                List<Message> messages = new ArrayList<>();
                for (PdmlReader.Field isakmp : packet.isakmpLayers()) {
                    for (PdmlReader.Field layer : withNested(isakmp)) {
                        Message m = message(layer);
                        if (m != null) {
                            messages.add(m);
                        }
                    }
                }
                if (!messages.isEmpty()) {
                    frames.put(packet.frame(), messages);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return frames;
    }

    /**
     * A layer and the messages tshark reassembled inside it: the IKEv1 message rebuilt from fragments is a node
     * named "isakmp" under the last fragment's payload.
     */
    private static List<PdmlReader.Field> withNested(PdmlReader.Field layer) {
        List<PdmlReader.Field> all = new ArrayList<>();
        List<PdmlReader.Field> pending = new ArrayList<>(List.of(layer));
        while (!pending.isEmpty()) {
            PdmlReader.Field f = pending.remove(0);
            if (f == layer || f.name().equals("isakmp")) {
                all.add(f);
            }
            pending.addAll(f.children());
        }
        return all;
    }

    /** The encrypted message of one ISAKMP layer, or null when it has no encrypted content. */
    private static Message message(PdmlReader.Field isakmp) {
        PdmlReader.Field version = isakmp.child("isakmp.version");
        int major = version == null ? 0 : Integer.decode(version.child("isakmp.mjver").show());
        for (PdmlReader.Field f : isakmp.children()) {
            if (major == 1 && f.name().equals("isakmp.enc.data")) {
                List<PdmlReader.Field> payloads = payloads(f);
                boolean sound = !payloads.isEmpty() && payloads.stream()
                        .noneMatch(p -> p.value().contains("invalid") || p.pos() + p.size() > f.pos() + f.size());
                return new Message(1, sound, null, types(payloads), notifies(payloads));
            }
            if (major == 2 && f.name().equals("isakmp.typepayload") && (f.show().equals("46") || f.show().equals("53"))) {
                // a wrong ICV carries tshark's expert info "IKEv2 Integrity Checksum Data is incorrect"
                PdmlReader.Field icd = f.child("isakmp.enc.icd");
                Boolean icv = icd == null ? null : icd.child("_ws.expert") == null;
                PdmlReader.Field decrypted = f.child("isakmp.enc.decrypted");
                List<PdmlReader.Field> payloads = new ArrayList<>();
                if (decrypted != null && decrypted.child("isakmp.enc.contained") != null) {
                    payloads.addAll(payloads(decrypted.child("isakmp.enc.contained")));
                }
                if (f.show().equals("53")) {
                    payloads.addAll(payloads(f)); // the reassembled message, under the last fragment
                }
                return new Message(2, decrypted != null, icv, types(payloads), notifies(payloads));
            }
        }
        return null;
    }

    private static List<PdmlReader.Field> payloads(PdmlReader.Field parent) {
        return parent.children().stream().filter(c -> c.name().equals("isakmp.typepayload")).toList();
    }

    private static List<Integer> types(List<PdmlReader.Field> payloads) {
        return payloads.stream().map(p -> Integer.parseInt(p.show())).toList();
    }

    private static List<Integer> notifies(List<PdmlReader.Field> payloads) {
        List<Integer> out = new ArrayList<>();
        for (PdmlReader.Field p : payloads) {
            PdmlReader.Field type = p.child("isakmp.notify.msgtype");
            if (type != null) {
                out.add(Integer.parseInt(type.show()));
            }
        }
        return out;
    }
}
