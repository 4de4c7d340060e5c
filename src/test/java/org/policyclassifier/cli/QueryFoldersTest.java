package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;

/**
 * A question starts loading the bundled rules and facts before its options are parsed: folders named
 * by --rules and --facts are still the ones it answers with (a --rule-time-limit: QueryServiceTest).
 */
class QueryFoldersTest {

    @TempDir
    Path temp;

    private Path copyOfFacts() {
        return RuleFolders.copyBundledFacts(temp.resolve("facts"));
    }

    @Test
    void aFactsFolderOtherThanTheBundledOneIsTheOneRead() throws Exception {
        Path facts = copyOfFacts();
        RuleFolders.edit(facts.resolve("intervention-types.json"), "\"en\": [\"syringe exchange\",",
                "\"en\": [\"sharps swap\", \"syringe exchange\",");
        assertEquals(ExitCode.NO_ANSWER_OR_REJECTED, Cli.run("query", "sharps swap").exit());

        Cli edited = Cli.run("query", "sharps swap", "--facts", facts.toString());
        assertEquals(ExitCode.OK, edited.exit(), edited.err());
        assertTrue(edited.out().startsWith("sharps swap: intervention type needle_exchange\n"), edited.out());
        Cli after = Cli.run("query", "--facts=" + facts, "sharps swap");
        assertEquals(edited.out(), after.out());
    }

    @Test
    void aRulesFolderOtherThanTheBundledOneIsTheOneCompiled() {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        RuleFolders.edit(rules.resolve("responsibility.drl"), "rule \"RESP-002 Tertiary prevention is led locally",
                "rule \"RESP-002 Tertiary care is led locally");
        Cli bundled = Cli.run("query", "needle exchange");
        assertTrue(bundled.out().contains("  RESP-002    Tertiary prevention is led locally\n"), bundled.out());

        Cli edited = Cli.run("query", "needle exchange", "--rules", rules.toString());
        assertEquals(ExitCode.OK, edited.exit(), edited.err());
        assertEquals(bundled.out().replace("Tertiary prevention is led locally", "Tertiary care is led locally"),
                edited.out());
    }
}
