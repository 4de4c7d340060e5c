package org.policyclassifier.batch;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.policyclassifier.classify.Case;
import org.policyclassifier.classify.Decision;
import org.policyclassifier.classify.DecisionWording;
import org.policyclassifier.classify.Decision.ActorEntry;
import org.policyclassifier.classify.Decision.Explanation;
import org.policyclassifier.classify.Decision.LevelEntry;
import org.policyclassifier.classify.Decision.PlaceEntry;
import org.policyclassifier.io.CsvCases;
import org.policyclassifier.io.SpreadsheetCells;
import org.policyclassifier.io.Json;
import org.policyclassifier.io.OutputFormat;

/**
 * Writes decisions in one output format in two steps: {@link #render} turns a decision without
 * its id and its place into bytes once (so records whose cases the rules see alike share them),
 * {@link #write} puts the record's id in front, its place in between and its municipality where a
 * wording has it as a parameter. The bytes are Jackson's for the whole decision, cut into parts.
 */
abstract class DecisionFormat {

    /**
     * {@code maxSharedBytes}: memory for parts shared between decisions (0: none shared);
     * {@code wording} and {@code language}: what the decisions' texts are written in, for the
     * parameters a record fills in.
     */
    static DecisionFormat of(OutputFormat format, Explain explain, long maxSharedBytes, DecisionWording wording,
            String language) {
        return format == OutputFormat.CSV ? new Csv() : new JsonLines(explain, maxSharedBytes, wording, language);
    }

    /**
     * In a decision's parts, the slot where the record's municipality goes (told apart by
     * identity): the municipality parameter of an entity's name ({@link DecisionWording#MUNICIPALITY}).
     */
    static final byte[] MUNICIPALITY = new byte[0];

    /** Written once before the first decision. */
    abstract void header(OutputStream out) throws IOException;

    /**
     * Everything of the decision but its id and place, as parts written one after the other, the
     * place (in a format that writes it) before the last part. Parts equal to ones rendered before
     * are shared, not copied: decisions of many cases differ in one part or two. The decision's id
     * and place must be null. With {@code municipalitySlot}, the municipality a wording writes is a
     * {@link #MUNICIPALITY} slot, so that the decision serves a case in any municipality the rules
     * do not tell apart.
     */
    abstract Rendering render(Decision decision, boolean municipalitySlot) throws IOException;

    /**
     * As {@link #render}, for a decision {@code policy query} gave whole for a record's text: its
     * place set (see {@link #placeOf}) and what was understood, {@code match}, which follows the
     * explanation as in {@code query --format json}, where the format has room for it (a CSV row
     * has no column for it). Its id must be null.
     */
    abstract Rendering renderAnswer(Decision decision) throws IOException;

    /** The place of a decision {@link #renderAnswer} renders, as this format writes it (no municipality to fill in). */
    abstract PlaceBytes placeOf(Decision decision) throws IOException;

    /** A decision's parts, and how many of their bytes no decision rendered before shares. */
    record Rendering(byte[][] parts, int ownBytes) {
    }

    /**
     * A record's place as this format writes it: the entry ({@code null} for none, or a place not
     * found) and its municipality's name. {@code text} is the place the record gives, which alone
     * decides both: they are kept per text.
     */
    abstract PlaceBytes place(String text, Case c) throws IOException;

    /**
     * A record's place as a format writes it: its entry ({@code null} when the format writes none)
     * and the name of its municipality as it fills a {@link #MUNICIPALITY} slot (null when it has
     * none or the format writes no municipality). Kept per place text, which decides both.
     */
    record PlaceBytes(byte[] entry, byte[] municipality) {
    }

    /**
     * One decision: the record's id (escaped or quoted where it must be), then the parts
     * {@link #render} gave, with the record's {@link #place}, its municipality in the
     * {@link #MUNICIPALITY} slots.
     */
    abstract void write(Bytes out, String id, PlaceBytes place, byte[][] rendered) throws IOException;

    /**
     * An id that neither JSON nor CSV would escape or quote ({@code [A-Za-z0-9_.:/-]+}): written as
     * it is, skipping an encoder call and an array per record.
     */
    static boolean plain(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c >= PLAIN.length || !PLAIN[c]) {
                return false;
            }
        }
        return !id.isEmpty();
    }

    /** The characters of a {@link #plain} id, by code: one look-up a character, as every record's id is checked. */
    private static final boolean[] PLAIN = new boolean[128];

    static {
        for (char c = 0; c < PLAIN.length; c++) {
            PLAIN[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                    || c == ':' || c == '/' || c == '-';
        }
    }

    /** The decision contract, one object per line; {@code id} is its first field. */
    static final class JsonLines extends DecisionFormat {

        private static final byte[] NULL_ID = "{\"id\":null".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] ID_START = "{\"id\":\"".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] END = "}\n".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] PLACE_FIELD = ",\"place\":".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] NO_PLACE = "null".getBytes(StandardCharsets.US_ASCII);
        private static final PlaceBytes NOWHERE = new PlaceBytes(NO_PLACE, null);
        private static final byte[] EXPLANATION_FIELD = ",\"explanation\":".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] MATCH_FIELD = ",\"match\":".getBytes(StandardCharsets.US_ASCII);
        /** How Jackson ends a decision without place and explanation: the two last fields. */
        private static final byte[] TAIL = ",\"place\":null,\"explanation\":[]}".getBytes(StandardCharsets.US_ASCII);
        private static final int MAX_SHARED = 10_000;

        /** An explanation entry at level {@link Explain#RULES}. */
        record RuleRef(String rule) {
        }

        /**
         * Where a decision's bytes are cut into parts, the better to share them: the levels (which
         * name the municipality's authorities) vary most, the actors and the rest little. A cut at a
         * text no longer found (a field renamed) only shares less: the parts still join into
         * Jackson's bytes.
         */
        private static final byte[][] CUTS = {ascii(",\"levels\":"), ascii(",\"actors\":"), ascii(",\"coordination\":")};

        /**
         * Jackson's writer of decisions whose entities' names leave a {@link #MUNICIPALITY} slot:
         * the one configuration of {@link Json#MAPPER} but for the names, which {@link EntityName} writes.
         */
        private static final ObjectWriter SLOTTED = Json.MAPPER.copy()
                .addMixIn(LevelEntry.class, SlottedEntity.class).writer();

        private final Explain explain;
        private final DecisionWording wording;
        private final String language;
        /**
         * The explanations met so far, rendered, by the explanation (its entries name the rules'
         * own texts, so comparing them is cheap): a few dozen distinct ones carry most of each line's bytes.
         */
        private final Map<List<Explanation>, byte[]> explanations = new ConcurrentHashMap<>();
        /** The parts of decisions met so far, by their bytes (tens of thousands of decisions share a few thousand). */
        private final Map<Shared, byte[]> parts = new ConcurrentHashMap<>();
        /** Bytes held by {@link #parts}, beyond which it starts afresh. */
        private final AtomicLong partsBytes = new AtomicLong();
        private final long maxSharedBytes;
        /** The place entries met so far, rendered, by the text the records give (a few thousand Belgian places). */
        private final Map<String, PlaceBytes> places = new ConcurrentHashMap<>();

        JsonLines(Explain explain, long maxSharedBytes, DecisionWording wording, String language) {
            this.explain = explain;
            this.maxSharedBytes = maxSharedBytes;
            this.wording = wording;
            this.language = language;
        }

        @Override
        void header(OutputStream out) {
        }

        @Override
        Rendering render(Decision d, boolean municipalitySlot) throws IOException {
            return render(head(d, municipalitySlot), d.explanation());
        }

        @Override
        Rendering renderAnswer(Decision d) throws IOException {
            Rendering r = render(head(d.shared(), false), d.explanation());
            byte[][] parts = r.parts().clone();
            int last = parts.length - 1;
            // The match is the decision's last field: it takes the place of the end of the line.
            parts[last] = concat(Arrays.copyOf(parts[last], parts[last].length - END.length), MATCH_FIELD,
                    Json.MAPPER.writeValueAsBytes(d.match()), END);
            return new Rendering(parts, r.ownBytes() + parts[last].length);
        }

        @Override
        PlaceBytes placeOf(Decision d) throws IOException {
            return new PlaceBytes(d.place() == null ? NO_PLACE : Json.MAPPER.writeValueAsBytes(d.place()), null);
        }

        /**
         * The parts of a decision: its {@link #head} cut where parts are shared (only with a budget
         * to keep them) and at its slots, then its explanation.
         */
        private Rendering render(Head head, List<Explanation> explanation) throws IOException {
            byte[] bytes = head.bytes();
            int[] slots = head.slots();
            int from = NULL_ID.length;
            int to = bytes.length - TAIL.length + PLACE_FIELD.length;
            List<byte[]> split = new ArrayList<>(CUTS.length + 2 + slots.length);
            int own = 0;
            int slot = 0;
            for (int c = 0; c <= CUTS.length; c++) {
                int at = c == CUTS.length ? to : maxSharedBytes == 0 ? -1 : indexOf(bytes, CUTS[c], from, to);
                if (at <= from) {
                    continue;
                }
                for (; slot < slots.length && slots[slot] < at; slot++) {
                    own += share(split, bytes, from, slots[slot]);
                    split.add(MUNICIPALITY);
                    from = slots[slot];
                }
                own += share(split, bytes, from, at);
                from = at;
            }
            split.add(explanation(explanation));
            return new Rendering(split.toArray(new byte[0][]), own);
        }

        /** A decision's bytes as Jackson writes them, and where in them the {@link #MUNICIPALITY} slots are, in order. */
        private record Head(byte[] bytes, int[] slots) {
        }

        /**
         * Jackson's bytes for the decision without its place and explanation, which then follow:
         * the same bytes as for the whole decision, as they are its last two fields. With
         * {@code municipalitySlot}, its entities' names leave their municipality out, at a slot.
         */
        private Head head(Decision d, boolean municipalitySlot) throws IOException {
            Head head;
            if (municipalitySlot) {
                Slots slots = new Slots(wording, language);
                SLOTTED.withAttribute(Slots.class, slots).writeValue(slots.out, d.shared());
                head = new Head(slots.out.toByteArray(), slots.at.stream().mapToInt(Integer::intValue).toArray());
            } else {
                head = new Head(Json.MAPPER.writeValueAsBytes(d.shared()), new int[0]);
            }
            byte[] bytes = head.bytes();
            int end = bytes.length - TAIL.length;
            if (d.id() != null || d.place() != null || !Arrays.equals(bytes, 0, NULL_ID.length, NULL_ID, 0, NULL_ID.length)
                    || !Arrays.equals(bytes, end, bytes.length, TAIL, 0, TAIL.length)) {
                throw new IllegalStateException("a decision must start with a null id and end with its place and explanation");
            }
            return head;
        }

        /** Where {@link #SLOTTED} writes one decision, and the slots its entities' names leave there. */
        private static final class Slots {
            final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 10);
            final List<Integer> at = new ArrayList<>(2);
            final DecisionWording wording;
            final String language;

            Slots(DecisionWording wording, String language) {
                this.wording = wording;
                this.language = language;
            }
        }

        /** Has {@link EntityName} write the entity's name of a level (a mix-in of {@link #SLOTTED}). */
        private interface SlottedEntity {
            @JsonSerialize(using = EntityName.class)
            String entity();
        }

        /**
         * Writes an entity's name that has the municipality as a parameter as its wording's pieces
         * around it, noting where it goes in the run's {@link Slots}; any other name as Jackson does.
         * JSON escapes character by character, so the pieces and the municipality, each escaped,
         * join into the bytes of the name.
         */
        private static final class EntityName extends StdSerializer<String> {

            EntityName() {
                super(String.class);
            }

            @Override
            public void serialize(String name, JsonGenerator gen, SerializerProvider provider) throws IOException {
                Slots slots = (Slots) provider.getAttribute(Slots.class);
                LevelEntry level = (LevelEntry) gen.currentValue();
                List<String> around = slots.wording.aroundMunicipality(level, slots.language);
                if (around.size() == 1) {
                    gen.writeString(name);
                    return;
                }
                if (!String.join(slots.wording.words().placeName(slots.language, DecisionWording.municipalityOf(level)),
                        around).equals(name)) {
                    throw new IllegalStateException("entity '" + level.entityId() + "' is named '" + name
                            + "', not as its wording in " + slots.language + " has it");
                }
                JsonStringEncoder encoder = JsonStringEncoder.getInstance();
                gen.writeRawValue("\"" + new String(encoder.quoteAsString(around.get(0))));
                for (String piece : around.subList(1, around.size())) {
                    gen.flush();
                    slots.at.add(slots.out.size());
                    char[] quoted = encoder.quoteAsString(piece);
                    gen.writeRaw(quoted, 0, quoted.length);
                }
                gen.writeRaw('"');
            }
        }

        /** Adds bytes {@code from} to {@code to} of {@code bytes} to {@code split}, shared if met before; returns the bytes added anew. */
        private int share(List<byte[]> split, byte[] bytes, int from, int to) {
            if (maxSharedBytes == 0) {
                split.add(Arrays.copyOfRange(bytes, from, to));
                return to - from;
            }
            Shared key = new Shared(Arrays.copyOfRange(bytes, from, to));
            byte[] part = parts.get(key);
            if (part != null) {
                split.add(part);
                return 0;
            }
            split.add(key.bytes());
            if (partsBytes.addAndGet(key.bytes().length) > maxSharedBytes) {
                parts.clear(); // keeps memory bounded: sharing starts afresh
                partsBytes.set(key.bytes().length);
            }
            parts.put(key, key.bytes());
            return key.bytes().length;
        }

        /** Where {@code text} first occurs between {@code from} and {@code to}, or -1. */
        private static int indexOf(byte[] bytes, byte[] text, int from, int to) {
            byte first = text[0];
            for (int i = from; i + text.length <= to; i++) {
                if (bytes[i] == first && bytes[i + 2] == text[2]
                        && Arrays.equals(bytes, i + 1, i + text.length, text, 1, text.length)) {
                    return i;
                }
            }
            return -1;
        }

        /** Bytes compared by content, hashed once (the JDK's hash of a byte array is vectorised). */
        private static final class Shared {
            private final byte[] bytes;
            private final int hash;

            Shared(byte[] bytes) {
                this.bytes = bytes;
                this.hash = Arrays.hashCode(bytes);
            }

            byte[] bytes() {
                return bytes;
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Shared s && s.hash == hash && Arrays.equals(bytes, s.bytes);
            }

            @Override
            public int hashCode() {
                return hash;
            }
        }

        /** The explanation field and the decision's end, as the explain level says; shared between decisions. */
        private byte[] explanation(List<Explanation> rules) throws IOException {
            if (explain == Explain.NONE) {
                return END;
            }
            if (explanations.size() > MAX_SHARED) {
                explanations.clear(); // keeps memory bounded should explanations ever vary without end
            }
            byte[] explanation = explanations.get(rules);
            if (explanation == null) {
                Object shown = explain == Explain.FULL ? rules : rules.stream().map(e -> new RuleRef(e.rule())).toList();
                explanation = concat(EXPLANATION_FIELD, Json.MAPPER.writeValueAsBytes(shown), END);
                explanations.put(rules, explanation);
            }
            return explanation;
        }

        @Override
        void write(Bytes out, String id, PlaceBytes place, byte[][] rendered) {
            out.write(ID_START);
            if (plain(id)) {
                out.writeAscii(id);
            } else {
                out.write(JsonStringEncoder.getInstance().quoteAsUTF8(id));
            }
            out.write('"');
            int last = rendered.length - 1;
            for (int i = 0; i < last; i++) {
                out.write(rendered[i] == MUNICIPALITY ? place.municipality() : rendered[i]);
            }
            out.write(place.entry());
            out.write(rendered[last]);
        }

        @Override
        PlaceBytes place(String text, Case c) throws IOException {
            if (text == null) {
                return NOWHERE;
            }
            PlaceBytes bytes = places.get(text);
            if (bytes == null) {
                if (places.size() > MAX_SHARED) {
                    places.clear();
                }
                PlaceEntry entry = PlaceEntry.of(c);
                bytes = new PlaceBytes(entry == null ? NO_PLACE : Json.MAPPER.writeValueAsBytes(entry),
                        c.municipality() == null ? null : JsonStringEncoder.getInstance().quoteAsUTF8(
                                wording.words().placeName(language, c.municipality())));
                places.put(text, bytes);
            }
            return bytes;
        }

        private static byte[] ascii(String text) {
            return text.getBytes(StandardCharsets.US_ASCII);
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

        private static final PlaceBytes NO_ENTRY = new PlaceBytes(null, null);
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
        Rendering render(Decision d, boolean municipalitySlot) throws IOException {
            // A row names the levels, not their entities: no municipality to leave out.
            Row row = new Row(null, d.kind(), d.subject(), d.axis(), d.tier(), d.leadLevel(),
                    d.levels().stream().map(LevelEntry::level).toList(),
                    d.actors().stream().map(ActorEntry::name).toList(), d.flags(),
                    d.explanation().stream().map(Explanation::rule).toList());
            byte[] bytes = ROW.writeValueAsBytes(row);
            return new Rendering(new byte[][] {bytes}, bytes.length);
        }

        @Override
        Rendering renderAnswer(Decision d) throws IOException {
            return render(d, false);
        }

        @Override
        PlaceBytes placeOf(Decision d) {
            return NO_ENTRY;
        }

        @Override
        PlaceBytes place(String text, Case c) {
            return NO_ENTRY;
        }

        @Override
        void write(Bytes out, String id, PlaceBytes place, byte[][] rendered) throws IOException {
            if (plain(id) && !SpreadsheetCells.startsFormula(id)) {
                out.writeAscii(id);
            } else {
                out.write(ID.writeValueAsBytes(new Object[] {SpreadsheetCells.neutralised(id)}));
            }
            out.write(rendered[0]);
        }
    }
}
