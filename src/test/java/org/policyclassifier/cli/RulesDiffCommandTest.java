package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;
import org.policyclassifier.io.Json;

/** {@code policy rules diff}: what a change of the rules changes. */
class RulesDiffCommandTest {

    @TempDir
    Path temp;
    Path changed;
    /** The bundled facts without the sample records: the corpus is the vocabulary alone, 341 cases. */
    String facts;

    @BeforeEach
    void changeATier() throws IOException {
        Path vocabularyOnly = RuleFolders.copyBundledFacts(temp.resolve("facts"));
        Files.delete(vocabularyOnly.resolve("cases-sample.jsonl"));
        facts = "--facts=" + vocabularyOnly;
        changed = RuleFolders.copyBundled(temp.resolve("rules"));
        RuleFolders.edit(changed.resolve("intervention-types.drl.csv"), "needle_exchange,reduce_risks,demand_reduction,"
                + "tertiary", "needle_exchange,reduce_risks,demand_reduction,secondary");
    }

    @Test
    void aChangeOfTierShowsItsTransitionsTheCasesAndTheRuleThatChanged() {
        Cli r = Cli.run("rules", "diff", facts, "--base", "rules", "--rules", changed.toString());
        String out = r.out();
        assertTrue(out.startsWith("16 of 928 decisions changed\n"), out);
        assertTrue(out.contains("\ntier:\n  tertiary → secondary: 16\n"), out);
        assertTrue(out.contains("\nlead_level:\n  local → regional: 16\n"), out);
        assertTrue(out.contains("\nlevels:\n  [federal: subsidiary funding, local: runs the care, with non-profit "
                + "partners, regional: funding (subsidy policy) and rule-making] → [federal: subsidiary funding, local: "
                + "carries out prevention locally, regional: develops the prevention actions: general campaigns; "
                + "funding (subsidy policy) and rule-making]: 16\n"), out);
        assertTrue(out.contains("  intervention needle_exchange @Herne\n"
                + "    tier: tertiary → secondary\n"
                + "    lead_level: local → regional\n"), out);
        assertTrue(out.contains("    no longer fired: RESP-002\n    now fired: RESP-001, RESP-005\n"), out);
        assertTrue(out.endsWith("Rules added: none\nRules removed: none\nRules changed: TYPE-007\n"), out);
        assertEquals(0, r.exit());
    }

    @Test
    void failOnChangeIsForCi() {
        assertEquals(1, Cli.run("rules", "diff", facts, "--base", "rules", "--rules", changed.toString(),
                "--fail-on-change").exit());
        Cli same = Cli.run("rules", "diff", facts, "--base", "rules", "--fail-on-change");
        assertTrue(same.out().startsWith("0 of 928 decisions changed\n"), same.out());
        assertEquals(0, same.exit());
    }

    @Test
    void addedAndRemovedRulesAreListed() throws IOException {
        Files.delete(changed.resolve("coordination.drl"));
        Files.writeString(changed.resolve("extra.drl"), """
                package policy.extra
                import org.policyclassifier.classify.*;
                rule "EXT-001 Nightlife work is flagged"
                    @id("EXT-001")
                    @source("Reduce risks and damages associated with drug/alcohol use")
                when
                    $c : Case( $id : caseId, setting == "nightlife" )
                then
                    insert(new Flag($id, "NIGHTLIFE", "no_lead"));
                end
                """);
        Cli r = Cli.run("rules", "diff", facts, "--base", "rules", "--rules", changed.toString(), "--format", "json");
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertEquals("[\"EXT-001\"]", json.get("rules_added").toString());
        assertEquals("[\"COORD-001\",\"COORD-002\",\"COORD-003\"]", json.get("rules_removed").toString());
        assertEquals(928, json.get("cases").asInt());
        // Every case loses its coordination or its lead, but the six subjects with no axis (tobacco,
        // e-cigarettes, "other" offences and three topics beyond the profile's objectives) had neither:
        // their 96 cases (15 each, and the agreed queries about them) do not change.
        assertEquals(928 - 96, json.get("changed").asInt());
        assertEquals(16, json.get("transitions").get("flags").get("[] → [NIGHTLIFE]").asInt());
    }

    @Test
    void casesCanComeFromAFile() throws IOException {
        Path cases = temp.resolve("cases.jsonl");
        Files.writeString(cases, """
                {"id": "a", "kind": "intervention", "type": "needle_exchange"}
                {"kind": "offence", "category": "trade"}
                """);
        Cli r = Cli.run("rules", "diff", "--base", "rules", "--rules", changed.toString(), "--cases", cases.toString());
        assertTrue(r.out().startsWith("1 of 2 decisions changed\n"), r.out());
        assertTrue(r.out().contains("\n  a\n    tier: tertiary → secondary\n"), r.out());
        Files.writeString(cases, "{\"id\": \"a\", \"kind\": \"intervention\"\nnot json\n"
                + "{\"id\": \"b\", \"kind\": \"offence\", \"category\": \"trade\"}\n");
        Cli bad = Cli.run("rules", "diff", "--base", "rules", "--cases", cases.toString());
        assertTrue(bad.err().startsWith(cases + ":1: not compared: not valid JSON"), bad.err());
        assertTrue(bad.err().contains(cases + ":2: not compared: not valid JSON"), bad.err());
        assertTrue(bad.out().startsWith("0 of 1 decisions changed\n"), bad.out());
        assertEquals(0, bad.exit());
    }

    @Test
    void theDefaultCorpusAddsTheSampleAndNamesItsBadLines() {
        Cli r = Cli.run("rules", "diff", "--base", "rules", "--rules", changed.toString());
        assertTrue(r.out().startsWith("24 of 1227 decisions changed\n"), r.out());
        assertTrue(r.err().contains("facts/cases-sample.jsonl:266: not compared: unknown field 'plce'"), r.err());
    }

    @Test
    void brokenBaseRulesAreReportedNotCompared() {
        RuleFolders.edit(changed.resolve("scope.drl"), "actorLevel == \"provincial\" )", "actorLevel == \"provincial\"");
        Cli r = Cli.run("rules", "diff", "--base", changed.toString());
        assertTrue(r.err().startsWith(changed.resolve("scope.drl") + ":35: a parenthesis opened on this line is not "
                + "closed"), r.err());
        assertEquals(3, r.exit());
    }

    @Test
    void noCommandEverWritesIntoRulesOrFacts() throws IOException {
        Map<String, Long> before = snapshot();
        Cli.run("rules", "check");
        Cli.run("rules", "test", "--coverage");
        Cli.run("rules", "diff", "--base", changed.toString());
        Cli.run("query", "needle exchange");
        assertEquals(before, snapshot());
    }

    private static Map<String, Long> snapshot() throws IOException {
        Map<String, Long> files = new TreeMap<>();
        for (Path root : new Path[] {Path.of("rules"), Path.of("facts")}) {
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.toList()) {
                    files.put(p.toString(), Files.isRegularFile(p) ? Files.getLastModifiedTime(p).toMillis()
                            + Files.size(p) : -1L);
                }
            }
        }
        return files;
    }
}
