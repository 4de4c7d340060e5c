package org.policyclassifier.io;

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
            int eq = pair.indexOf('=');
            String field = eq < 0 ? "" : pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String column = eq < 0 ? "" : pair.substring(eq + 1).strip();
            if (field.isEmpty() || column.isEmpty()) {
                problems.add("'" + pair.strip() + "' is not FIELD=COLUMN");
            } else if (!CsvCases.COLUMNS.contains(field)) {
                problems.add("'" + field + "' is not a field of a record");
            } else if (columnOf.containsKey(field)) {
                problems.add("field '" + field + "' is mapped twice");
            } else if (columnOf.values().stream().anyMatch(column::equalsIgnoreCase)) {
                problems.add("column '" + column + "' is mapped twice");
            } else {
                columnOf.put(field, column);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems) + "; the fields are "
                    + String.join(", ", CsvCases.COLUMNS));
        }
        return new Columns(columnOf);
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
