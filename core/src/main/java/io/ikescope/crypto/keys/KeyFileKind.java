package io.ikescope.crypto.keys;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The kinds of key file ikescope reads, recognised from the content (never the name): the first line that is
 * not blank or a comment decides between a Wireshark table (comma-separated, hex first field; 2 fields for
 * IKEv1, 8 for IKEv2) and a tcpdump secrets file ({@code ikev2 I ...}); a file with a charon log line
 * ({@code 16[IKE] ...}) among its first {@value #SNIFF_LINES} lines is a charon log.
 */
public enum KeyFileKind {
    IKEV1_TABLE("Wireshark ikev1_decryption_table"),
    IKEV2_TABLE("Wireshark ikev2_decryption_table"),
    TCPDUMP_SECRETS("tcpdump IKEv2 secrets file"),
    CHARON_LOG("strongSwan charon log"),
    /** Only blank lines and comments, e.g. a table Wireshark saved with no rows. */
    NO_RECORDS("file without records"),
    /** Zero bytes or blanks only. */
    EMPTY("empty file"),
    /** Not text: a NUL byte or many control characters near the start. */
    BINARY("binary file"),
    UNKNOWN("unrecognised file");

    static final int SNIFF_LINES = 1000;

    private final String description;

    KeyFileKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * Recognises a file. A line that looks like a table row but has neither 2 nor 8 fields is reported as the
     * table error it most likely is.
     */
    public static KeyFileKind detect(Path path) throws IOException {
        try (TextLines lines = TextLines.open(path)) {
            return detect(lines);
        } catch (TextLines.BinaryFileException e) {
            return BINARY;
        }
    }

    static KeyFileKind detect(TextLines lines) throws IOException {
        boolean anyText = false;
        String firstRecord = null;
        int firstRecordLine = 0;
        String line;
        while ((line = lines.next()) != null && lines.lineNumber() <= SNIFF_LINES) {
            anyText |= !line.isBlank();
            if (CharonLogReader.isCharonLine(line)) {
                return CHARON_LOG;
            }
            if (firstRecord == null && !UatLine.ignorable(line)) {
                firstRecord = line;
                firstRecordLine = lines.lineNumber();
            }
        }
        if (firstRecord == null) {
            return anyText ? NO_RECORDS : EMPTY;
        }
        if (TcpdumpSecretsReader.isIkeLine(firstRecord)) {
            return TCPDUMP_SECRETS;
        }
        if (looksLikeTableRow(firstRecord)) {
            int fields;
            try {
                fields = UatLine.split(firstRecord).size();
            } catch (UatLine.SyntaxError e) {
                throw new KeySourceException(lines.source(), firstRecordLine, e.getMessage());
            }
            if (fields == WiresharkTableReader.IKEV1_FIELDS) {
                return IKEV1_TABLE;
            }
            if (fields == WiresharkTableReader.IKEV2_FIELDS) {
                return IKEV2_TABLE;
            }
            throw new KeySourceException(lines.source(), firstRecordLine, fields + " fields in a decryption table"
                    + " line: an ikev1_decryption_table line has 2 fields (initiator cookie,key), an"
                    + " ikev2_decryption_table line 8 (SPIi,SPIr,SK_ei,SK_er,\"encryption\",SK_ai,SK_ar,\"integrity\")");
        }
        return UNKNOWN;
    }

    /** A comma after a first field of hex digits (quoted or not): what every decryption table row starts with. */
    private static boolean looksLikeTableRow(String line) {
        String s = line.strip();
        int comma = s.indexOf(',');
        if (comma <= 0) {
            return false;
        }
        String first = s.substring(0, comma).strip();
        if (first.length() >= 2 && first.startsWith("\"") && first.endsWith("\"")) {
            first = first.substring(1, first.length() - 1);
        }
        return !first.isEmpty() && first.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f'
                || c >= 'A' && c <= 'F');
    }
}
