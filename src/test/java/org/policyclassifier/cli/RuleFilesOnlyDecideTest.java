package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;

/**
 * Issue 20, items 1 and 3: a rule file that loops, runs a command or ends the program is refused
 * at its line by every command that loads rules, before any rule runs.
 */
class RuleFilesOnlyDecideTest {

    /** A rule whose action would loop forever, its loop on line 10. */
    static final String LOOPING_RULE = """
            package policy.loop
            import org.policyclassifier.classify.*;

            rule "LOOP-001 Never ends"
                @id("LOOP-001")
                @source("Statistics:")
            when
                $c : Case( kind == "intervention" )
            then
                while (true) { }
            end
            """;

    @TempDir
    Path temp;

    private Path rulesWith(String file, String drl) throws Exception {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        Files.writeString(rules.resolve(file), drl);
        return rules;
    }

    private Path cases() throws Exception {
        Path input = temp.resolve("cases.jsonl");
        Files.writeString(input, """
                {"id": "c1", "kind": "intervention", "type": "needle_exchange", "place": "Charleroi"}
                """);
        return input;
    }

    /** Every command that loads rules: check, query, classify, rules test. */
    private List<Cli> everyCommand(Path rules) throws Exception {
        Path out = temp.resolve("out.jsonl");
        return List.of(
                Cli.run("rules", "check", "--rules", rules.toString()),
                Cli.run("query", "needle exchange", "--rules", rules.toString()),
                Cli.run("classify", "--rules", rules.toString(), cases().toString(), "-o", out.toString()),
                Cli.run("rules", "test", "--rules", rules.toString()));
    }

    /** The line that names {@code where} tells {@code what} ({@code rules check} tags it "[error]" between). */
    private static boolean refusedAt(Cli r, String where, String what) {
        return (r.out() + r.err()).lines().anyMatch(l -> l.startsWith(where) && l.contains(what));
    }

    @Test
    void aRuleThatLoopsIsRefusedAtItsLineByEveryCommandBeforeAnyRuleRuns() throws Exception {
        Path rules = rulesWith("loop.drl", LOOPING_RULE);
        for (Cli r : assertTimeoutPreemptively(Duration.ofSeconds(120), () -> everyCommand(rules))) {
            assertEquals(ExitCode.INVALID_INPUT, r.exit(), r.out() + r.err());
            assertTrue(refusedAt(r, rules.resolve("loop.drl") + ":10: ", "rule \"LOOP-001 Never ends\": a while loop is"
                    + " not allowed: a rule must not loop"), r.out() + r.err());
            assertFalse((r.out() + r.err()).contains("time limit"), "refused, not stopped: " + r.out() + r.err());
        }
    }

    @Test
    void aRuleThatRunsACommandIsRefusedAndTheCommandNeverRuns() throws Exception {
        Path marker = temp.resolve("the-command-ran");
        Path rules = rulesWith("exec.drl", RuleFolders.ruleRunningACommand(marker));
        for (Cli r : everyCommand(rules)) {
            assertEquals(ExitCode.INVALID_INPUT, r.exit(), r.out() + r.err());
            assertTrue(refusedAt(r, rules.resolve("exec.drl") + ":10: ", "rule \"EXEC-001 Runs a command\": calling"
                    + " Runtime.getRuntime(...) is not allowed (it reaches running other programs); a rule may only"
                    + " insert, update or delete the engine's facts"), r.out() + r.err());
        }
        assertFalse(Files.exists(marker), "the rule's command ran");
    }

    @Test
    void aRuleThatEndsTheProgramIsRefused() throws Exception {
        Path rules = rulesWith("exit.drl", """
                package policy.exit
                import org.policyclassifier.classify.*;

                rule "EXIT-001 Ends the program"
                    @id("EXIT-001")
                    @source("Statistics:")
                when
                    $c : Case( )
                then
                    insert(new Flag($c.caseId(), "X", "y"));
                    System.exit(0);
                end
                """);
        // Were it run, this test's own JVM would end here.
        Cli r = Cli.run("query", "needle exchange", "--rules", rules.toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exit(), r.err());
        assertTrue(refusedAt(r, rules.resolve("exit.drl") + ":11: ", "rule \"EXIT-001 Ends the program\": calling"
                + " System.exit(...) is not allowed (it reaches the program itself"), r.err());
    }
}
