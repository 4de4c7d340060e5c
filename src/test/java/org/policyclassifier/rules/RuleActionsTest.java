package org.policyclassifier.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;

/**
 * Issue 20, item 1: a rule file may only decide. What its actions, conditions, functions, queries
 * and metadata may do, refused at the line of the offending code when they do more.
 */
class RuleActionsTest {

    @TempDir
    Path temp;

    private static final String HEAD = """
            package policy.probe
            import org.policyclassifier.classify.*;

            """;

    /** A rule whose conditions are {@code when} and whose action is {@code then}, from line 4 on. */
    private static String rule(String when, String then) {
        return HEAD + """
                rule "PRB-001 Probe"
                    @id("PRB-001")
                    @source("Statistics:")
                when
                    %s
                then
                    %s
                end
                """.formatted(when, then);
    }

    private static final String CASE = "$c : Case( $id : caseId )";

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("a for loop", rule(CASE, "for (int i = 0; i < 10; i++) { }"), 10, "a for loop is not allowed"),
                Arguments.of("a do loop on the action's second line",
                        rule(CASE, "insert(new Flag($id, \"A\", \"b\"));\n    do { } while (true);"), 11,
                        "a do loop is not allowed"),
                Arguments.of("ProcessBuilder", rule(CASE, "new ProcessBuilder(\"ls\").start();"), 10,
                        "new ProcessBuilder(...) is not allowed (it reaches running other programs)"),
                Arguments.of("reflection", rule(CASE, "insert(new Flag($id, \"A\", $c.getClass().getName()));"), 10,
                        "calling $c.getClass(...) is not allowed (it reaches reflection)"),
                Arguments.of("Class.forName", rule(CASE, "Class.forName(\"java.lang.Runtime\");"), 10,
                        "calling Class.forName(...) is not allowed (it reaches reflection)"),
                Arguments.of("a thread", rule(CASE, "new Thread().start();"), 10,
                        "new Thread(...) is not allowed (it reaches threads)"),
                Arguments.of("a file", rule(CASE, "java.nio.file.Files.delete(java.nio.file.Path.of(\"x\"));"), 10,
                        "(it reaches files)"),
                Arguments.of("the engine's own controls", rule(CASE, "drools.halt();"), 10,
                        "drools is not allowed (it reaches the engine's own controls"),
                Arguments.of("a fact that is not the engine's", rule(CASE, "insert(new java.util.ArrayList());"), 10,
                        "new java.util.ArrayList(...) is not allowed: a rule builds only the engine's facts"),
                Arguments.of("a command in a condition", rule("$c : Case( caseId == Runtime.getRuntime().exec(\"x\").toString() )",
                        "insert(new Flag($c.caseId(), \"A\", \"b\"));"), 8, "calling Runtime.getRuntime(...) is not allowed"),
                Arguments.of("a command in eval", rule(CASE + "\n    eval( System.getenv(\"HOME\") != null )",
                        "insert(new Flag($id, \"A\", \"b\"));"), 9, "calling System.getenv(...) is not allowed"),
                Arguments.of("a regular expression", rule("$c : Case( caseId matches \"(a|aa)*b\" )",
                        "insert(new Flag($c.caseId(), \"A\", \"b\"));"), 8, "matches (a regular expression) is not allowed"),
                Arguments.of("an import from elsewhere", HEAD.replace("import org", "import java.io.File;\nimport org")
                        + "rule \"PRB-001 Probe\" @id(\"PRB-001\") @source(\"Statistics:\") when " + CASE
                        + " then insert(new Flag($id, \"A\", \"b\")); end\n", 2,
                        "import java.io.File is not allowed: rules use the engine's fact types"),
                Arguments.of("metadata that is code", rule(CASE, "insert(new Flag($id, \"A\", \"b\"));")
                        .replace("@source(\"Statistics:\")", "@source(\"Statistics:\")\n    @note(new java.io.File(\"x\").mkdir())"),
                        7, "@note(...) must be a text in quotes"),
                Arguments.of("a salience that is code", rule(CASE, "insert(new Flag($id, \"A\", \"b\"));")
                        .replace("@source(\"Statistics:\")", "@source(\"Statistics:\")\n    salience (System.nanoTime() > 0 ? 1 : 2)"),
                        7, "calling System.nanoTime(...) is not allowed"),
                Arguments.of("a global", HEAD + "global java.lang.Runtime runtime;\n", 4, "global runtime is not allowed"),
                Arguments.of("a function that loops", HEAD + """
                        function int count() {
                            int n = 0;
                            while (n < 10) { n++; }
                            return n;
                        }
                        """, 6, "function count: a while loop is not allowed"),
                Arguments.of("a function that calls itself", HEAD + """
                        function String again(String s) {
                            return again(s + s);
                        }
                        """, 4, "function again calls itself: a function may not call itself"),
                Arguments.of("functions that call each other", HEAD + """
                        function String ping(String s) {
                            return pong(s);
                        }
                        function String pong(String s) {
                            return ping(s);
                        }
                        """, 4, "function ping calls itself (through pong)"),
                Arguments.of("a query that runs a command", HEAD + """
                        query "cases that run a command"
                            Case( caseId == Runtime.getRuntime().toString() )
                        end
                        """, 5, "query \"cases that run a command\": calling Runtime.getRuntime(...) is not allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void whatARuleFileMayNotDoIsRefusedAtItsLine(String name, String drl, int line, String message) throws Exception {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        Files.writeString(rules.resolve("probe.drl"), drl);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RuleSet.compile(rules));
        Problem first = e.problems().get(0);
        assertEquals(rules.resolve("probe.drl").toString(), first.file(), e.getMessage());
        assertEquals(line, first.line(), e.getMessage());
        assertTrue(first.message().contains(message), e.getMessage());
    }

    @Test
    void whatARuleMayDoCompiles() throws Exception {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        Files.writeString(rules.resolve("probe.drl"), HEAD + """
                function String label(String id) {
                    return id.isEmpty() ? "none" : "case " + id.strip();
                }

                rule "PRB-001 Probe"
                    @id("PRB-001")
                    @source("Statistics:")
                    salience 5
                when
                    $c : Case( $id : caseId, caseId.length() > 0, subject != null )
                    not Flag( caseId == $id, code == "PROBE" )
                then
                    String text = label($id) + ": " + $c.subject().toUpperCase();
                    if ($c.placeGiven() != null) {
                        text = text + " in " + $c.placeGiven();
                    }
                    insert(new Flag($id, "PROBE", text));
                end
                """);
        assertEquals("PRB-001", RuleSet.compile(rules).rules().stream().filter(r -> r.id().equals("PRB-001"))
                .findFirst().orElseThrow().id());
    }

    @Test
    void aDecisionTableWhoseActionRunsCodeIsRefusedAtItsRows() throws Exception {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        Path table = rules.resolve("intervention-types.drl.csv");
        String action = "\"insert(new TierAssigned($c.caseId(), \"\"$param\"\"));\"";
        String text = Files.readString(table);
        assertTrue(text.contains(action));
        Files.writeString(table, text.replace(action, action.replace("));\"", ")); System.exit(0);\"")));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RuleSet.compile(rules));
        Problem first = e.problems().get(0);
        assertEquals(table.toString(), first.file(), e.getMessage());
        assertTrue(first.message().matches("rows? \\d+.*calling System\\.exit\\(\\.\\.\\.\\) is not allowed.*"),
                e.getMessage());
        assertFalse(e.getMessage().contains("intervention-types.drl.csv:0"), e.getMessage());
    }
}
