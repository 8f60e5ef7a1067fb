package io.ikescope.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's shipped data tables (audit ratings, probe fingerprints): tab-separated resources, '#' comments and
 * blank lines skipped, every row with the columns its table names and a first column that is not blank. A bad row
 * is a bug in the shipped table, reported with its resource and line.
 */
public final class DataTable {
    /** One row and the line it stands on (from 1). */
    public record Row(int line, String[] fields) {
    }

    private DataTable() {
    }

    /**
     * @param owner    the class the resource lies beside
     * @param columns  the column names, comma-separated, as the errors name them
     */
    public static List<Row> load(Class<?> owner, String resource, String columns) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource, columns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public static List<Row> parse(BufferedReader reader, String resource, String columns) throws IOException {
        int count = columns.split(",").length;
        List<Row> rows = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != count || f[0].isBlank()) {
                throw bad(resource, number, "expected " + count + " tab-separated columns (" + columns + ")");
            }
            rows.add(new Row(number, f));
        }
        return List.copyOf(rows);
    }

    public static IllegalStateException bad(String resource, int line, String problem) {
        return new IllegalStateException(resource + " line " + line + ": " + problem);
    }
}
