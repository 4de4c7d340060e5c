package org.policyclassifier.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.policyclassifier.facts.Place;
import org.policyclassifier.facts.PlaceMatch;
import org.policyclassifier.facts.Term;
import org.policyclassifier.facts.Text;
import org.policyclassifier.facts.Vocabulary;
import org.policyclassifier.query.VocabularyIndex.ContextTerm;
import org.policyclassifier.query.VocabularyIndex.Entry;
import org.policyclassifier.query.VocabularyIndex.IndexedTerm;

/**
 * Reads one question: which entry it names, how sure that is, and which words name a place, a
 * setting or a substance.
 *
 * <p>Scoring, our own over Lucene's tokens (small enough to explain in a line of output): each word
 * of the question that an entry accounts for adds its stem's {@link VocabularyIndex#idf weight},
 * in full when the word completes one of the entry's labels or synonyms (every stem of it is in the
 * question), half when it is only part of one, a third when it is only in the description; a
 * misspelt word read as a vocabulary word counts 0.8 of that, a substance word that is only part of a
 * term half again; an entry with a complete term gets 1
 * more per stem of its longest complete term. Each entry is scored in each language and keeps its best.
 *
 * <p>The decision rule: when the runner-up scores within {@value #MARGIN} times of the best, and
 * accounts for a word the best does not, the question is ambiguous and the tool asks (unless the
 * entries answer alike); else the best entry is the answer only when (1) something in the question
 * names it (a complete term, an acronym, or a word that is neither a substance, a place nor a word most
 * entries share: "cannabis" alone names no intervention); and (2) every informative word of the
 * question is accounted for, or else the {@link ReadingModel}, fitted on labelled questions, finds the
 * evidence for it enough: how much of the question's informative words
 * (not stop words, not "please" or "who is responsible") it, the place, the setting and the substances
 * account for, its lead over the runner-up, its score, and the rest of {@link ReadingModel.Evidence}
 * ("trade fair" is not about the trade offence). Otherwise the question is refused with the ranked
 * candidates.
 */
final class Reader {

    static final double MARGIN = 1.5;
    /** The margin over the runner-up the evidence counts up to: ten times its score is as clear as more. */
    private static final double MAX_MARGIN = Math.log(10);
    private static final double PARTIAL = 0.5;
    private static final double DESCRIPTION = 0.35;
    private static final double MISSPELT = 0.8;
    private static final double COMPLETE_TERM_BONUS = 1.0;
    private static final int MIN_FUZZY_LENGTH = 6;
    private static final int MAX_ENDING = 3;
    private static final int MAX_CANDIDATES = 6;
    private static final int MAX_PLACE_WORDS = 6;
    private static final int MAX_CORRECTIONS = 8;
    private static final java.util.regex.Pattern POSTCODE = java.util.regex.Pattern.compile("[1-9][0-9]{3}");
    /** A French elided article before a place: "d'Anvers", "l'Ardenne". */
    private static final java.util.regex.Pattern ELIDED = java.util.regex.Pattern.compile("^(?i)(l|d|qu|jusqu)['’]");

    private final Vocabulary vocabulary;
    private final VocabularyIndex index;
    private final Analysis analysis;
    private final int longestPlaceName;
    private final QuestionWords questionWords;
    /** What a person's age under 18 is read as: "minor" in each language. */
    private final List<Reading> minor = new ArrayList<>();
    private static final ReadingModel MODEL = ReadingModel.bundled();

    Reader(Vocabulary vocabulary, Analysis analysis) {
        this(vocabulary, analysis, new HashMap<>());
    }

    /** {@code analysed}: the analysis of the vocabulary's texts as a snapshot holds it (see {@link VocabularyIndex}). */
    Reader(Vocabulary vocabulary, Analysis analysis, Map<String, List<String>> analysed) {
        this.vocabulary = vocabulary;
        this.analysis = analysis;
        this.index = new VocabularyIndex(vocabulary, analysis, analysed);
        this.longestPlaceName = Math.min(MAX_PLACE_WORDS, Math.max(1, vocabulary.placeNameWords()));
        this.questionWords = new QuestionWords(vocabulary, index);
        for (Term list : vocabulary.questionWords()) {
            if (list.id().equals(QuestionWords.MINOR)) {
                Stream.of(Language.values()).forEach(l -> minor.addAll(readingsOf(l, l.of(list.synonyms()), false)));
            }
        }
    }

    /** A word of the question: as typed, folded, its stem per language (null where a stop word). */
    record QuestionWord(int position, String surface, String folded, Map<Language, String> stems, boolean stop,
            int start, int end) {
        String stem(Language l) {
            return stems.get(l);
        }
    }

    static List<QuestionWord> words(Analysis analysis, String text) {
        List<Analysis.Word> words = analysis.words(text);
        Map<Language, Map<Integer, String>> stemAt = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            Map<Integer, String> at = new HashMap<>();
            analysis.analyse(l, text).forEach(t -> at.put(t.start(), t.stem()));
            stemAt.put(l, at);
        }
        List<QuestionWord> out = new ArrayList<>(words.size());
        for (Analysis.Word w : words) {
            Map<Language, String> stems = new EnumMap<>(Language.class);
            boolean stop = false;
            // A short word in capitals ("EU", "UN") names something, though the French stop words hold "eu".
            boolean capitals = w.surface().length() >= 2 && w.surface().length() <= 4
                    && w.surface().chars().allMatch(Character::isUpperCase);
            for (Language l : Language.values()) {
                String stem = capitals ? Text.fold(w.surface()) : stemAt.get(l).get(w.start());
                stop |= stem == null;
                stems.put(l, stem);
            }
            out.add(new QuestionWord(out.size(), w.surface(), Text.fold(w.surface()), stems, stop, w.start(), w.end()));
        }
        return out;
    }

    /** How a question word was matched: to which stem in a language, and whether by a correction. */
    private record Reading(Language language, String stem, boolean corrected) {
    }

    /** An entry's score in one language and the question words it accounts for. */
    record Scored(Entry entry, Language language, double score, String term, Set<Integer> words, boolean named,
            int completeTerm) {
    }

    /**
     * What the question was read as. {@code kind}: what it asks for (who is responsible, a figure, a
     * trend, the law), from its words; {@code years}: the years it names; {@code offences}: whether it
     * speaks of offences in general ("drugsdelicten"); {@code since}: whether a year is the start it
     * counts from ("since 2015"); {@code drugWords}: whether it uses a word most
     * entries share ("drugs", "drogue"); {@code unexplained}: the words held against the answer;
     * {@code asked}: the list of question words asking who pays or who makes the rules, or null;
     * {@code abroad}, {@code abroadIn}: another country it names (unless it names Belgium too: "legal in
     * Belgium? In Germany it is now" compares), and one it places itself in (or names with neither
     * Belgium, a Belgian place nor a border), or null;
     * {@code practical}: it asks a service's practical details (opening hours, a price), and not who.
     */
    record Result(Outcome outcome, List<QuestionWord> words, List<Scored> ranked, List<Integer> ignored, Map<Integer, String> corrections, Place place, String placeWords,
            List<String> otherPlaces, List<String> ambiguousPlaces, String setting, List<String> otherSettings, List<String> substances,
            double coverage, QuestionWords.Kind kind, List<Integer> years, boolean offences, boolean drugWords,
            boolean asksWho, boolean total, List<Integer> unexplained, boolean asksLegal, boolean understood,
            boolean since, String asked, ReadingModel.Evidence evidence, String abroad, String abroadIn,
            Language language, boolean practical, int placeAt, boolean namesBelgium, boolean asksWhoAfterPlace) {

        Scored best() {
            return ranked.isEmpty() ? null : ranked.get(0);
        }

        Scored runnerUp() {
            return ranked.size() < 2 ? null : ranked.get(1);
        }
    }

    enum Outcome { ANSWERED, NO_MATCH, AMBIGUOUS, PARTLY_UNDERSTOOD }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The analysis of the vocabulary's texts, for a snapshot. */
    Map<String, List<String>> analysed() {
        return index.analysed();
    }

    Result read(String text) {
        return read(text, false);
    }

    /**
     * {@code answerBest}: read as if the model answered whenever an entry is named (to label questions
     * for {@link ReadingModel#fit}); else as the tool reads.
     */
    Result read(String text, boolean answerBest) {
        List<QuestionWord> words = words(analysis, text);
        QuestionWords.Roles roles = questionWords.roles(text, words);
        Set<Integer> placeWords = new HashSet<>();
        List<String> ambiguousPlaces = new ArrayList<>();
        List<FoundPlace> places = findPlaces(text, words, placeWords, ambiguousPlaces, roles);
        placePhrase(text, words, placeWords);
        Map<Integer, List<Reading>> readings = new LinkedHashMap<>();
        Map<Integer, String> corrections = new LinkedHashMap<>();
        for (QuestionWord w : words) {
            if (!w.stop() && !placeWords.contains(w.position()) && !roles.asking(w.position())
                    && !roles.year(w.position()) && index.acronym(w.surface()).isEmpty()) {
                List<Reading> read = read(w, corrections, roles.cue(w.position()), roles.person(w.position()),
                        roles.language());
                // An asking word that is also a word of a term is read in its own languages: the English
                // "have" of "having drugs on you" is no Dutch "haven" (port).
                Set<Language> listing = questionWords.languagesListing(w.folded());
                readings.put(w.position(), listing.isEmpty() ? read
                        : read.stream().filter(r -> listing.contains(r.language())).toList());
            }
        }
        readSeparableVerbs(text, words, roles, readings);
        Set<Integer> ageWords = readAges(words, readings);
        readSharedHeads(text, words, readings);
        if (places.isEmpty()) {
            misspeltPlace(words, readings, roles, corrections).ifPresent(found -> {
                places.add(found);
                placeWords.add(found.position());
                placePhrase(text, words, placeWords).forEach(readings::remove);
                readings.remove(found.position());
            });
        }
        // Settings and substances: a word for one, complete (every stem of it in the question).
        Set<Integer> contextWords = new HashSet<>();
        Set<Integer> substanceWords = new HashSet<>();
        Map<String, Set<Integer>> settings = new LinkedHashMap<>();
        Set<Integer> settingWords = new HashSet<>();
        Map<String, Set<Integer>> substances = new LinkedHashMap<>();
        Map<Integer, List<Reading>> withParts = withCompoundParts(words, readings);
        for (Map.Entry<Integer, List<Reading>> e : withParts.entrySet()) {
            for (Reading r : e.getValue()) {
                for (ContextTerm c : index.context(r.language(), r.stem())) {
                    Set<Integer> at = positions(c.stems(), c.language(), withParts);
                    if (at != null) {
                        contextWords.addAll(at);
                        if (c.kind().equals("setting")) {
                            settings.computeIfAbsent(c.id(), k -> new LinkedHashSet<>()).addAll(at);
                            // Words for the setting itself, not a compound that holds one ("straatdealers").
                            at.stream().filter(p -> withParts.get(p) == readings.get(p)).forEach(settingWords::add);
                        } else {
                            substances.computeIfAbsent(c.id(), k -> new LinkedHashSet<>()).addAll(at);
                            // Named with a compound that holds it ("synthetische drugslabo's"), the words name
                            // the compound's thing, not the substance alone.
                            if (at.stream().allMatch(p -> withParts.get(p) == readings.get(p))) {
                                substanceWords.addAll(at);
                            }
                        }
                    }
                }
            }
        }
        // A word that asks for a figure, a trend or the law ("offences", "legal") does not name an entry by itself.
        Set<Integer> cueWords = new HashSet<>();
        readings.keySet().stream().filter(roles::cue).forEach(cueWords::add);
        boolean topic = !substances.isEmpty() || words.stream().anyMatch(w -> !w.stop() && index.holdsGeneric(w.folded()));
        List<Scored> ranked = namedSubstanceFirst(withContext(score(words, readings, substanceWords, cueWords), settings,
                substances, topic ? Set.of() : settingWords), substances.keySet());
        Set<Integer> informative = new LinkedHashSet<>();
        List<Integer> asking = new ArrayList<>();
        for (QuestionWord w : words) {
            if (roles.asking(w.position()) && !placeWords.contains(w.position())) {
                asking.add(w.position());
            } else if (!w.stop() || placeWords.contains(w.position())) {
                informative.add(w.position());
            }
        }
        Set<Integer> explained = new LinkedHashSet<>(placeWords);
        explained.addAll(contextWords);
        if (!ranked.isEmpty()) {
            explained.addAll(ranked.get(0).words());
            // "15 ans": the words giving the age go with the number read as a minor.
            ranked.get(0).words().stream().filter(p -> ageWords.contains(p + 1)).forEach(p -> {
                for (int q = p + 1; ageWords.contains(q); q++) {
                    explained.add(q);
                }
            });
        }
        explained.retainAll(informative);
        // "drugs", "drogue": a word most entries share is the topic of every question, not held
        // against an answer that does not use it (it still shows among the ignored words); nor are
        // the words that ask for a figure, a trend or the law, nor years.
        Set<Integer> topicWords = new HashSet<>();
        readings.forEach((p, r) -> {
            if (generic(r)) {
                topicWords.add(p);
            }
        });
        Set<Integer> counted = new LinkedHashSet<>(informative);
        counted.removeIf(p -> !explained.contains(p) && (generic(readings.get(p)) || roles.cue(p) || roles.year(p)));
        List<Integer> ignored = new ArrayList<>();
        for (QuestionWord w : words) {
            if (asking.contains(w.position()) || informative.contains(w.position()) && !explained.contains(w.position())) {
                ignored.add(w.position());
            }
        }
        double coverage = counted.isEmpty() ? 0 : (double) explained.size() / counted.size();
        List<Integer> unexplained = counted.stream().filter(p -> !explained.contains(p)).toList();
        // The offence table's categories go by everyday words ("trade", "handel", "production"): one of them
        // alone, in a question that speaks of no drugs, asks neither the table nor the law and leaves a word
        // unexplained, is not understood ("trade fair", "handelsbeurs"), whatever the model says.
        boolean everydayName = !topic && !unexplained.isEmpty() && !ranked.isEmpty() && roles.years().isEmpty()
                && ranked.get(0).entry().kind().equals("offence") && ranked.get(0).words().size() == 1
                && roles.kind(ranked.get(0).words()) == QuestionWords.Kind.RESPONSIBILITY;
        ReadingModel.Evidence evidence = ranked.isEmpty() ? null
                : evidence(ranked, coverage, unexplained.size(), counted.size(), settings, substances, corrections,
                        topic, !places.isEmpty(), topicWords);
        // Understood: the best entry would be the answer but for a runner-up as good (the answer then
        // stands when they answer alike): every word is accounted for, or the model finds the evidence enough.
        boolean understood = evidence != null && ranked.get(0).named() && !everydayName
                && (decidedWithoutModel(evidence) || MODEL.answers(evidence));
        Outcome outcome = decide(ranked, understood, answerBest && !everydayName, topicWords, substances.keySet());
        Place place = places.isEmpty() ? null : places.get(0).place();
        String placeText = place == null ? null : places.get(0).words();
        List<String> otherPlaces = places.stream().skip(1).map(FoundPlace::words).toList();
        List<String> placeNotes = new ArrayList<>(ambiguousPlaces);
        List<String> settingIds = List.copyOf(settings.keySet());
        return new Result(outcome, words, ranked, ignored, corrections, place, placeText, otherPlaces, placeNotes,
                settingIds.isEmpty() ? null : settingIds.get(0), settingIds.stream().skip(1).toList(),
                substances.isEmpty() ? null : List.copyOf(substances.keySet()), coverage,
                roles.kind(outcome == Outcome.ANSWERED ? ranked.get(0).words() : Set.of()), roles.years(),
                roles.offences(), readings.values().stream().anyMatch(this::generic), roles.asksWho(), roles.total(),
                unexplained, roles.asksLegal(outcome == Outcome.ANSWERED ? ranked.get(0).words() : Set.of()),
                understood, roles.since(), roles.asked(), evidence, roles.namesBelgium() ? null : roles.abroad(),
                roles.abroadIn() != null || !places.isEmpty() ? roles.abroadIn() : roles.abroadOnly(), roles.language(),
                roles.asksPractical() && !roles.asksWho(),
                place == null ? -1 : places.get(0).position(), roles.namesBelgium(),
                place != null && roles.asksWhoAfter(Math.max(places.get(0).position(), lastSentence(text, words) - 1)));
    }

    /** The evidence for the best entry, as {@link ReadingModel} weighs it. */
    private ReadingModel.Evidence evidence(List<Scored> ranked, double coverage, int unexplained, int counted,
            Map<String, Set<Integer>> settings, Map<String, Set<Integer>> substances, Map<Integer, String> corrections,
            boolean topic, boolean place, Set<Integer> topicWords) {
        Scored best = ranked.get(0);
        Scored runnerUp = ranked.size() > 1 ? ranked.get(1) : null;
        double margin = runnerUp == null || runnerUp.score() <= 0 ? MAX_MARGIN
                : Math.min(MAX_MARGIN, Math.log(best.score() / runnerUp.score()));
        double oneWord = index.rarestWeight() + COMPLETE_TERM_BONUS;
        boolean context = settings.containsKey(best.entry().setting())
                || best.entry().substances().stream().anyMatch(substances::containsKey);
        boolean corrected = best.words().stream().anyMatch(corrections::containsKey);
        return new ReadingModel.Evidence(coverage, margin, runnerUp != null && subsumes(best, runnerUp, topicWords),
                Math.log(best.score() / oneWord), unexplained, counted, context, corrected, best.completeTerm(), topic,
                place);
    }

    /**
     * A place in a word nothing else reads: a lower-case name that is also a word of the question's
     * language ("spuitenruil gent", where "gent" is also a gander), or a misspelt name ("spuitenruil
     * antwerpn": six letters or more, no dictionary knows it, one edit from exactly one place name,
     * two from eight letters).
     */
    private Optional<FoundPlace> misspeltPlace(List<QuestionWord> words, Map<Integer, List<Reading>> readings,
            QuestionWords.Roles roles, Map<Integer, String> corrections) {
        for (QuestionWord w : words) {
            List<Reading> read = readings.get(w.position());
            if (read == null || !read.isEmpty() || roles.cue(w.position()) || w.folded().length() < 3) {
                continue;
            }
            PlaceMatch match = namedPlace(w.surface());
            if (match != null && (match.status() == PlaceMatch.Status.FOUND
                    || match.status() == PlaceMatch.Status.CHOSEN)) {
                return Optional.of(new FoundPlace(match.place(), w.surface(), w.position()));
            }
        }
        for (QuestionWord w : words) {
            List<Reading> read = readings.get(w.position());
            if (read == null || !read.isEmpty() || roles.cue(w.position()) || w.folded().length() < MIN_FUZZY_LENGTH
                    || !w.folded().chars().allMatch(Character::isLetter) || Dictionary.knows(w.folded())) {
                continue;
            }
            List<Place> near = vocabulary.placesNear(w.surface(), w.folded().length() >= 8 ? 2 : 1);
            if (near.size() == 1) {
                corrections.put(w.position(), w.surface() + " → " + near.get(0).name());
                return Optional.of(new FoundPlace(near.get(0), w.surface(), w.position()));
            }
        }
        return Optional.empty();
    }

    /**
     * What a text names as a place, when it is a postcode or a place's exact name; else null. An exact
     * name first: the full look-up of an unknown text also seeks its closest names, far too dear for
     * every word and run of words of every question.
     */
    private PlaceMatch namedPlace(String text) {
        return POSTCODE.matcher(text).matches() || !vocabulary.placesNamed(text).isEmpty()
                ? vocabulary.findPlace(text) : null;
    }

    /**
     * The readings, and for a Dutch or German compound the vocabulary knows whole, its parts too,
     * for telling the setting and substances: "synthetische Drogenlabore" names synthetic drugs, as
     * "synthetische Drogen" does.
     */
    private Map<Integer, List<Reading>> withCompoundParts(List<QuestionWord> words, Map<Integer, List<Reading>> readings) {
        Map<Integer, List<Reading>> out = null;
        for (Map.Entry<Integer, List<Reading>> e : readings.entrySet()) {
            String folded = words.get(e.getKey()).folded();
            if (e.getValue().isEmpty() || folded.length() < MIN_COMPOUND) {
                continue;
            }
            List<Reading> added = new ArrayList<>(e.getValue());
            for (Language l : VocabularyIndex.COMPOUNDING) {
                if (e.getValue().stream().noneMatch(r -> r.language() == l)) {
                    continue;
                }
                List<String> parts = index.everyCompoundPart(l, folded);
                if (!coversMost(folded, parts)) {
                    continue;
                }
                for (String part : parts) {
                    for (String stem : analysis.stems(l, part)) {
                        if (index.knows(l, stem) && added.stream().noneMatch(r -> r.language() == l && r.stem().equals(stem))) {
                            added.add(new Reading(l, stem, false));
                        }
                    }
                }
            }
            if (added.size() > e.getValue().size()) {
                if (out == null) {
                    out = new LinkedHashMap<>(readings);
                }
                out.put(e.getKey(), added);
            }
        }
        return out == null ? readings : out;
    }

    /** The shortest Dutch or German word read as a compound of two vocabulary words for the context. */
    private static final int MIN_COMPOUND = 8;

    /**
     * The setting and substances the question names are evidence: an entry that belongs to the
     * setting ("the detox unit of the hospital") or concerns the substance accounts for those words
     * too, and earns their weight, as a word of its terms would. {@code settingOnly}: words for a setting
     * in a question that speaks of no drugs; those alone name no entry unless they are one of its terms
     * whole ("park my car near the park" is not "dealers in the park"; "the darknet" is the darknet).
     */
    private List<Scored> withContext(List<Scored> ranked, Map<String, Set<Integer>> settings,
            Map<String, Set<Integer>> substances, Set<Integer> settingOnly) {
        if (settings.isEmpty() && substances.isEmpty()) {
            return ranked;
        }
        List<Scored> out = new ArrayList<>(ranked.size());
        for (Scored s : ranked) {
            Set<Integer> words = new LinkedHashSet<>(s.words());
            double score = s.score();
            boolean named = s.named() && (s.completeTerm() > 0 || !settingOnly.containsAll(words));
            Set<Integer> setting = settings.get(s.entry().setting());
            boolean ofTheSetting = setting != null && settings.keySet().iterator().next().equals(s.entry().setting());
            if (ofTheSetting && !words.containsAll(setting)) {
                score += index.contextWeight("setting", s.entry().setting());
                words.addAll(setting);
            }
            for (String substance : s.entry().substances()) {
                Set<Integer> at = substances.get(substance);
                if (at != null && !words.containsAll(at)) {
                    score += index.contextWeight("substance", substance) * PARTIAL;
                    words.addAll(at);
                }
            }
            // The entry of the setting that also accounts for another word (or its substance) is named
            // by them together: "drug treatment for inmates" is the prison programme, "ecstasy at festivals"
            // the risk information for recreational users.
            named |= ofTheSetting && !setting.containsAll(words);
            out.add(new Scored(s.entry(), s.language(), score, s.term(), Set.copyOf(words), named, s.completeTerm()));
        }
        out.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(x -> x.entry().order()));
        // An entry of the setting that accounts for every word the best one does, and the setting besides,
        // is the better reading however strong the best one's own term: "risk reduction at a party" is the
        // risk information for partygoers, "dealing drugs at the station" street dealing.
        String found = settings.isEmpty() ? null : settings.keySet().iterator().next();
        Scored best = out.isEmpty() ? null : out.get(0);
        if (found != null && best != null && !found.equals(best.entry().setting())) {
            for (int i = 1; i < out.size(); i++) {
                Scored s = out.get(i);
                if (found.equals(s.entry().setting()) && subsumes(s, best, Set.of())) {
                    out.remove(i);
                    out.add(0, new Scored(s.entry(), s.language(), best.score() + index.contextWeight("setting", found),
                            s.term(), s.words(), s.named(), s.completeTerm()));
                    break;
                }
            }
        }
        return out;
    }

    private boolean generic(List<Reading> readings) {
        return readings != null && !readings.isEmpty()
                && readings.stream().allMatch(r -> index.generic(r.language(), r.stem()));
    }

    /**
     * Ambiguous when the runner-up scores within the margin and accounts for a word the best does not:
     * the tool asks rather than guess between them. Else answered when something names the best entry
     * and every word is accounted for, or the model finds the evidence for it enough; else not (fully)
     * understood. A runner-up about another substance than the one the question names does not make
     * it ambiguous when the best is about that one ("Schnaps" in a pub: alcohol sales, not the smoking ban).
     */
    private static Outcome decide(List<Scored> ranked, boolean understood, boolean answerBest, Set<Integer> topicWords,
            Set<String> substancesNamed) {
        if (ranked.isEmpty()) {
            return Outcome.NO_MATCH;
        }
        boolean named = ranked.get(0).named();
        if (named && answerBest) {
            return Outcome.ANSWERED;
        }
        if (ranked.size() > 1 && ranked.get(0).score() < MARGIN * ranked.get(1).score()
                && !subsumes(ranked.get(0), ranked.get(1), topicWords)
                && !ofTheNamedSubstanceOnly(ranked.get(0), ranked.get(1), substancesNamed)) {
            return Outcome.AMBIGUOUS;
        }
        if (!named) {
            return Outcome.NO_MATCH;
        }
        return understood ? Outcome.ANSWERED : Outcome.PARTLY_UNDERSTOOD;
    }

    /**
     * Of the entries within the margin of the best, one about a substance the question names comes
     * before a best only about others: "jenever verkopen in mijn café" is alcohol sales, not the
     * smoking ban in cafés.
     */
    private static List<Scored> namedSubstanceFirst(List<Scored> ranked, Set<String> named) {
        List<String> ofBest = ranked.isEmpty() ? List.of() : ranked.get(0).entry().substances();
        if (named.isEmpty() || ofBest.isEmpty() || ofBest.stream().anyMatch(named::contains)) {
            return ranked;
        }
        for (int i = 1; i < ranked.size() && ranked.get(i).score() * MARGIN > ranked.get(0).score(); i++) {
            if (ranked.get(i).entry().substances().stream().anyMatch(named::contains)) {
                List<Scored> out = new ArrayList<>(ranked);
                out.add(0, out.remove(i));
                return out;
            }
        }
        return ranked;
    }

    /** True when the best is about a substance the question names and the runner-up only about others. */
    private static boolean ofTheNamedSubstanceOnly(Scored best, Scored runnerUp, Set<String> named) {
        List<String> other = runnerUp.entry().substances();
        return best.entry().substances().stream().anyMatch(named::contains) && !other.isEmpty()
                && other.stream().noneMatch(named::contains);
    }

    /**
     * True when every informative word of the question is accounted for: nothing is left to doubt,
     * and a named entry clear of its runner-up is the answer without the model ("ecstasy at festivals").
     */
    static boolean decidedWithoutModel(ReadingModel.Evidence evidence) {
        return evidence.coverage() >= 1;
    }

    /**
     * True when the best accounts for every word the runner-up does, and more: "jeu pathologique" (the
     * helpline) adds nothing to "prévention du jeu pathologique" (prevention). A topic word ("drugs",
     * "Drogen"), which most entries share, does not set the runner-up apart, nor does it alone make the best.
     */
    private static boolean subsumes(Scored best, Scored runnerUp, Set<Integer> topicWords) {
        Set<Integer> own = new HashSet<>(runnerUp.words());
        own.removeAll(topicWords);
        return !topicWords.containsAll(best.words()) && best.words().size() > own.size()
                && best.words().containsAll(own);
    }

    /**
     * Candidates worth showing when refusing: those within the margin of the best, or the top few;
     * then the entries whose usual substances the question names ("gokken": the gambling helpline).
     */
    List<Scored> candidates(Result r) {
        List<Scored> out = new ArrayList<>();
        if (r.outcome() == Outcome.AMBIGUOUS) {
            double floor = r.best().score() / MARGIN;
            r.ranked().stream().filter(s -> s.score() >= floor).limit(MAX_CANDIDATES).forEach(out::add);
        } else {
            r.ranked().stream().limit(MAX_CANDIDATES).forEach(out::add);
        }
        if (r.substances() != null && r.outcome() == Outcome.NO_MATCH) {
            for (Entry e : index.entries()) {
                boolean listed = out.stream().anyMatch(s -> s.entry().equals(e));
                if (!listed && out.size() < MAX_CANDIDATES && e.substances().stream().anyMatch(r.substances()::contains)) {
                    out.add(new Scored(e, Language.en, 0, e.label(), Set.of(), false, 0));
                }
            }
        }
        return out;
    }

    /**
     * A Dutch or German separable verb split around its clause, read as the whole verb where the
     * vocabulary knows it: "wie stemt het drugbeleid af?" is afstemmen, "wer baut Cannabis an?" anbauen.
     * The verb is the nearest word before the particle that makes such a verb, the particle first, as
     * written or as a Dutch infinitive ("stemt" → "stemmen"); both words are read as it.
     */
    private void readSeparableVerbs(String text, List<QuestionWord> words, QuestionWords.Roles roles,
            Map<Integer, List<Reading>> readings) {
        questionWords.particleClauses(text, words, roles).forEach((particle, before) -> {
            for (int v : before) {
                if (words.get(v).stop()) {
                    continue; // "op een zolder": a preposition before an article makes no verb ("opeen")
                }
                List<Reading> whole = wholeVerb(words.get(particle).folded(), words.get(v).folded());
                if (!whole.isEmpty()) {
                    readings.put(v, whole);
                    readings.put(particle, whole);
                    return;
                }
            }
        });
    }

    /** The readings of particle and verb as one verb the vocabulary knows, in Dutch or German; empty for none. */
    private List<Reading> wholeVerb(String particle, String verb) {
        List<String> forms = new ArrayList<>(List.of(particle + verb));
        if (verb.length() > 3 && verb.endsWith("t")) {
            String root = verb.substring(0, verb.length() - 1);
            forms.add(particle + root + root.charAt(root.length() - 1) + "en"); // stemt → stemmen
            forms.add(particle + root + "en"); // werkt → werken
        }
        List<Reading> out = new ArrayList<>();
        for (Language l : VocabularyIndex.COMPOUNDING) {
            for (String form : forms) {
                List<String> stems = analysis.stems(l, form);
                if (stems.size() == 1 && !index.terms(l, stems.get(0)).isEmpty()) {
                    out.add(new Reading(l, stems.get(0), false));
                    break;
                }
            }
        }
        return out;
    }

    private static final int MIN_HEAD = 3;

    /**
     * A Dutch or German compound cut short before a joining word shares the head of the next one: "in-
     * en uitvoer" is invoer and uitvoer, "drugs- en alcoholpreventie" drugspreventie, "Aufnahme- und
     * Unterkunftszentren" Aufnahmezentren. The cut word is also read as itself with the longest end of
     * the next word that makes a word the vocabulary knows.
     */
    private void readSharedHeads(String text, List<QuestionWord> words, Map<Integer, List<Reading>> readings) {
        for (int p = 0; p + 2 < words.size(); p++) {
            QuestionWord cut = words.get(p);
            if (cut.end() >= text.length() || text.charAt(cut.end()) != '-'
                    || !questionWords.joining(words.get(p + 1).folded()) || !readings.containsKey(p)) {
                continue;
            }
            String next = words.get(p + 2).folded();
            for (int at = 1; at <= next.length() - MIN_HEAD; at++) {
                List<Reading> whole = new ArrayList<>();
                for (Language l : VocabularyIndex.COMPOUNDING) {
                    whole.addAll(readingsOf(l, List.of(cut.folded() + next.substring(at)), false));
                }
                if (!whole.isEmpty()) {
                    List<Reading> all = new ArrayList<>(readings.get(p));
                    whole.stream().filter(r -> !all.contains(r)).forEach(all::add);
                    readings.put(p, all);
                    break;
                }
            }
        }
    }

    /**
     * A number under 18 giving a person's age is read as a minor ("de 16 ans", "15-Jährigen", "a 15 year
     * old", "mijn zoon van 15"; "my son is 15" says nothing of the law). Returns the positions of the
     * words giving the age, accounted for with the number.
     */
    private Set<Integer> readAges(List<QuestionWord> words, Map<Integer, List<Reading>> readings) {
        Set<Integer> ageWords = new HashSet<>();
        for (QuestionWord w : words) {
            int p = w.position();
            if (!w.folded().matches("[0-9]{1,2}") || Integer.parseInt(w.folded()) >= 18) {
                continue;
            }
            int q = p + 1;
            while (q < words.size() && questionWords.ageWord(words.get(q).folded())) {
                ageWords.add(q);
                q++;
            }
            boolean afterOf = p > 0 && questionWords.ofAge(words.get(p - 1).folded())
                    && (q >= words.size() || !words.get(q).folded().matches("[0-9]+"));
            if (q > p + 1 || afterOf) {
                List<Reading> both = new ArrayList<>(readings.getOrDefault(p, List.of()));
                both.addAll(minor);
                readings.put(p, both);
            }
        }
        return ageWords;
    }

    /** The word's stems per language; when none is in the vocabulary, its compound parts or the closest spelling. */
    private List<Reading> read(QuestionWord w, Map<Integer, String> corrections, boolean cue, boolean person,
            Language questionLanguage) {
        List<Reading> exact = new ArrayList<>();
        for (Language l : Language.values()) {
            String stem = w.stem(l);
            if (stem != null && index.knows(l, stem)) {
                exact.add(new Reading(l, stem, false));
            }
        }
        if (!exact.isEmpty()) {
            // Read only in another language than the question's ("campagnes", "centra" in a Dutch question
            // are French words too), it may still be an inflection of a word of the question's own language
            // that its stemmer left: read it so as well.
            if (questionLanguage != null && !cue && w.folded().length() >= MIN_FUZZY_LENGTH
                    && exact.stream().noneMatch(r -> r.language() == questionLanguage)) {
                inflections(w).stream().filter(r -> r.language() == questionLanguage).forEach(exact::add);
            }
            return exact;
        }
        if (person) {
            // A word for the people ("drugsgebruikers": the users, not their use) is read whole or not at all.
            return List.of();
        }
        List<Reading> parts = new ArrayList<>();
        for (Language l : VocabularyIndex.COMPOUNDING) {
            List<String> found = index.compoundParts(l, w.folded());
            if (!coversMost(w.folded(), found)) {
                continue; // "hulpverlening" holds "hulp", but is not made of vocabulary words
            }
            parts.addAll(readingsOf(l, found, false));
        }
        if (!parts.isEmpty()) {
            return parts;
        }
        // A word that asks for a figure, a trend or the law is not a typo of a vocabulary word; nor is a
        // word any of the four languages knows ("medical" is not "media"), though it may be an
        // inflection the stemmer left ("sensibiliseringscampagnes"). Spelling correction compares
        // with every stem: bounded, so that a pasted page stays cheap.
        if (cue || w.folded().length() < MIN_FUZZY_LENGTH) {
            return List.of();
        }
        List<Reading> inflected = inflections(w);
        if (!inflected.isEmpty() || corrections.size() >= MAX_CORRECTIONS || Dictionary.knows(w.folded())) {
            return inflected;
        }
        List<Reading> closest = closest(w, corrections);
        return closest.isEmpty() ? misspeltCompound(w, corrections) : closest;
    }

    /** A Dutch or German compound with one of its two words misspelt: "henepplantage" is hennep and plantage. */
    private List<Reading> misspeltCompound(QuestionWord w, Map<Integer, String> corrections) {
        for (Language l : VocabularyIndex.COMPOUNDING) {
            List<String> parts = index.misspeltCompoundParts(l, w.folded());
            List<Reading> readings = readingsOf(l, parts, true);
            if (!readings.isEmpty()) {
                corrections.put(w.position(), w.surface() + " → " + String.join(" ", parts));
                return readings;
            }
        }
        return List.of();
    }

    /**
     * A vocabulary stem the word begins with, but for an ending of at most three letters the
     * stemmer did not take off ("campagnes" → campagn): the longest, in every language that has one.
     */
    /** An inflection the stemmers leave: a known word with an ending, a participle, a Latin plural. */
    private List<Reading> inflections(QuestionWord w) {
        List<Reading> inflected = inflected(w);
        if (inflected.isEmpty()) {
            inflected = participle(w);
        }
        return inflected.isEmpty() ? latinPlural(w) : inflected;
    }

    private List<Reading> inflected(QuestionWord w) {
        String f = w.folded();
        for (int k = f.length() - 1; k >= Math.max(MIN_FUZZY_LENGTH - 1, f.length() - MAX_ENDING); k--) {
            List<Reading> found = new ArrayList<>();
            for (Language l : Language.values()) {
                if (index.knows(l, f.substring(0, k))) {
                    found.add(new Reading(l, f.substring(0, k), false));
                }
            }
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /**
     * A Latin plural the stemmers leave: Dutch "centra" is centrum, German "Zentren" Zentrum (and
     * "musea", "Studien"): the singular, whole or as a compound of vocabulary words.
     */
    private List<Reading> latinPlural(QuestionWord w) {
        String f = w.folded();
        List<Reading> found = new ArrayList<>();
        for (Language l : VocabularyIndex.COMPOUNDING) {
            String ending = l == Language.nl ? "a" : "en";
            if (!f.endsWith(ending)) {
                continue;
            }
            String singular = f.substring(0, f.length() - ending.length()) + "um";
            List<Reading> whole = readingsOf(l, List.of(singular), false);
            // A compound in the plural ("drughulpcentra"): its singular's vocabulary words.
            List<String> parts = whole.isEmpty() ? index.compoundParts(l, singular) : List.of();
            found.addAll(!whole.isEmpty() || !coversMost(singular, parts) ? whole : readingsOf(l, parts, false));
        }
        return found;
    }

    /** The readings of words of a language (a word, or a compound's parts): each stem the vocabulary knows. */
    private List<Reading> readingsOf(Language l, List<String> words, boolean corrected) {
        List<Reading> out = new ArrayList<>();
        for (String word : words) {
            for (String stem : analysis.stems(l, word)) {
                if (index.knows(l, stem)) {
                    out.add(new Reading(l, stem, corrected));
                }
            }
        }
        return out;
    }

    /** Separable prefixes before the "ge" of a Dutch or German participle ("opgerold", "angebaut"). */
    private static final Map<Language, List<String>> SEPARABLE = Map.of(
            Language.nl, List.of("", "op", "af", "uit", "in", "aan", "mee", "toe", "door", "weg"),
            Language.de, List.of("", "an", "auf", "ab", "aus", "ein", "mit", "vor", "zu", "nach", "fest"));

    /**
     * A Dutch or German past participle the stemmer leaves whole: "gehandelt" is handel, "geteeld"
     * teelt, "angebaut" anbau, "opgerold" oprol. Its root is read with the participle's "ge" taken
     * out and its ending ("t", "d", "en") off, "d" also read as "t".
     */
    private List<Reading> participle(QuestionWord w) {
        String f = w.folded();
        List<Reading> found = new ArrayList<>();
        for (Language l : VocabularyIndex.COMPOUNDING) {
            for (String prefix : SEPARABLE.get(l)) {
                if (!f.startsWith(prefix + "ge") || f.length() - prefix.length() - 2 < 4) {
                    continue;
                }
                String root = prefix + f.substring(prefix.length() + 2);
                String bare = root.endsWith("en") ? root.substring(0, root.length() - 2)
                        : root.endsWith("t") || root.endsWith("d") ? root.substring(0, root.length() - 1) : root;
                for (String candidate : List.of(root, bare, bare + "t", bare + "en")) {
                    for (String stem : analysis.stems(l, candidate)) {
                        if (index.knows(l, stem) && found.stream().noneMatch(r -> r.stem().equals(stem))) {
                            found.add(new Reading(l, stem, false));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** True when the parts found in a compound cover at least 80% of its letters (a link "s" or "e" may remain). */
    static boolean coversMost(String word, List<String> parts) {
        boolean[] covered = new boolean[word.length()];
        for (String part : parts) {
            for (int at = word.indexOf(part); at >= 0; at = word.indexOf(part, at + 1)) {
                java.util.Arrays.fill(covered, at, at + part.length(), true);
            }
        }
        int n = 0;
        for (boolean c : covered) {
            n += c ? 1 : 0;
        }
        return !parts.isEmpty() && n * 5 >= word.length() * 4;
    }

    /** A misspelling (words of six letters or more): the vocabulary stem one edit away, two for eight letters or more. */
    private List<Reading> closest(QuestionWord w, Map<Integer, String> corrections) {
        if (w.folded().length() < MIN_FUZZY_LENGTH) {
            return List.of();
        }
        int allowed = w.folded().length() >= 8 ? 2 : 1;
        LevenshteinDistance distance = new LevenshteinDistance(allowed);
        // The closest stems, in every language where one is that close: "seringes" is "syringe" in
        // English and "seringues" in French, and only the French reading completes "échange de seringues".
        List<Reading> best = new ArrayList<>();
        int bestDistance = Integer.MAX_VALUE;
        for (Language l : Language.values()) {
            String stem = w.stem(l);
            if (stem == null) {
                continue;
            }
            for (String known : index.stems(l)) {
                if (Math.abs(known.length() - stem.length()) > allowed || known.length() < MIN_FUZZY_LENGTH - 1) {
                    continue;
                }
                int d = distance.apply(stem, known);
                if (d >= 0 && d < bestDistance) {
                    bestDistance = d;
                    best.clear();
                }
                if (d >= 0 && d == bestDistance) {
                    best.add(new Reading(l, known, true));
                }
            }
        }
        if (best.isEmpty()) {
            return List.of();
        }
        corrections.put(w.position(), w.surface() + " → " + index.wordOf(best.get(0).language(), best.get(0).stem()));
        return best;
    }

    /** The question positions holding every stem of a term in one language, or null when one is missing. */
    private static Set<Integer> positions(Set<String> stems, Language language, Map<Integer, List<Reading>> readings) {
        Set<Integer> at = new LinkedHashSet<>();
        for (String stem : stems) {
            boolean found = false;
            for (Map.Entry<Integer, List<Reading>> e : readings.entrySet()) {
                for (Reading r : e.getValue()) {
                    if (r.language() == language && r.stem().equals(stem)) {
                        at.add(e.getKey());
                        found = true;
                    }
                }
            }
            if (!found) {
                return null;
            }
        }
        return at;
    }

    private List<Scored> score(List<QuestionWord> words, Map<Integer, List<Reading>> readings,
            Set<Integer> substanceWords, Set<Integer> cueWords) {
        Map<Entry, Scored> best = new LinkedHashMap<>();
        for (Language l : Language.values()) {
            // weight[entry][word]: the best share of the word's weight the entry earns in this language.
            Map<Entry, Map<Integer, Double>> weights = new LinkedHashMap<>();
            Map<Entry, IndexedTerm> completeTerm = new HashMap<>();
            Map<Entry, Boolean> named = new HashMap<>();
            Map<IndexedTerm, Set<String>> seen = new LinkedHashMap<>();
            Map<IndexedTerm, Set<Integer>> termWords = new HashMap<>();
            for (Map.Entry<Integer, List<Reading>> e : readings.entrySet()) {
                for (Reading r : e.getValue()) {
                    if (r.language() != l) {
                        continue;
                    }
                    for (IndexedTerm t : index.terms(l, r.stem())) {
                        seen.computeIfAbsent(t, k -> new HashSet<>()).add(r.stem());
                        termWords.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(e.getKey());
                    }
                }
            }
            for (Map.Entry<IndexedTerm, Set<String>> e : seen.entrySet()) {
                IndexedTerm t = e.getKey();
                boolean complete = e.getValue().size() == t.stems().size();
                if (!complete && t.name()) {
                    continue;
                }
                if (complete) {
                    IndexedTerm previous = completeTerm.get(t.entry());
                    if (previous == null || previous.stems().size() < t.stems().size()) {
                        completeTerm.put(t.entry(), t);
                    }
                    named.put(t.entry(), true);
                }
                for (int position : termWords.get(t)) {
                    if (!complete && cueWords.contains(position)) {
                        continue; // a word that asks ("offences", "legal") counts only within a whole term
                    }
                    for (Reading r : readings.get(position)) {
                        if (r.language() == l && t.stems().contains(r.stem())) {
                            // A substance word in part of a term is mostly the substance: "cannabis use" is
                            // about use, not about "cannabis cultivation for personal use".
                            double w = index.idf(l, r.stem()) * (complete ? 1 : PARTIAL) * (r.corrected() ? MISSPELT : 1)
                                    * (!complete && substanceWords.contains(position) ? PARTIAL : 1);
                            weights.computeIfAbsent(t.entry(), k -> new LinkedHashMap<>()).merge(position, w, Math::max);
                            // One word alone names the entry when it is at least half of the term: "needle" of
                            // "needle exchange" does, "buy" of "minimum age for buying alcohol" does not.
                            if (!substanceWords.contains(position) && !cueWords.contains(position)
                                    && !index.generic(l, r.stem())
                                    && (e.getValue().size() >= 2 || 2 >= t.stems().size())) {
                                named.put(t.entry(), true);
                            }
                        }
                    }
                }
            }
            for (Map.Entry<Integer, List<Reading>> e : readings.entrySet()) {
                for (Reading r : e.getValue()) {
                    if (r.language() != l) {
                        continue;
                    }
                    if (cueWords.contains(e.getKey())) {
                        continue;
                    }
                    for (Entry entry : index.describedBy(l, r.stem())) {
                        double w = index.idf(l, r.stem()) * DESCRIPTION * (r.corrected() ? MISSPELT : 1);
                        weights.computeIfAbsent(entry, k -> new LinkedHashMap<>()).merge(e.getKey(), w, Math::max);
                        if (!substanceWords.contains(e.getKey()) && !index.generic(l, r.stem())) {
                            named.put(entry, true);
                        }
                    }
                }
            }
            // An acronym names the same body in every language ("BELSPO", "EMCDDA"): it counts with the
            // words of a question in any of them ("Drogenforschung BELSPO").
            Map<Entry, String> acronymOf = new HashMap<>();
            for (QuestionWord w : words) {
                for (Entry entry : index.acronym(w.surface())) {
                    acronymOf.put(entry, w.surface());
                    double weight = Math.log(1 + (double) index.entries().size() / index.acronym(w.surface()).size());
                    weights.computeIfAbsent(entry, k -> new LinkedHashMap<>()).merge(w.position(), weight, Math::max);
                    named.put(entry, true);
                }
            }
            for (Map.Entry<Entry, Map<Integer, Double>> e : weights.entrySet()) {
                Entry entry = e.getKey();
                IndexedTerm term = completeTerm.get(entry);
                // The longer the complete term, the more specific: "cultivation on a cannabis plantation"
                // (production) over "plantation de cannabis".
                int completeLength = term != null ? term.stems().size() : acronymOf.containsKey(entry) ? 1 : 0;
                double score = e.getValue().values().stream().mapToDouble(Double::doubleValue).sum()
                        + COMPLETE_TERM_BONUS * completeLength;
                if (term == null) {
                    term = seen.keySet().stream().filter(t -> t.entry().equals(entry))
                            .max(Comparator.comparingInt(t -> seen.get(t).size())).orElse(null);
                }
                String termText = term != null ? term.text() : acronymOf.getOrDefault(entry, entry.label());
                Scored s = new Scored(entry, l, score, termText, Set.copyOf(e.getValue().keySet()),
                        named.getOrDefault(entry, false), completeLength);
                Scored previous = best.get(entry);
                if (previous == null || s.score() > previous.score()) {
                    best.put(entry, s);
                }
            }
        }
        List<Scored> ranked = new ArrayList<>(best.values());
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparingInt(s -> s.entry().order()));
        return ranked;
    }

    /** The position of the first word of the question's last sentence (0 for a single sentence). */
    private static int lastSentence(String text, List<QuestionWord> words) {
        for (int j = words.size() - 1; j > 0; j--) {
            if (text.substring(words.get(j - 1).end(), words.get(j).start()).chars().anyMatch(c -> ".!?".indexOf(c) >= 0)) {
                return j;
            }
        }
        return 0;
    }

    /**
     * Places named in the question: runs of words looked up as a place name, longest first, through
     * the vocabulary's own index of place names (so it costs the same with 30 places or 3,000). A
     * name of one short word, or one that is also a word of the vocabulary, counts only when
     * written with a capital ("Mol", not "mol"); stop words are never places ("as"); a postcode is a
     * place, but not a number that reads as a year.
     */
    private List<FoundPlace> findPlaces(String text, List<QuestionWord> words, Set<Integer> claimed,
            List<String> ambiguous, QuestionWords.Roles roles) {
        List<FoundPlace> found = new ArrayList<>();
        for (int start = 0; start < words.size(); start++) {
            for (int n = Math.min(longestPlaceName, words.size() - start); n >= 1; n--) {
                List<QuestionWord> run = words.subList(start, start + n);
                if (run.stream().allMatch(QuestionWord::stop) || run.stream().anyMatch(w -> claimed.contains(w.position()))) {
                    continue;
                }
                if (run.stream().anyMatch(w -> roles.scope(w.position()))) {
                    continue; // "Belgium" is the scope of the whole profile, not a place that changes the answer
                }
                if (n == 1 && !plausiblePlaceWord(run.get(0), start > 0 ? words.get(start - 1) : null, roles)) {
                    continue;
                }
                String name = ELIDED.matcher(text.substring(run.get(0).start(), run.get(n - 1).end())).replaceFirst("");
                PlaceMatch match = namedPlace(name);
                if (match == null) {
                    continue;
                }
                if (match.status() == PlaceMatch.Status.AMBIGUOUS) {
                    // A name several places share is a place, but which one is not guessed.
                    run.forEach(w -> claimed.add(w.position()));
                    ambiguous.add("\"" + name + "\" names several places (" + match.others().stream()
                            .map(Reader::placeLabel).distinct().limit(4).collect(java.util.stream.Collectors.joining("; "))
                            + "); none is taken: say which");
                    start += n - 1;
                    break;
                }
                Optional<Place> place = Optional.ofNullable(match.place());
                if (place.isPresent()) {
                    run.forEach(w -> claimed.add(w.position()));
                    if (found.stream().noneMatch(f -> f.place().equals(place.get()))) {
                        found.add(new FoundPlace(place.get(), name, run.get(0).position()));
                    }
                    start += n - 1;
                    break;
                }
            }
        }
        return found;
    }

    /**
     * The words that belong to a place's phrase, claimed with it: the preposition that introduces it
     * ("rond Gent", "près de Namur") and a part joined to it by a hyphen that is no place of its own, a
     * district or a station ("Brussel-Noord", "Charleroi-Sud"). Returns the positions claimed.
     */
    private List<Integer> placePhrase(String text, List<QuestionWord> words, Set<Integer> placeWords) {
        List<Integer> added = new ArrayList<>();
        for (int p = 1; p < words.size(); p++) {
            QuestionWord w = words.get(p);
            QuestionWord before = words.get(p - 1);
            boolean joined = text.substring(before.end(), w.start()).equals("-");
            if (placeWords.contains(before.position()) && !placeWords.contains(p) && joined
                    && w.surface().chars().allMatch(Character::isLetter)) {
                placeWords.add(p);
                added.add(p);
            }
        }
        for (int p = words.size() - 1; p > 0; p--) {
            if (!placeWords.contains(p) || placeWords.contains(p - 1)) {
                continue;
            }
            int q = p - 1;
            while (q > 0 && words.get(q).stop() && !questionWords.locative(words.get(q).folded())) {
                q--; // "près de Namur", "in de buurt van Gent"
            }
            if (!placeWords.contains(q) && questionWords.locative(words.get(q).folded())) {
                placeWords.add(q);
                added.add(q);
            }
        }
        return added;
    }

    private boolean plausiblePlaceWord(QuestionWord w, QuestionWord before, QuestionWords.Roles roles) {
        if (POSTCODE.matcher(w.folded()).matches()) {
            // "spuitenruil 2300"; but 1900 to 2099 are read as years ("drug trade in 2017").
            int n = Integer.parseInt(w.folded());
            return n < 1900 || n > 2099;
        }
        if (w.stop()) {
            return false;
        }
        String name = ELIDED.matcher(w.surface()).replaceFirst("");
        boolean capital = !name.isEmpty() && Character.isUpperCase(name.codePointAt(0));
        boolean vocabularyWord = false;
        for (Language l : Language.values()) {
            vocabularyWord |= w.stem(l) != null && index.knows(l, w.stem(l));
        }
        // A word of the vocabulary is read as such, capital or not: German writes "Schulen" (schools)
        // with one, and Schulen is also a village of Herk-de-Stad.
        if (vocabularyWord) {
            return false;
        }
        boolean afterLocative = before != null && questionWords.locative(before.folded());
        if (capital) {
            // A word that carries the asking, or asks for a trend, is capitalised where it opens a sentence:
            // "My son…" is no visit to My (Ferrières), "Namen de feiten af?" none to Namur (Namen), unless
            // the word follows "in", "à", "bei"…
            return afterLocative || !roles.asking(w.position()) && !roles.cue(w.position());
        }
        // Lower case: a place unless it is a word of the vocabulary, or a word of the question's
        // language that does not follow "in", "à", "bei"... ("gent" is also Dutch for a gander).
        if (w.folded().length() < 3 || roles.asking(w.position()) || roles.cue(w.position())) {
            return false;
        }
        return afterLocative || !roles.commonWord(w.folded());
    }

    private static String placeLabel(Place p) {
        return p.name() + (p.municipality() != null && !p.municipality().equals(p.name())
                ? ", " + p.municipality() : "") + ", " + p.kind();
    }

    /** A place named in the question, its words as typed, and the position of its first word. */
    private record FoundPlace(Place place, String words, int position) {
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

}
