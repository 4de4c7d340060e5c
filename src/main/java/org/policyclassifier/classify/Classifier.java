package org.policyclassifier.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.facts.Vocabulary;
import org.policyclassifier.rules.EngineSettings;
import org.policyclassifier.rules.RuleSet;

/**
 * The engine: classifies case records with the rules of one folder and the facts of another.
 * Thread-safe once built; each call runs its own rule session.
 */
public final class Classifier {

    /** Far above what any sane policy fires per case; reaching it means rules feed each other forever. */
    private static final int MAX_FIRINGS_PER_CASE = 1_000;

    /**
     * The rule files that classify cases: those that declare the case fact. The trend rules match
     * only the facts of {@code policy trends} and are left out.
     */
    public static final RuleSet.Part CASE_RULES = RuleSet.Part.matching(Case.class);

    private final RuleSet rules;
    private final Vocabulary vocabulary;
    private final CaseResolver resolver;
    private final DecisionAssembler assembler;

    public Classifier(RuleSet rules, Vocabulary vocabulary) {
        this.rules = rules;
        this.vocabulary = vocabulary;
        this.resolver = new CaseResolver(vocabulary);
        this.assembler = new DecisionAssembler(vocabulary);
    }

    /** Loads facts and compiles rules under the default settings; every problem of both is reported together. */
    public static Classifier load(Path rulesDir, Path factsDir) throws InvalidInputException {
        return load(rulesDir, factsDir, EngineSettings.DEFAULTS);
    }

    /**
     * As {@link #load(Path, Path)}, under {@code settings} (the rules' time limit and cache). The
     * facts are read on another thread while the rules load: each takes a good part of start-up.
     */
    public static Classifier load(Path rulesDir, Path factsDir, EngineSettings settings) throws InvalidInputException {
        return load(rulesDir, () -> Vocabulary.load(factsDir), settings, RuleSet.Part.ALL);
    }

    /**
     * As {@link #load(Path, Path, EngineSettings)}, with the facts {@code loadFacts} returns: it runs on
     * the other thread, so a caller may add there work of its own that needs the facts and not the
     * rules. Only the rule files of {@code part} are compiled: {@link #CASE_RULES} for a caller that
     * uses {@link #rules()} for nothing but classifying.
     */
    public static Classifier load(Path rulesDir, Callable<Vocabulary> loadFacts, EngineSettings settings,
            RuleSet.Part part) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        FutureTask<Vocabulary> facts = new FutureTask<>(loadFacts);
        Thread reader = new Thread(facts, "policy-facts");
        reader.setDaemon(true);
        reader.start();
        RuleSet rules = null;
        try {
            rules = RuleSet.compile(rulesDir, settings, part);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        Vocabulary vocabulary = null;
        try {
            vocabulary = facts.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InvalidInputException invalid) {
                problems.addAll(0, invalid.problems()); // facts first, as before
            } else if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            } else {
                throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the facts", e);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Classifier(rules, vocabulary);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public RuleSet rules() {
        return rules;
    }

    /** Classifies one record. */
    public Decision classify(CaseRecord record) throws InvalidCaseException, InvalidInputException {
        Outcome outcome = classifyAll(List.of(record)).get(0);
        if (outcome.rejection() != null) {
            throw outcome.rejection();
        }
        return outcome.decision();
    }

    /**
     * Classifies records in one rule session; the outcomes come in input order, each a decision
     * or the reason the record was rejected. Throws only for faults of the rules themselves.
     */
    public List<Outcome> classifyAll(List<CaseRecord> records) throws InvalidInputException {
        List<Outcome> outcomes = new ArrayList<>(records.size());
        List<Case> cases = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                // The position keeps case ids unique even when record ids repeat or are missing.
                Case c = resolver.resolve(records.get(i), "#" + i);
                cases.add(c);
                outcomes.add(new Outcome(records.get(i), c, null, null));
            } catch (InvalidCaseException e) {
                outcomes.add(new Outcome(records.get(i), null, null, e));
            }
        }
        FiringRecorder recorder = run(cases);
        int next = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            if (o.rejection() == null) {
                outcomes.set(i, new Outcome(o.record(), o.resolved(),
                        assembler.assemble(o.record().id(), o.resolved(), recorder.trace(next++), true), null));
            }
        }
        return outcomes;
    }

    /**
     * Checks a record against the vocabulary and gives the case the rules would see, under
     * {@code caseId}; throws when the record is rejected. With {@link #decide}, lets a caller look
     * the case up before running the rules.
     */
    public Case resolve(CaseRecord record, String caseId) throws InvalidCaseException {
        return resolver.resolve(record, caseId);
    }

    /**
     * Runs the rules on resolved cases (ids unique among them) in one rule session; the decisions
     * come in order, each without a record id and without a place (the caller has the case, and
     * {@link Decision.PlaceEntry#of} gives its place). Throws only for faults of the rules themselves.
     */
    public List<Decision> decide(List<Case> cases) throws InvalidInputException {
        FiringRecorder recorder = run(cases);
        List<Decision> decisions = new ArrayList<>(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            decisions.add(assembler.assemble(null, cases.get(i), recorder.trace(i), false));
        }
        return decisions;
    }

    private FiringRecorder run(List<Case> cases) throws InvalidInputException {
        FiringRecorder recorder = new FiringRecorder(rules, cases);
        rules.fire(cases, MAX_FIRINGS_PER_CASE * Math.max(1, cases.size()), recorder);
        return recorder;
    }

    /** A record and what became of it: a decision, or the reason it was rejected. */
    public record Outcome(CaseRecord record, Case resolved, Decision decision, InvalidCaseException rejection) {
    }
}
