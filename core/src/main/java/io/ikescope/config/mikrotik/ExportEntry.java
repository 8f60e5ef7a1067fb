package io.ikescope.config.mikrotik;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One item of a RouterOS menu as an export creates or changes it: {@code add key=value ...} or
 * {@code set [ find default=yes ] key=value ...} for the built-in default item. Values are kept only while a file is
 * read; secrets among them never leave the reader.
 */
final class ExportEntry {

    /** One {@code key=value} and the line of the statement that set it. */
    record Property(String key, String value, int line) {
    }

    final String menu;
    final int line;
    final boolean builtIn;
    final Map<String, Property> properties = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();

    ExportEntry(String menu, int line, boolean builtIn) {
        this.menu = menu;
        this.line = line;
        this.builtIn = builtIn;
    }

    /** The property, marked as read; null when the export leaves it out (it has its default then). */
    Property get(String key) {
        read.add(key);
        return properties.get(key);
    }

    String value(String key) {
        Property p = get(key);
        return p == null ? null : p.value();
    }

    boolean isRead(String key) {
        return read.contains(key);
    }
}
