package org.policyclassifier.policytest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.Decision;
import org.policyclassifier.classify.InvalidCaseException;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.io.Json;
import org.policyclassifier.io.Located;
import org.policyclassifier.io.LocatedArrayReader;
import org.policyclassifier.profile.ProfileText;
import org.policyclassifier.query.Answer;
import org.policyclassifier.query.Candidate;
import org.policyclassifier.query.Question;
import org.policyclassifier.query.QueryService;
import org.policyclassifier.query.Refusal;
import org.policyclassifier.rules.RuleInfo;
import org.policyclassifier.stats.StatisticsFile;
import org.policyclassifier.trends.Finding;
import org.policyclassifier.trends.TrendAnalysis;
import org.policyclassifier.trends.TrendInputs;
import org.policyclassifier.trends.TrendReport;
import org.policyclassifier.trends.TrendWording;
import org.policyclassifier.trends.Window;

/**
 * {@code rules test}: runs the agreed cases that live beside the rules through the real engine
 * and says, per case, whether the decision is the expected one, and what the cases cover.
 */
public final class PolicyTestRunner {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    /** The names a test may expect: the fields of the decision contract, or of the trends report. */
    private static final Set<String> DECISION_FIELDS = fields(Decision.class);
    private static final Set<String> REPORT_FIELDS = fields(TrendReport.class);
    /** A question may also be expected to be refused: the fields of the refusal. */
    private static final Set<String> REFUSAL_FIELDS = fields(Refusal.class);
    /** A question may be answered with a figure, a trend or a legal status: their fields. */
    private static final Set<String> FACT_FIELDS = fields(org.policyclassifier.query.FactAnswers.FigureAnswer.class,
            org.policyclassifier.query.FactAnswers.TrendAnswer.class, org.policyclassifier.query.FactAnswers.LegalAnswer.class);

    private final Classifier classifier;
    private final QueryService questions;
    private final Path factsDir;
    private TrendInputs trendInputs;

    public PolicyTestRunner(Classifier classifier, Path factsDir) {
        this.classifier = classifier;
        this.questions = new QueryService(classifier, factsDir);
        this.factsDir = factsDir;
    }

    /** Reads every test file of the folder; throws with every problem of every file. */
    public static List<Located<PolicyTestCase>> load(Path testsDir) throws InvalidInputException {
        if (!Files.isDirectory(testsDir)) {
            throw new InvalidInputException(new Problem(testsDir.toString(), 0, "tests folder not found"));
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(testsDir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException(new Problem(testsDir.toString(), 0, "cannot list: " + e.getMessage()));
        }
        List<Problem> problems = new ArrayList<>();
        List<Located<PolicyTestCase>> cases = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML
                    : name.endsWith(".json") ? JSON : null;
            if (mapper == null) {
                problems.add(new Problem(file.toString(), 0, "not a test file: test files end in .yaml, .yml or .json"));
                continue;
            }
            for (Located<PolicyTestCase> c : new LocatedArrayReader(mapper, problems).readArray(file,
                    PolicyTestCase.class)) {
                validate(c, problems);
                cases.add(c);
            }
        }
        if (cases.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(testsDir.toString(), 0, "no test cases (*.yaml, *.json) in this folder"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().sorted(Comparator.comparing(Problem::file)
                    .thenComparingInt(Problem::line)).toList());
        }
        return cases;
    }

    private static void validate(Located<PolicyTestCase> located, List<Problem> problems) {
        PolicyTestCase c = located.value();
        List<String> wrong = new ArrayList<>();
        if (blank(c.name())) {
            wrong.add("field 'name' is missing: say in one line what the case shows");
        }
        if (blank(c.note())) {
            wrong.add("field 'note' is missing: say in one line why this is the agreed answer");
        }
        if (Stream.of(c.query(), c.record(), c.trends()).filter(x -> x != null).count() != 1) {
            wrong.add("give one of 'query' (a question as typed), 'record' (a case record) or 'trends' (a trends run)");
        }
        if (c.record() != null && (c.place() != null || c.setting() != null || c.actor() != null
                || c.substances() != null)) {
            wrong.add("with 'record', put place, setting, actor and substances inside the record");
        }
        boolean trends = c.trends() != null;
        if (c.expectCandidates() != null && c.query() == null) {
            wrong.add("'expect_candidates' goes with 'query': the entries a refused question lists first");
        }
        if (c.expectFlags() != null && !trends) {
            wrong.add("'expect_flags' goes with 'trends'; a decision's flags are expected under 'expect'");
        }
        if ((c.expect() == null || c.expect().isEmpty()) && (c.expectFlags() == null || c.expectFlags().isEmpty())) {
            wrong.add("field 'expect' is missing: give the " + (trends ? "report fields or 'expect_flags'"
                    : "decision fields") + " this case must have");
        } else if (c.expect() != null) {
            Set<String> known = trends ? REPORT_FIELDS : DECISION_FIELDS;
            boolean question = c.query() != null;
            for (Iterator<String> it = c.expect().fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!known.contains(field) && !(question && (REFUSAL_FIELDS.contains(field) || FACT_FIELDS.contains(field)))) {
                    wrong.add("expect: unknown " + (trends ? "report" : "decision") + " field '" + field + "'; "
                            + (trends ? "report" : "decision") + " fields: " + String.join(", ", known)
                            + (question ? "; a refused question's fields: " + String.join(", ", REFUSAL_FIELDS) : ""));
                }
            }
        }
        wrong.forEach(w -> problems.add(new Problem(located.file(), located.line(), w)));
    }

    /** Runs the cases and measures what they cover against the rules and the profile. */
    public TestReport run(List<Located<PolicyTestCase>> cases, ProfileText profile, Map<String, String> reasons)
            throws InvalidInputException {
        List<CaseResult> results = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        for (Located<PolicyTestCase> located : cases) {
            CaseResult result = run(located);
            results.add(result);
            fired.addAll(result.fired());
        }
        return new TestReport(results, coverage(fired, profile, reasons));
    }

    private CaseResult run(Located<PolicyTestCase> located) throws InvalidInputException {
        PolicyTestCase c = located.value();
        if (c.trends() != null) {
            return runTrends(located);
        }
        if (c.query() != null) {
            return runQuery(located);
        }
        CaseRecord record = c.record();
        Decision decision;
        try {
            decision = classifier.classify(record);
        } catch (InvalidCaseException e) {
            return failed(located, "the case cannot be classified: " + e.getMessage());
        }
        List<String> rules = decision.explanation().stream().map(Decision.Explanation::rule).toList();
        return compare(located, Json.MAPPER.valueToTree(decision), rules);
    }

    /**
     * A question, through the same method as {@code policy query}: either answered (the decision is
     * compared) or refused (the refusal is compared: {@code status}, and the first candidates).
     */
    private CaseResult runQuery(Located<PolicyTestCase> located) throws InvalidInputException {
        PolicyTestCase c = located.value();
        Answer answer = questions.ask(new Question(c.query(), c.place(), c.setting(), c.actor(), c.substances()));
        boolean refusalExpected = c.expect() != null && c.expect().has("status");
        if (answer.answered() && refusalExpected) {
            return failed(located, "expected a refusal (" + c.expect().get("status").asText() + "), got an answer: "
                    + (answer.decision() == null ? Json.MAPPER.valueToTree(answer.fact()).path("answer_kind").asText()
                    : answer.decision().kind() + " " + answer.decision().subject() + " (understood as \""
                    + answer.decision().match().term() + "\", score " + answer.decision().match().score() + ")"));
        }
        if (!answer.answered()) {
            if (!refusalExpected) {
                return failed(located, "query \"" + c.query() + "\" refused: " + answer.refusal().message()
                        + "; candidates: " + candidates(answer.refusal().candidates()));
            }
            CaseResult result = compare(located, Json.MAPPER.valueToTree(answer.refusal()), List.of());
            List<String> differences = new ArrayList<>(result.differences());
            List<String> got = answer.refusal().candidates().stream().map(Candidate::entry).toList();
            List<String> expected = c.expectCandidates() == null ? List.of() : c.expectCandidates();
            // [] means no candidates at all; otherwise the list the refusal must start with.
            if (expected.isEmpty() ? c.expectCandidates() != null && !got.isEmpty()
                    : got.size() < expected.size() || !got.subList(0, expected.size()).equals(expected)) {
                differences.add("candidates: expected " + expected + " first, got " + candidates(
                        answer.refusal().candidates()));
            }
            return new CaseResult(result.file(), result.line(), result.name(), differences, List.of());
        }
        List<String> rules = answer.decision() == null ? List.of()
                : answer.decision().explanation().stream().map(Decision.Explanation::rule).toList();
        return compare(located, Json.MAPPER.valueToTree(answer.json()), rules);
    }

    private static String candidates(List<Candidate> candidates) {
        return candidates.isEmpty() ? "none" : String.join(", ", candidates.stream()
                .map(k -> k.entry() + " " + k.score()).toList());
    }

    /** A trends case: the report of the window, judged by the same trend rules as {@code policy trends}. */
    private CaseResult runTrends(Located<PolicyTestCase> located) throws InvalidInputException {
        PolicyTestCase.TrendsQuestion q = located.value().trends();
        if (trendInputs == null) {
            trendInputs = TrendInputs.load(factsDir);
        }
        TrendInputs inputs = trendInputs;
        if (q.statistics() != null) {
            inputs = new TrendInputs(StatisticsFile.read(Path.of(located.file()).resolveSibling(q.statistics())),
                    inputs.claims(), inputs.stableBandPercent());
        }
        TrendReport report;
        try {
            report = new TrendAnalysis(classifier.rules()).analyse(inputs,
                    Window.of(inputs.statistics().years(), q.from(), q.to()),
                    q.stableBand() != null ? q.stableBand() : inputs.stableBandPercent());
        } catch (IllegalArgumentException e) {
            return failed(located, "the trends run cannot be made: " + e.getMessage());
        }
        List<String> rules = report.flags().stream().map(Finding::rule).distinct().toList();
        // As policy trends --format json prints it: the rules' ids in the words of the default language.
        TrendWording wording = new TrendWording(classifier.vocabulary());
        return compare(located, Json.MAPPER.valueToTree(wording.in(report, wording.words().defaultLanguage())),
                rules);
    }

    private static CaseResult compare(Located<PolicyTestCase> located, JsonNode actual, List<String> rules) {
        PolicyTestCase c = located.value();
        List<String> differences = new ArrayList<>();
        if (c.expect() != null) {
            c.expect().fields().forEachRemaining(e -> {
                JsonNode got = actual.get(e.getKey());
                if (!matches(e.getValue(), got)) {
                    differences.add(e.getKey() + ": expected " + e.getValue() + ", got " + got);
                }
            });
        }
        if (c.expectFlags() != null) {
            for (JsonNode flag : c.expectFlags()) {
                boolean found = false;
                for (JsonNode got : actual.get("flags")) {
                    found |= matches(flag, got);
                }
                if (!found) {
                    differences.add("expect_flags: no flag matches " + flag);
                }
            }
        }
        for (String rule : c.fired()) {
            if (!rules.contains(rule)) {
                differences.add("fired: expected rule " + rule + " to fire; it did not");
            }
        }
        return new CaseResult(located.file(), located.line(), c.name(), differences, rules);
    }

    private static CaseResult failed(Located<PolicyTestCase> located, String why) {
        return new CaseResult(located.file(), located.line(), located.value().name(), List.of(why), List.of());
    }

    /** Objects match when every expected field matches; lists element by element; values when equal. */
    static boolean matches(JsonNode expected, JsonNode actual) {
        if (actual == null) {
            return expected.isNull();
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!matches(e.getValue(), actual.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!matches(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isNumber() && actual.isNumber()) {
            // YAML reads -9.85 as a double, the report holds an exact decimal: compare the values.
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    private Coverage coverage(Set<String> fired, ProfileText profile, Map<String, String> reasons) {
        List<RuleInfo> all = classifier.rules().rules();
        List<RuleInfo> notFired = all.stream().filter(r -> !fired.contains(r.id())).toList();
        List<String> notQuoted = new ArrayList<>();
        List<String> notTested = new ArrayList<>();
        for (String sentence : profile.sentences()) {
            List<RuleInfo> quoting = all.stream().filter(r -> ProfileText.quotes(r.source(), sentence)).toList();
            if (quoting.isEmpty()) {
                notQuoted.add(sentence);
            } else if (quoting.stream().noneMatch(r -> fired.contains(r.id()))) {
                notTested.add(sentence);
            }
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (String sentence : notQuoted) {
            String reason = reasons.get(ProfileText.normalise(sentence));
            if (reason != null) {
                given.put(sentence, reason);
            }
        }
        Set<String> unquoted = notQuoted.stream().map(ProfileText::normalise).collect(Collectors.toSet());
        List<String> stale = reasons.keySet().stream().filter(s -> !unquoted.contains(s)).toList();
        return new Coverage(all.size(), notFired, profile.sentences().size(), notQuoted, notTested, given, stale);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Set<String> fields(Class<?>... types) {
        Set<String> fields = new java.util.LinkedHashSet<>();
        for (Class<?> type : types) {
            for (BeanPropertyDefinition p : Json.MAPPER.getSerializationConfig()
                    .introspect(Json.MAPPER.constructType(type)).findProperties()) {
                if (p.couldSerialize()) {
                    fields.add(p.getName());
                }
            }
        }
        return fields;
    }
}
