package io.ikescope.crypto.keys;

import io.ikescope.wire.Bytes;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a charon log shows besides its key dumps, to explain a log that holds none: whether it has IKE debug
 * output at all, whether any of its negotiations got as far as deriving keys, and which IKE SAs it logs.
 *
 * <p>A charon file log does not print the log level of a line, so the level is read from what each level adds:
 * {@code IKE_SA lab[1] state change: ...} and {@code queueing IKE_INIT task} are {@code ike} level 2 and come
 * with every negotiation on both peers; hex dumps ({@code natd_chunk => 22 bytes @ ...}) are level 3; the key
 * dumps are level 4, but only exist once keys are derived. Keys were derived when the log shows a message that
 * is built or read with them (ENC group, level 1): an IKE_SA_INIT, Main Mode or Aggressive Mode response with a
 * KE payload (the responder derives on sending it, the initiator on reading it), any IKE_AUTH, CREATE_CHILD_SA,
 * IKEv2 INFORMATIONAL, Quick Mode or Transaction exchange, or an {@code established} IKE SA. So a log without
 * key dumps is one of three: keys derived but not dumped (level below 4), IKE debug output without any derived
 * keys (the negotiations failed first; whether the level is 4 cannot be seen), or no IKE debug output at all.
 */
final class CharonLogSurvey {
    private static final Pattern IKE_LEVEL_2 = Pattern.compile("IKE_SA \\S+ state change: .*|queueing \\S+ task");
    private static final Pattern DERIVED_BY_RESPONSE = Pattern.compile(
            "(?:parsed|generating) (?:IKE_SA_INIT|ID_PROT|AGGRESSIVE) response \\d+ \\[.* KE .*\\]");
    private static final Pattern ENCRYPTED_EXCHANGE = Pattern.compile(
            "(?:parsed|generating) (?:IKE_AUTH|CREATE_CHILD_SA|INFORMATIONAL|QUICK_MODE|TRANSACTION)"
            + " (?:request|response) \\d+ .*");
    private static final Pattern ESTABLISHED = Pattern.compile("IKE_SA \\S+ established between .*");
    private static final Pattern FAILURE = Pattern.compile("establishing IKE_SA failed.*|received \\S+ notify error"
            + "|received proposals unacceptable|no acceptable proposal found|giving up after \\d+ retransmits");
    private static final Pattern SPIS = Pattern.compile(
            "(?:checkout|checkin) IKEv([12]) SA .*with SPIs ([0-9a-f]{16})_i ([0-9a-f]{16})_r");
    private static final String ZERO_SPI = "0000000000000000";
    /** IKE SAs named in an explanation; a log may hold thousands. */
    private static final int MAX_SAS = 4;
    /** Initiator SPIs kept to compare with a capture; a log with more is not compared. */
    private static final int MAX_SPIS = 4096;

    private final String source;
    private Evidence debugOutput;
    private Evidence derivation;
    private Evidence failure;
    /** IKE SAs by initiator SPI: "IKEv2 SA X_i Y_r", the responder SPI once the log names it. */
    private final Map<String, String> sas = new LinkedHashMap<>();
    private int moreSas;
    private final Set<Bytes> initiatorSpis = new HashSet<>();
    private boolean tooManySpis;

    private record Evidence(int line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    CharonLogSurvey(String source) {
        this.source = source;
    }

    /** One log line; {@code dumpHeader}: the message starts a hex dump ({@code NAME => N bytes @ ...}). */
    void line(int number, String group, String message, boolean dumpHeader) {
        switch (group) {
            case "IKE" -> {
                if (debugOutput == null && (dumpHeader || IKE_LEVEL_2.matcher(message).matches())) {
                    debugOutput = new Evidence(number, message);
                }
                if (derivation == null && ESTABLISHED.matcher(message).matches()) {
                    derivation = new Evidence(number, message);
                }
                if (FAILURE.matcher(message).matches()) {
                    failure = new Evidence(number, message);
                }
            }
            case "ENC" -> {
                if (derivation == null && (DERIVED_BY_RESPONSE.matcher(message).matches()
                        || ENCRYPTED_EXCHANGE.matcher(message).matches())) {
                    derivation = new Evidence(number, message);
                }
            }
            case "MGR" -> {
                Matcher m = SPIS.matcher(message);
                if (m.lookingAt()) {
                    sa(m.group(1), m.group(2), m.group(3));
                }
            }
            default -> {
            }
        }
    }

    private void sa(String version, String spiI, String spiR) {
        if (initiatorSpis.size() < MAX_SPIS) {
            initiatorSpis.add(Bytes.fromHex(spiI));
        } else if (!initiatorSpis.contains(Bytes.fromHex(spiI))) {
            tooManySpis = true;
        }
        String name = "IKEv" + version + " SA " + spiI + "_i " + spiR + "_r";
        String held = sas.get(spiI);
        if (held != null) {
            if (!spiR.equals(ZERO_SPI)) {
                sas.put(spiI, name);
            }
        } else if (sas.size() < MAX_SAS) {
            sas.put(spiI, name);
        } else {
            moreSas++; // may count an SA twice (checkout and checkin): only says that there are more
        }
    }

    /** The IKE SAs the log names (for a log without keys), or null when it names too many to compare. */
    KeyFileContent.LoggedSas loggedSas() {
        return tooManySpis ? null : new KeyFileContent.LoggedSas(List.copyOf(sas.values()), initiatorSpis);
    }

    /** Why a log without key dumps holds no keys, naming the lines that show it; starts with the source. */
    String withoutKeyDumps() {
        if (derivation != null) {
            return source + ": a charon log without key dumps, although keys were derived in it (" + derivation
                    + "): its ike log level is below 4; set charon.filelog.NAME.ike = 4 (or charondebug=\"ike 4\")"
                    + " and run the negotiation again";
        }
        if (debugOutput == null) {
            return source + ": a charon log without IKE debug output (no ike level 2 lines such as 'IKE_SA ..."
                    + " state change', no hex dumps): its ike log level is too low to show keys; they need"
                    + " charon.filelog.NAME.ike = 4" + (sas.isEmpty() ? "" : "; it logs " + logged());
        }
        return source + ": a charon log with IKE debug output (" + debugOutput + ") but no key dumps: no keys were"
                + " derived in it: the negotiations it logs failed before key derivation"
                + (sas.isEmpty() ? "" : " (" + logged() + ")") + (failure == null ? "" : "; " + failure);
    }

    private String logged() {
        return String.join(", ", sas.values()) + (moreSas > 0 ? " and more" : "");
    }
}
