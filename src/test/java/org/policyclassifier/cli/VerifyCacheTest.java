package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;

/** {@code policy classify --verify-cache N}: the rules run again on cached records, and any difference stops the run. */
class VerifyCacheTest {

    @TempDir
    Path temp;

    /** Needle exchanges alternately in Antwerp and Ghent: the bundled rules decide both alike but for the place. */
    private Path records() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            lines.append("{\"id\":\"r").append(i).append("\",\"kind\":\"intervention\",\"type\":\"needle_exchange\",")
                    .append("\"place\":\"").append(i % 2 == 0 ? "Antwerpen" : "Gent").append("\"}\n");
        }
        return Files.writeString(temp.resolve("records.jsonl"), lines);
    }

    @Test
    void theBundledRulesGiveEveryCachedRecordTheDecisionTheRulesGive() throws Exception {
        ClassifyCommandTest.Run r = ClassifyCommandTest.run("classify", records().toString(), "-o", temp.resolve("out.jsonl").toString(),
                "--verify-cache", "1");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        Matcher verified = Pattern.compile("  verified (\\d+) decisions of the cache against the rules: all the same")
                .matcher(r.err());
        assertTrue(verified.find(), r.err());
        // Records of the first chunks meet an empty cache: the rules decide them anyway.
        assertTrue(Integer.parseInt(verified.group(1)) >= 1000, r.err());
    }

    @Test
    void aRuleThatTestsATextBuiltFromTheMunicipalityGetsEachMunicipalityItsOwnDecision() throws Exception {
        // The municipality passed into a text counts by its value: the test inside the action is decided per municipality.
        Path rules = withRule("""
                    $c : Case( $id : caseId, $m : municipality != null )
                then
                    if (("x" + $m).equals("xGhent")) {
                        insert(new Flag($id, "GHENT", "no_lead"));
                    }
                """);
        ClassifyCommandTest.Run r = ClassifyCommandTest.run("classify", records().toString(), "--rules", rules.toString(),
                "-o", temp.resolve("out.jsonl").toString(), "--verify-cache", "1");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertTrue(r.err().contains("against the rules: all the same"), r.err());
        assertEquals(1500, Files.readAllLines(temp.resolve("out.jsonl")).stream().filter(l -> l.contains("\"GHENT\""))
                .count());
    }

    @Test
    void aRuleThatReadsWhatTheCacheLeavesOutIsCaught() throws Exception {
        // The case id is the rule session's handle on a case (the record's position in its chunk), left out of
        // the cache's key: a rule that tests it decides the records of one key apart.
        Path rules = withRule("""
                    Case( $id : caseId, caseId == "#3" )
                then
                    insert(new Flag($id, "FOURTH", "no_lead"));
                """);
        Path records = records();
        ClassifyCommandTest.Run r = ClassifyCommandTest.run("classify", records.toString(), "--rules", rules.toString(), "-o",
                temp.resolve("out.jsonl").toString(), "--verify-cache", "1");
        assertEquals(ExitCode.INVALID_INPUT, r.exit(), r.err());
        assertTrue(r.err().matches("(?s).*" + Pattern.quote(records.toString()) + ":\\d+: the decision cache gave record"
                + " 'r\\d+' a decision the rules do not give it: a rule reads something of the case that the cache"
                + " leaves out.*FOURTH.*Run with --cache-mb 0 for these rules.*"), r.err());
        assertTrue(Files.notExists(temp.resolve("out.jsonl")), "nothing is written when the run stops");
        ClassifyCommandTest.Run uncached = ClassifyCommandTest.run("classify", records.toString(), "--rules", rules.toString(), "-o",
                temp.resolve("out.jsonl").toString(), "--cache-mb", "0");
        assertEquals(ExitCode.OK, uncached.exit(), uncached.err());
        assertEquals(3, Files.readAllLines(temp.resolve("out.jsonl")).stream().filter(l -> l.contains("\"FOURTH\""))
                .count(), "the fourth record of each chunk of 1,000");
    }

    /** The bundled rules and T-001, whose condition and action are {@code body}. */
    private Path withRule(String body) throws Exception {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        Files.writeString(rules.resolve("tested.drl"), """
                package policy.tested
                import org.policyclassifier.classify.*;
                rule "T-001 A rule under test"
                    @id("T-001")
                    @source("For the axis “demand reduction” : Federated states and local authorities")
                when
                %send
                """.formatted(body));
        return rules;
    }

    @Test
    void decisionsInAnotherLanguageNameEachRecordsOwnMunicipalityWithOrWithoutTheCache() throws Exception {
        Path records = records();
        ClassifyCommandTest.Run cached = ClassifyCommandTest.run("classify", records.toString(), "-o",
                temp.resolve("cached.jsonl").toString(), "--lang", "nl");
        ClassifyCommandTest.Run ruled = ClassifyCommandTest.run("classify", records.toString(), "-o",
                temp.resolve("ruled.jsonl").toString(), "--lang", "nl", "--cache-mb", "0");
        assertEquals(ExitCode.OK, cached.exit(), cached.err());
        assertEquals(ExitCode.OK, ruled.exit(), ruled.err());
        java.util.List<String> lines = Files.readAllLines(temp.resolve("cached.jsonl"));
        assertEquals(Files.readAllLines(temp.resolve("ruled.jsonl")), lines);
        assertTrue(lines.get(0).contains("\"entity\":\"lokale besturen van Antwerpen\""), lines.get(0));
        assertTrue(lines.get(2999).contains("\"entity\":\"lokale besturen van Gent\""), lines.get(2999));
        assertTrue(lines.get(2999).contains("\"entity\":\"Vlaamse Gemeenschap\""), lines.get(2999));
    }

    @Test
    void aSampleOfNoneIsAUsageError() {
        ClassifyCommandTest.Run r = ClassifyCommandTest.run("classify", "facts/cases-sample.jsonl", "--verify-cache", "0");
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().contains("--verify-cache must be 1 or more, got 0"), r.err());
    }
}
