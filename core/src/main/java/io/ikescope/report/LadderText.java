package io.ikescope.report;

import io.ikescope.session.MessageRecord;
import io.ikescope.session.NotifySeen;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of one message on the ladder of a negotiation, shared by the text and the HTML report so that both name
 * a message the same way. Notify names come from the registries or read "Unknown (n)"; callers escape for their
 * medium.
 */
public final class LadderText {
    private LadderText() {
    }

    /** "request IKE_SA_INIT #0", "MM3 #0", "notification INFORMATIONAL #1234". */
    public static String label(MessageRecord m) {
        String step = m.step();
        String exchange = step.equals("request") || step.equals("response") || step.equals("reply") ? " " + m.exchange()
                : step.equals("notification") ? " INFORMATIONAL" : "";
        return step + exchange + " #" + m.messageId();
    }

    /**
     * The payloads in order, notifies by name, repeats collapsed ("SA KE NONCE N(NAT_DETECTION_SOURCE_IP) VIDx3"),
     * then "[encrypted, N bytes]" when the content stays hidden or "[decrypted]", then the fragment it is.
     */
    public static String payloads(MessageRecord m) {
        List<String> parts = new ArrayList<>();
        int notify = 0;
        for (String p : m.payloads()) {
            if (p.equals("N") && notify < m.notifies().size()) {
                NotifySeen n = m.notifies().get(notify++);
                parts.add("N(" + n.name() + ")");
            } else {
                parts.add(p);
            }
        }
        List<String> collapsed = new ArrayList<>();
        for (int i = 0; i < parts.size(); ) {
            int j = i;
            while (j < parts.size() && parts.get(j).equals(parts.get(i))) {
                j++;
            }
            collapsed.add(j - i > 1 ? parts.get(i) + "x" + (j - i) : parts.get(i));
            i = j;
        }
        String text = String.join(" ", collapsed);
        if (m.opaque()) {
            text = (text.isEmpty() ? "" : text + " ") + "[encrypted, " + m.length() + " bytes]";
        } else if (m.decrypted()) {
            text = text + " [decrypted]";
        }
        return text + fragment(m);
    }

    /** "  (fragment 1/2 of the message at frame 4)", "  (fragment 2/2)"; IKEv1 states no total until the last. */
    private static String fragment(MessageRecord m) {
        if (m.fragment() == null) {
            return "";
        }
        String label = "fragment " + m.fragment().number() + (m.fragment().total() > 0 ? "/" + m.fragment().total() : "");
        return m.fragmentPart() ? "  (" + label + " of the message at frame " + m.partOf() + ")" : "  (" + label + ")";
    }
}
