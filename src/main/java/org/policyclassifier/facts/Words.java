package org.policyclassifier.facts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.io.Json;
import org.policyclassifier.io.Located;
import org.policyclassifier.io.LocatedArrayReader;
import org.policyclassifier.io.TextFiles;

/**
 * The words people read, in every language, keyed by id: what rules conclude (roles, flags, lead
 * reasons, entities, coordinating bodies) and the labels of levels, axes, tiers, actors and the
 * answer's fields. {@code facts/languages.json} lists the languages, the first one the default;
 * {@code facts/words/<language>.json} holds, per section, each id's text, where {@code {name}}
 * marks a parameter filled in when an answer is written. Adding a language is adding its file.
 */
public final class Words {

    static final String LANGUAGES = "languages.json";
    static final String FOLDER = "words";
    /** The sections rule actions name ids of, by the fact that names them. */
    public static final String ROLES = "roles";
    public static final String FLAGS = "flags";
    public static final String REASONS = "reasons";
    public static final String ENTITIES = "entities";
    public static final String BODIES = "bodies";
    public static final String ACTORS = "actors";
    public static final String LEVELS = "levels";
    public static final String AXES = "axes";
    public static final String TIERS = "tiers";
    public static final String REGIONS = "regions";
    public static final String PLACE_KINDS = "place_kinds";
    public static final String TEXT = "text";
    /** Not a section of the files: the names of places in each language, from {@code places.json}. */
    public static final String PLACE_NAMES = "place_names";
    public static final String NOTES = "notes";
    /** Why a question got no answer: the messages of refusals. */
    public static final String REFUSALS = "refusals";

    private static final Pattern PARAMETER = Pattern.compile("\\{([a-z_]+)\\}");

    /** A language of the answers: its code, as {@code --lang} and {@code lang=} take it, and its own name. */
    public record Language(String id, String name) {
    }

    private final List<Language> languages;
    /** Language, then section, then id: the text. */
    private final Map<String, Map<String, Map<String, String>>> texts;

    Words(List<Language> languages, Map<String, Map<String, Map<String, String>>> texts) {
        this.languages = List.copyOf(languages);
        this.texts = texts;
    }

    /**
     * These words with the names of places in each language ({@link Place#names}: Gent in Dutch, Gand
     * in French), keyed by the name the place list gives, in section {@link #PLACE_NAMES}.
     */
    Words withPlaceNames(List<Place> places) {
        Map<String, Map<String, Map<String, String>>> withNames = new java.util.LinkedHashMap<>();
        texts.forEach((language, sections) -> {
            Map<String, Map<String, String>> copy = new java.util.LinkedHashMap<>(sections);
            Map<String, String> names = new java.util.LinkedHashMap<>();
            places.stream().filter(p -> !p.names().isEmpty()).forEach(p -> names.putIfAbsent(p.name(), p.nameIn(language)));
            copy.put(PLACE_NAMES, names);
            withNames.put(language, copy);
        });
        return new Words(languages, withNames);
    }

    /** The name of a place in {@code language}: the place list's name when it has no other. */
    public String placeName(String language, String name) {
        return has(PLACE_NAMES, name) ? text(language, PLACE_NAMES, name) : name;
    }

    /** The languages, the default first. */
    public List<Language> languages() {
        return languages;
    }

    /** The default language: the first of {@code languages.json}, the one rule files are written beside. */
    public String defaultLanguage() {
        return languages.get(0).id();
    }

    public Optional<Language> language(String id) {
        return languages.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /**
     * The language a user names ({@code NL}, {@code " nl "}), as its id; the default one for null;
     * empty when the facts have no such language.
     */
    public Optional<String> languageOf(String given) {
        if (given == null) {
            return Optional.of(defaultLanguage());
        }
        String id = given.strip().toLowerCase(Locale.ROOT);
        return language(id).map(Language::id);
    }

    /** The ids of the languages, for a message: {@code en, nl, fr, de}. */
    public String languageIds() {
        return String.join(", ", languages.stream().map(Language::id).toList());
    }

    /**
     * Whether every language has a text for {@code id} in {@code section}: the default language's
     * word is enough to tell, as the load refuses a language whose ids differ from it.
     */
    public boolean has(String section, String id) {
        return ids(section).contains(id);
    }

    /** The ids of a section, in the default language's order. */
    public Set<String> ids(String section) {
        return texts.get(defaultLanguage()).getOrDefault(section, Map.of()).keySet();
    }

    /**
     * The text of {@code id} in {@code section} and {@code language}, its parameters filled from
     * {@code args} (name, value, name, value...). Throws for an id without wording: the load and
     * {@code rules check} make sure every id a rule names has one.
     */
    public String text(String language, String section, String id, List<String> args) {
        String template = template(language, section, id);
        if (args.isEmpty() || template.indexOf('{') < 0) {
            return template;
        }
        Matcher m = PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 32);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(argument(args, m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    public String text(String language, String section, String id) {
        return text(language, section, id, List.of());
    }

    /**
     * As {@link #text(String, String, String, List)}, cut where parameter {@code cut} goes: the
     * texts before, between and after its places, one text more than the places (one text when the
     * wording does not name it). For a renderer that writes the parameter's value itself.
     */
    public List<String> textAround(String language, String section, String id, List<String> args, String cut) {
        Matcher m = PARAMETER.matcher(template(language, section, id));
        List<String> pieces = new ArrayList<>(2);
        StringBuilder piece = new StringBuilder();
        while (m.find()) {
            boolean at = m.group(1).equals(cut);
            m.appendReplacement(piece, at ? "" : Matcher.quoteReplacement(argument(args, m.group(1))));
            if (at) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
        }
        m.appendTail(piece);
        pieces.add(piece.toString());
        return pieces;
    }

    private String template(String language, String section, String id) {
        String template = texts.getOrDefault(language, Map.of()).getOrDefault(section, Map.of()).get(id);
        if (template == null) {
            throw new IllegalArgumentException("no wording for " + section + " '" + id + "' in language " + language);
        }
        return template;
    }

    private static String argument(List<String> args, String name) {
        for (int i = 0; i + 1 < args.size(); i += 2) {
            if (args.get(i).equals(name)) {
                return String.valueOf(args.get(i + 1));
            }
        }
        return "{" + name + "}";
    }

    /** The parameters a template names. */
    static Set<String> parameters(String template) {
        Set<String> names = new TreeSet<>();
        Matcher m = PARAMETER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * Reads the languages and each one's words; adds to {@code problems} a missing or unreadable
     * file, and every id, section or parameter one language has and another lacks, at its line.
     */
    static Words load(Path factsDir, LocatedArrayReader reader, List<Problem> problems) {
        List<Located<Language>> listed = reader.readArray(factsDir.resolve(LANGUAGES), Language.class);
        List<Language> languages = listed.stream().map(Located::value).toList();
        if (languages.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(factsDir.resolve(LANGUAGES).toString(), 1, "no language listed"));
        }
        Map<String, Map<String, Map<String, String>>> texts = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> lines = new LinkedHashMap<>();
        for (Language language : languages) {
            Path file = factsDir.resolve(FOLDER).resolve(language.id() + ".json");
            Map<String, Integer> at = new LinkedHashMap<>();
            texts.put(language.id(), read(file, at, problems));
            lines.put(language.id(), at);
        }
        if (problems.isEmpty() && !languages.isEmpty()) {
            compare(factsDir, languages, texts, lines, problems);
        }
        return new Words(languages, texts);
    }

    /** Every language against the default one: the same sections, ids and parameters. */
    private static void compare(Path factsDir, List<Language> languages, Map<String, Map<String, Map<String, String>>> texts,
            Map<String, Map<String, Integer>> lines, List<Problem> problems) {
        String first = languages.get(0).id();
        Map<String, Map<String, String>> reference = texts.get(first);
        for (Language language : languages.subList(1, languages.size())) {
            String file = factsDir.resolve(FOLDER).resolve(language.id() + ".json").toString();
            Map<String, Map<String, String>> other = texts.get(language.id());
            Set<String> sections = new LinkedHashSet<>(reference.keySet());
            sections.addAll(other.keySet());
            for (String section : sections) {
                Map<String, String> want = reference.getOrDefault(section, Map.of());
                Map<String, String> have = other.getOrDefault(section, Map.of());
                for (String id : want.keySet()) {
                    if (!have.containsKey(id)) {
                        problems.add(new Problem(file, 0, section + " '" + id + "' has no " + language.name()
                                + " wording; " + first + ": \"" + want.get(id) + "\""));
                    } else if (!parameters(want.get(id)).equals(parameters(have.get(id)))) {
                        problems.add(new Problem(file, lines.get(language.id()).getOrDefault(section + "." + id, 0),
                                section + " '" + id + "' has parameters " + parameters(have.get(id)) + "; the " + first
                                        + " wording has " + parameters(want.get(id))));
                    }
                }
                for (String id : have.keySet()) {
                    if (!want.containsKey(id)) {
                        problems.add(new Problem(file, lines.get(language.id()).getOrDefault(section + "." + id, 0),
                                section + " '" + id + "' is not in the " + first + " wording; a typo?"));
                    }
                }
            }
        }
    }

    /** A words file: an object of sections, each an object of id to text. Records each key's line in {@code lines}. */
    private static Map<String, Map<String, String>> read(Path path, Map<String, Integer> lines, List<Problem> problems) {
        String file = path.toString();
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        try (JsonParser p = Json.MAPPER.createParser(TextFiles.read(path))) {
            expect(p, JsonToken.START_OBJECT, "an object of sections, e.g. {\"roles\": {...}}");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String section = p.currentName();
                Map<String, String> ids = new LinkedHashMap<>();
                sections.put(section, ids);
                expect(p, JsonToken.START_OBJECT, "an object of ids and texts in section '" + section + "'");
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String id = p.currentName();
                    lines.put(section + "." + id, p.currentTokenLocation().getLineNr());
                    if (p.nextToken() != JsonToken.VALUE_STRING || p.getText().isBlank()) {
                        throw new Malformed(p.currentTokenLocation().getLineNr(), section + " '" + id + "': expected a text");
                    }
                    ids.put(id, p.getText());
                }
            }
        } catch (NoSuchFileException e) {
            problems.add(new Problem(file, 0, "file not found: every language of " + LANGUAGES + " needs its words"));
        } catch (Malformed e) {
            problems.add(new Problem(file, e.line, e.getMessage()));
        } catch (JsonProcessingException e) {
            problems.add(new Problem(file, Json.line(e), Json.describe(e)));
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "cannot read: " + e.getMessage()));
        }
        return sections;
    }

    private static void expect(JsonParser p, JsonToken token, String what) throws IOException {
        if (p.nextToken() != token) {
            throw new Malformed(p.currentTokenLocation().getLineNr(), "expected " + what);
        }
    }

    /** A words file that is JSON but not of the expected shape, at its line. */
    private static final class Malformed extends IOException {
        final int line;

        Malformed(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(languages.size());
        for (Language l : languages) {
            out.writeUTF(l.id());
            out.writeUTF(l.name());
            Map<String, Map<String, String>> sections = texts.get(l.id());
            out.writeInt(sections.size());
            for (Map.Entry<String, Map<String, String>> s : sections.entrySet()) {
                out.writeUTF(s.getKey());
                out.writeInt(s.getValue().size());
                for (Map.Entry<String, String> e : s.getValue().entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeUTF(e.getValue());
                }
            }
        }
    }

    static Words read(DataInput in) throws IOException {
        int n = in.readInt();
        List<Language> languages = new ArrayList<>(n);
        Map<String, Map<String, Map<String, String>>> texts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Language l = new Language(in.readUTF(), in.readUTF());
            languages.add(l);
            int sections = in.readInt();
            Map<String, Map<String, String>> bySection = new LinkedHashMap<>();
            for (int s = 0; s < sections; s++) {
                String section = in.readUTF();
                int ids = in.readInt();
                Map<String, String> byId = new LinkedHashMap<>();
                for (int j = 0; j < ids; j++) {
                    byId.put(in.readUTF(), in.readUTF());
                }
                bySection.put(section, byId);
            }
            texts.put(l.id(), bySection);
        }
        return new Words(languages, texts);
    }
}
