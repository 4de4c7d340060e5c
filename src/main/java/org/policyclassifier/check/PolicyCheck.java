package org.policyclassifier.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.classify.Case;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.Classifier.Outcome;
import org.policyclassifier.classify.Corpus;
import org.policyclassifier.classify.Decision;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.facts.Vocabulary;
import org.policyclassifier.profile.ProfileText;
import org.policyclassifier.rules.FieldReads;
import org.policyclassifier.rules.RuleInfo;
import org.policyclassifier.rules.RuleSet;
import org.policyclassifier.trends.TrendAnalysis;
import org.policyclassifier.trends.TrendCorpus;
import org.policyclassifier.trends.TrendInputs;
import org.policyclassifier.rules.EngineSettings;

/**
 * {@code rules check}: does the policy compile, is every rule traceable to the profile, and does
 * it answer every case of the vocabulary once, without gaps, unsettled conflicts or dead rules.
 */
public final class PolicyCheck {

    private PolicyCheck() {
    }

    /** The rules are compiled afresh, never taken from {@code settings}' cache, as the check always has. */
    public static CheckReport run(Path rulesDir, Path factsDir, EngineSettings settings) {
        List<Finding> findings = new ArrayList<>();
        Vocabulary vocabulary = null;
        ProfileText profile = null;
        RuleSet rules = null;
        try {
            vocabulary = Vocabulary.load(factsDir);
        } catch (InvalidInputException e) {
            errors(e, findings);
        }
        try {
            profile = ProfileText.read(factsDir.resolve("profile.txt"));
        } catch (InvalidInputException e) {
            errors(e, findings);
        }
        try {
            rules = RuleSet.compile(rulesDir, settings.withRulesCache(null));
        } catch (InvalidInputException e) {
            errors(e, findings);
        }
        if (rules != null && profile != null) {
            checkSources(rules, profile, findings);
        }
        int unworded = findings.size();
        if (rules != null && vocabulary != null) {
            new WordingCheck(vocabulary.words()).check(rules.rules(), findings);
        }
        // Rules whose conclusions have no words cannot answer: their runs would only repeat the problem.
        if (rules != null && vocabulary != null && findings.size() == unworded) {
            try {
                Classifier classifier = new Classifier(rules, vocabulary);
                checkAnswers(classifier, factsDir, findings);
                checkDeadRules(classifier, trendRulesFired(rules, factsDir, findings), findings);
            } catch (InvalidInputException e) {
                errors(e, findings);
            }
        }
        findings.sort(Comparator.comparing((Finding f) -> String.valueOf(f.file())).thenComparingInt(Finding::line));
        Map<String, String> reads = new LinkedHashMap<>();
        if (rules != null) {
            FieldReads fieldReads = rules.fieldReads(Case.class);
            for (String field : fieldReads.fields()) {
                if (!field.equals("caseId")) { // the session's handle on the case, never part of a decision
                    reads.put(field, fieldReads.read(field).name().toLowerCase(Locale.ROOT));
                }
            }
        }
        return new CheckReport(rules == null ? 0 : rules.rules().size(), findings, reads);
    }

    private static void checkSources(RuleSet rules, ProfileText profile, List<Finding> findings) {
        for (RuleInfo r : rules.rules()) {
            if (!profile.contains(r.source())) {
                findings.add(new Finding("source", r.file(), r.line(), r.id(), "rule " + r.id()
                        + ": @source is not in the profile: \"" + r.source() + "\". Closest sentence: \""
                        + profile.closest(r.source()) + "\""));
                continue;
            }
            ProfileText.Kind kind = profile.kindOf(r.source()).orElse(ProfileText.Kind.STATEMENT);
            if (kind != ProfileText.Kind.STATEMENT) {
                String suggestion = kind == ProfileText.Kind.HEADING
                        ? profile.sentenceAfter(r.source()).map(s -> "the first sentence under it: \"" + s + "\"")
                                .orElse("")
                        : "closest: \"" + profile.closest(r.source()) + "\"";
                findings.add(new Finding("source", r.file(), r.line(), r.id(), "rule " + r.id() + ": @source is "
                        + kind.words() + " of the profile, not a sentence that states something: \"" + r.source()
                        + "\". Quote the sentence the rule rests on" + (suggestion.isEmpty() ? "" : "; " + suggestion)));
            }
        }
    }

    /**
     * Gaps and unsettled conflicts over every type and category, with and without a place: one
     * finding per kind of problem, naming the subjects it hits.
     */
    private static void checkAnswers(Classifier classifier, Path factsDir, List<Finding> findings)
            throws InvalidInputException {
        List<Outcome> outcomes = classifier.classifyAll(Corpus.vocabulary(classifier.vocabulary()));
        Map<String, Finding> first = new LinkedHashMap<>();
        Map<String, Set<String>> subjects = new LinkedHashMap<>();
        Map<String, Integer> cases = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            if (o.rejection() != null) {
                findings.add(new Finding("error", null, 0, null, "the vocabulary case '" + o.record().id()
                        + "' cannot be classified: " + o.rejection().getMessage()));
                continue;
            }
            Decision d = o.decision();
            for (Decision.FlagEntry flag : d.flagDetails()) {
                Finding f = switch (flag.code()) {
                    case "GAP" -> new Finding("gap", factsFile(factsDir, d), 0, null, flag.detail().replace("this case ", ""));
                    case "CONFLICT" -> declaredSplit(d) ? null : conflict(classifier, d);
                    default -> null;
                };
                if (f != null) {
                    String key = f.kind() + "|" + f.file() + "|" + f.message();
                    first.putIfAbsent(key, f);
                    subjects.computeIfAbsent(key, k -> new java.util.LinkedHashSet<>()).add(d.kind() + " " + d.subject());
                    cases.merge(key, 1, Integer::sum);
                }
            }
        }
        first.forEach((key, f) -> findings.add(new Finding(f.kind(), f.file(), f.line(), f.rule(), f.message()
                + ", for " + String.join(", ", subjects.get(key)) + " (" + cases.get(key) + " case"
                + (cases.get(key) == 1 ? "" : "s") + " with and without a place)")));
    }

    /**
     * A conflict one of its own claiming rules declares (flag SPLIT_COMPETENCE): a competence the
     * policy knows to be split, reported with both levels on purpose, not a mistake in the rules.
     */
    private static boolean declaredSplit(Decision d) {
        return d.flagDetails().stream().anyMatch(f -> f.code().equals("SPLIT_COMPETENCE")
                && d.conflictingClaims().stream().anyMatch(c -> c.rule().equals(f.rule())));
    }

    private static Finding conflict(Classifier classifier, Decision d) {
        RuleInfo firstRule = classifier.rules().rules().stream()
                .filter(r -> r.id().equals(d.conflictingClaims().get(0).rule())).findFirst().orElseThrow();
        String claims = d.conflictingClaims().stream().map(c -> c.rule() + " says " + c.level())
                .collect(Collectors.joining(", "));
        return new Finding("conflict", firstRule.file(), firstRule.line(), firstRule.id(),
                "rules claim different lead levels and none overrides the other (" + claims + ")");
    }

    private static String factsFile(Path factsDir, Decision d) {
        return factsDir.resolve(d.kind().equals("offence") ? "offence-categories.json" : "intervention-types.json")
                .toString();
    }

    /** The trend rules that fire on the statistics, in any window and band; none when they cannot be read. */
    private static Set<String> trendRulesFired(RuleSet rules, Path factsDir, List<Finding> findings) {
        try {
            return TrendCorpus.firedRules(new TrendAnalysis(rules), TrendInputs.load(factsDir));
        } catch (InvalidInputException e) {
            errors(e, findings);
            return Set.of();
        }
    }

    /**
     * Rules that fire for no case at all, even trying every setting, actor and substance, nor for
     * the offence statistics in any window.
     */
    private static void checkDeadRules(Classifier classifier, Set<String> trendRulesFired, List<Finding> findings)
            throws InvalidInputException {
        List<CaseRecord> cases = Corpus.variants(classifier.vocabulary());
        Set<String> fired = new HashSet<>(trendRulesFired);
        for (Outcome o : classifier.classifyAll(cases)) {
            if (o.decision() != null) {
                o.decision().explanation().forEach(e -> fired.add(e.rule()));
            }
        }
        for (RuleInfo r : classifier.rules().rules()) {
            if (!fired.contains(r.id())) {
                findings.add(new Finding("dead", r.file(), r.line(), r.id(), "rule " + r.id()
                        + " never fires: not for any case of the vocabulary, in any place, setting, actor or"
                        + " substance, nor for the offence statistics in any window"));
            }
        }
    }

    private static void errors(InvalidInputException e, List<Finding> findings) {
        for (Problem p : e.problems()) {
            findings.add(new Finding("error", p.file(), p.line(), null, p.message()));
        }
    }
}
