package io.ikescope.crypto.keys;

import io.ikescope.crypto.Ikev1Keys;
import io.ikescope.crypto.Ikev2Keys;
import io.ikescope.wire.Bytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the IKE SA keys a strongSwan charon logs at {@code ike} level 4 (file log or syslog) and ties each key
 * set to the IKE SA it belongs to.
 *
 * <p><b>Keys.</b> IKEv2: the {@code Sk_ei/Sk_er/Sk_ai/Sk_ar secret => N bytes @ 0x...} dumps (no Sk_ai/Sk_ar
 * with an AEAD cipher). IKEv1: {@code encryption key Ka}, the cipher key itself (strongSwan's keymat_v1 cuts
 * SKEYID_e to the key length, or expands it per RFC 2409 appendix B when shorter, and logs the result as Ka;
 * SKEYID_e is not used). Besides, for {@link LoggedSecrets} (a pre-shared key check): the {@code shared Diffie
 * Hellman secret} (logged by the IKE group just before either version's keys), IKEv1 {@code SKEYID} and IKEv2
 * {@code Sk_pi/Sk_pr}; they join the key set of their thread and decrypt nothing, so they are neither counted as
 * key dumps nor warned about, and a set of secrets alone yields no key set. Each dump's hex is read by position
 * (16 byte columns after {@code "offset: "}), never from the ASCII column, and every line's offset must continue
 * the dump.
 *
 * <p><b>Which IKE SA.</b> Log lines carry the charon thread ({@code 16[IKE]}) and the IKE SA's unique ID in
 * the {@code <conn|N>} prefix; the key dumps carry no SPIs. A thread handles one IKE SA at a time and checks it
 * in to the IKE SA manager when done, and the manager (log group MGR) names the SPIs. So a key set belongs to
 * the IKE SA of the next {@code checkin IKEv2 SA NAME[ID] with SPIs X_i Y_r} line (Y not zero) of the same
 * thread. After an IKE SA rekey (CREATE_CHILD_SA) the new SA's keys are dumped in the old SA's thread, under the
 * old SA's {@code <conn|N>} on the exchange's initiator and under the new one on its responder, and that next
 * check-in is the new SA's, with its new SPIs (as printed, {@code X_i} is always the new SA's initiator, the peer
 * that started the rekey, and Sk_ei is its key, whichever peer's log this is). When the SA is destroyed before
 * any check-in ({@code checkin and destroy IKE_SA NAME[ID]}, no SPIs), the set belongs to the SA the thread had
 * checked out by SPIs before the dump.
 *
 * <p>SPIs stay null rather than wrong when: the dump's {@code <conn|N>} names neither the checked-in SA nor the
 * SA doing the check-in; the keys came from a CREATE_CHILD_SA exchange (seen from {@code parsed CREATE_CHILD_SA}
 * lines) yet the check-in is the old SA's (the new SA was never checked in); a second key set starts in the
 * thread first; or the log ends. Lines of other threads may interleave anywhere. Logs of two charons
 * concatenated into one file work as long as each key set is followed by its check-in before the other
 * daemon's lines begin (thread numbers repeat across daemons).
 */
final class CharonLogReader {
    /** "16[IKE] <lab|1> message": thread, group, optional context, message; preceded by blank or line start. */
    private static final Pattern LINE = Pattern.compile("(?<![^\\s])(\\d{2,})\\[([A-Z]{3})\\] (?:<([^>]*)> ?)?(.*)");
    private static final Pattern DUMP_HEADER = Pattern.compile("(\\S.*?) => (\\d{1,9}) bytes @ (?:0x[0-9a-fA-F]+|\\(nil\\))");
    private static final Pattern DUMP_LINE = Pattern.compile("\\s*(\\d{1,9}): (.*)");
    private static final Pattern CHECKOUT_SPIS = Pattern.compile(
            "checkout IKEv([12]) SA (?:by message )?with SPIs ([0-9a-f]{16})_i ([0-9a-f]{16})_r");
    private static final Pattern CHECKOUT_OTHER = Pattern.compile("checkout IKE_SA\\b.*");
    private static final Pattern CHECKIN = Pattern.compile(
            "checkin IKEv([12]) SA (.*)\\[(\\d+)\\] with SPIs ([0-9a-f]{16})_i ([0-9a-f]{16})_r");
    private static final Pattern DESTROY = Pattern.compile("checkin and destroy IKE_SA (.*)\\[(\\d+)\\]");
    private static final Pattern CREATE_CHILD_SA = Pattern.compile("parsed CREATE_CHILD_SA (?:request|response)\\b.*");

    static final String SK_EI = "Sk_ei secret";
    static final String SK_ER = "Sk_er secret";
    static final String SK_AI = "Sk_ai secret";
    static final String SK_AR = "Sk_ar secret";
    static final String KA = "encryption key Ka";
    static final String SK_PI = "Sk_pi secret";
    static final String SK_PR = "Sk_pr secret";
    static final String SKEYID = "SKEYID";
    static final String DH_SECRET = "shared Diffie Hellman secret";
    private static final Set<String> IKEV2_KEYS = Set.of(SK_EI, SK_ER, SK_AI, SK_AR);
    /** Kept for {@link LoggedSecrets}, not counted as key dumps: a log with only these decrypts nothing. */
    private static final Set<String> SECRETS = Set.of(SK_PI, SK_PR, SKEYID, DH_SECRET);
    /** Longest key kept; IKE keys are at most 64 bytes (SK_a of HMAC-SHA2-512). */
    private static final int MAX_KEY = 1024;

    /**
     * What one log gave. {@code keyDumps}: how many key dumps of interest it held, whole or not, tied or not;
     * {@code withoutKeyDumps}: when there were none, why (see {@link CharonLogSurvey}), else null;
     * {@code loggedSas}: the IKE SAs the log names, null when too many.
     */
    record Result(List<Ikev1Keys> ikev1, List<Ikev2Keys> ikev2, int keyDumps, String withoutKeyDumps,
                  KeyFileContent.LoggedSas loggedSas, List<LoggedSecrets> secrets) {
    }

    private record Spis(int version, Bytes spiI, Bytes spiR) {
        boolean responderKnown() {
            for (int i = 0; i < spiR.length(); i++) {
                if (spiR.get(i) != 0) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return spiI.hex() + "_i " + spiR.hex() + "_r";
        }
    }

    /**
     * A hex dump in progress. {@code bytes} is null for dumps whose content is not wanted; {@code key}: a
     * decryption key (problems with it are warned about; a secret's are not, as before secrets were kept).
     */
    private static final class Dump {
        final String name;
        final int expected;
        final int headerLine;
        final String context;
        final ByteArrayOutputStream bytes;
        final boolean key;
        int collected;

        Dump(String name, int expected, int headerLine, String context, boolean keep, boolean key) {
            this.name = name;
            this.expected = expected;
            this.headerLine = headerLine;
            this.context = context;
            this.bytes = keep ? new ByteArrayOutputStream() : null;
            this.key = key;
        }

        boolean warnable() {
            return bytes != null && key;
        }
    }

    /**
     * Keys dumped in a thread, waiting for the line that names their IKE SA. {@code version} is 0 while only the
     * DH secret (logged alike by both versions, just before the keys) is there; {@code firstLine} is the first
     * decryption key's line once there is one (the origin diagnose and keys show), else the first dump's.
     */
    private static final class Pending {
        int version;
        final Map<String, Bytes> keys = new LinkedHashMap<>();
        int firstLine;
        boolean hasKey;
        final String saId;
        final Spis checkedOut;
        final boolean rekey;

        Pending(int version, int firstLine, String saId, Spis checkedOut, boolean rekey) {
            this.version = version;
            this.firstLine = firstLine;
            this.saId = saId;
            this.checkedOut = checkedOut;
            this.rekey = rekey;
        }
    }

    private static final class ThreadState {
        Dump dump;
        Pending pending;
        Spis checkedOut;
        boolean rekeyExchange;
    }

    private final String source;
    private final Consumer<String> warnings;
    private final CharonLogSurvey survey;
    private final Map<String, ThreadState> threads = new HashMap<>();
    private final List<Ikev1Keys> ikev1 = new ArrayList<>();
    private final List<Ikev2Keys> ikev2 = new ArrayList<>();
    private final List<LoggedSecrets> secrets = new ArrayList<>();
    private int keyDumps;

    private CharonLogReader(String source, Consumer<String> warnings) {
        this.source = source;
        this.warnings = warnings;
        this.survey = new CharonLogSurvey(source);
    }

    /** True when the line is a charon log line (what recognises the file). */
    static boolean isCharonLine(String line) {
        return LINE.matcher(line).find();
    }

    static Result read(TextLines lines, Consumer<String> warnings) throws IOException {
        CharonLogReader reader = new CharonLogReader(lines.source(), warnings);
        String line;
        while ((line = lines.next()) != null) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                reader.line(lines.lineNumber(), m.group(1), m.group(2), m.group(3), m.group(4));
            }
        }
        reader.end(lines.lineNumber());
        return new Result(reader.ikev1, reader.ikev2, reader.keyDumps,
                reader.keyDumps == 0 ? reader.survey.withoutKeyDumps() : null, reader.survey.loggedSas(),
                reader.secrets);
    }

    private void line(int number, String thread, String group, String context, String message) {
        ThreadState t = threads.computeIfAbsent(thread, k -> new ThreadState());
        if (t.dump != null) {
            Matcher d = DUMP_LINE.matcher(message);
            if (d.matches() && continueDump(t, d, number)) {
                return;
            }
            if (t.dump != null) {
                if (t.dump.warnable()) {
                    warn(number, t.dump.name + " dump (line " + t.dump.headerLine + ") cut short after "
                            + t.dump.collected + " of " + t.dump.expected + " bytes; that key is ignored");
                }
                t.dump = null;
            }
        }
        Matcher m = DUMP_HEADER.matcher(message);
        boolean dumpHeader = m.matches();
        survey.line(number, group, message, dumpHeader);
        if (dumpHeader) {
            startDump(t, m.group(1), Integer.parseInt(m.group(2)), number, context, group);
        } else if ("MGR".equals(group)) {
            manager(t, number, context, message);
        } else if ("ENC".equals(group) && CREATE_CHILD_SA.matcher(message).matches()) {
            t.rekeyExchange = true;
        }
    }

    private void startDump(ThreadState t, String name, int length, int number, String context, String group) {
        boolean key = IKEV2_KEYS.contains(name) || KA.equals(name);
        // the IKE SA's DH secret is logged by the IKE group; a CHILD_SA's PFS secret would be another
        boolean secret = SECRETS.contains(name) && (!DH_SECRET.equals(name) || "IKE".equals(group));
        if (key && length > MAX_KEY) {
            warn(number, name + " of " + length + " bytes is no IKE key; ignored");
            key = false;
        }
        if (secret && length > MAX_KEY) {
            secret = false;
        }
        if (key) {
            keyDumps++; // counted when it starts: a log whose only key dump is cut short still has one
        }
        t.dump = new Dump(name, length, number, context, key || secret, key);
        if (length == 0) {
            finishDump(t);
        }
    }

    /** Adds a dump line; false when it does not continue the dump (wrong offset or malformed hex). */
    private boolean continueDump(ThreadState t, Matcher line, int number) {
        Dump dump = t.dump;
        if (Long.parseLong(line.group(1)) != dump.collected) {
            return false;
        }
        String hex = line.group(2);
        int count = Math.min(16, dump.expected - dump.collected);
        for (int i = 0; i < count; i++) {
            int at = 3 * i;
            int hi = at + 1 < hex.length() ? Character.digit(hex.charAt(at), 16) : -1;
            int lo = at + 1 < hex.length() ? Character.digit(hex.charAt(at + 1), 16) : -1;
            if (hi < 0 || lo < 0 || (at + 2 < hex.length() && hex.charAt(at + 2) != ' ')) {
                if (dump.warnable()) {
                    warn(number, "malformed hex in the " + dump.name + " dump; that key is ignored");
                }
                t.dump = null;
                return true;
            }
            if (dump.bytes != null) {
                dump.bytes.write(hi << 4 | lo);
            }
        }
        dump.collected += count;
        if (dump.collected == dump.expected) {
            finishDump(t);
        }
        return true;
    }

    private void finishDump(ThreadState t) {
        Dump dump = t.dump;
        t.dump = null;
        if (dump.bytes == null) {
            return;
        }
        int version = KA.equals(dump.name) || SKEYID.equals(dump.name) ? 1 : DH_SECRET.equals(dump.name) ? 0 : 2;
        Pending p = t.pending;
        if (p != null && (p.version != 0 && version != 0 && p.version != version || p.keys.containsKey(dump.name))) {
            emit(p, null, "another key set (line " + dump.headerLine + ") was dumped in the same thread before"
                    + " this one's IKE SA was named");
            p = null;
        }
        if (p == null) {
            p = new Pending(version, dump.headerLine, uniqueId(dump.context), t.checkedOut, t.rekeyExchange);
            t.pending = p;
        }
        if (p.version == 0) {
            p.version = version;
        }
        if (dump.key && !p.hasKey) {
            p.hasKey = true;
            p.firstLine = dump.headerLine;
        }
        p.keys.put(dump.name, Bytes.of(dump.bytes.toByteArray()));
    }

    private void manager(ThreadState t, int number, String context, String message) {
        Matcher m;
        if ((m = CHECKOUT_SPIS.matcher(message)).lookingAt()) {
            t.checkedOut = spis(m.group(1), m.group(2), m.group(3));
            t.rekeyExchange = false;
        } else if (CHECKOUT_OTHER.matcher(message).matches()) {
            t.checkedOut = null;
            t.rekeyExchange = false;
        } else if ((m = CHECKIN.matcher(message)).lookingAt()) {
            Spis checkedIn = spis(m.group(1), m.group(4), m.group(5));
            if (t.pending != null && checkedIn.responderKnown()) {
                checkin(t, checkedIn, m.group(2) + "[" + m.group(3) + "]", m.group(3), uniqueId(context));
            }
        } else if ((m = DESTROY.matcher(message)).lookingAt()) {
            if (t.pending != null) {
                destroyed(t, m.group(1) + "[" + m.group(2) + "]", m.group(2));
            }
        }
    }

    private void checkin(ThreadState t, Spis checkedIn, String saName, String saId, String lineSaId) {
        Pending p = t.pending;
        t.pending = null;
        if (p.version == 0) {
            p.version = checkedIn.version(); // only a DH secret: the SA's version is the check-in's
        }
        if (p.version != checkedIn.version()) {
            emit(p, null, "the next check-in in its thread is of an IKEv" + checkedIn.version() + " SA");
        } else if (p.saId != null && !p.saId.equals(saId) && !p.saId.equals(lineSaId)) {
            emit(p, null, "it was dumped for IKE_SA #" + p.saId + " but the next check-in in its thread is of "
                    + saName + " by IKE_SA #" + lineSaId);
        } else if (p.rekey && checkedIn.equals(p.checkedOut)) {
            emit(p, null, "it was derived in a CREATE_CHILD_SA exchange (an IKE SA rekey) whose new IKE SA was"
                    + " never checked in");
        } else {
            emit(p, checkedIn, null);
        }
    }

    private void destroyed(ThreadState t, String saName, String saId) {
        Pending p = t.pending;
        t.pending = null;
        if (p.version == 0 && p.checkedOut != null) {
            p.version = p.checkedOut.version();
        }
        if (p.checkedOut == null || !p.checkedOut.responderKnown()) {
            emit(p, null, "its IKE SA " + saName + " was destroyed before the log named both of its SPIs");
        } else if (p.rekey) {
            emit(p, null, "it was derived in a CREATE_CHILD_SA exchange (an IKE SA rekey) whose new IKE SA was"
                    + " destroyed unnamed");
        } else if (p.saId != null && !p.saId.equals(saId)) {
            emit(p, null, "it was dumped for IKE_SA #" + p.saId + " but its thread then destroyed " + saName);
        } else {
            emit(p, p.checkedOut, null);
        }
    }

    private void end(int lastLine) {
        for (ThreadState t : threads.values()) {
            if (t.dump != null && t.dump.warnable()) {
                warn(lastLine, "the log ends inside the " + t.dump.name + " dump (line " + t.dump.headerLine + ")");
            }
        }
        threads.values().stream().filter(t -> t.pending != null && t.pending.hasKey).map(t -> t.pending)
                .sorted((a, b) -> Integer.compare(a.firstLine, b.firstLine))
                .forEach(p -> emit(p, null, "the log ends before its IKE SA is named"));
    }

    /**
     * Adds the key set with its SPIs, or with none and a warning saying why; and its secrets when the SPIs are
     * known (a secret of an unknown SA tests nothing).
     */
    private void emit(Pending p, Spis spis, String whyUnknown) {
        String origin = source + ":" + p.firstLine;
        LoggedSecrets logged = spis == null ? null
                : LoggedSecrets.fromDumps(spis.version(), spis.spiI(), spis.spiR(), p.keys, origin);
        if (logged != null) {
            secrets.add(logged);
        }
        if (!p.hasKey) {
            return; // only secrets: no key set, and nothing diagnose or keys would have said
        }
        if (p.version == 1) {
            Bytes ka = p.keys.get(KA);
            ikev1.add(new Ikev1Keys(spis == null ? null : spis.spiI(), spis == null ? null : spis.spiR(), ka, origin));
        } else {
            Bytes ei = p.keys.get(SK_EI);
            Bytes er = p.keys.get(SK_ER);
            Bytes ai = p.keys.get(SK_AI);
            Bytes ar = p.keys.get(SK_AR);
            if (ei == null || er == null || (ai == null) != (ar == null)) {
                warnings.accept(origin + ": incomplete IKEv2 key set (has " + String.join(", ",
                        p.keys.keySet().stream().filter(IKEV2_KEYS::contains).toList()) + "); skipped");
                return;
            }
            ikev2.add(new Ikev2Keys(spis == null ? null : spis.spiI(), spis == null ? null : spis.spiR(), ei, er,
                    ai == null ? Bytes.EMPTY : ai, ar == null ? Bytes.EMPTY : ar, null, null, origin));
        }
        if (spis == null) {
            warnings.accept(origin + ": the IKEv" + p.version + " key set's SPIs are unknown: " + whyUnknown);
        }
    }

    private static Spis spis(String version, String spiI, String spiR) {
        return new Spis(Integer.parseInt(version), Bytes.fromHex(spiI), Bytes.fromHex(spiR));
    }

    /** The IKE SA unique ID of a {@code conn|N} or {@code N} context, or null. */
    private static String uniqueId(String context) {
        if (context == null) {
            return null;
        }
        String id = context.substring(context.lastIndexOf('|') + 1);
        return !id.isEmpty() && id.chars().allMatch(c -> c >= '0' && c <= '9') ? id : null;
    }

    private void warn(int line, String problem) {
        warnings.accept(source + ":" + line + ": " + problem);
    }
}
