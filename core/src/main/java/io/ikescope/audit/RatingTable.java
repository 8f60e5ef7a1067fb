package io.ikescope.audit;

import io.ikescope.data.DataTable;
import io.ikescope.session.AlgorithmNames;
import io.ikescope.session.AuthMethodNames;
import io.ikescope.wire.registry.Ikev1Registry;
import io.ikescope.wire.registry.Ikev2Registry;
import io.ikescope.wire.registry.Registry;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ratings of {@code ratings.tsv}: per transform what RFC 8247, RFC 8221, RFC 9395 and NIST SP 800-77r1 say.
 * Read once. A row names its transform by the IANA registry name, resolved with {@link Registry#valueOf} when the
 * table is read (a typo fails at once), and is matched against the readable names of the session model
 * ({@link AlgorithmNames}) built from that value, so both spell a transform the same way.
 */
public final class RatingTable {

    /** Where a rated thing is used: the IKE SA of IKEv2 or IKEv1, a child SA's protocol, or a lifetime. */
    public enum Scope { IKEV2, IKEV1, ESP, AH, IKE, CHILD }

    /** What a row rates. */
    public enum Kind { ENCR, PRF, INTEG, HASH, KE, AUTH, VERSION, LIFETIME }

    /**
     * One row.
     *
     * @param value the registry value, or -1 for VERSION and LIFETIME rows
     * @param size  the key length in bits (LIFETIME: the longest recommended, in seconds), or null for any
     */
    public record Row(Scope scope, Kind kind, String name, long value, Integer size, Source source) {
    }

    /** What the table says of one transform: every source and the key length a row asked for (null: any). */
    public record Match(List<Source> sources, Integer keyLength) {
        public Rating rating() {
            Rating r = Rating.NOT_RATED;
            for (Source s : sources) {
                r = r.stricter(s.rating());
            }
            return r;
        }
    }

    private static final String RESOURCE = "ratings.tsv";
    private static final String COLUMNS = "scope, kind, name, size, level, document, section, note";
    private static final RatingTable STANDARD = read();

    /**
     * Matches already made (every negotiation asks again for the same few transforms): bounded, since the names come
     * from a capture's numbers and a crafted one could spell endlessly many.
     */
    static final int REMEMBERED_MATCHES = 4096;

    private record Question(Scope scope, Kind kind, String name) {
        // equals and hashCode written out: the generated ones are linked through invokedynamic at their first call,
        // milliseconds of a short run (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof Question q && q.scope == scope && q.kind == kind && q.name.equals(name);
        }

        @Override
        public int hashCode() {
            return (scope.ordinal() * 31 + kind.ordinal()) * 31 + name.hashCode();
        }
    }

    private final List<Row> rows;
    private final Map<Question, Match> matched = new ConcurrentHashMap<>();

    private RatingTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public static RatingTable standard() {
        return STANDARD;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The rows of a scope and kind that fit {@code name} (a readable name, or a group number as text). */
    public Match rate(Scope scope, Kind kind, String name) {
        if (name == null) {
            return new Match(List.of(), null);
        }
        Question question = new Question(scope, kind, name);
        Match known = matched.get(question);
        if (known != null) {
            return known;
        }
        Match match = match(scope, kind, name);
        if (matched.size() < REMEMBERED_MATCHES) {
            matched.put(question, match);
        }
        return match;
    }

    /** Matches remembered so far (for tests). */
    int rememberedMatches() {
        return matched.size();
    }

    private Match match(Scope scope, Kind kind, String name) {
        // per document, a row for the exact key length wins over the row for any key length
        Map<String, Row> byDocument = new LinkedHashMap<>();
        Integer keyLength = null;
        for (Row row : rows) {
            if (row.scope() != scope || row.kind() != kind) {
                continue;
            }
            Integer fit = fits(row, name);
            if (fit == null) {
                continue;
            }
            Row earlier = byDocument.get(row.source().document());
            if (earlier == null || (earlier.size() == null && row.size() != null)) {
                byDocument.put(row.source().document(), row);
            }
            if (fit > 0) {
                keyLength = fit;
            }
        }
        List<Source> sources = new ArrayList<>();
        byDocument.values().forEach(r -> sources.add(r.source()));
        // immutable: the same match is handed to every caller that asks the same
        return new Match(List.copyOf(sources), keyLength);
    }

    /** The row rates the name: 0 without a key length, the key length when one was matched; null otherwise. */
    private static Integer fits(Row row, String name) {
        return switch (row.kind()) {
            case ENCR -> encryptionFits(row, name);
            case PRF -> name.equals(AlgorithmNames.ikev2Prf((int) row.value())) ? 0 : null;
            case INTEG -> name.equals(AlgorithmNames.ikev2Integrity((int) row.value())) ? 0 : null;
            case HASH -> name.equals(AlgorithmNames.ikev1Hash((int) row.value())) ? 0 : null;
            case KE -> name.equals(Long.toString(row.value())) ? 0 : null;
            case AUTH -> name.equals(AuthMethodNames.name(row.scope() == Scope.IKEV1 ? 1 : 2, (int) row.value()))
                    ? 0 : null;
            case VERSION, LIFETIME -> name.equals(row.name()) ? 0 : null;
        };
    }

    /** An encryption name carries its key length among its numbers ("AES-GCM-256-16"): each is tried. */
    private static Integer encryptionFits(Row row, String name) {
        int id = (int) row.value();
        boolean ikev1 = row.scope() == Scope.IKEV1;
        if (row.size() == null && name.equals(encryptionName(ikev1, id, null))) {
            return 0;
        }
        for (String token : name.split("-")) {
            if (token.isEmpty() || !token.chars().allMatch(Character::isDigit) || token.length() > 4) {
                continue;
            }
            int bits = Integer.parseInt(token);
            if ((row.size() == null || row.size() == bits) && name.equals(encryptionName(ikev1, id, bits))) {
                return bits;
            }
        }
        return null;
    }

    private static String encryptionName(boolean ikev1, int id, Integer bits) {
        return ikev1 ? AlgorithmNames.ikev1Encryption(id, bits) : AlgorithmNames.ikev2Encryption(id, bits);
    }

    private static RatingTable read() {
        return of(DataTable.load(RatingTable.class, RESOURCE, COLUMNS));
    }

    static RatingTable parse(BufferedReader reader) throws IOException {
        return of(DataTable.parse(reader, RESOURCE, COLUMNS));
    }

    private static RatingTable of(List<DataTable.Row> table) {
        List<Row> rows = new ArrayList<>();
        for (DataTable.Row r : table) {
            String[] f = r.fields();
            try {
                Scope scope = Scope.valueOf(f[0]);
                Kind kind = Kind.valueOf(f[1]);
                Integer size = f[3].equals("-") ? null : Integer.valueOf(f[3]);
                Source source = new Source(f[5], f[6], f[4], f[7].equals("-") ? null : f[7]);
                source.rating(); // an unknown level fails here
                rows.add(new Row(scope, kind, f[2], value(scope, kind, f[2]), size, source));
            } catch (IllegalArgumentException e) {
                throw DataTable.bad(RESOURCE, r.line(), e.getMessage());
            }
        }
        return new RatingTable(rows);
    }

    private static long value(Scope scope, Kind kind, String name) {
        Registry registry = registry(scope, kind);
        return registry == null ? -1 : registry.valueOf(name);
    }

    private static Registry registry(Scope scope, Kind kind) {
        boolean ikev1 = scope == Scope.IKEV1;
        return switch (kind) {
            case ENCR -> ikev1 ? Ikev1Registry.IKE_ENCRYPTION_ALGORITHM : Ikev2Registry.ENCR;
            case PRF -> Ikev2Registry.PRF;
            case INTEG -> Ikev2Registry.INTEG;
            case HASH -> Ikev1Registry.IKE_HASH_ALGORITHM;
            case KE -> ikev1 ? Ikev1Registry.IKE_GROUP_DESCRIPTION : Ikev2Registry.KE_METHOD;
            case AUTH -> ikev1 ? Ikev1Registry.IKE_AUTH_METHOD : Ikev2Registry.AUTH_METHOD;
            case VERSION, LIFETIME -> null;
        };
    }
}
