package org.policyclassifier.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A file's own column names for the fields of a record, as {@code --columns
 * id=Dossiernummer,text=Omschrijving,place=Gemeente} gives them: a mapped column is read as its
 * field, a column named as a field that is not mapped elsewhere is read as that field, and every
 * other column is ignored. Names are matched without regard to case or surrounding spaces.
 *
 * @param columnOf each mapped field and the column that holds it, as given
 */
public record Columns(Map<String, String> columnOf) {

    public Columns {
        columnOf = Collections.unmodifiableMap(new LinkedHashMap<>(columnOf));
    }

    /**
     * Reads {@code field=Column,field=Column}; the message of the exception says what is wrong
     * (an unknown field, a field or a column given twice, a pair without {@code =}).
     */
    public static Columns parse(String spec) {
        Map<String, String> columnOf = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String pair : spec.split(",", -1)) {
            String problem = add(pair, columnOf);
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems) + "; the fields are "
                    + String.join(", ", CsvCases.COLUMNS));
        }
        return new Columns(columnOf);
    }

    /**
     * Reads a mapping file ({@code --columns-file}): one {@code field=Column} a line, so a column name
     * may hold a comma; blank lines and lines starting with {@code #} are skipped. The exception's
     * message names the file and line of every mistake.
     */
    public static Columns read(Path file) throws IOException {
        Map<String, String> columnOf = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 ? lines.get(i).replace("\uFEFF", "") : lines.get(i);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String problem = add(line, columnOf);
            if (problem != null) {
                problems.add(file + ":" + (i + 1) + ": " + problem);
            }
        }
        if (columnOf.isEmpty() && problems.isEmpty()) {
            problems.add(file + ": maps no column; expected one FIELD=COLUMN a line");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems) + "; the fields are "
                    + String.join(", ", CsvCases.COLUMNS));
        }
        return new Columns(columnOf);
    }

    /** Adds {@code field=Column} to the map; what is wrong with it, or null. */
    private static String add(String pair, Map<String, String> columnOf) {
        int eq = pair.indexOf('=');
        String field = eq < 0 ? "" : pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String column = eq < 0 ? "" : pair.substring(eq + 1).strip();
        if (field.isEmpty() || column.isEmpty()) {
            return "'" + pair.strip() + "' is not FIELD=COLUMN";
        } else if (!CsvCases.COLUMNS.contains(field)) {
            return "'" + field + "' is not a field of a record";
        } else if (columnOf.containsKey(field)) {
            return "field '" + field + "' is mapped twice";
        } else if (columnOf.values().stream().anyMatch(column::equalsIgnoreCase)) {
            return "column '" + column + "' is mapped twice";
        }
        columnOf.put(field, column);
        return null;
    }

    /** The field the column named {@code header} holds, or null when it is to be ignored. */
    String fieldOf(String header) {
        String name = header.strip();
        for (Map.Entry<String, String> e : columnOf.entrySet()) {
            if (e.getValue().equalsIgnoreCase(name)) {
                return e.getKey();
            }
        }
        String field = name.toLowerCase(Locale.ROOT);
        return CsvCases.COLUMNS.contains(field) && !columnOf.containsKey(field) ? field : null;
    }

    /** The mapped columns none of {@code headers} names. */
    List<String> missing(List<String> headers) {
        return columnOf.values().stream()
                .filter(c -> headers.stream().noneMatch(h -> h.strip().equalsIgnoreCase(c))).toList();
    }
}
