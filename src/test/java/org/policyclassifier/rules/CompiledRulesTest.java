package org.policyclassifier.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;
import org.policyclassifier.TestPaths;
import org.policyclassifier.classify.CaseRecord;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.Decision;
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

    @Test
    void rulesLoadedFromTheCacheAnswerAsTheCompiledOnes() throws Exception {
        Path cache = temp.resolve("cache");
        String compiled = answers(RuleSet.compile(TestPaths.RULES));
        assertEquals(compiled, answers(RuleSet.compile(TestPaths.RULES, cache)));
        List<String> kept = cacheFiles(cache);
        assertEquals(1, kept.size());
        assertEquals(compiled, answers(RuleSet.compile(TestPaths.RULES, cache)));
        assertEquals(kept, cacheFiles(cache));
    }

    @Test
    void anEditedRuleIsCompiledAfresh() throws Exception {
        Path cache = temp.resolve("cache");
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        String before = answers(RuleSet.compile(rules, cache));
        RuleFolders.edit(rules.resolve("responsibility.drl"), "rule \"RESP-002 Tertiary prevention is led locally",
                "rule \"RESP-002 Tertiary care is led locally");
        String after = answers(RuleSet.compile(rules, cache));
        assertNotEquals(before, after);
        assertEquals(before.replace("Tertiary prevention is led locally", "Tertiary care is led locally"), after);
        assertEquals(2, cacheFiles(cache).size());
    }

    @Test
    void aDamagedCacheFileIsIgnoredAndReplaced() throws Exception {
        Path cache = temp.resolve("cache");
        String compiled = answers(RuleSet.compile(TestPaths.RULES, cache));
        Path kept = cache.resolve(cacheFiles(cache).get(0));
        Files.write(kept, new byte[] {1, 2, 3});
        assertEquals(compiled, answers(RuleSet.compile(TestPaths.RULES, cache)));
        assertNotEquals(3, Files.size(kept));
    }
}
