package org.policyclassifier.io;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvReadException;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.errors.Problem;

/**
 * Case records as CSV: a header row naming the columns (any order; {@code id} required, and
 * {@code kind} or {@code text}), then one record per line. The list column {@code substances}
 * holds ids separated by {@value #LIST_SEPARATOR}; an empty cell means "not given". With
 * {@link Columns}, the header's own names are mapped to the fields and other columns ignored.
 */
public final class CsvCases {

    public static final String LIST_SEPARATOR = ";";
    /** The case in words, instead of its kind and type or category. */
    public static final String TEXT = "text";
    public static final List<String> COLUMNS = List.of("id", "kind", "type", "category", "place", "setting", "actor",
            "substances", TEXT);
    /** Names the schema gives ignored columns: no field's name, and unique. */
    private static final String IGNORED = "(ignored) ";

    static final CsvMapper MAPPER = CsvMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
            .enable(CsvParser.Feature.EMPTY_STRING_AS_NULL)
            .withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
            .build();

    private final ObjectReader reader;
    private final int columns;
    private final List<String> ignored;

    private CsvCases(ObjectReader reader, int columns, List<String> ignored) {
        this.reader = reader;
        this.columns = columns;
        this.ignored = List.copyOf(ignored);
    }

    /** The header's columns that hold no field, as the header names them: read past, never used. */
    public List<String> ignored() {
        return ignored;
    }

    /** Cell separators a header row is tried with: Excel in Belgium writes ';'. */
    private static final String SEPARATORS = ",;\t";

    /** As {@link #forHeader(String, Character)}, telling the separator from the header row. */
    public static CsvCases forHeader(String header) throws BadRecordException {
        return forHeader(header, null);
    }

    /**
     * Reads the header row, with cells separated by {@code separator}, or when it is null by the
     * one of {@code , ; TAB} the header row uses most; column names are matched without regard
     * to case. The message says what is wrong with the header when it cannot be used.
     */
    public static CsvCases forHeader(String header, Character separator) throws BadRecordException {
        try {
            return forHeader(header, separator, null);
        } catch (NotInInputException e) {
            throw new IllegalStateException(e); // no mapping, no mapped column to miss
        }
    }

    /**
     * As {@link #forHeader(String, Character)}, with the header's names mapped to fields by
     * {@code columns} (null: the names are the fields'), other columns ignored; a mapped column
     * the header lacks is a {@link NotInInputException}.
     */
    public static CsvCases forHeader(String header, Character separator, Columns columns)
            throws BadRecordException, NotInInputException {
        char sep = separator != null ? separator : separatorOf(header);
        String[] names;
        try {
            names = MAPPER.readerFor(String[].class).with(CsvSchema.emptySchema().withColumnSeparator(sep))
                    .readValue(header);
        } catch (JsonProcessingException e) {
            throw new BadRecordException("the header row is not valid CSV: " + Json.plain(e.getOriginalMessage()));
        }
        List<String> headers = Arrays.stream(names).map(n -> n == null ? "" : n.strip()).toList();
        if (columns != null && !columns.missing(headers).isEmpty()) {
            throw new NotInInputException(new Problem(null, 0, "--columns names " + columns.missing(headers)
                    .stream().map(c -> "'" + c + "'").collect(Collectors.joining(", ")) + ", which the header row"
                    + " lacks; its columns are " + headers.stream().map(c -> "'" + c + "'")
                            .collect(Collectors.joining(", "))));
        }
        List<String> problems = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        CsvSchema.Builder schema = CsvSchema.builder().setArrayElementSeparator(LIST_SEPARATOR)
                .setColumnSeparator(sep);
        for (String raw : headers) {
            String name = columns == null ? raw.toLowerCase(Locale.ROOT) : columns.fieldOf(raw);
            if (name == null) {
                ignored.add(raw);
                schema.addColumn(IGNORED + ignored.size());
                continue;
            }
            if (!COLUMNS.contains(name)) {
                problems.add("unknown column '" + name + "'");
            } else if (!seen.add(name)) {
                problems.add("column '" + name + "' appears twice");
            }
            schema.addColumn(name, name.equals("substances") ? CsvSchema.ColumnType.ARRAY : CsvSchema.ColumnType.STRING);
        }
        if (!seen.contains("id")) {
            problems.add("required column 'id' is missing");
        }
        if (!seen.contains("kind") && !seen.contains(TEXT)) {
            problems.add("required column 'kind' or '" + TEXT + "' is missing");
        }
        if (!problems.isEmpty()) {
            throw new BadRecordException("the header row cannot be used: " + String.join("; ", problems)
                    + "; known columns: " + String.join(", ", COLUMNS) + " (required: id, and kind or " + TEXT + ")");
        }
        ObjectReader reader = MAPPER.readerFor(CaseRecord.class).with(schema.build());
        // Ignored columns are named in the schema, so that the cells still line up: read past them.
        return new CsvCases(ignored.isEmpty() ? reader : reader.without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES),
                names.length, ignored);
    }

    private static char separatorOf(String header) {
        char best = ',';
        int bestCount = 0;
        for (char candidate : SEPARATORS.toCharArray()) {
            int count = 0;
            boolean quoted = false;
            for (int i = 0; i < header.length(); i++) {
                char c = header.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == candidate && !quoted) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    /** One data row as a record; the message of the exception is a plain reason. */
    public CaseRecord read(String row) throws BadRecordException {
        CaseRecord r;
        try {
            r = reader.readValue(row);
        } catch (CsvReadException e) {
            String m = e.getOriginalMessage();
            if (m.startsWith("Too many entries")) {
                throw new BadRecordException("the row has more cells than the header's " + columns + " columns");
            }
            if (m.startsWith("Not enough column values")) {
                throw new BadRecordException("the row has fewer cells than the header's " + columns + " columns");
            }
            throw new BadRecordException("not valid CSV: " + Json.plain(m));
        } catch (JsonProcessingException e) {
            throw new BadRecordException(e.getOriginalMessage().startsWith("Missing closing quote")
                    ? "not valid CSV: a quoted cell is not closed on this line (a record must fit on one line)"
                    : Json.describe(e, "CSV"));
        }
        // An empty cell means "not given" (the type's usual substances apply), not "none".
        return r.substances() != null && r.substances().isEmpty()
                ? new CaseRecord(r.id(), r.kind(), r.type(), r.category(), r.place(), r.setting(), r.actor(), null, r.text())
                : r;
    }
}
