package io.ikescope.config;

import java.util.Objects;

/**
 * Where a configured value came from: a file and line, or an implementation default (then {@code file} is null and
 * {@code note} says whose default, e.g. "strongSwan 5.9 default proposal").
 *
 * @param file the file as the user named it (or as an include resolved it); null for a default
 * @param line counted from 1; 0 for a default or a whole-file fact
 * @param note what the default is, or null for a value read from a file
 */
public record Origin(String file, int line, String note) {

    public static Origin at(String file, int line) {
        return new Origin(Objects.requireNonNull(file), line, null);
    }

    public static Origin byDefault(String note) {
        return new Origin(null, 0, Objects.requireNonNull(note));
    }

    public boolean isDefault() {
        return file == null;
    }

    /** "responder.conf line 12", or "default (strongSwan 5.9 default proposal)". */
    @Override
    public String toString() {
        if (file == null) {
            return "default (" + note + ")";
        }
        return line > 0 ? file + " line " + line : file;
    }
}
