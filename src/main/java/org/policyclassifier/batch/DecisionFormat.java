package org.policyclassifier.batch;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.policyclassifier.classify.Decision;
import org.policyclassifier.classify.Decision.ActorEntry;
import org.policyclassifier.classify.Decision.Explanation;
import org.policyclassifier.classify.Decision.LevelEntry;
import org.policyclassifier.io.CsvCases;
import org.policyclassifier.io.Json;
import org.policyclassifier.io.OutputFormat;

/**
 * Writes decisions in one output format in two steps: {@link #render} turns a decision without
 * its id into bytes once (so equal records share them), {@link #write} puts a record's id in
 * front. The bytes are Jackson's for the whole decision, cut into parts.
 */
abstract class DecisionFormat {

    static DecisionFormat of(OutputFormat format) {
        return format == OutputFormat.CSV ? new Csv() : new JsonLines();
    }

    /** Written once before the first decision. */
    abstract void header(OutputStream out) throws IOException;

    /**
     * Everything of the decision but its id, ready to follow it, as parts written one after the
     * other; the first part belongs to this decision alone, later ones may be shared between
     * decisions. The decision's id must be null.
     */
    abstract byte[][] render(Decision decision) throws IOException;

    /** One decision: the record's id, then the parts {@link #render} gave. */
    abstract void write(OutputStream out, String id, byte[][] rendered) throws IOException;

    /**
     * An id that neither JSON nor CSV would escape or quote ({@code [A-Za-z0-9_.:/-]+}): written as
     * it is, skipping an encoder call per record.
     */
    static boolean plain(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                    || c == ':' || c == '/' || c == '-')) {
                return false;
            }
        }
        return !id.isEmpty();
    }

    /** The decision contract, one object per line; {@code id} is its first field. */
    static final class JsonLines extends DecisionFormat {

        private static final byte[] NULL_ID = "{\"id\":null".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] ID_START = "{\"id\":\"".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] END = "}\n".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] EXPLANATION_FIELD = ",\"explanation\":".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] EMPTY_EXPLANATION = ",\"explanation\":[]}".getBytes(StandardCharsets.US_ASCII);
        private static final int MAX_SHARED = 10_000;

        @Override
        void header(OutputStream out) {
        }

        /** The explanations met so far, rendered: a few dozen distinct ones carry most of each line's bytes. */
        private final Map<List<Explanation>, byte[]> explanations = new ConcurrentHashMap<>();

        @Override
        byte[][] render(Decision d) throws IOException {
            // The decision without its explanation, which then follows: the same bytes as Jackson's
            // for the whole decision, as the explanation is its last field.
            byte[] head = Json.MAPPER.writeValueAsBytes(new Decision(d.id(), d.kind(), d.subject(), d.axis(), d.tier(),
                    d.leadLevel(), d.levels(), d.actors(), d.coordination(), d.flags(), d.flagDetails(), d.overrides(),
                    d.conflictingClaims(), d.place(), List.of()));
            int end = head.length - EMPTY_EXPLANATION.length;
            if (d.id() != null || !Arrays.equals(head, 0, NULL_ID.length, NULL_ID, 0, NULL_ID.length)
                    || !Arrays.equals(head, end, head.length, EMPTY_EXPLANATION, 0, EMPTY_EXPLANATION.length)) {
                throw new IllegalStateException("a decision must start with a null id and end with its explanation");
            }
            if (explanations.size() > MAX_SHARED) {
                explanations.clear(); // keeps memory bounded should explanations ever vary without end
            }
            byte[] explanation = explanations.get(d.explanation());
            if (explanation == null) {
                byte[] list = Json.MAPPER.writeValueAsBytes(d.explanation());
                explanation = Arrays.copyOf(list, list.length + END.length);
                System.arraycopy(END, 0, explanation, list.length, END.length);
                explanations.put(d.explanation(), explanation);
            }
            return new byte[][] {Arrays.copyOfRange(head, NULL_ID.length, end + EXPLANATION_FIELD.length), explanation};
        }

        @Override
        void write(OutputStream out, String id, byte[][] rendered) throws IOException {
            out.write(ID_START);
            out.write(plain(id) ? id.getBytes(StandardCharsets.ISO_8859_1)
                    : JsonStringEncoder.getInstance().quoteAsUTF8(id));
            out.write('"');
            for (byte[] part : rendered) {
                out.write(part);
            }
        }
    }

    /** One flattened row per decision; list cells hold values separated by {@link CsvCases#LIST_SEPARATOR}. */
    static final class Csv extends DecisionFormat {

        /** The columns of a decision row, in order. */
        @JsonPropertyOrder({"id", "kind", "subject", "axis", "tier", "lead_level", "levels", "actors", "flags", "rules"})
        record Row(String id, String kind, String subject, String axis, String tier, String leadLevel,
                List<String> levels, List<String> actors, List<String> flags, List<String> rules) {
        }

        private static final CsvMapper MAPPER = CsvMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        private static final CsvSchema SCHEMA = MAPPER.schemaFor(Row.class)
                .withArrayElementSeparator(CsvCases.LIST_SEPARATOR);
        private static final ObjectWriter ROW = MAPPER.writer(SCHEMA.withoutHeader().withLineSeparator("\n"));
        private static final ObjectWriter ID = MAPPER.writer(CsvSchema.builder().addColumn("id").build()
                .withoutHeader().withLineSeparator(""));

        @Override
        void header(OutputStream out) throws IOException {
            List<String> names = new ArrayList<>();
            SCHEMA.forEach(c -> names.add(c.getName()));
            out.write((String.join(",", names) + "\n").getBytes(StandardCharsets.UTF_8));
        }

        @Override
        byte[][] render(Decision d) throws IOException {
            Row row = new Row(null, d.kind(), d.subject(), d.axis(), d.tier(), d.leadLevel(),
                    d.levels().stream().map(LevelEntry::level).toList(),
                    d.actors().stream().map(ActorEntry::name).toList(), d.flags(),
                    d.explanation().stream().map(Explanation::rule).toList());
            return new byte[][] {ROW.writeValueAsBytes(row)};
        }

        @Override
        void write(OutputStream out, String id, byte[][] rendered) throws IOException {
            if (plain(id)) {
                out.write(id.getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.write(ID.writeValueAsBytes(new Object[] {id}));
            }
            out.write(rendered[0]);
        }
    }
}
