package io.ikescope.audit;

/**
 * What one document says about a transform or setting.
 *
 * @param document "RFC 8247", "RFC 8221", "RFC 9395", "NIST SP 800-77r1"
 * @param section  where it says it ("3.1", "Abstract", ...)
 * @param level    the requirement level as the document writes it ("MUST", "SHOULD+", "DEPRECATED" ...)
 * @param note     a short remark (a footnote of the table, why), or null
 */
public record Source(String document, String section, String level, String note) {

    public Rating rating() {
        return Rating.ofLevel(level);
    }

    /** "RFC 8247 3.1 MUST" for text reports. */
    public String cite() {
        return document + " " + section + " " + level;
    }
}
