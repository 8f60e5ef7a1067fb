package io.ikescope.config.libreswan;

import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.Origin;
import io.ikescope.config.libreswan.IpsecConfParser.Entry;
import io.ikescope.config.libreswan.IpsecConfParser.Section;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives each conn its settings as lib/libipsecconf/confread.c (libreswan 4.10) does: {@code conn %default} values
 * first, which the conn's own lines replace; then the sections its {@code also=} names (and theirs, breadth first),
 * which add keywords the conn does not set. A keyword set twice with different values, in the conn or through
 * also=, makes pluto refuse the conn ("duplicate key"): here a {@link ConfigException} at the second line. A conn
 * already included is skipped as pluto does (so an also= cycle is harmless to pluto): a warning names the line.
 * At most 32 also= sections per conn (ALSO_LIMIT).
 */
final class ConnResolver {

    static final int ALSO_LIMIT = 32;
    private static final Set<String> APPEND = Set.of("also", "leftsubnets", "rightsubnets");

    /** A conn with every setting it ends up with, keyed by canonical keyword; appended keywords keep each line. */
    record Resolved(String name, Origin origin, Map<String, List<Entry>> settings, boolean fragment) {

        Entry get(String key) {
            List<Entry> e = settings.get(key);
            return e == null ? null : e.get(e.size() - 1);
        }

        List<Entry> all(String key) {
            return settings.getOrDefault(key, List.of());
        }
    }

    private final List<ConfigWarning> warnings;

    ConnResolver(List<ConfigWarning> warnings) {
        this.warnings = warnings;
    }

    List<Resolved> resolve(List<Section> sections) throws ConfigException {
        Map<String, List<Entry>> defaults = new LinkedHashMap<>();
        Map<String, Section> conns = new LinkedHashMap<>();
        for (Section s : sections) {
            if (s.isSetup()) {
                continue;
            }
            if (s.name().equals("%default")) {
                for (Entry e : s.entries()) {
                    String key = LibreswanKeywords.canonical(e.key());
                    if (key.equals("also")) {
                        throw new ConfigException(e.origin().file(), e.origin().line(),
                                "also= is not valid in conn %default");
                    }
                    defaults.put(key, List.of(e));
                }
                continue;
            }
            Section earlier = conns.put(s.name(), s);
            if (earlier != null) {
                warnings.add(new ConfigWarning(s.origin(), "conn " + s.name() + " is defined again (first at "
                        + earlier.origin() + "); pluto keeps the last one"));
                conns.remove(s.name());
                conns.put(s.name(), s);
            }
        }
        Set<String> alsoTargets = new HashSet<>();
        List<Resolved> out = new ArrayList<>();
        for (Section conn : conns.values()) {
            Map<String, List<Entry>> own = new LinkedHashMap<>();
            for (Entry e : conn.entries()) {
                set(own, e, conn.name(), false);
            }
            includeAlsos(conn, own, conns, alsoTargets);
            Map<String, List<Entry>> merged = new LinkedHashMap<>(defaults);
            merged.putAll(own);
            out.add(new Resolved(conn.name(), conn.origin(), merged, false));
        }
        List<Resolved> result = new ArrayList<>();
        for (Resolved r : out) {
            Section own = conns.get(r.name());
            boolean autoInOwn = own.entries().stream().anyMatch(e -> e.key().equals("auto")
                    && !e.value().equals("ignore"));
            boolean fragment = alsoTargets.contains(r.name()) && !autoInOwn;
            result.add(new Resolved(r.name(), r.origin(), r.settings(), fragment));
        }
        return result;
    }

    private void includeAlsos(Section conn, Map<String, List<Entry>> own, Map<String, Section> conns,
                              Set<String> alsoTargets) throws ConfigException {
        Set<String> seen = new HashSet<>(Set.of(conn.name()));
        Deque<Entry> queue = new ArrayDeque<>(own.getOrDefault("also", List.of()));
        int included = 0;
        while (!queue.isEmpty()) {
            Entry also = queue.removeFirst();
            for (String target : also.value().trim().split("[\\s,]+")) {
                if (target.isEmpty()) {
                    continue;
                }
                Section addin = conns.get(target);
                if (addin == null) {
                    throw new ConfigException(also.origin().file(), also.origin().line(), "cannot find conn '"
                            + target + "' needed by conn '" + conn.name() + "'");
                }
                alsoTargets.add(target);
                if (!seen.add(target)) {
                    warnings.add(new ConfigWarning(also.origin(), "also=" + target + " in conn " + conn.name()
                            + ": conn " + target + " is already included (an also= cycle?); libreswan skips it"));
                    continue;
                }
                if (++included > ALSO_LIMIT) {
                    throw new ConfigException(also.origin().file(), also.origin().line(), "conn " + conn.name()
                            + " uses more than " + ALSO_LIMIT + " also= sections");
                }
                for (Entry e : addin.entries()) {
                    String key = LibreswanKeywords.canonical(e.key());
                    if (key.equals("also")) {
                        queue.addLast(e);
                    } else {
                        set(own, e, conn.name(), true);
                    }
                }
            }
        }
    }

    private static void set(Map<String, List<Entry>> settings, Entry e, String conn, boolean fromAlso)
            throws ConfigException {
        String key = LibreswanKeywords.canonical(e.key());
        List<Entry> earlier = settings.get(key);
        if (earlier == null) {
            settings.put(key, new ArrayList<>(List.of(e)));
        } else if (APPEND.contains(key)) {
            earlier.add(e);
        } else if (key.equals("auto")) {
            if (!fromAlso) {
                settings.put(key, new ArrayList<>(List.of(e))); // keywords.c: kv_duplicateok
            }
        } else if (!earlier.get(0).value().equals(e.value())) {
            throw new ConfigException(e.origin().file(), e.origin().line(), "duplicate key '" + e.key()
                    + "' in conn " + conn + " with another value (first set at " + earlier.get(0).origin()
                    + "); pluto refuses the conn");
        }
    }
}
