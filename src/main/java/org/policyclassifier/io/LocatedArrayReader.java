package org.policyclassifier.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.util.regex.Pattern;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.policyclassifier.errors.Problem;

/**
 * Reads a file holding an array of objects (JSON, or YAML with a YAML mapper), keeping the line
 * each object starts on so that later checks (a missing field, an unknown reference) can point at
 * it. Problems are collected, not thrown, so that a caller can report every file at once.
 */
public final class LocatedArrayReader {

    private final ObjectMapper mapper;
    private final List<Problem> problems;

    public LocatedArrayReader(ObjectMapper mapper, List<Problem> problems) {
        this.mapper = mapper;
        this.problems = problems;
    }

    public <T> List<Located<T>> readArray(Path path, Class<T> type) {
        String file = path.toString();
        List<Located<T>> values = new ArrayList<>();
        // Objects are read one by one from a shared stream: the next one is not "trailing".
        ObjectReader reader = mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        try {
            String text = TextFiles.read(path);
            read(text, file, reader, values);
        } catch (NoSuchFileException e) {
            problems.add(new Problem(file, 0, "file not found"));
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "cannot read: " + e.getMessage()));
        }
        return values;
    }

    private <T> void read(String text, String file, ObjectReader reader, List<Located<T>> values) throws IOException {
        try (JsonParser parser = mapper.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                problems.add(new Problem(file, parser.currentTokenLocation().getLineNr(),
                        "expected a list of entries ([ {...}, ... ])"));
                return;
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                int line = parser.currentTokenLocation().getLineNr();
                try {
                    values.add(new Located<>(reader.readValue(parser), file, line));
                } catch (JsonProcessingException e) {
                    problems.add(new Problem(file, lineOf(e, text, line), Json.describe(e)));
                    return;
                }
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                problems.add(new Problem(file, parser.currentTokenLocation().getLineNr(),
                        "expected an object or the end of the array"));
            }
        } catch (JsonProcessingException e) {
            problems.add(new Problem(file, Json.line(e), Json.describe(e)));
        }
    }

    /**
     * Where a field the entry should not have (or has wrong) is written: the first line from the
     * entry's start that names it as a key. Jackson's own location is where its reader stopped,
     * which for records and YAML can be past the field.
     */
    private static int lineOf(JsonProcessingException e, String text, int entryLine) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().get(m.getPath().size() - 1).getFieldName();
            if (field != null) {
                Pattern key = Pattern.compile("(^|[\\s{,-])\"?" + Pattern.quote(field) + "\"?\\s*:");
                String[] lines = text.split("\\R", -1);
                for (int i = Math.max(0, entryLine - 1); i < lines.length; i++) {
                    if (key.matcher(lines[i]).find()) {
                        return i + 1;
                    }
                }
            }
        }
        int line = Json.line(e);
        return line > 0 ? line : entryLine;
    }
}
