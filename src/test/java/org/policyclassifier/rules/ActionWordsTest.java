package org.policyclassifier.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.policyclassifier.TestPaths;

/**
 * Issue 23: the rules conclude with ids (a level, a role, a flag, a reason, a rule id; for the trend
 * rules a code, an aggregate, a caveat), never a sentence: the words users read live in facts/words/,
 * one file per language. Every string literal in the action of a rule must be an id.
 */
class ActionWordsTest {

    private static final Pattern ACTION = Pattern.compile("(?m)^then\\s*$(.*?)^end\\s*$", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** snake_case ids, rule ids (RESP-006), flag codes (NOT_IN_PROFILE), a decision-table parameter. */
    private static final Pattern ID = Pattern.compile("[a-z0-9_]+|[A-Z]+-[0-9]+|[A-Z_]+|\\$param");

    static List<String> sentences(String drl) {
        List<String> found = new ArrayList<>();
        Matcher action = ACTION.matcher(drl);
        while (action.find()) {
            Matcher literal = LITERAL.matcher(action.group(1));
            while (literal.find()) {
                if (!ID.matcher(literal.group(1)).matches()) {
                    found.add(literal.group(1));
                }
            }
        }
        return found;
    }

    @Test
    void theActionsOfTheRulesConcludeWithIdsOnly() throws Exception {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestPaths.RULES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                sentences(Files.readString(file)).forEach(s -> found.add(file.getFileName() + ": \"" + s + "\""));
            }
        }
        // The decision table's actions put the value of their column in quotes: each value is an id.
        List<List<String>> rows = new ArrayList<>();
        try (var it = new com.fasterxml.jackson.dataformat.csv.CsvMapper()
                .enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(List.class).<List<String>>readValues(TestPaths.RULES.resolve("intervention-types.drl.csv").toFile())) {
            it.forEachRemaining(rows::add);
        }
        int header = rows.indexOf(rows.stream().filter(r -> !r.isEmpty() && r.get(0).equals("Rule")).findFirst().orElseThrow());
        List<String> code = rows.get(header - 1);
        for (int column = 0; column < code.size(); column++) {
            if (!code.get(column).startsWith("insert(")) {
                continue;
            }
            assertTrue(code.get(column).contains("\"$param\""), code.get(column));
            for (List<String> row : rows.subList(header + 1, rows.size())) {
                String value = column < row.size() ? row.get(column) : "";
                if (!value.isEmpty() && !ID.matcher(value).matches()) {
                    found.add("intervention-types.drl.csv, " + row.get(0) + ": \"" + value + "\"");
                }
            }
        }
        assertEquals(List.of(), found, "words users read belong in facts/words/, keyed by an id the rule names");
    }

    @Test
    void aSentenceInAnActionIsFound() {
        String drl = "rule \"X\"\nwhen\n    $c : Case( $id : caseId, subject == \"needle exchange\" )\nthen\n"
                + "    insert(new LevelRole($id, \"local\", \"runs the care locally\"));\nend\n";
        assertEquals(List.of("runs the care locally"), sentences(drl), "a condition's literal is not an action's");
        assertTrue(sentences(drl.replace("runs the care locally", "runs_care")).isEmpty());
    }
}
