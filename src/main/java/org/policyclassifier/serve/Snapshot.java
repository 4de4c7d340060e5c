package org.policyclassifier.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.DecisionWording;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.io.Json;
import org.policyclassifier.profile.ProfileText;
import org.policyclassifier.facts.Words;
import org.policyclassifier.query.Question;
import org.policyclassifier.rules.RuleInfo;
import org.policyclassifier.trends.TrendInputs;
import org.policyclassifier.trends.TrendWording;
import org.policyclassifier.rules.EngineSettings;

/**
 * One consistent set of rules and facts, compiled together and never changed afterwards. A
 * request takes the current snapshot once and finishes on it, even if a reload swaps in another.
 * Answers are cached per snapshot: the same question on the same rules gives the same answer.
 */
final class Snapshot {

    /** Enough for every question policy staff ask in a day; a full cache starts again empty. */
    private static final int MAX_CACHED = 20_000;

    final int version;
    final Instant loadedAt;
    final Classifier classifier;
    final QueryAdapter query;
    final TrendInputs trends;
    final ProfileText profile;
    final Map<String, RuleInfo> rules;
    /** For each rule id, the profile sentences its {@code @source} quotes. */
    final Map<String, List<Integer>> sentencesOfRule;
    private final AnswerPage page;
    private final DecisionWording wording;
    /** What the trends report is worded by: these words, and the offence categories' labels for its rows. */
    private final TrendWording trendWording;

    private final Map<Object, Object> cache = new ConcurrentHashMap<>();

    private Snapshot(int version, Classifier classifier, TrendInputs trends, ProfileText profile, Path factsDir) {
        this.version = version;
        this.loadedAt = Instant.now();
        this.classifier = classifier;
        this.query = new QueryAdapter(classifier, factsDir, version, profile.cover());
        this.page = new AnswerPage(classifier.vocabulary(), profile.cover(), version, loadedAt);
        this.wording = new DecisionWording(classifier.vocabulary().words());
        this.trendWording = new TrendWording(classifier.vocabulary());
        this.trends = trends;
        this.profile = profile;
        Map<String, RuleInfo> byId = new LinkedHashMap<>();
        Map<String, List<Integer>> sentences = new LinkedHashMap<>();
        for (RuleInfo rule : classifier.rules().rules()) {
            byId.put(rule.id(), rule);
            List<Integer> quoted = new ArrayList<>();
            for (int i = 0; i < profile.sentences().size(); i++) {
                if (rule.source() != null && ProfileText.quotes(rule.source(), profile.sentences().get(i))) {
                    quoted.add(i);
                }
            }
            sentences.put(rule.id(), List.copyOf(quoted));
        }
        this.rules = Map.copyOf(byId);
        this.sentencesOfRule = Map.copyOf(sentences);
    }

    /** Loads facts, rules, trend inputs and the profile; every problem of all of them together. */
    static Snapshot load(int version, Path rulesDir, Path factsDir, EngineSettings settings) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        Classifier classifier = null;
        TrendInputs trends = null;
        ProfileText profile = null;
        try {
            classifier = Classifier.load(rulesDir, factsDir, settings);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        try {
            trends = TrendInputs.load(factsDir);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        try {
            profile = ProfileText.read(factsDir.resolve("profile.txt"));
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Snapshot(version, classifier, trends, profile, factsDir);
    }

    /** An answer to a question as sent: its status and JSON body. */
    record Answer(int status, byte[] body) {
    }

    /** A question and the language its answer is asked in: what the cache of answers is keyed on. */
    record Asked(Question question, String language) {
    }

    /** The languages answers can be given in, and the default one. */
    Words words() {
        return classifier.vocabulary().words();
    }

    TrendWording trendWording() {
        return trendWording;
    }

    /** The answer to a question, cached: the same question on the same rules has the same answer. */
    Answer answer(Question question, String language) {
        return cached(new Asked(question, language), asked -> {
            try {
                return new Answer(200, Json.MAPPER.writeValueAsBytes(query.answer(asked.question(), asked.language())));
            } catch (ApiError e) {
                return new Answer(e.status(), PolicyServer.bytes(e.body()));
            } catch (InvalidInputException | JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A page as written for a request: its language, and its HTML with {@link AnswerPage#HEALTH} to fill in. */
    record Page(String language, String html) {
    }

    /**
     * The page for a request, cached like the answers it shows. Without a chosen language the answer
     * is in the language the question was read in: it is asked once in the default language to learn
     * which that is, then again in it (both answers cached). A place asked for alone, or a question
     * that names only a place, shows who does what in that place; so does the table view.
     */
    Page page(AnswerPage.Request request) {
        return cached(request, r -> {
            String language = r.chosenLanguage() != null ? r.chosenLanguage() : words().defaultLanguage();
            JsonNode answer = null;
            String place = r.question() == null ? r.place() : null;
            if (r.question() != null) {
                answer = tree(answer(r.question(), language));
                String read = r.chosenLanguage() != null ? null : languageRead(answer);
                if (read != null && !read.equals(language) && words().language(read).isPresent()) {
                    language = read;
                    answer = tree(answer(r.question(), language));
                }
                if ("no_match".equals(answer.path("error").asText()) && answer.path("candidates").isEmpty()
                        && answer.hasNonNull("place_from_question")) {
                    place = answer.get("place_from_question").asText();
                }
            }
            // The table view shows who does what everywhere, or in the place it names.
            AnswerPage.PlaceView view = place != null || "table".equals(r.view())
                    ? new AnswerPage.PlaceView(place, inPlace(place, language)) : null;
            return new Page(language, page.render(r, language, answer, view));
        });
    }

    /** The notice of a broken edit for a page in {@code language}; see {@link AnswerPage#health}. */
    String health(String language, boolean rejected, List<String> problems) {
        return page.health(language, rejected, problems);
    }

    /** A place (or none) and a language a table of who does what is asked for in: a key of the cache. */
    private record WhoAsked(String place, String language) {
    }

    /** Who does what in {@code place} (null: everywhere), worded in {@code language}; cached. */
    WhoDoesWhat.Table inPlace(String place, String language) {
        return cached(new WhoAsked(place, language), k -> {
            try {
                return WhoDoesWhat.of(classifier, place, d -> wording.in(d, language));
            } catch (InvalidInputException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * The language the question was read in, as {@link org.policyclassifier.query.Answer#languageRead}
     * tells it: its match's (or the match of a fact's decision), the question's little words first;
     * null when none.
     */
    private static String languageRead(JsonNode answer) {
        JsonNode match = answer.has("match") ? answer.get("match") : answer.path("decision").path("match");
        // A refusal says the language it read the question in beside its candidates.
        JsonNode language = match.has("question_language") ? match.get("question_language")
                : match.has("language") ? match.get("language") : answer.get("language");
        return language == null || language.isNull() ? null : language.asText();
    }

    private static JsonNode tree(Answer answer) {
        try {
            return Json.MAPPER.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Answers, before this snapshot is put in use, the questions {@code previous} was asked (at
     * most {@code limit}), so that the first requests after a reload do not all run the rules.
     * Returns how many were answered; throws the problems of rules that fail on one of them, with
     * their files and lines, as a reload reports them.
     */
    int warmFrom(Snapshot previous, int limit) throws InvalidInputException {
        int answered = 0;
        for (Object key : previous.cache.keySet()) {
            if (answered == limit) {
                break;
            }
            if (key instanceof Asked asked) {
                try {
                    answer(asked.question(), asked.language());
                } catch (IllegalStateException e) {
                    if (e.getCause() instanceof InvalidInputException invalid) {
                        throw invalid;
                    }
                    throw e;
                }
                answered++;
            }
        }
        return answered;
    }

    /**
     * Renders, in every language, the page of each example question the page offers (the labels of
     * {@link AnswerPage#EXAMPLES}), so that a server's first visitor does not pay for the first run
     * of the rules, the reading and the page's code. Returns how many pages were rendered.
     */
    int warmUp() {
        int pages = 0;
        for (org.policyclassifier.facts.Words.Language language : words().languages()) {
            for (String id : AnswerPage.EXAMPLES) {
                Optional<String> label = classifier.vocabulary().interventionType(id).map(t -> t.labels().in(language.id()));
                if (label.isPresent()) {
                    page(new AnswerPage.Request(Question.of(label.get()), null, language.id(), AnswerPage.VIEWS.get(0)));
                    pages++;
                }
            }
        }
        return pages;
    }

    /** The cached value for {@code key}, computed once per snapshot (values are immutable). */
    @SuppressWarnings("unchecked")
    <K, V> V cached(K key, Function<K, V> compute) {
        Object hit = cache.get(key);
        if (hit != null) {
            return (V) hit;
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        V value = compute.apply(key);
        cache.put(key, value);
        return value;
    }
}
