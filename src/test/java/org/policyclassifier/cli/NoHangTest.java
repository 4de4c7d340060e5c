package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;

/**
 * Issue 10, item 10 and the runaway part of 15: rules that keep triggering each other are stopped
 * and named. A rule whose own action loops is refused before it runs (see {@link RuleFilesOnlyDecideTest}).
 */
class NoHangTest {

    @TempDir
    Path temp;

    @Test
    void rulesThatKeepTriggeringEachOtherAreNamed() throws Exception {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        RuleFolders.addRuleFeedingItself(rules, "LOOP-002");
        Cli r = Cli.run("classify", "--rules", rules.toString(), "-", "--max-rejects", "0");
        Cli q = Cli.run("query", "possession", "--rules", rules.toString());
        assertEquals(ExitCode.INVALID_INPUT, q.exit(), q.err());
        assertTrue(q.err().contains("most fired: LOOP-002 (loop.drl:3)"), q.err());
        assertEquals(ExitCode.OK, r.exit(), r.err()); // no records: no session
    }

    @Test
    void aNegativeOrZeroTimeLimitIsAUsageError() {
        assertEquals(ExitCode.USAGE, Cli.run("query", "needle exchange", "--rule-time-limit", "0").exit());
    }
}
