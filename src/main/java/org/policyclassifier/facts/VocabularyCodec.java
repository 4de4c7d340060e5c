package org.policyclassifier.facts;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A checked vocabulary as plain data, for a snapshot that a later start-up reads instead of
 * parsing and checking the facts files again (Jackson's first use and the checks took most of a
 * question's start-up). Each record is written field by field: its canonical constructor reads it
 * back, so a field added to a record does not compile here until it is written too.
 */
final class VocabularyCodec {

    private VocabularyCodec() {
    }

    static void write(Vocabulary v, DataOutput out) throws IOException {
        list(out, v.levels(), VocabularyCodec::level);
        list(out, v.objectives(), VocabularyCodec::objective);
        list(out, v.settings(), VocabularyCodec::term);
        list(out, v.substances(), VocabularyCodec::term);
        list(out, v.interventionTypes(), VocabularyCodec::interventionType);
        list(out, v.offenceCategories(), VocabularyCodec::offenceCategory);
        list(out, v.actors(), VocabularyCodec::actor);
        list(out, v.places(), VocabularyCodec::place);
        list(out, v.questionWords(), VocabularyCodec::term);
        v.words().write(out);
    }

    static Vocabulary read(DataInput in) throws IOException {
        return new Vocabulary(list(in, VocabularyCodec::level), list(in, VocabularyCodec::objective),
                list(in, VocabularyCodec::term), list(in, VocabularyCodec::term),
                list(in, VocabularyCodec::interventionType), list(in, VocabularyCodec::offenceCategory),
                list(in, VocabularyCodec::actor), list(in, VocabularyCodec::place), list(in, VocabularyCodec::term),
                Words.read(in));
    }

    private interface Writer<T> {
        void write(DataOutput out, T value) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInput in) throws IOException;
    }

    private static <T> void list(DataOutput out, Collection<T> values, Writer<T> writer) throws IOException {
        out.writeInt(values.size());
        for (T value : values) {
            writer.write(out, value);
        }
    }

    private static <T> List<T> list(DataInput in, Reader<T> reader) throws IOException {
        int n = in.readInt();
        List<T> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(reader.read(in));
        }
        return values;
    }

    /** A value that may be null: a presence flag, then the value. */
    private static <T> void nullable(DataOutput out, T value, Writer<T> writer) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            writer.write(out, value);
        }
    }

    private static <T> T nullable(DataInput in, Reader<T> reader) throws IOException {
        return in.readBoolean() ? reader.read(in) : null;
    }

    private static void text(DataOutput out, String value) throws IOException {
        nullable(out, value, DataOutput::writeUTF);
    }

    private static String text(DataInput in) throws IOException {
        return nullable(in, DataInput::readUTF);
    }

    private static void texts(DataOutput out, List<String> values) throws IOException {
        nullable(out, values, (o, v) -> list(o, v, VocabularyCodec::text));
    }

    private static List<String> texts(DataInput in) throws IOException {
        return nullable(in, i -> list(i, VocabularyCodec::text));
    }

    private static void level(DataOutput out, Level l) throws IOException {
        text(out, l.id());
        text(out, l.label());
        texts(out, l.profileNames());
        out.writeBoolean(l.inProfile());
        text(out, l.covers());
    }

    private static Level level(DataInput in) throws IOException {
        return new Level(text(in), text(in), texts(in), in.readBoolean(), text(in));
    }

    private static void objective(DataOutput out, Objective o) throws IOException {
        text(out, o.id());
        text(out, o.label());
        text(out, o.profileText());
    }

    private static Objective objective(DataInput in) throws IOException {
        return new Objective(text(in), text(in), text(in));
    }

    private static void term(DataOutput out, Term t) throws IOException {
        text(out, t.id());
        text(out, t.label());
        nullable(out, t.synonyms(), VocabularyCodec::synonyms);
        texts(out, t.roles());
    }

    private static Term term(DataInput in) throws IOException {
        return new Term(text(in), text(in), nullable(in, VocabularyCodec::synonyms), texts(in));
    }

    private static void synonyms(DataOutput out, Synonyms s) throws IOException {
        texts(out, s.en());
        texts(out, s.nl());
        texts(out, s.fr());
        texts(out, s.de());
    }

    private static Synonyms synonyms(DataInput in) throws IOException {
        return new Synonyms(texts(in), texts(in), texts(in), texts(in));
    }

    private static void labels(DataOutput out, Labels l) throws IOException {
        text(out, l.en());
        text(out, l.nl());
        text(out, l.fr());
        text(out, l.de());
    }

    private static Labels labels(DataInput in) throws IOException {
        return new Labels(text(in), text(in), text(in), text(in));
    }

    private static void description(DataOutput out, Description d) throws IOException {
        text(out, d.en());
        text(out, d.nl());
        text(out, d.fr());
        text(out, d.de());
    }

    private static Description description(DataInput in) throws IOException {
        return new Description(text(in), text(in), text(in), text(in));
    }

    private static void interventionType(DataOutput out, InterventionType t) throws IOException {
        text(out, t.id());
        nullable(out, t.labels(), VocabularyCodec::labels);
        nullable(out, t.synonyms(), VocabularyCodec::synonyms);
        nullable(out, t.description(), VocabularyCodec::description);
        text(out, t.objective());
        text(out, t.setting());
        texts(out, t.substances());
    }

    private static InterventionType interventionType(DataInput in) throws IOException {
        return new InterventionType(text(in), nullable(in, VocabularyCodec::labels),
                nullable(in, VocabularyCodec::synonyms), nullable(in, VocabularyCodec::description), text(in),
                text(in), texts(in));
    }

    private static void offenceCategory(DataOutput out, OffenceCategory c) throws IOException {
        text(out, c.id());
        text(out, c.statisticsRow());
        nullable(out, c.labels(), VocabularyCodec::labels);
        nullable(out, c.synonyms(), VocabularyCodec::synonyms);
        nullable(out, c.description(), VocabularyCodec::description);
    }

    private static OffenceCategory offenceCategory(DataInput in) throws IOException {
        return new OffenceCategory(text(in), text(in), nullable(in, VocabularyCodec::labels),
                nullable(in, VocabularyCodec::synonyms), nullable(in, VocabularyCodec::description));
    }

    private static void actor(DataOutput out, Actor a) throws IOException {
        text(out, a.id());
        text(out, a.level());
        text(out, a.kind());
    }

    private static Actor actor(DataInput in) throws IOException {
        return new Actor(text(in), text(in), text(in));
    }

    private static void place(DataOutput out, Place p) throws IOException {
        text(out, p.name());
        text(out, p.kind());
        text(out, p.region());
        text(out, p.languageArea());
        text(out, p.province());
        texts(out, p.aliases());
        text(out, p.municipality());
        texts(out, p.postcodes());
        out.writeInt(p.names().size());
        for (var e : new java.util.TreeMap<>(p.names()).entrySet()) {
            text(out, e.getKey());
            text(out, e.getValue());
        }
    }

    private static Place place(DataInput in) throws IOException {
        Place p = new Place(text(in), text(in), text(in), text(in), text(in), texts(in), text(in), texts(in), null);
        int n = in.readInt();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            names.put(text(in), text(in));
        }
        return new Place(p.name(), p.kind(), p.region(), p.languageArea(), p.province(), p.aliases(), p.municipality(),
                p.postcodes(), names);
    }
}
