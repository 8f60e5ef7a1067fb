package io.ikescope.probe.ikev2;

import io.ikescope.probe.wire.WireWriter;
import io.ikescope.wire.registry.Ikev2Registry;
import java.util.ArrayList;
import java.util.List;

/** The SA payload of an IKE_SA_INIT request: one or more IKE proposals, each a list of transforms (RFC 7296 3.3). */
public record Ikev2Offer(List<List<Ikev2Transform>> proposals) {
    private static final int PROTOCOL_IKE = (int) Ikev2Registry.PROTOCOL_ID.valueOf("IKE");
    static final int KEY_LENGTH = (int) Ikev2Registry.TRANSFORM_ATTRIBUTE.valueOf("Key Length (in bits)");
    /** Attribute format bit: Type/Value, a two-byte value in place of the length. */
    private static final int ATTRIBUTE_TV = 0x8000;
    private static final int LAST = 0;
    private static final int MORE_PROPOSALS = 2;
    private static final int MORE_TRANSFORMS = 3;
    private static final int PROPOSAL_HEADER = 8;
    private static final int TRANSFORM_HEADER = 8;

    public Ikev2Offer {
        List<List<Ikev2Transform>> copy = new ArrayList<>();
        for (List<Ikev2Transform> p : proposals) {
            if (!p.isEmpty()) {
                copy.add(List.copyOf(p));
            }
        }
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("an offer needs at least one proposal");
        }
        proposals = List.copyOf(copy);
    }

    public static Ikev2Offer of(List<Ikev2Transform> proposal) {
        return new Ikev2Offer(List.of(proposal));
    }

    /** The same offer with one more transform in every proposal. */
    public Ikev2Offer with(Ikev2Transform extra) {
        List<List<Ikev2Transform>> more = new ArrayList<>();
        for (List<Ikev2Transform> p : proposals) {
            List<Ikev2Transform> q = new ArrayList<>(p);
            q.add(extra);
            more.add(q);
        }
        return new Ikev2Offer(more);
    }

    /** The groups the offer names, in order: an answer naming another group is not an acceptance. */
    public List<Integer> groups() {
        List<Integer> groups = new ArrayList<>();
        for (List<Ikev2Transform> p : proposals) {
            for (Ikev2Transform t : p) {
                if (t.type() == Ikev2Transform.KE && !groups.contains(t.id())) {
                    groups.add(t.id());
                }
            }
        }
        return groups;
    }

    public byte[] saBody() {
        WireWriter w = new WireWriter();
        for (int n = 0; n < proposals.size(); n++) {
            List<Ikev2Transform> transforms = proposals.get(n);
            int start = w.size();
            w.u8(n + 1 < proposals.size() ? MORE_PROPOSALS : LAST).u8(0).u16(0);
            w.u8(n + 1).u8(PROTOCOL_IKE).u8(0).u8(transforms.size());
            for (int i = 0; i < transforms.size(); i++) {
                Ikev2Transform t = transforms.get(i);
                int length = TRANSFORM_HEADER + (t.keyBits() == null ? 0 : 4);
                w.u8(i + 1 < transforms.size() ? MORE_TRANSFORMS : LAST).u8(0).u16(length);
                w.u8(t.type()).u8(0).u16(t.id());
                if (t.keyBits() != null) {
                    w.u16(ATTRIBUTE_TV | KEY_LENGTH).u16(t.keyBits());
                }
            }
            w.putU16(start + 2, w.size() - start);
            if (w.size() - start < PROPOSAL_HEADER) {
                throw new IllegalStateException("proposal shorter than its header");
            }
        }
        return w.toArray();
    }
}
