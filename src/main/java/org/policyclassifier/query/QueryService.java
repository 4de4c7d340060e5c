package org.policyclassifier.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.Decision;
import org.policyclassifier.classify.Decision.AskedEntry;
import org.policyclassifier.classify.Decision.LevelEntry;
import org.policyclassifier.classify.Decision.MatchEntry;
import org.policyclassifier.classify.Decision.NoteEntry;
import org.policyclassifier.classify.Decision.RunnerUp;
import org.policyclassifier.classify.InvalidCaseException;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.facts.Term;
import org.policyclassifier.facts.Vocabulary;
import org.policyclassifier.facts.Words;
import org.policyclassifier.query.Reader.Outcome;
import org.policyclassifier.query.Reader.QuestionWord;
import org.policyclassifier.query.Reader.Result;
import org.policyclassifier.query.Reader.Scored;
import org.policyclassifier.rules.EngineSettings;
import org.policyclassifier.rules.RuleSet;

/**
 * Answers a question typed in English, Dutch or French: the one entry point of the CLI
 * ({@code policy query}), the policy tests and the HTTP server. It reads the question (see
 * {@link Reader} for the scoring and the decision rule), takes the place, setting and substances
 * it names unless options say otherwise, and classifies the case; or refuses, with candidates.
 * Thread-safe; the analysed vocabulary is built on the first question (a few milliseconds), or by
 * {@link #load} while the rules load.
 */
public final class QueryService {

    private final Classifier classifier;
    private final FactAnswers facts;
    private volatile Reader reader;

    /** A service that answers who is responsible; figures, trends and the law need {@link #QueryService(Classifier, Path)}. */
    public QueryService(Classifier classifier) {
        this(classifier, (Path) null);
    }

    /** {@code factsDir}: where the offence table, the trend claims and the legal statuses are read, on the first question of that kind. */
    public QueryService(Classifier classifier, Path factsDir) {
        this.classifier = classifier;
        this.facts = new FactAnswers(factsDir);
    }

    private QueryService(Classifier classifier, Reader reader, Path factsDir) {
        this(classifier, factsDir);
        this.reader = reader;
    }

    private QueryService(Classifier classifier, Reader reader, FactAnswers facts) {
        this.classifier = classifier;
        this.facts = facts;
        this.reader = reader;
    }

    /**
     * Loads the rules and facts and builds the analysed vocabulary, on the thread that reads the
     * facts while the rules load: for one question (the CLI), it is off the critical path.
     * {@code factsCache} is where snapshots of read facts are kept between runs, null for none. The
     * service {@code early} loads is taken when it loads the same folders with the same rules cache
     * (see {@link Early}).
     */
    public static QueryService load(Path rulesDir, Path factsDir, EngineSettings settings, FactsCache factsCache,
            Early early) throws InvalidInputException {
        if (early != null && early.loads(rulesDir, factsDir, settings)) {
            return early.service().withRuleTimeLimit(settings.ruleTimeLimit());
        }
        AtomicReference<Reader> reader = new AtomicReference<>();
        Classifier classifier = Classifier.load(rulesDir, () -> {
            reader.set(read(factsDir, factsCache));
            return reader.get().vocabulary();
        }, settings, Classifier.CASE_RULES);
        return new QueryService(classifier, reader.get(), factsDir);
    }

    /** This service, its rule sessions run under {@code limit}. */
    private QueryService withRuleTimeLimit(Duration limit) {
        RuleSet rules = classifier.rules();
        return rules.timeLimit().equals(limit) ? this
                : new QueryService(new Classifier(rules.withTimeLimit(limit), classifier.vocabulary()), reader(), facts);
    }

    /** The facts of a folder and their analysed vocabulary: from their snapshot in {@code cache} when it holds them. */
    private static Reader read(Path factsDir, FactsCache cache) throws InvalidInputException {
        FactsSnapshot snapshot = cache == null ? null : FactsSnapshot.of(cache, factsDir);
        Reader reader = snapshot == null ? null : snapshot.read(new Analysis());
        if (reader == null) {
            reader = new Reader(Vocabulary.load(factsDir), new Analysis());
            if (snapshot != null) {
                snapshot.store(reader);
            }
        }
        return reader;
    }

    /**
     * A service being loaded on a thread of its own from the moment {@link #start} is called: the CLI
     * starts it before it has built its command-line model, so that the rules load meanwhile. The
     * time limit is no part of compiling: a load under another takes the same rules under its own.
     */
    public static final class Early {

        private final Path rulesDir;
        private final Path factsDir;
        private final Path rulesCache;
        private final FutureTask<QueryService> service;

        private Early(Path rulesDir, Path factsDir, EngineSettings settings, FactsCache factsCache) {
            this.rulesDir = rulesDir;
            this.factsDir = factsDir;
            this.rulesCache = settings.rulesCache();
            this.service = new FutureTask<>(() -> load(rulesDir, factsDir, settings, factsCache, null));
        }

        public static Early start(Path rulesDir, Path factsDir, EngineSettings settings, FactsCache factsCache) {
            Early early = new Early(rulesDir, factsDir, settings, factsCache);
            Thread thread = new Thread(early.service, "policy-query-early");
            thread.setDaemon(true);
            thread.start();
            return early;
        }

        /** True when it loads these folders with the rules cache of {@code settings}. */
        boolean loads(Path rules, Path facts, EngineSettings settings) {
            return rulesDir.equals(rules) && factsDir.equals(facts)
                    && Objects.equals(rulesCache, settings.rulesCache());
        }

        /** The service, once loaded; throws what loading threw. */
        QueryService service() throws InvalidInputException {
            try {
                return service.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof InvalidInputException invalid) {
                    throw invalid;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading the rules and facts", e);
            }
        }
    }

    /**
     * Answers one question. Throws only when the rules themselves fail (an engine fault); an
     * unknown option or an unclear question is a refusal.
     */
    /** The words of the answers, in every language of the facts. */
    public Words words() {
        return classifier.vocabulary().words();
    }

    public Answer ask(Question q) throws InvalidInputException {
        return ask(q, reader().read(q.text() == null ? "" : q.text()));
    }

    /**
     * The answer the question would get if the best entry named were taken whatever the evidence: to
     * label questions for fitting the {@link ReadingModel}.
     */
    Answer askAnsweringBest(Question q) throws InvalidInputException {
        return ask(q, reader().read(q.text() == null ? "" : q.text(), true));
    }

    /**
     * The evidence the reading weighs for the question's best entry; null when there is none to weigh
     * (no entry, or entries too close to choose between, where the tool asks).
     */
    ReadingModel.Evidence evidence(String text) {
        Result r = reader().read(text);
        return r.outcome() == Outcome.AMBIGUOUS ? null : r.evidence();
    }

    private Answer ask(Question q, Result r) throws InvalidInputException {
        // "drug production offences 2015": a year and an offence, and no word asking who: a figure.
        boolean yearOfOffences = r.kind() == QuestionWords.Kind.RESPONSIBILITY && !r.asksWho()
                && r.years().stream().anyMatch(y -> tableYear(y))
                && (r.offences() || r.best() != null && r.best().entry().kind().equals("offence"));
        boolean figureOrTrend = r.kind() == QuestionWords.Kind.FIGURE || r.kind() == QuestionWords.Kind.TREND;
        boolean ofTheTable = figureOrTrend || yearOfOffences;
        // The profile, its table and the law it states are Belgium's: "drug prevention in the Netherlands",
        // a figure of France, or Portugal's decriminalisation, is not answered with Belgium's.
        String abroad = ofTheTable || r.asksLegal() ? r.abroad() : r.abroadIn();
        if (abroad != null) {
            return refuse(q, r, reader(), "other_country", List.of("question", q.text(), "country", abroad));
        }
        if (ofTheTable) {
            Answer table = tableAnswer(q, r);
            if (table != null) {
                return table;
            }
            // "How much cocaine was seized in 2023?": a figure the table does not count, and nobody asked who.
            if (figureOrTrend && !r.asksWho()) {
                return refuse(q, r, reader(), "figure_not_held", withQuestion(q, facts.holds()));
            }
        }
        // Asked of drugs in general ("ist es strafbar, Drogen ... zu lassen?"), the law on drugs in general answers.
        if (r.asksLegal() && (r.outcome() == Outcome.ANSWERED || r.substances() != null || r.drugWords()
                || r.evidence() != null && r.evidence().topic())) {
            return legalAnswer(q, r);
        }
        // "Opening hours of ...", "when does ... open?": not what the profile says, whatever the subject.
        if (r.practical()) {
            return refuse(q, r, reader(), "practical", List.of("question", q.text()));
        }
        if (r.outcome() == Outcome.AMBIGUOUS && r.understood()) {
            // Entries as good as each other that answer alike: the question is answered, and says so.
            Answer alike = responsibility(q, r, reader().candidates(r).stream().skip(1).toList());
            if (alike != null) {
                return alike;
            }
        }
        if (r.outcome() != Outcome.ANSWERED) {
            Answer refusal = refuse(q, r, reader());
            if (figureOrTrend) {
                return refuse(q, r, reader(), "figure_not_held", withQuestion(q, facts.holds()));
            }
            return refusal;
        }
        return responsibility(q, r, List.of());
    }

    /**
     * The legal status of what the question names (its entry, else its substance, else drugs in
     * general), with the decision on the entry when the law speaks of it: its own status, or an offence.
     * An entry about other substances than the one the question names does not speak for it: "is it
     * legal to smoke weed?" asks about cannabis, not about smoking tobacco.
     */
    private Answer legalAnswer(Question q, Result r) throws InvalidInputException {
        boolean otherSubstance = r.best() != null && !r.best().entry().substances().isEmpty() && r.substances() != null
                && !r.substances().isEmpty() && r.substances().stream().noneMatch(r.best().entry().substances()::contains);
        Answer subject = r.outcome() == Outcome.ANSWERED && !otherSubstance ? responsibility(q, r, List.of()) : null;
        Decision decision = subject != null && subject.answered() ? subject.decision() : null;
        FactAnswers.LegalStatus status = facts.legalStatus(decision == null ? null : decision.subject(), r.substances());
        if (decision != null && !status.appliesTo().contains(decision.subject()) && !decision.kind().equals("offence")) {
            decision = null;
        }
        List<String> flags = new ArrayList<>();
        if (status.source() == null) {
            flags.add("NOT_IN_PROFILE");
        }
        if (decision != null) {
            decision.flags().stream().filter(f -> !flags.contains(f)).forEach(flags::add);
        }
        return new Answer(Answer.Status.ANSWERED, decision, null, new FactAnswers.LegalAnswer(q.text(), status, flags,
                decision));
    }

    /**
     * A figure or a trend of the offence table: the row of the offence category the question names
     * (the best-scored one), or the TOTAL row when it names offences or drugs in general; null when
     * it names something the table does not count (the question is then read as any other).
     */
    private Answer tableAnswer(Question q, Result r) throws InvalidInputException {
        Vocabulary vocabulary = classifier.vocabulary();
        String row = null;
        for (Scored s : r.ranked()) {
            if (s.entry().kind().equals("offence") && s.named()) {
                row = vocabulary.offenceCategory(s.entry().id()).map(c -> c.statisticsRow()).orElse(null);
                break;
            }
        }
        boolean named = r.outcome() == Outcome.ANSWERED && r.best().entry().kind().equals("intervention")
                && (row == null || r.best().score() > r.ranked().stream().filter(s -> s.entry().kind().equals("offence"))
                        .mapToDouble(Scored::score).max().orElse(0));
        // "total", or offences in general with no category: the TOTAL row. Drugs or a substance alone
        // are not offences ("kilos of cocaine seized"): the table does not count them.
        if (r.total() && (r.offences() || row == null) || row == null && !named && r.offences()) {
            row = facts.totalRow();
        }
        if (row == null) {
            return null;
        }
        boolean placeOfTheStory = r.place() != null && q.place() == null && storyPlace(q.text(), r);
        if (placeOfTheStory && r.asksWhoAfterPlace()) {
            // "The number of people who inject is growing in our town. Who should act?" asks who; "a paper on
            // drug enforcement. What was the total in 2015?" does not: the last sentence asks.
            return null;
        }
        if (r.place() != null && q.place() == null && !placeOfTheStory) {
            // The table counts the whole country: "drug offences in Ostend" has no figure.
            List<String> args = new ArrayList<>(withQuestion(q, facts.holds()));
            args.addAll(List.of("place", r.place().name()));
            return refuse(q, r, reader(), "figure_of_place", args);
        }
        List<Integer> tableYears = facts.years();
        List<NoteEntry> notes = new ArrayList<>();
        if (placeOfTheStory) {
            notes.add(new NoteEntry("whole_country", "place", r.placeWords(), null));
        }
        List<Integer> years = r.years().stream().filter(tableYears::contains).distinct().sorted().toList();
        List<Integer> outside = r.years().stream().filter(y -> !tableYears.contains(y)).distinct().toList();
        if (years.isEmpty() && !outside.isEmpty() && !outside.contains(facts.profileYear())) {
            // "How many in 2021?": no year asked is the table's, and its other years do not answer it. The
            // profile's own year names the source ("the 2018 profile"), and is answered with a note below.
            List<String> args = new ArrayList<>(withQuestion(q, facts.holds()));
            args.addAll(List.of("asked", outside.stream().map(String::valueOf).collect(Collectors.joining(", "))));
            return refuse(q, r, reader(), "figure_of_year", args);
        }
        if (!outside.isEmpty()) {
            notes.add(new NoteEntry("table_years", null, tableYears.get(0) + "–" + tableYears.get(tableYears.size() - 1),
                    outside.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        }
        if (r.substances() != null) {
            notes.add(new NoteEntry("every_drug", null, String.join(", ", r.substances()), null));
        }
        if (r.kind() != QuestionWords.Kind.TREND) {
            return new Answer(Answer.Status.ANSWERED, null, null, facts.figure(q.text(), row, years, notes, words(),
                    languageRead(r)));
        }
        // One year: "since 2015", from that year to the table's last; "fell in 2015", from the year before.
        int from = !years.isEmpty() ? years.get(0) : tableYears.get(0);
        int to = years.size() >= 2 ? years.get(years.size() - 1) : tableYears.get(tableYears.size() - 1);
        if (years.size() == 1 && !r.since() && tableYears.indexOf(from) > 0) {
            to = from;
            from = tableYears.get(tableYears.indexOf(from) - 1);
        } else if (years.size() == 1 && from == tableYears.get(tableYears.size() - 1)) {
            from = tableYears.get(0);
        }
        return new Answer(Answer.Status.ANSWERED, null, null, facts.trend(q.text(), row, from, to, notes, words(),
                languageRead(r)));
    }

    /**
     * Whether the place a figure question names belongs to the story around it and not to the figure
     * asked: the question names Belgium as well ("for the council in Kortrijk: have drug offences in
     * Belgium risen?"), or the place stands in an earlier sentence than the one that asks ("People say
     * more comes in through Antwerp. But did import offences rise?").
     */
    private static boolean storyPlace(String text, Result r) {
        if (r.namesBelgium()) {
            return true;
        }
        Reader.QuestionWord first = r.words().get(r.placeAt());
        String after = text.substring(Math.min(text.length(), first.start() + r.placeWords().length())).strip();
        return after.replaceAll("[.!?…\\s]+$", "").chars().anyMatch(c -> ".!?".indexOf(c) >= 0);
    }

    private boolean tableYear(int year) {
        try {
            return facts.years().contains(year);
        } catch (InvalidInputException e) {
            return false; // no table to read: the question is read as one about responsibility
        }
    }

    /**
     * Who is responsible for the entry the question names. {@code alike}: entries the question fits
     * as well; the answer is given only when each of them has the same lead level, axis and tier in
     * the same place and setting (null otherwise), and names them.
     */
    private Answer responsibility(Question q, Result r, List<Scored> alike) throws InvalidInputException {
        Vocabulary vocabulary = classifier.vocabulary();
        Scored best = r.best();
        List<NoteEntry> notes = new ArrayList<>();
        String place = q.place();
        if (place == null && r.place() != null) {
            place = r.place().name();
        } else if (place != null && r.place() != null && !vocabulary.place(place).map(r.place()::equals).orElse(false)) {
            notes.add(new NoteEntry("place_option_wins", "place", q.place(), r.placeWords()));
        }
        r.otherPlaces().forEach(p -> notes.add(new NoteEntry("another_place", "place", p, null)));
        if (q.place() == null) {
            r.ambiguousPlaces().forEach(p -> notes.add(new NoteEntry("ambiguous_place", "place", p, null)));
        }
        String setting = id(q.setting(), vocabulary.settings());
        if (setting == null) {
            setting = r.setting();
        } else if (r.setting() != null && !r.setting().equals(setting)) {
            notes.add(new NoteEntry("setting_option_wins", "setting", q.setting(), r.setting()));
        }
        r.otherSettings().forEach(s -> notes.add(new NoteEntry("another_setting", "setting", s, null)));
        List<String> substances = q.substances() == null ? null
                : q.substances().stream().map(s -> id(s, vocabulary.substances())).toList();
        if (substances == null) {
            substances = r.substances();
        } else if (r.substances() != null && !Set.copyOf(substances).equals(Set.copyOf(r.substances()))) {
            notes.add(new NoteEntry("substances_option_wins", "substances", String.join(", ", substances),
                    String.join(", ", r.substances())));
        }
        String actor = q.actor() == null ? null : vocabulary.actorIds().stream()
                .filter(a -> a.equalsIgnoreCase(q.actor())).findFirst().orElse(q.actor());
        CaseRecord record = CaseRecord.of(null, best.entry().kind(), best.entry().id(), place, setting, actor, substances);
        Decision decision;
        try {
            decision = classifier.classify(record);
        } catch (InvalidCaseException e) {
            String option = e.field().equals("substances") ? "substance" : e.field();
            return new Answer(Answer.Status.INVALID_OPTION, null, new Refusal("invalid_option", q.text(),
                    e.reason(), option, List.of(), null, null, null, null));
        }
        for (Scored other : alike) {
            Decision d;
            try {
                d = classifier.classify(CaseRecord.of(null, other.entry().kind(), other.entry().id(), place, setting,
                        actor, substances));
            } catch (InvalidCaseException e) {
                return null;
            }
            if (!sameAnswer(d, decision, r.asked())) {
                return null;
            }
        }
        if (!alike.isEmpty()) {
            notes.add(new NoteEntry(alike.size() == 1 ? "fits_another" : "fits_others", null,
                    alike.stream().map(s -> label(s.entry(), languageRead(r))).collect(Collectors.joining(", ")), null));
        }
        Scored runner = r.runnerUp();
        MatchEntry match = new MatchEntry(q.text(), best.entry().id(), best.entry().kind(), best.term(),
                best.language().name(), languageRead(r), surfaces(r.words(), best.words()), surfaces(r.words(), r.ignored()),
                List.copyOf(r.corrections().values()), round(best.score()), round(r.coverage()),
                runner == null ? null : new RunnerUp(runner.entry().id(), round(runner.score())),
                r.placeWords(), r.setting(), r.substances(),
                notes.stream().map(n -> n.in(words(), words().defaultLanguage())).toList(), List.copyOf(notes),
                asked(r.asked(), decision));
        return new Answer(Answer.Status.ANSWERED, decision.withMatch(match), null);
    }

    /**
     * The levels that do what the question asks ({@code list}: who pays, who makes the rules): those
     * with a role the list names, ordered as the list orders its roles; null when it asks neither or
     * no level has such a role (then the lead answers it).
     */
    /**
     * True when two decisions answer the question alike: the same axis and tier, and the same level for
     * what is asked (who pays or who makes the rules, when asked; else who leads).
     */
    private boolean sameAnswer(Decision a, Decision b, String askedList) {
        if (!Objects.equals(a.axis(), b.axis()) || !Objects.equals(a.tier(), b.tier())) {
            return false;
        }
        AskedEntry askedA = asked(askedList, a);
        AskedEntry askedB = asked(askedList, b);
        if (askedA != null && askedB != null) {
            return askedA.levels().get(0).equals(askedB.levels().get(0));
        }
        return askedA == null && askedB == null && Objects.equals(a.leadLevel(), b.leadLevel());
    }

    private AskedEntry asked(String list, Decision decision) {
        if (list == null) {
            return null;
        }
        List<String> roles = classifier.vocabulary().questionWords().stream().filter(t -> t.id().equals(list))
                .map(t -> t.roles() == null ? List.<String>of() : t.roles()).findFirst().orElse(List.of());
        List<String> levels = decision.levels().stream()
                .filter(l -> l.roleIds().stream().anyMatch(roles::contains))
                .sorted(Comparator.comparingInt(l -> l.roleIds().stream().filter(roles::contains)
                        .mapToInt(roles::indexOf).min().orElse(Integer.MAX_VALUE)))
                .map(LevelEntry::level).distinct().toList();
        return levels.isEmpty() ? null : new AskedEntry(list, levels);
    }

    private Reader reader() {
        Reader current = reader;
        if (current == null) {
            synchronized (this) {
                current = reader;
                if (current == null) {
                    current = new Reader(classifier.vocabulary(), new Analysis());
                    reader = current;
                }
            }
        }
        return current;
    }

    /** The question, then {@code args}: the arguments of a refusal's wording. */
    private static List<String> withQuestion(Question q, List<String> args) {
        List<String> all = new ArrayList<>(List.of("question", q.text() == null ? "" : q.text()));
        all.addAll(args);
        return all;
    }

    /** A refusal for a reason of its own ({@code code} of the words' "refusals", with {@code args}). */
    private Answer refuse(Question q, Result r, Reader reader, String code, List<String> args) {
        Refusal general = refuse(q, r, reader).refusal();
        return new Answer(Answer.Status.NO_MATCH, null, new Refusal("no_match", general.question(),
                Refusal.message(words(), words().defaultLanguage(), code, args, List.of()), null, general.candidates(),
                general.ignoredWords(), general.placeFromQuestion(), general.settingFromQuestion(),
                general.substancesFromQuestion(), code, args, List.of(), general.language()));
    }

    private Answer refuse(Question q, Result r, Reader reader) {
        List<Candidate> candidates = reader.candidates(r).stream().map(s -> new Candidate(s.entry().kind(),
                s.entry().id(), s.entry().label(), s.term(), round(s.score()), surfaces(r.words(), s.words()))).toList();
        String text = q.text() == null ? "" : q.text();
        String code;
        List<String> args = List.of("question", text);
        List<String> context = List.of();
        Answer.Status status;
        switch (r.outcome()) {
            case AMBIGUOUS -> {
                status = Answer.Status.AMBIGUOUS;
                code = "ambiguous";
            }
            case PARTLY_UNDERSTOOD -> {
                status = Answer.Status.NO_MATCH;
                // Every word accounted for, and still too little evidence: a short question in common words.
                code = r.unexplained().isEmpty() ? "not_sure" : "partly_understood";
                args = r.unexplained().isEmpty() ? args
                        : List.of("question", text, "words", quoted(surfaces(r.words(), r.unexplained())));
            }
            default -> {
                status = Answer.Status.NO_MATCH;
                context = context(r);
                code = candidates.isEmpty() && context.isEmpty() ? "nothing_matches"
                        : context.isEmpty() ? "names_no_entry" : "names_no_entry_only";
            }
        }
        return new Answer(status, null, new Refusal(status.name().toLowerCase(Locale.ROOT), text,
                Refusal.message(words(), words().defaultLanguage(), code, args, context), null, candidates,
                surfaces(r.words(), r.ignored()), r.placeWords(), r.setting(), r.substances(), code, args, context,
                languageRead(r)));
    }

    /**
     * The language a figure, trend or refused question was read in: that of its little words ("wat zijn
     * de ..."); null when they do not tell ("drugs" is English, Dutch and German alike): the default one.
     */
    /** An entry's label in the question's language (English when that is unclear). */
    private String label(VocabularyIndex.Entry entry, String language) {
        String in = language == null ? "en" : language;
        Vocabulary vocabulary = classifier.vocabulary();
        return (entry.kind().equals("offence")
                ? vocabulary.offenceCategory(entry.id()).map(c -> c.labels().in(in))
                : vocabulary.interventionType(entry.id()).map(t -> t.labels().in(in))).orElse(entry.label());
    }

    private static String languageRead(Result r) {
        return r.language() == null ? null : r.language().name();
    }

    /** What the question names besides an entry: triples for {@link Refusal#context}. */
    private static List<String> context(Result r) {
        List<String> parts = new ArrayList<>();
        if (r.substances() != null) {
            parts.addAll(List.of("context_substance", "substances", String.join(", ", r.substances())));
        }
        if (r.setting() != null) {
            parts.addAll(List.of("context_setting", "setting", r.setting()));
        }
        if (r.place() != null) {
            parts.addAll(List.of("context_place", "place", r.place().name()));
        }
        return parts;
    }

    private static String quoted(List<String> words) {
        return words.stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(", "));
    }

    /** An id of the vocabulary, matched ignoring case; the value as given when none matches (the engine says so). */
    private static String id(String value, Collection<Term> terms) {
        if (value == null) {
            return null;
        }
        return terms.stream().map(Term::id).filter(id -> id.equalsIgnoreCase(value)).findFirst().orElse(value);
    }

    private static List<String> surfaces(List<QuestionWord> words, Collection<Integer> positions) {
        return words.stream().filter(w -> positions.contains(w.position())).map(QuestionWord::surface).toList();
    }

    private static double round(double score) {
        return BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
