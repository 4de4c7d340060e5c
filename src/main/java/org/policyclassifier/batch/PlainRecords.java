package org.policyclassifier.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.policyclassifier.classify.CaseRecord;

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

    private PlainRecords() {
    }

    /** The record, or null when it is not a plain one (which the object mapper must then judge). */
    static CaseRecord read(byte[] text) {
        String id = null;
        String kind = null;
        String type = null;
        String category = null;
        String place = null;
        String setting = null;
        String actor = null;
        List<String> substances = null;
        int seen = 0;
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
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
                    default -> actor = value;
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        return new CaseRecord(id, kind, type, category, place, setting, actor, substances);
    }
}
