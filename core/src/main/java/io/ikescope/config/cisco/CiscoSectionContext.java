package io.ikescope.config.cisco;

import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.Origin;
import io.ikescope.config.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the section readers share: the file name, the warnings, the objects read so far, and value parsing. */
final class CiscoSectionContext {
    final String file;
    final List<ConfigWarning> warnings = new ArrayList<>();
    final CiscoObjects objects = new CiscoObjects();

    CiscoSectionContext(String file) {
        this.file = file;
    }

    /** A line not read: a sub-line names its keyword within {@code where}, a top-level line is {@code where}. */
    void notRead(CiscoLine line, String where) {
        String message = where.startsWith(line.word(0) + " ") ? "'" + where + "' not read by ikescope"
                : where + ": '" + line.word(0) + "' not read by ikescope";
        warnings.add(new ConfigWarning(line.origin(file), message));
    }

    void warn(CiscoLine line, String message) {
        warnings.add(new ConfigWarning(line.origin(file), message));
    }

    ConfigException error(CiscoLine line, String problem) {
        return new ConfigException(file, line.number, problem);
    }

    /** The word at {@code index}, or an error saying what was expected there. */
    String required(CiscoLine line, int index, String expected) throws ConfigException {
        String word = line.word(index);
        if (word == null) {
            // the line is not quoted: it may hold a key
            throw error(line, "expected " + expected + " (word " + (index + 1) + " of '" + line.word(0)
                    + "'), but the line ends before it");
        }
        return word;
    }

    long number(CiscoLine line, int index, String expected, long min, long max) throws ConfigException {
        String word = required(line, index, expected);
        if (!word.matches("\\d{1,10}")) {
            throw error(line, "expected " + expected + " (a number), not '" + word + "'");
        }
        long value = Long.parseLong(word);
        if (value < min || value > max) {
            throw error(line, expected + " " + value + " out of range " + min + ".." + max);
        }
        return value;
    }

    /** A keyword looked up in a data table: an unknown value is an error listing the known ones. */
    <T> T lookup(CiscoLine line, String word, Map<String, T> table, String what) throws ConfigException {
        T value = word == null ? null : table.get(word.toLowerCase());
        if (value == null) {
            throw error(line, "expected " + what + " (" + String.join(", ", new java.util.TreeSet<>(table.keySet()))
                    + "), not '" + (word == null ? "end of line" : word) + "'");
        }
        return value;
    }

    int group(CiscoLine line, String word) throws ConfigException {
        if (word != null && word.matches("\\d{1,3}") && CiscoAlgorithms.GROUPS.contains(Integer.parseInt(word))) {
            return Integer.parseInt(word);
        }
        throw error(line, "expected a DH group (" + CiscoAlgorithms.GROUPS + "), not '"
                + (word == null ? "end of line" : word) + "'");
    }

    /** "A" or "A MASK" at {@code index} as {address, prefix}; a missing mask is a host (/32). */
    long[] addressAndMask(CiscoLine line, int index) throws ConfigException {
        String address = required(line, index, "an IPv4 address");
        long value = CiscoAcl.ipv4(address);
        if (value < 0) {
            // not quoted: on a key line a misplaced word may be the key
            throw error(line, "expected an IPv4 address as word " + (index + 1));
        }
        String mask = line.word(index + 1);
        int prefix = 32;
        if (mask != null && CiscoAcl.ipv4(mask) >= 0) {
            // a netmask is the inverted wildcard
            prefix = CiscoAcl.prefixOfWildcard(dotted(~CiscoAcl.ipv4(mask) & 0xffffffffL));
            if (prefix < 0) {
                throw error(line, "mask " + mask + " is not contiguous");
            }
        }
        return new long[] {value, prefix};
    }

    Origin origin(CiscoLine line) {
        return line.origin(file);
    }

    <T> Setting<T> at(CiscoLine line, T value) {
        return Setting.of(value, line.origin(file));
    }

    static String dotted(long value) {
        return (value >> 24 & 255) + "." + (value >> 16 & 255) + "." + (value >> 8 & 255) + "." + (value & 255);
    }

    static boolean contains(long network, int prefix, long address) {
        long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
        return (network & mask) == (address & mask);
    }
}
