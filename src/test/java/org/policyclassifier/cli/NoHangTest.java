package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;
import org.policyclassifier.rules.RuleSet;

/** Issue 10, item 10 and the runaway part of 15: a rule that never ends is stopped and named. */
class NoHangTest {

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

    @AfterEach
    void defaultTimeLimit() {
        System.clearProperty(RuleSet.TIME_LIMIT_PROPERTY);
    }

    private Path loopingRules() throws Exception {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        Files.writeString(rules.resolve("loop.drl"), LOOPING_RULE);
        return rules;
    }

    /** Session threads at work: the pool keeps idle ones, waiting for the next session. */
    private static long sessionThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("policy-rule-session") && t.getState() == Thread.State.RUNNABLE).count();
    }

    @Test
    void aRuleWhoseActionLoopsForeverIsStoppedAndNamedWithItsFileAndLine() throws Exception {
        Path rules = loopingRules();
        Cli r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("query", "needle exchange",
                "--rules", rules.toString(), "--rule-time-limit", "1"));
        assertEquals(ExitCode.INVALID_INPUT, r.exit(), r.err());
        assertTrue(r.err().startsWith(rules.resolve("loop.drl") + ":4: rule LOOP-001 (" + rules.resolve("loop.drl")
                + ":4) was still running its action after 1 s"), r.err());
        if (Runtime.version().feature() < 20) { // Thread.stop() ends the loop up to Java 19
            Thread.sleep(200);
            assertEquals(0, sessionThreadsAlive(), "the looping rule's thread still runs");
        }
    }

    @Test
    void rulesCheckStopsALoopingRuleToo() throws Exception {
        Path rules = loopingRules();
        // Not 1 s: the first sessions of a fresh rule set also compile the rules' conditions.
        Cli r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("rules", "check",
                "--rules", rules.toString(), "--rule-time-limit", "3"));
        assertFalse(r.exit() == ExitCode.OK, r.out());
        assertTrue((r.out() + r.err()).contains("rule LOOP-001 (" + rules.resolve("loop.drl") + ":4) was still running its action after 3 s"),
                r.out() + r.err());
    }

    @Test
    void rulesThatKeepTriggeringEachOtherAreNamed() throws Exception {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        RuleFolders.addRuleFeedingItself(rules, "LOOP-002");
        Cli r = Cli.run("classify", "--rules", rules.toString(), "-", "--max-rejects", "0");
        Cli q = Cli.run("query", "possession", "--rules", rules.toString());
        assertEquals(ExitCode.INVALID_INPUT, q.exit(), q.err());
        assertTrue(q.err().contains("most fired: LOOP-002 (" + rules.resolve("loop.drl") + ":3)"), q.err());
        assertEquals(ExitCode.OK, r.exit(), r.err()); // no records: no session
    }

    @Test
    void aNegativeOrZeroTimeLimitIsAUsageError() {
        assertEquals(ExitCode.USAGE, Cli.run("query", "needle exchange", "--rule-time-limit", "0").exit());
    }
}
