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
import org.policyclassifier.classify.Decision.PlaceEntry;
import org.policyclassifier.io.CsvCases;
import org.policyclassifier.io.Json;
import org.policyclassifier.io.OutputFormat;

/**
 * Writes decisions in one output format in two steps: {@link #render} turns a decision without
 * its id and its place into bytes once (so records whose cases the rules see alike share them),
 * {@link #write} puts the record's id in front and its place in between. The bytes are Jackson's
 * for the whole decision, cut into parts.
 */
abstract class DecisionFormat {

    static DecisionFormat of(OutputFormat format, Explain explain) {
        return format == OutputFormat.CSV ? new Csv() : new JsonLines(explain);
    }

    /** Written once before the first decision. */
    abstract void header(OutputStream out) throws IOException;

    /**
     * Everything of the decision but its id and place, as parts written one after the other, the
     * place between the first and the second; the first part belongs to this decision alone, later
     * ones may be shared between decisions. The decision's id and place must be null.
     */
    abstract byte[][] render(Decision decision) throws IOException;

    /** One decision: the record's id, then the parts {@link #render} gave, with the record's place (or null). */
    abstract void write(OutputStream out, String id, PlaceEntry place, byte[][] rendered) throws IOException;

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
        private static final byte[] PLACE_FIELD = ",\"place\":".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] NO_PLACE = "null".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] EXPLANATION_FIELD = ",\"explanation\":".getBytes(StandardCharsets.US_ASCII);
        /** How Jackson ends a decision without place and explanation: the two last fields. */
        private static final byte[] TAIL = ",\"place\":null,\"explanation\":[]}".getBytes(StandardCharsets.US_ASCII);
        private static final int MAX_SHARED = 10_000;

        /** An explanation entry at level {@link Explain#RULES}. */
        record RuleRef(String rule) {
        }

        private final Explain explain;
        /** The explanations met so far, rendered: a few dozen distinct ones carry most of each line's bytes. */
        private final Map<Object, byte[]> explanations = new ConcurrentHashMap<>();
        /** The places met so far, rendered (a few thousand Belgian places at most). */
        private final Map<PlaceEntry, byte[]> places = new ConcurrentHashMap<>();

        JsonLines(Explain explain) {
            this.explain = explain;
        }

        @Override
        void header(OutputStream out) {
        }

        @Override
        byte[][] render(Decision d) throws IOException {
            // The decision without its place and explanation, which then follow: the same bytes as
            // Jackson's for the whole decision, as they are its last two fields.
            byte[] head = Json.MAPPER.writeValueAsBytes(new Decision(d.id(), d.kind(), d.subject(), d.axis(), d.tier(),
                    d.leadLevel(), d.levels(), d.actors(), d.coordination(), d.flags(), d.flagDetails(), d.overrides(),
                    d.conflictingClaims(), null, List.of()));
            int end = head.length - TAIL.length;
            if (d.id() != null || d.place() != null || !Arrays.equals(head, 0, NULL_ID.length, NULL_ID, 0, NULL_ID.length)
                    || !Arrays.equals(head, end, head.length, TAIL, 0, TAIL.length)) {
                throw new IllegalStateException("a decision must start with a null id and end with its place and explanation");
            }
            byte[] own = Arrays.copyOfRange(head, NULL_ID.length, end + PLACE_FIELD.length);
            if (explain == Explain.NONE) {
                return new byte[][] {own, END};
            }
            if (explanations.size() > MAX_SHARED) {
                explanations.clear(); // keeps memory bounded should explanations ever vary without end
            }
            Object shown = explain == Explain.FULL ? d.explanation()
                    : d.explanation().stream().map(e -> new RuleRef(e.rule())).toList();
            byte[] explanation = explanations.get(shown);
            if (explanation == null) {
                explanation = concat(EXPLANATION_FIELD, Json.MAPPER.writeValueAsBytes(shown), END);
                explanations.put(shown, explanation);
            }
            return new byte[][] {own, explanation};
        }

        @Override
        void write(OutputStream out, String id, PlaceEntry place, byte[][] rendered) throws IOException {
            out.write(ID_START);
            out.write(plain(id) ? id.getBytes(StandardCharsets.ISO_8859_1)
                    : JsonStringEncoder.getInstance().quoteAsUTF8(id));
            out.write('"');
            out.write(rendered[0]);
            out.write(place == null ? NO_PLACE : place(place));
            for (int i = 1; i < rendered.length; i++) {
                out.write(rendered[i]);
            }
        }

        private byte[] place(PlaceEntry place) throws IOException {
            byte[] bytes = places.get(place);
            if (bytes == null) {
                if (places.size() > MAX_SHARED) {
                    places.clear();
                }
                bytes = Json.MAPPER.writeValueAsBytes(place);
                places.put(place, bytes);
            }
            return bytes;
        }

        private static byte[] concat(byte[]... parts) {
            int length = 0;
            for (byte[] p : parts) {
                length += p.length;
            }
            byte[] all = new byte[length];
            int at = 0;
            for (byte[] p : parts) {
                System.arraycopy(p, 0, all, at, p.length);
                at += p.length;
            }
            return all;
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
        void write(OutputStream out, String id, PlaceEntry place, byte[][] rendered) throws IOException {
            if (plain(id)) {
                out.write(id.getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.write(ID.writeValueAsBytes(new Object[] {id}));
            }
            out.write(rendered[0]);
        }
    }
}
