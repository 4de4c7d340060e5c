package org.policyclassifier.stats;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One row of the statistics table: a category, or the total, with its count for each year.
 *
 * @param name the row's label as the document writes it, e.g. {@code Import and export}
 * @param counts recorded offences by year, in year order; a value is null only in a table
 *     still being checked (a cell that could not be read)
 * @param line where the row was read: its line in the profile text, or in the facts file;
 *     not written to the facts file
 */
@JsonDeserialize(using = Series.Reader.class)
public record Series(String name, SortedMap<Integer, Long> counts, @JsonIgnore int line) {

    public Series {
        counts = counts == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(counts));
    }

    /** Reads a row of the facts file and keeps the line it starts on, for error messages. */
    static final class Reader extends StdDeserializer<Series> {

        Reader() {
            super(Series.class);
        }

        @Override
        public Series deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            int line = p.currentTokenLocation().getLineNr();
            Fields fields = ctxt.readValue(p, Fields.class);
            return new Series(fields.name(), fields.counts() == null ? null : new TreeMap<>(fields.counts()), line);
        }
    }

    /** The row as the facts file writes it. */
    record Fields(String name, Map<Integer, Long> counts) {
    }
}
