package io.ikescope.wire.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code <field>} elements of tshark's PDML output, in document order; enough for cross-checks. */
final class PdmlFields {
    private PdmlFields() {
    }

    /** One field: its abbreviation, displayed value ({@code show}) and raw bytes as hex ({@code value}). */
    record Field(String name, String show, String value, String showname) {
    }

    private static final Pattern FIELD = Pattern.compile("^\\s*<field name=\"([^\"]+)\"(.*)$");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(show|value|showname)=\"([^\"]*)\"");

    static List<Field> parse(List<String> pdmlLines) {
        List<Field> fields = new ArrayList<>();
        for (String line : pdmlLines) {
            Matcher m = FIELD.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String show = null;
            String value = null;
            String showname = null;
            Matcher a = ATTRIBUTE.matcher(m.group(2));
            while (a.find()) {
                String text = unescape(a.group(2));
                switch (a.group(1)) {
                    case "show" -> show = text;
                    case "value" -> value = text;
                    default -> showname = text;
                }
            }
            fields.add(new Field(m.group(1), show, value, showname));
        }
        return fields;
    }

    private static String unescape(String xml) {
        return xml.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
