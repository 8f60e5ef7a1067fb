package io.ikescope.config.libreswan;

import io.ikescope.config.ChildProposalConfig;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.Origin;
import io.ikescope.config.libreswan.LibreswanAlgorithms.Encryption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * libreswan's proposal syntax ({@code ike=}, {@code esp=}/{@code phase2alg=}, {@code ah=}) as lib/libswan's
 * v1_proposals.c and v2_proposals.c of libreswan 4.10 read it: proposals separated by commas, each
 * {@code ENCRYPT[-PRF|-INTEG[-PRF]][-DH]} (IKE), {@code ENCRYPT[-INTEG][-DH]} (ESP), {@code INTEG[-DH]} (AH);
 * {@code +} joins alternatives of one type, {@code ;} may stand for {@code -} before the group ("aes-sha2;modp2048"),
 * a key length follows the cipher ("aes256", "aes_gcm_16_256", "aes-256"). What a proposal leaves out is filled in
 * from the version's defaults ({@link LibreswanDefaults}).
 *
 * <p>How key lengths expand when none is given (programs/pluto/ikev2_proposals.c append_encrypt_transform and
 * ikev1_spdb_struct.c): the IKE SA offers the longest key first then the default (AES 256, 128), ESP the default
 * first then the longest (128, 256); 3DES, ChaCha20-Poly1305 and NULL carry no key length.
 */
final class LibreswanProposals {

    /** Bounds what one line may expand to (IKEv1 expands every combination into a proposal of its own). */
    static final int MAX_PROPOSALS = 64;

    enum Kind { IKE, ESP, AH }

    /** One parsed proposal; null lists are "not given". */
    private record Parsed(List<Encryption> encryption, List<Integer> keyBits, List<Integer> integrity,
                          List<Integer> prf, List<Integer> groups) {
    }

    private record Token(String text, char before) {
    }

    private LibreswanProposals() {
    }

    /**
     * @throws IllegalArgumentException naming the keyword or algorithm that is wrong
     */
    static List<IkeProposalConfig> ike(String text, int ikeVersion, Origin origin) {
        List<IkeProposalConfig> out = new ArrayList<>();
        for (String one : split(text, Kind.IKE)) {
            Parsed p = parse(one, Kind.IKE, ikeVersion);
            for (Encryption e : p.encryption()) {
                if (!e.ikeToo()) {
                    throw new IllegalArgumentException("'" + e.keyword() + "' is not an IKE encryption algorithm");
                }
                if (ikeVersion == 1 && e.aead()) {
                    throw new IllegalArgumentException("IKEv1 has no AEAD cipher for the IKE SA: " + e.keyword());
                }
            }
            boolean aead = allAead(p.encryption(), one);
            List<String> encNames = encryptionNames(p, Kind.IKE, ikeVersion);
            List<Integer> prfs = p.prf() != null ? p.prf() : LibreswanDefaults.ikePrfs(ikeVersion);
            List<Integer> groups = p.groups() != null ? p.groups() : LibreswanDefaults.ikeGroups(ikeVersion);
            if (groups.contains(0)) {
                throw new IllegalArgumentException("IKE DH algorithm 'none' not permitted");
            }
            if (ikeVersion == 1) {
                // IKEv1: one proposal per DH group and PRF, DH outermost (v1_proposals.c add_proposal_defaults)
                for (int group : groups) {
                    for (int prf : prfs) {
                        out.add(new IkeProposalConfig(encNames, integrityFor(p, aead, List.of(prf)),
                                names(List.of(prf), true), List.of(group), origin));
                    }
                }
            } else {
                out.add(new IkeProposalConfig(encNames, integrityFor(p, aead, prfs), names(prfs, true), groups,
                        origin));
            }
            if (out.size() > MAX_PROPOSALS) {
                throw new IllegalArgumentException("more than " + MAX_PROPOSALS + " IKE proposals");
            }
        }
        return out;
    }

    /**
     * ESP or AH proposals before PFS is applied: dhGroups are what the line names (empty when it names none).
     */
    static List<ChildProposalConfig> child(String text, Kind kind, int ikeVersion, Origin origin) {
        List<ChildProposalConfig> out = new ArrayList<>();
        for (String one : split(text, kind)) {
            Parsed p = parse(one, kind, ikeVersion);
            List<String> enc = kind == Kind.AH ? List.of() : encryptionNames(p, kind, ikeVersion);
            boolean aead = kind == Kind.ESP && allAead(p.encryption(), one);
            List<Integer> integ;
            if (p.integrity() != null) {
                integ = p.integrity();
            } else if (aead) {
                integ = List.of(0);
            } else {
                integ = kind == Kind.AH ? LibreswanDefaults.ahIntegrity(ikeVersion)
                        : LibreswanDefaults.espIntegrity(ikeVersion);
            }
            if (kind == Kind.AH && integ.contains(0)) {
                throw new IllegalArgumentException("AH needs an integrity algorithm: " + one);
            }
            if (kind == Kind.ESP && !aead && integ.contains(0)) {
                // "none" integrity is only for AEAD ciphers (proposals.c proposal_aead_none_ok)
                throw new IllegalArgumentException("a non-AEAD cipher needs an integrity algorithm: " + one);
            }
            List<Integer> groups = p.groups() == null ? List.of() : p.groups();
            List<String> integNames = ikeVersion == 1 ? ikev1Names(integ) : names(integ, false);
            out.add(new ChildProposalConfig(kind == Kind.AH ? "AH" : "ESP", enc, integNames, groups, List.of(),
                    origin));
        }
        return out;
    }

    private static List<String> split(String text, Kind kind) {
        List<String> out = new ArrayList<>();
        for (String one : text.split(",", -1)) {
            String t = one.trim();
            if (t.isEmpty()) {
                // libreswan tolerates a trailing comma ("ike=3des-sha1,aes-sha1,")
                continue;
            }
            out.add(t);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(kind + " proposal is empty");
        }
        if (out.size() > MAX_PROPOSALS) {
            throw new IllegalArgumentException("more than " + MAX_PROPOSALS + " " + kind + " proposals");
        }
        return out;
    }

    private static List<Token> tokens(String proposal) {
        List<Token> out = new ArrayList<>();
        char before = 0;
        int start = 0;
        for (int i = 0; i <= proposal.length(); i++) {
            char c = i < proposal.length() ? proposal.charAt(i) : 0;
            if (c == '-' || c == ';' || c == '+' || c == 0) {
                out.add(new Token(proposal.substring(start, i).trim().toLowerCase(Locale.ROOT), before));
                before = c;
                start = i + 1;
            }
        }
        return out;
    }

    private static Parsed parse(String proposal, Kind kind, int ikeVersion) {
        if (ikeVersion == 1 && proposal.indexOf('+') >= 0) {
            // v1_proposals.c splits on '-' and ';' only: each IKEv1 proposal names one algorithm of each type
            throw new IllegalArgumentException("IKEv1 proposals take no '+' alternatives: " + proposal);
        }
        List<Token> tokens = tokens(proposal);
        for (Token t : tokens) {
            if (t.text().isEmpty()) {
                throw new IllegalArgumentException(kind + " proposal has an empty algorithm: " + proposal);
            }
        }
        int i = 0;
        List<Encryption> enc = null;
        List<Integer> keys = null;
        if (kind != Kind.AH) {
            enc = new ArrayList<>();
            keys = new ArrayList<>();
            do {
                i = encryption(tokens, i, enc, keys, kind, proposal);
            } while (i < tokens.size() && tokens.get(i).before() == '+');
        }
        List<List<String>> groups = new ArrayList<>();
        List<Character> leads = new ArrayList<>();
        for (; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.before() == '+' && !groups.isEmpty()) {
                groups.get(groups.size() - 1).add(t.text());
            } else {
                groups.add(new ArrayList<>(List.of(t.text())));
                leads.add(t.before());
            }
        }
        List<Integer> integ = null;
        List<Integer> prf = null;
        List<Integer> dh = null;
        int g = 0;
        if (kind == Kind.IKE && g < groups.size() && leads.get(g) != ';') {
            prf = lookup(groups.get(g), LibreswanAlgorithms::prf);
            if (prf == null) {
                // <encr>-<integ>-<prf>: the PRF did not parse, so this is the integrity (v2_proposals.c)
                integ = required(groups.get(g), LibreswanAlgorithms::integrity, "IKE integrity", proposal);
                g++;
                if (g < groups.size() && leads.get(g) != ';') {
                    prf = required(groups.get(g), LibreswanAlgorithms::prf, "IKE PRF", proposal);
                    g++;
                }
            } else {
                g++;
            }
        } else if (kind != Kind.IKE && g < groups.size() && leads.get(g) != ';') {
            integ = required(groups.get(g), LibreswanAlgorithms::integrity, kind + " integrity", proposal);
            g++;
        }
        if (g < groups.size()) {
            dh = required(groups.get(g), LibreswanAlgorithms::group, kind + " DH", proposal);
            g++;
        }
        if (g < groups.size()) {
            throw new IllegalArgumentException(kind + " proposal contains unexpected '"
                    + String.join("+", groups.get(g)) + "': " + proposal);
        }
        if (kind == Kind.AH && integ == null) {
            throw new IllegalArgumentException("AH proposal needs an integrity algorithm: " + proposal);
        }
        return new Parsed(enc, keys, integ, prf, dh);
    }

    /** One cipher with its key length (0 = none given); returns the next token index. */
    private static int encryption(List<Token> tokens, int i, List<Encryption> enc, List<Integer> keys, Kind kind,
                                  String proposal) {
        String word = tokens.get(i).text();
        // <ealg>-<eklen>: a following token that starts with a digit is the key length (proposals.c)
        if (i + 1 < tokens.size() && tokens.get(i + 1).before() == '-'
                && Character.isDigit(tokens.get(i + 1).text().charAt(0))) {
            add(word, keyLength(tokens.get(i + 1).text(), proposal), enc, keys, kind, proposal);
            return i + 2;
        }
        if (LibreswanAlgorithms.encryption(word) != null) {
            add(word, 0, enc, keys, kind, proposal);
            return i + 1;
        }
        int end = word.length();
        while (end > 0 && Character.isDigit(word.charAt(end - 1))) {
            end--;
        }
        if (end == word.length() || end == 0) {
            throw new IllegalArgumentException(kind + " encryption algorithm '" + word + "' is not recognized");
        }
        String base = word.substring(0, end);
        if (base.endsWith("_")) {
            base = base.substring(0, base.length() - 1);
        }
        add(base, keyLength(word.substring(end), proposal), enc, keys, kind, proposal);
        return i + 1;
    }

    private static int keyLength(String digits, String proposal) {
        if (digits.length() > 4 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not a key length: '" + digits + "' in " + proposal);
        }
        return Integer.parseInt(digits);
    }

    private static void add(String word, int bits, List<Encryption> enc, List<Integer> keys, Kind kind,
                            String proposal) {
        Encryption e = LibreswanAlgorithms.encryption(word);
        if (e == null) {
            throw new IllegalArgumentException(kind + " encryption algorithm '" + word + "' is not recognized");
        }
        if (bits != 0 && !e.takesKeyLength(bits)) {
            throw new IllegalArgumentException(kind + " encryption algorithm '" + word + "' has no key length "
                    + bits + ": " + proposal);
        }
        enc.add(e);
        keys.add(bits);
    }

    private static boolean allAead(List<Encryption> enc, String proposal) {
        boolean any = enc.stream().anyMatch(Encryption::aead);
        boolean all = enc.stream().allMatch(Encryption::aead);
        if (any != all) {
            // ipsec.conf(5) ike=: AEAD and non-AEAD ciphers cannot share a proposal
            throw new IllegalArgumentException("AEAD and non-AEAD ciphers cannot be combined in one proposal: "
                    + proposal);
        }
        return all;
    }

    /** IKEv1's IKE SA ciphers get their IKEv1 registry names ("3DES-CBC"), everything else the IKEv2 ones. */
    private static List<String> encryptionNames(Parsed p, Kind kind, int ikeVersion) {
        boolean v1Ike = kind == Kind.IKE && ikeVersion == 1;
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int k = 0; k < p.encryption().size(); k++) {
            Encryption e = p.encryption().get(k);
            int bits = p.keyBits().get(k);
            List<Integer> lengths;
            if (bits != 0 || e.keyLengths().isEmpty()) {
                lengths = java.util.Collections.singletonList(bits == 0 ? null : bits);
            } else if (kind == Kind.IKE) {
                lengths = List.of(e.maxKeyLength(), e.defaultKeyLength());
            } else {
                lengths = List.of(e.defaultKeyLength(), e.maxKeyLength());
            }
            for (Integer length : lengths) {
                out.add(v1Ike ? e.ikev1IkeName(length) : e.name(length));
            }
        }
        return List.copyOf(out);
    }

    private static List<String> ikev1Names(List<Integer> integ) {
        List<String> out = new ArrayList<>();
        for (int id : integ) {
            String name = id == 0 ? null : LibreswanAlgorithms.ikev1IntegrityName(id);
            if (name != null && !out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    private static List<String> integrityFor(Parsed p, boolean aead, List<Integer> prfs) {
        if (p.integrity() != null) {
            return names(p.integrity(), false);
        }
        if (aead) {
            return List.of();
        }
        List<Integer> derived = new ArrayList<>();
        for (int prf : prfs) {
            Integer integ = LibreswanAlgorithms.integrityOfPrf(prf);
            if (integ == null) {
                throw new IllegalArgumentException("IKE integrity derived from PRF "
                        + LibreswanAlgorithms.prfName(prf) + " is not supported");
            }
            derived.add(integ);
        }
        return names(derived, false);
    }

    private static List<String> names(List<Integer> ids, boolean prf) {
        List<String> out = new ArrayList<>();
        for (int id : ids) {
            String name = prf ? LibreswanAlgorithms.prfName(id) : LibreswanAlgorithms.integrityName(id);
            if (name != null && !out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    private interface Table {
        Integer get(String keyword);
    }

    private static List<Integer> lookup(List<String> words, Table table) {
        List<Integer> out = new ArrayList<>();
        for (String w : words) {
            Integer id = table.get(w);
            if (id == null) {
                return null;
            }
            if (!out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    private static List<Integer> required(List<String> words, Table table, String what, String proposal) {
        List<Integer> out = lookup(words, table);
        if (out == null) {
            throw new IllegalArgumentException(what + " algorithm '" + String.join("+", words)
                    + "' is not recognized: " + proposal);
        }
        return out;
    }
}
