package io.ikescope.config.strongswan;

import io.ikescope.config.Origin;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One section of a strongSwan settings file (swanctl.conf, strongswan.conf syntax) as the parser merged it: sections
 * of the same name merge and a later value replaces an earlier one, as libstrongswan's settings parser does (so a
 * conf.d file can override swanctl.conf). Values stay internal to the readers: a secret's value is read once into a
 * {@link io.ikescope.config.PskDigest} and never printed ({@link Value#toString()} omits it).
 */
final class SettingsSection {

    /** A "key = value" line; the text is the parser's (quoted strings unquoted, parts joined by one space). */
    record Value(String key, String text, Origin origin) {
        @Override
        public String toString() {
            return key + " (" + origin + ")";
        }
    }

    /** Deeper than any real swanctl.conf (connections.NAME.children.NAME is four levels). */
    static final int MAX_NESTING = 32;

    private final String name;
    private final Origin origin;
    private final Map<String, Value> values = new LinkedHashMap<>();
    private final Map<String, SettingsSection> sections = new LinkedHashMap<>();
    private final List<String> references = new ArrayList<>();

    SettingsSection(String name, Origin origin) {
        this.name = name;
        this.origin = origin;
    }

    String name() {
        return name;
    }

    /** Where the section was first opened. */
    Origin origin() {
        return origin;
    }

    /** Sets a value; a value without text ("key =") removes the key, as in strongSwan. */
    void put(Value value) {
        values.remove(value.key());
        if (value.text() != null) {
            values.put(value.key(), value);
        }
    }

    /** The subsection of that name, created (at {@code where}) when it is new. */
    SettingsSection section(String sectionName, Origin where) {
        return sections.computeIfAbsent(sectionName, n -> new SettingsSection(n, where));
    }

    void addReference(String reference) {
        references.add(reference);
    }

    /** Section names this section inherits from ({@code name : other { ... }}, strongSwan 5.7 and later). */
    List<String> references() {
        return List.copyOf(references);
    }

    /**
     * Takes from {@code other} what this section does not set itself (strongSwan looks a key up in the section,
     * then in the sections it references, in order); values keep the template's origin.
     */
    void inheritMissing(SettingsSection other, int depth) {
        if (depth > MAX_NESTING) {
            return;
        }
        for (Value v : other.values.values()) {
            values.putIfAbsent(v.key(), v);
        }
        for (SettingsSection sub : other.sections.values()) {
            section(sub.name(), sub.origin()).inheritMissing(sub, depth + 1);
        }
    }

    Value value(String key) {
        return values.get(key);
    }

    SettingsSection subsection(String sectionName) {
        return sections.get(sectionName);
    }

    Collection<Value> values() {
        return values.values();
    }

    Collection<SettingsSection> sections() {
        return sections.values();
    }

    @Override
    public String toString() {
        return "section " + name + " (" + origin + ")";
    }
}
