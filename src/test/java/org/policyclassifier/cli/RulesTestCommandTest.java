package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;

/** {@code policy rules test}: the bundled tests, and what a broken policy or test file looks like. */
class RulesTestCommandTest {

    @TempDir
    Path temp;
    Path rules;
    Path tests;

    @BeforeEach
    void copy() throws Exception {
        rules = RuleFolders.copyBundled(temp.resolve("rules"));
        tests = Files.createDirectory(rules.resolve("tests"));
    }

    @Test
    void theBundledTestsPassAndFireEveryRule() {
        // The same command policy staff run after an edit: Maven and the tool cannot drift apart.
        Cli r = Cli.run("rules", "test", "--min-coverage", "100");
        assertTrue(r.out().matches("(?s).*\n\\d+ passed, 0 failed\n"), r.out());
        assertEquals("", r.err());
        assertEquals(0, r.exit());
    }

    @Test
    void aChangeOfTierFailsFieldByFieldAndShowsTheRulesThatFired() throws Exception {
        Files.copy(Path.of("rules/tests/intervention-types.yaml"), tests.resolve("types.yaml"));
        RuleFolders.edit(rules.resolve("intervention-types.drl.csv"), "needle_exchange,reduce_risks,demand_reduction,"
                + "tertiary", "needle_exchange,reduce_risks,demand_reduction,secondary");
        Cli r = Cli.run("rules", "test", "--rules", rules.toString());
        assertTrue(r.out().contains("FAIL  " + tests.resolve("types.yaml") + ":70  needle exchange is demand "
                + "reduction, tertiary, led at local level\n"
                + "      tier: expected \"tertiary\", got \"secondary\"\n"
                + "      lead_level: expected \"local\", got \"regional\"\n"
                + "      rules fired: TYPE-007, RESP-001, RESP-003, RESP-004, RESP-005, COORD-001\n"), r.out());
        assertTrue(r.out().endsWith("31 passed, 1 failed\n"), r.out());
        assertEquals(1, r.exit());
    }

    @Test
    void coverageNamesTheRulesNoTestFiresAndFailsBelowTheMinimum() throws Exception {
        Files.writeString(tests.resolve("one.yaml"), """
                - name: needle exchange is local
                  note: local level runs tertiary care
                  query: needle exchange
                  expect: {lead_level: local}
                """);
        Cli r = Cli.run("rules", "test", "--rules", rules.toString(), "--min-coverage", "50");
        assertTrue(r.out().contains("Rules fired by a test: 5 of 126 (3.97%)\n  not fired: BEY-001  "
                + rules.resolve("beyond-profile.drl") + ":9\n"), r.out());
        assertTrue(r.out().contains("  quoted, but no test fires a rule quoting it: \"Increase production of synthetic "
                + "drugs, moving issues from Dutch and German borders to Belgium.\"\n"), r.out());
        assertTrue(r.out().contains("  quoted by no rule: \"Working groups: General Policy Cell Drugs\"\n      why: "
                + "repeats the Cell's name as a working group;"), r.out());
        assertTrue(r.out().endsWith("1 passed, 0 failed\n"), r.out());
        assertEquals("policy: tests fire 3.97% of the rules, below the minimum of 50%\n", r.err());
        assertEquals(1, r.exit());
    }

    @Test
    void aSentenceNoRuleQuotesNeedsAReasonWhenAMinimumIsSet() throws Exception {
        Files.copy(Path.of("rules/tests/fidelity.yaml"), tests.resolve("fidelity.yaml"));
        RuleFolders.edit(rules.resolve("unquoted-sentences.md"), "- \"Working groups: General Policy Cell Drugs\"",
                "- \"Working groups: General Policy Cell Drugs (no longer in the profile)\"");
        Cli r = Cli.run("rules", "test", "--rules", rules.toString(), "--coverage", "--min-coverage", "0");
        assertTrue(r.out().contains("  quoted by no rule: \"Working groups: General Policy Cell Drugs\"\n      why: NO "
                + "REASON: quote it in a rule or say why in unquoted-sentences.md\n"), r.out());
        assertTrue(r.out().contains("  stale reason in unquoted-sentences.md: \"Working groups: General Policy Cell "
                + "Drugs (no longer in the profile)\" is quoted by a rule, or is no sentence of the profile\n"), r.out());
        assertEquals("policy: 1 profile sentence(s) quoted by no rule without a reason, and 1 stale reason(s), in "
                + rules.resolve("unquoted-sentences.md") + "\n", r.err());
        assertEquals(1, r.exit());
    }

    @Test
    void aMalformedTestFileIsReportedWithFileLineAndField() throws Exception {
        Files.writeString(tests.resolve("bad.yaml"), """
                - name: fine
                  note: fine
                  query: needle exchange
                  expect: {axis: demand_reduction}

                - name: no note, both query and record, unknown expected field
                  query: needle exchange
                  record: {kind: offence, category: trade}
                  expect: {lead: local}

                - name: unknown field
                  note: x
                  qurey: needle exchange
                """);
        Files.writeString(tests.resolve("notes.txt"), "not a test");
        Cli r = Cli.run("rules", "test", "--rules", rules.toString());
        String bad = tests.resolve("bad.yaml").toString();
        assertEquals(bad + ":6: field 'note' is missing: say in one line why this is the agreed answer\n"
                + bad + ":6: give one of 'query' (a question as typed), 'record' (a case record) or 'trends' (a "
                + "trends run)\n"
                + bad + ":6: expect: unknown decision field 'lead'; decision fields: id, kind, subject, axis, tier, "
                + "lead_level, levels, actors, coordination, flags, flag_details, overrides, conflicting_claims, place, "
                + "explanation, match; a refused question's fields: status, question, message, option, candidates, "
                + "ignored_words, place_from_question, setting_from_question, substances_from_question, language\n"
                + bad + ":13: unknown field 'qurey'; known fields: actor, expect, expect_candidates, expect_flags, "
                + "fired, name, note, place, query, record, setting, substances, trends\n"
                + tests.resolve("notes.txt") + ": not a test file: test files end in .yaml, .yml or .json\n", r.err());
        assertEquals("", r.out());
        assertEquals(3, r.exit());
    }

    @Test
    void aTrendsCaseFailsWhenNoFlagMatches() throws Exception {
        Files.writeString(tests.resolve("t.yaml"), """
                - name: production rose
                  note: the profile claims an increase
                  trends: {from: 2016, to: 2017}
                  expect_flags: [{code: RISING, series: Production}]
                  fired: [TRD-012]
                """);
        Cli r = Cli.run("rules", "test", "--rules", rules.toString());
        assertEquals("FAIL  " + tests.resolve("t.yaml") + ":1  production rose\n"
                + "      expect_flags: no flag matches {\"code\":\"RISING\",\"series\":\"Production\"}\n"
                + "      rules fired: TRD-002, TRD-003, TRD-004, TRD-005, TRD-006, TRD-007, TRD-008, TRD-009, TRD-010, "
                + "TRD-012, TRD-015\n0 passed, 1 failed\n", r.out());
        assertEquals(1, r.exit());
    }

    @Test
    void aQueryThatMatchesNothingFailsTheCaseNotTheRun() throws Exception {
        Files.writeString(tests.resolve("q.json"), """
                [{"name": "noise", "note": "n", "query": "zzz qqq", "expect": {"axis": "demand_reduction"}}]
                """);
        Cli r = Cli.run("rules", "test", "--rules", rules.toString());
        assertEquals("FAIL  " + tests.resolve("q.json") + ":1  noise\n"
                + "      query \"zzz qqq\" refused: nothing in the vocabulary matches \"zzz qqq\"; candidates: none\n"
                + "      rules fired: none\n0 passed, 1 failed\n", r.out());
        assertEquals(1, r.exit());
    }

    /** Issue 20, item 11: 150 and -1 were accepted. */
    @Test
    void aMinimumCoverageOutside0To100IsAUsageError() {
        for (String percent : new String[] {"150", "-1", "100.5"}) {
            Cli r = Cli.run("rules", "test", "--min-coverage", percent);
            assertEquals(ExitCode.USAGE, r.exit(), r.err());
            assertTrue(r.err().startsWith("--min-coverage is a percentage from 0 to 100, got " + percent + "\n"),
                    r.err());
        }
    }
}
