package org.policyclassifier.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;
import org.policyclassifier.TestPaths;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.Corpus;
import org.policyclassifier.classify.Decision;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.facts.Vocabulary;
import org.policyclassifier.io.Json;

/** Rules kept compiled between runs: the same answers, and an edit is never missed. */
class CompiledRulesTest {

    @TempDir
    Path temp;

    static final List<CaseRecord> CASES = List.of(
            new CaseRecord("a", "intervention", "needle_exchange", null, "Charleroi", null, null, null),
            new CaseRecord("b", "intervention", "prison_drug_programme", null, null, null, null, null),
            new CaseRecord("c", "intervention", "outpatient_treatment", null, "Gent", "hospital", null, null),
            new CaseRecord("d", "offence", null, "use", "Eupen", null, "province", List.of("cannabis", "tobacco")));

    private List<String> cacheFiles(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String answers(RuleSet rules) throws Exception {
        Classifier classifier = new Classifier(rules, Vocabulary.load(TestPaths.FACTS));
        StringBuilder out = new StringBuilder();
        for (CaseRecord c : CASES) {
            Decision d = classifier.classify(c);
            out.append(Json.MAPPER.writeValueAsString(d)).append('\n');
        }
        return out.toString();
    }

    /**
     * Every case of the corpus (every subject, in every kind of place, setting, with every actor and
     * substance) in one rule session: the decisions with their full explanations, so the rules that
     * fired and in which order, or the reasons for rejecting.
     */
    private static String corpusAnswers(RuleSet rules, Vocabulary vocabulary) throws Exception {
        StringBuilder out = new StringBuilder();
        for (Classifier.Outcome o : new Classifier(rules, vocabulary).classifyAll(Corpus.variants(vocabulary))) {
            out.append(o.rejection() != null ? o.rejection().getMessage() : Json.MAPPER.writeValueAsString(o.decision()))
                    .append('\n');
        }
        return out.toString();
    }

    @Test
    void rulesLoadedFromTheCacheAnswerAsTheCompiledOnes() throws Exception {
        Path cache = temp.resolve("cache");
        Vocabulary vocabulary = Vocabulary.load(TestPaths.FACTS);
        RuleSet compiled = RuleSet.compile(TestPaths.RULES);
        String expected = corpusAnswers(compiled, vocabulary);
        RuleSet stored = RuleSet.compile(TestPaths.RULES, EngineSettings.DEFAULTS.withRulesCache(cache));
        assertEquals(expected, corpusAnswers(stored, vocabulary));
        List<String> kept = cacheFiles(cache);
        assertEquals(1, kept.size());
        RuleSet loaded = RuleSet.compile(TestPaths.RULES, EngineSettings.DEFAULTS.withRulesCache(cache));
        assertEquals(expected, corpusAnswers(loaded, vocabulary));
        assertEquals(compiled.rules(), loaded.rules());
        assertEquals(kept, cacheFiles(cache));
        // The rules that classify cases load from the same file, and answer alike.
        RuleSet cases = RuleSet.compile(TestPaths.RULES, EngineSettings.DEFAULTS.withRulesCache(cache), Classifier.CASE_RULES);
        assertEquals(expected, corpusAnswers(cases, vocabulary));
        assertEquals(compiled.rules().stream().filter(r -> !r.id().startsWith("TRD-")).toList(), cases.rules());
        assertEquals(kept, cacheFiles(cache));
    }

    @Test
    void aFolderFirstCompiledForCasesIsKeptWhole() throws Exception {
        Path cache = temp.resolve("cache");
        RuleSet cases = RuleSet.compile(TestPaths.RULES, EngineSettings.DEFAULTS.withRulesCache(cache), Classifier.CASE_RULES);
        assertTrue(cases.rules().stream().noneMatch(r -> r.id().startsWith("TRD-")));
        assertEquals(RuleSet.compile(TestPaths.RULES).rules(), RuleSet.compile(TestPaths.RULES, EngineSettings.DEFAULTS.withRulesCache(cache)).rules());
        assertEquals(1, cacheFiles(cache).size());
    }

    @Test
    void anEditedRuleIsCompiledAfresh() throws Exception {
        Path cache = temp.resolve("cache");
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        String before = answers(RuleSet.compile(rules, EngineSettings.DEFAULTS.withRulesCache(cache)));
        RuleFolders.edit(rules.resolve("responsibility.drl"), "rule \"RESP-002 Tertiary prevention is led locally",
                "rule \"RESP-002 Tertiary care is led locally");
        String after = answers(RuleSet.compile(rules, EngineSettings.DEFAULTS.withRulesCache(cache)));
        assertNotEquals(before, after);
        assertEquals(before.replace("Tertiary prevention is led locally", "Tertiary care is led locally"), after);
        assertEquals(2, cacheFiles(cache).size());
    }

    @Test
    void ruleFilesThatDoNotCompileAreReportedAsWithoutTheCacheAndNotKept() throws Exception {
        Path cache = temp.resolve("cache");
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        RuleFolders.edit(rules.resolve("responsibility.drl"), "TierAssigned( caseId == $id, tier == \"tertiary\" )",
                "TierAssigned( caseId == $id, tierr == \"tertiary\" )");
        InvalidInputException uncached = assertThrows(InvalidInputException.class, () -> RuleSet.compile(rules));
        InvalidInputException cached = assertThrows(InvalidInputException.class, () -> RuleSet.compile(rules, EngineSettings.DEFAULTS.withRulesCache(cache)));
        assertEquals(uncached.problems(), cached.problems());
        assertTrue(cached.getMessage().contains("responsibility.drl:24"), cached.getMessage());
        assertTrue(!Files.exists(cache) || cacheFiles(cache).isEmpty());
    }

    @Test
    void aDamagedCacheFileIsReplacedAndFilesOfOtherBuildsRemoved() throws Exception {
        Path cache = temp.resolve("cache");
        String compiled = answers(RuleSet.compile(TestPaths.RULES, EngineSettings.DEFAULTS.withRulesCache(cache)));
        Path kept = cache.resolve(cacheFiles(cache).get(0));
        Files.write(kept, new byte[] {1, 2, 3});
        // What an older format or another build of the program left is removed, not kept for ever.
        Path otherBuild = cache.resolve("0123456789abcdef.rules");
        Files.write(otherBuild, new byte[] {(byte) 0xac, (byte) 0xed, 0, 5});
        assertEquals(compiled, answers(RuleSet.compile(TestPaths.RULES, EngineSettings.DEFAULTS.withRulesCache(cache))));
        assertNotEquals(3, Files.size(kept));
        assertEquals(List.of(kept.getFileName().toString()), cacheFiles(cache));
    }
}
