package org.policyclassifier.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.io.Json;
import org.policyclassifier.io.LineReader;
import org.policyclassifier.io.LineReader.Line;

/** The records of an input, one raw text at a time with the line it starts on, before parsing. */
interface RecordSource {

    /** Reads one element of an array: the elements after it are not trailing garbage. */
    ObjectReader ELEMENT = Json.MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The next record, or null at the end; blank lines are skipped. */
    Line next() throws IOException, InvalidInputException;

    /** Bytes of the input consumed so far. */
    long bytesRead();

    /** One record per line (JSON Lines, and CSV after its header). */
    static RecordSource lines(LineReader reader) {
        return new RecordSource() {
            @Override
            public Line next() throws IOException {
                Line line = reader.next();
                while (line != null && line.isBlank()) {
                    line = reader.next();
                }
                return line;
            }

            @Override
            public long bytesRead() {
                return reader.bytesRead();
            }
        };
    }

    /**
     * The elements of one JSON array, each as compact JSON text with the line it starts on. A
     * syntax error ends the input (no later element can be found reliably), so it is a problem
     * with the whole input, not a rejected record.
     */
    static RecordSource jsonArray(String name, InputStream in) throws IOException, InvalidInputException {
        JsonParser parser = Json.MAPPER.createParser(in);
        try {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new InvalidInputException(new Problem(name, 1, "expected a JSON array of case records "
                        + "([{...}, {...}]); for one object per line use --input-format jsonl"));
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(new Problem(name, Json.line(e), Json.describe(e)));
        }
        return new RecordSource() {
            private boolean ended;

            @Override
            public Line next() throws IOException, InvalidInputException {
                if (ended) {
                    return null;
                }
                try {
                    JsonToken token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY || token == null) {
                        ended = true;
                        if (token == null) {
                            throw new InvalidInputException(new Problem(name, parser.currentLocation().getLineNr(),
                                    "the JSON array is not closed: the input ends before ']'"));
                        }
                        return null;
                    }
                    long line = parser.currentTokenLocation().getLineNr();
                    JsonNode node = ELEMENT.readTree(parser);
                    byte[] text = node.toString().getBytes(StandardCharsets.UTF_8);
                    return new Line(line, text, text.length);
                } catch (JsonProcessingException e) {
                    throw new InvalidInputException(new Problem(name, Json.line(e), Json.describe(e)
                            + "; the records after this point cannot be read"));
                }
            }

            @Override
            public long bytesRead() {
                return parser.currentLocation().getByteOffset();
            }
        };
    }
}
