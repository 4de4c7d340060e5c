package org.policyclassifier.facts;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.io.Located;
import org.policyclassifier.io.LocatedArrayReader;
import org.policyclassifier.io.Json;

/**
 * The reference data of {@code facts/}: levels, objectives, intervention types, offence
 * categories, actors, places. Loaded and cross-checked as a whole so that every problem in
 * every file is reported at once.
 */
public final class Vocabulary {

    /** Language areas the place rules know; a place with another value is a data error. */
    public static final Set<String> LANGUAGE_AREAS = Set.of("nl", "fr", "de", "bilingual", "fr_de");
    public static final Set<String> PLACE_KINDS = Set.of(Place.REGION, Place.PROVINCE, Place.AREA,
            Place.MUNICIPALITY, Place.LOCALITY);

    private static final String LEVELS = "levels.json";
    private static final String OBJECTIVES = "objectives.json";
    private static final String SETTINGS = "settings.json";
    private static final String SUBSTANCES = "substances.json";
    private static final String INTERVENTION_TYPES = "intervention-types.json";
    private static final String OFFENCE_CATEGORIES = "offence-categories.json";
    private static final String ACTORS = "actors.json";
    private static final String PLACES = "places.json";
    private static final String QUESTION_WORDS = "question-words.json";
    /** The lists of {@value #QUESTION_WORDS}: words that ask, name the country, or ask for a figure, a trend or the law. */
    public static final Set<String> QUESTION_WORD_LISTS;
    /**
     * The lists of {@link #QUESTION_WORD_LISTS} that give a question its shape (who, if, since, in): little
     * words read where they stand, never parts of a compound.
     */
    public static final Set<String> SHAPING_WORD_LISTS = Set.of("who", "opening", "comparing", "comparative", "since",
            "particles", "supposing", "located", "across", "locative", "joining", "of_age");

    static {
        Set<String> lists = new java.util.HashSet<>(Set.of("asking", "responsibility", "bodies", "funding", "rules",
                "scope", "figure", "trend", "legal", "permission", "offences", "total", "topic", "abroad", "border",
                "practical", "age", "minor", "form", "contrasting"));
        lists.addAll(SHAPING_WORD_LISTS);
        QUESTION_WORD_LISTS = Set.copyOf(lists);
    }
    /** The files of a facts folder the vocabulary is read from (the folder holds others, e.g. statistics). */
    public static final List<String> FILES = List.of(LEVELS, OBJECTIVES, SETTINGS, SUBSTANCES, INTERVENTION_TYPES,
            OFFENCE_CATEGORIES, ACTORS, PLACES, QUESTION_WORDS, Words.LANGUAGES);

    /**
     * Every file the vocabulary is read from: {@link #FILES}, then the words of each language, by
     * name; an unreadable folder gives only {@link #FILES}.
     */
    public static List<Path> files(Path factsDir) throws IOException {
        List<Path> files = new ArrayList<>(FILES.stream().map(factsDir::resolve).toList());
        try (java.util.stream.Stream<Path> words = java.nio.file.Files.list(factsDir.resolve(Words.FOLDER))) {
            words.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
        }
        return files;
    }

    private final Map<String, Level> levels;
    private final Map<String, Objective> objectives;
    private final Map<String, Term> settings;
    private final Map<String, Term> substances;
    private final Map<String, InterventionType> interventionTypes;
    private final Map<String, OffenceCategory> offenceCategories;
    private final Map<String, Actor> actors;
    private final PlaceIndex places;
    private final Map<String, Term> questionWords;
    private final Words words;

    private Vocabulary(Loaded loaded, Words words) {
        this(values(loaded.levels), values(loaded.objectives), values(loaded.settings), values(loaded.substances),
                values(loaded.interventionTypes), values(loaded.offenceCategories), values(loaded.actors),
                values(loaded.places), values(loaded.questionWords), words);
    }

    /** The entries of checked files (ids unique, references known), each list in the order of its file. */
    Vocabulary(List<Level> levels, List<Objective> objectives, List<Term> settings, List<Term> substances,
            List<InterventionType> interventionTypes, List<OffenceCategory> offenceCategories, List<Actor> actors,
            List<Place> places, List<Term> questionWords, Words words) {
        this.levels = byId(levels, Level::id);
        this.objectives = byId(objectives, Objective::id);
        this.settings = byId(settings, Term::id);
        this.substances = byId(substances, Term::id);
        this.interventionTypes = byId(interventionTypes, InterventionType::id);
        this.offenceCategories = byId(offenceCategories, OffenceCategory::id);
        this.actors = byId(actors, Actor::id);
        this.places = new PlaceIndex(withMunicipalities(places));
        this.questionWords = byId(questionWords, Term::id);
        this.words = words.withPlaceNames(places);
    }

    private static <T> List<T> values(List<Located<T>> located) {
        return located.stream().map(Located::value).toList();
    }

    /** Localities completed with their municipality's region, language area and province. */
    private static List<Place> withMunicipalities(List<Place> places) {
        Map<String, Place> municipalities = new LinkedHashMap<>();
        places.stream().filter(p -> Place.MUNICIPALITY.equals(p.kind())).forEach(p -> municipalities.putIfAbsent(p.name(), p));
        return places.stream().map(p -> p.isLocality() ? p.within(municipalities.get(p.municipality())) : p).toList();
    }

    /** Loads every file of the facts folder; throws with all problems found across all files. */
    public static Vocabulary load(Path factsDir) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        if (!factsDir.toFile().isDirectory()) {
            throw new InvalidInputException(new Problem(factsDir.toString(), 0, "facts folder not found"));
        }
        LocatedArrayReader reader = new LocatedArrayReader(Json.MAPPER, problems);
        Loaded loaded = new Loaded(
                reader.readArray(factsDir.resolve(LEVELS), Level.class),
                reader.readArray(factsDir.resolve(OBJECTIVES), Objective.class),
                reader.readArray(factsDir.resolve(SETTINGS), Term.class),
                reader.readArray(factsDir.resolve(SUBSTANCES), Term.class),
                reader.readArray(factsDir.resolve(INTERVENTION_TYPES), InterventionType.class),
                reader.readArray(factsDir.resolve(OFFENCE_CATEGORIES), OffenceCategory.class),
                reader.readArray(factsDir.resolve(ACTORS), Actor.class),
                reader.readArray(factsDir.resolve(PLACES), Place.class),
                reader.readArray(factsDir.resolve(QUESTION_WORDS), Term.class));
        Words words = Words.load(factsDir, reader, problems);
        // Cross-checks on half-read files would only report the echoes of the read errors.
        if (problems.isEmpty()) {
            new VocabularyCheck(problems).check(loaded, words);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Vocabulary(loaded, words);
    }

    /** Writes the vocabulary as {@link #read} reads it back: for a snapshot of checked facts. */
    public void write(DataOutput out) throws IOException {
        VocabularyCodec.write(this, out);
    }

    /** A vocabulary as {@link #write} wrote it, without reading or checking the files again. */
    public static Vocabulary read(DataInput in) throws IOException {
        return VocabularyCodec.read(in);
    }

    /** Everything read from the files, before it is trusted. */
    record Loaded(List<Located<Level>> levels, List<Located<Objective>> objectives,
            List<Located<Term>> settings, List<Located<Term>> substances,
            List<Located<InterventionType>> interventionTypes,
            List<Located<OffenceCategory>> offenceCategories, List<Located<Actor>> actors,
            List<Located<Place>> places, List<Located<Term>> questionWords) {
    }

    static List<String> placeNames(Place place) {
        List<String> names = new ArrayList<>(1 + place.aliases().size());
        names.add(place.name());
        names.addAll(place.aliases());
        return names;
    }

    private static <T> Map<String, T> byId(List<T> values, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        values.forEach(v -> map.putIfAbsent(id.apply(v), v));
        return map;
    }

    /** The words of every answer, in every language. */
    public Words words() {
        return words;
    }

    public Collection<InterventionType> interventionTypes() {
        return interventionTypes.values();
    }

    /** The lists of question words by id ({@link #QUESTION_WORD_LISTS}), each with its words per language. */
    public Collection<Term> questionWords() {
        return questionWords.values();
    }

    public Collection<OffenceCategory> offenceCategories() {
        return offenceCategories.values();
    }

    public Collection<Level> levels() {
        return levels.values();
    }

    public Collection<Objective> objectives() {
        return objectives.values();
    }

    Collection<Actor> actors() {
        return actors.values();
    }

    /** Every place, in the order of facts/places.json: regions, provinces, then each municipality and its localities. */
    public List<Place> places() {
        return places.places();
    }

    public Optional<InterventionType> interventionType(String id) {
        return Optional.ofNullable(interventionTypes.get(id));
    }

    public Optional<OffenceCategory> offenceCategory(String id) {
        return Optional.ofNullable(offenceCategories.get(id));
    }

    public Optional<Actor> actor(String id) {
        return Optional.ofNullable(actors.get(id));
    }

    public Optional<Level> level(String id) {
        return Optional.ofNullable(levels.get(id));
    }

    public Optional<Objective> objective(String id) {
        return Optional.ofNullable(objectives.get(id));
    }

    /** The settings, with the words a question may use for each. */
    public Collection<Term> settings() {
        return settings.values();
    }

    /** The substances, with the words a question may use for each. */
    public Collection<Term> substances() {
        return substances.values();
    }

    public Set<String> settingIds() {
        return settings.keySet();
    }

    public Set<String> substanceIds() {
        return substances.keySet();
    }

    public Set<String> actorIds() {
        return actors.keySet();
    }

    /**
     * The place a name, alias, postcode or qualified name ({@code "Beveren (Roeselare)"}) names,
     * ignoring case, accents and punctuation; empty when it names no place or several equally
     * (see {@link #findPlace} for which, and why).
     */
    public Optional<Place> place(String name) {
        return Optional.ofNullable(findPlace(name).place());
    }

    /** What a place text names: one place, one chosen among several of that name, several, or none (and the closest). */
    public PlaceMatch findPlace(String text) {
        return places.find(text);
    }

    /** The places whose name is closest to a misspelt text, within {@code edits} edits (see {@link PlaceIndex#within}). */
    public List<Place> placesNear(String text, int edits) {
        return places.within(text, edits);
    }

    /** Every place with this exact name or alias (folded): more than one where places share a name. */
    public List<Place> placesNamed(String name) {
        return places.named(name);
    }

    /** The most words of any place name or alias, folded ({@code "Sint-Pieters-Leeuw"}: 3). */
    public int placeNameWords() {
        return places.mostWords();
    }

    /** The region, province or municipality of this canonical name (as in {@link Place#municipality()}). */
    public Optional<Place> area(String name) {
        return Optional.ofNullable(places.area(name));
    }

    /**
     * Folded names and aliases that start with the folded prefix, in alphabetical order, each with
     * the places it names; at most {@code limit}. For completion ({@code /v1/places?prefix=}).
     */
    public Map<String, List<Place>> placesWithPrefix(String prefix, int limit) {
        return places.withPrefix(prefix, limit);
    }
}
