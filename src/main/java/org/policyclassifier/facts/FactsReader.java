package org.policyclassifier.facts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.io.Json;

/**
 * Reads a facts file, a JSON array of objects, keeping the line each object starts on so that
 * later checks (a missing field, an unknown reference) can point at it.
 */
public final class FactsReader {

    private final List<Problem> problems;

    public FactsReader(List<Problem> problems) {
        this.problems = problems;
    }

    /** The objects of a JSON array file, each with its line; problems go to the list given. */
    public <T> List<Located<T>> readArray(Path path, Class<T> type) {
        String file = path.toString();
        List<Located<T>> values = new ArrayList<>();
        // Objects are read one by one from a shared stream: the next one is not "trailing".
        ObjectReader reader = Json.MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        try (JsonParser parser = Json.MAPPER.createParser(Files.newBufferedReader(path))) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                problems.add(new Problem(file, parser.currentTokenLocation().getLineNr(), "expected a JSON array of objects ([ {...}, ... ])"));
                return values;
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                int line = parser.currentTokenLocation().getLineNr();
                try {
                    values.add(new Located<>(reader.readValue(parser), file, line));
                } catch (JsonProcessingException e) {
                    problems.add(new Problem(file, lineOr(e, line), Json.describe(e)));
                    return values;
                }
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                problems.add(new Problem(file, parser.currentTokenLocation().getLineNr(), "expected an object or the end of the array"));
            }
        } catch (NoSuchFileException e) {
            problems.add(new Problem(file, 0, "file not found"));
        } catch (JsonProcessingException e) {
            problems.add(new Problem(file, Json.line(e), Json.describe(e)));
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "cannot read: " + e.getMessage()));
        }
        return values;
    }

    private static int lineOr(JsonProcessingException e, int fallback) {
        int line = Json.line(e);
        return line > 0 ? line : fallback;
    }
}
