package org.policyclassifier.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.io.Lines;

/**
 * Reads the common record, a flat JSON object of known fields each given once as text or null
 * ({@code substances} a list of texts), with Jackson's streaming parser alone: the object mapper
 * would build a deserialization context, a buffer of creator properties and a set of the field
 * names seen for every record, several times the parse itself. Anything else (an unknown field,
 * one given twice, a number, a null in the list, text after the object, broken JSON) is left to
 * the object mapper, by returning null, which then accepts or rejects it with its own words: so
 * a record read here is exactly the one the mapper would read, and every reject reads the same.
 */
final class PlainRecords {

    /** Jackson's defaults: no leniency the mapper's parser lacks. Duplicates are told by {@link #read}. */
    private static final JsonFactory FACTORY = new JsonFactory();

    private static final int ID = 1;
    private static final int KIND = 2;
    private static final int TYPE = 4;
    private static final int CATEGORY = 8;
    private static final int PLACE = 16;
    private static final int SETTING = 32;
    private static final int ACTOR = 64;
    private static final int SUBSTANCES = 128;
    private static final int TEXT = 256;

    private PlainRecords() {
    }

    /** The record, or null when it is not a plain one (which the object mapper must then judge). */
    static CaseRecord read(byte[] text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            CaseRecord r = p.nextToken() == JsonToken.START_OBJECT ? object(p) : null;
            return r != null && p.nextToken() == null ? r : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Reads the records of one chunk ({@link Lines}) in turn with one parser, which walks from
     * one record's text to the next: a parser made per record would cost more than reading it.
     * A record is read here only if its object starts and ends within its own text, with nothing
     * after it there; else, or after any error, the parser starts afresh at the next record.
     */
    static final class Chunk {
        private final Lines lines;
        private JsonParser parser;
        /** Where {@link #parser} started in the chunk's bytes: its offsets count from there. */
        private int base;
        /** Where the parser's current token starts, once told ({@link #offset()} makes an object each time). */
        private int current;

        Chunk(Lines lines) {
            this.lines = lines;
        }

        /** Record {@code i} of the chunk, or null when it is not a plain one; records are read in order, some skipped. */
        CaseRecord read(int i) {
            int start = lines.start(i);
            int end = lines.end(i);
            try {
                if (parser == null || current < start) {
                    byte[] bytes = lines.bytes();
                    if (bytes[start] != '{' || bytes[start + 1] == 0) {
                        // Not started here: such a record's first bytes (a NUL, white space) could make
                        // Jackson read the text as UTF-16, and so every record after it.
                        parser = null;
                        return null;
                    }
                    parser = FACTORY.createParser(bytes, start, lines.size() - start);
                    base = start;
                    parser.nextToken();
                    current = offset();
                }
                CaseRecord r = null;
                if (parser.currentToken() == JsonToken.START_OBJECT && current < end) {
                    r = object(parser);
                }
                // The object must end on its own line, and the next token (if any) start after it.
                if (r != null && offset() < end) {
                    if (parser.nextToken() == null) {
                        parser = null; // the chunk's last record: nothing follows
                        return r;
                    }
                    current = offset();
                    if (current >= end) {
                        return r;
                    }
                }
            } catch (IOException e) {
                // judged again on its own, by the object mapper if need be
            }
            parser = null;
            return null;
        }

        /** Where the parser's current token starts in the chunk's bytes. */
        private int offset() {
            return base + (int) parser.currentTokenLocation().getByteOffset();
        }
    }

    /** The object whose START_OBJECT is {@code p}'s current token, if plain; {@code p} is then on its END_OBJECT. */
    private static CaseRecord object(JsonParser p) throws IOException {
        String id = null;
        String kind = null;
        String type = null;
        String category = null;
        String place = null;
        String setting = null;
        String actor = null;
        List<String> substances = null;
        String text = null;
        int seen = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            int field = switch (p.currentName()) {
                case "id" -> ID;
                case "kind" -> KIND;
                case "type" -> TYPE;
                case "category" -> CATEGORY;
                case "place" -> PLACE;
                case "setting" -> SETTING;
                case "actor" -> ACTOR;
                case "substances" -> SUBSTANCES;
                case "text" -> TEXT;
                default -> 0;
            };
            if (field == 0 || (seen & field) != 0) {
                return null;
            }
            seen |= field;
            t = p.nextToken();
            if (field == SUBSTANCES) {
                if (t == JsonToken.START_ARRAY) {
                    substances = new ArrayList<>(2);
                    while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
                        substances.add(p.getText());
                    }
                    if (t != JsonToken.END_ARRAY) {
                        return null;
                    }
                } else if (t != JsonToken.VALUE_NULL) {
                    return null;
                }
                continue;
            }
            String value;
            if (t == JsonToken.VALUE_STRING) {
                value = p.getText();
            } else if (t == JsonToken.VALUE_NULL) {
                value = null;
            } else {
                return null;
            }
            switch (field) {
                case ID -> id = value;
                case KIND -> kind = value;
                case TYPE -> type = value;
                case CATEGORY -> category = value;
                case PLACE -> place = value;
                case SETTING -> setting = value;
                case ACTOR -> actor = value;
                default -> text = value;
            }
        }
        if (t != JsonToken.END_OBJECT) {
            return null;
        }
        return new CaseRecord(id, kind, type, category, place, setting, actor, substances, text);
    }
}
