package org.policyclassifier.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.policyclassifier.TestPaths;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.errors.InvalidInputException;

/**
 * The blind question sets of rules/tests/blind as regression cases: the reading of questions must
 * not answer fewer of them right, nor more of them wrong, than it did when the figures below were
 * recorded (docs/asking.md, "Blind evaluation"; ./policy score-questions reproduces them).
 */
class QuestionSetTest {

    static QueryService service;

    @BeforeAll
    static void load() throws Exception {
        service = new QueryService(Classifier.load(TestPaths.RULES, TestPaths.FACTS), TestPaths.FACTS);
    }

    @ParameterizedTest
    @CsvSource({
        "tuning.jsonl,       129,  5",
        "heldout-1.jsonl,    102,  5",
        "heldout-2.jsonl,     86,  2",
        "heldout-3.jsonl,     96,  3",
        "heldout-4.jsonl,     96,  1",
        "heldout-5.jsonl,     96,  2",
        "heldout-6.jsonl,     96,  3",
        "heldout-7.jsonl,     98,  2",
        "heldout-8.jsonl,     96,  2",
        "heldout-9.jsonl,     95,  1",
        "heldout-10.jsonl,    95,  4",
        "heldout-11.jsonl,    95,  4",
        "heldout-12.jsonl,    89,  8",
        "heldout-13.jsonl,    97,  1",
        "heldout-14.jsonl,    96,  2",
        "heldout-15.jsonl,    87,  6",
        "heldout-16.jsonl,    92,  4",
        "heldout-17.jsonl,    92,  5",
        "heldout-18.jsonl,    92,  5",
        "heldout-19.jsonl,    93,  5",
        "heldout-20.jsonl,    90,  7",
        "heldout-21.jsonl,    92,  5",
        "heldout-22.jsonl,    90,  7",
        "heldout-23.jsonl,    56,  4",
        "heldout-24.jsonl,    90,  7",
        "heldout-25.jsonl,    87, 11",
        "heldout-26.jsonl,    88, 11",
        "heldout-27.jsonl,    89,  5",
        "heldout-28.jsonl,    92,  7",
        "heldout-29.jsonl,    88,  7",
        "heldout-30.jsonl,    83, 15",
        "heldout-31.jsonl,    90,  8",
        "heldout-32.jsonl,    94,  6",
        "heldout-33.jsonl,    94,  5",
        "heldout-34.jsonl,    92,  6",
        "heldout-35.jsonl,    94,  1",
        "heldout-36.jsonl,    91,  9",
        "heldout-37.jsonl,    95,  3",
        "heldout-38.jsonl,    99,  0",
        "heldout-39.jsonl,    94,  4",
        "heldout-40.jsonl,    91,  8",
        "heldout-41.jsonl,    94,  3",
        "heldout-42.jsonl,    86,  6",
        "heldout-43.jsonl,    93,  1",
        "heldout-44.jsonl,    92,  3",
        "heldout-45.jsonl,    39,  1",
        "heldout-46.jsonl,    36,  2",
        "heldout-47.jsonl,    90,  7",
        "heldout-48.jsonl,    85,  6",
        "heldout-49.jsonl,    91,  7",
        "heldout-50.jsonl,    83,  6",
        "heldout-51.jsonl,    94,  4",
        "heldout-52.jsonl,    84,  7",
        "heldout-53.jsonl,    92,  7",
        "heldout-54.jsonl,    78, 10",
        "heldout-55.jsonl,    38,  0",
        "heldout-56.jsonl,    96,  3",
        "heldout-57.jsonl,    86,  8",
        "heldout-58.jsonl,    91,  7",
        "heldout-59.jsonl,    92,  8",
        "refusals-1.jsonl,   190, 10",
    })
    void noFewerRightAndNoMoreWrongThanRecorded(String file, int right, int wrong) throws Exception {
        List<QuestionSet.Scored> scored = QuestionSet.score(service,
                QuestionSet.read(TestPaths.RULES.resolve("tests/blind").resolve(file)));
        QuestionSet.Tally all = QuestionSet.tally(scored).get("all");
        assertTrue(all.right() >= right, () -> file + ": " + all);
        assertTrue(all.wrong() <= wrong, () -> file + ": " + all);
    }

    @Test
    void eachKindIsJudgedByWhatItAsks() throws Exception {
        Map<String, QuestionSet.Verdict> verdicts = Map.of(
                "{\"lang\":\"en\",\"question\":\"needle exchange in Charleroi\",\"expect\":\"responsibility\","
                        + "\"lead_level\":\"local\",\"axis\":\"demand_reduction\",\"tier\":\"tertiary\"}", QuestionSet.Verdict.RIGHT,
                "{\"lang\":\"en\",\"question\":\"needle exchange in Charleroi\",\"expect\":\"responsibility\","
                        + "\"lead_level\":\"regional\",\"axis\":\"demand_reduction\",\"tier\":\"tertiary\"}", QuestionSet.Verdict.WRONG,
                "{\"lang\":\"en\",\"question\":\"weather in Ghent\",\"expect\":\"refuse\"}", QuestionSet.Verdict.RIGHT,
                "{\"lang\":\"en\",\"question\":\"needle exchange\",\"expect\":\"refuse\"}", QuestionSet.Verdict.WRONG,
                "{\"lang\":\"en\",\"question\":\"weather in Ghent\",\"expect\":\"legal\"}", QuestionSet.Verdict.REFUSED,
                "{\"lang\":\"nl\",\"question\":\"hoeveel handelsfeiten in 2016\",\"expect\":\"figure\",\"figure\":8010}", QuestionSet.Verdict.RIGHT,
                "{\"lang\":\"nl\",\"question\":\"hoeveel handelsfeiten in 2016\",\"expect\":\"figure\",\"figure\":8011}", QuestionSet.Verdict.WRONG,
                "{\"lang\":\"fr\",\"question\":\"les infractions d'import-export ont-elles baissé ?\",\"expect\":\"trend\",\"direction\":\"down\"}", QuestionSet.Verdict.RIGHT,
                "{\"lang\":\"fr\",\"question\":\"les infractions d'import-export ont-elles baissé ?\",\"expect\":\"trend\",\"direction\":\"up\"}", QuestionSet.Verdict.WRONG);
        for (Map.Entry<String, QuestionSet.Verdict> e : verdicts.entrySet()) {
            QuestionSet.Item item = org.policyclassifier.io.Json.MAPPER.readValue(e.getKey(), QuestionSet.Item.class);
            assertEquals(e.getValue(), QuestionSet.score(service, List.of(item)).get(0).verdict(), e.getKey());
        }
    }

    @Test
    void aRefusalSaysWhatItsBestEntryWouldHaveAnswered() throws Exception {
        // A question that names an entry and holds words nothing accounts for is refused; what its best
        // entry would answer, and whether that is what the writer expected, tells a reading fault from a
        // subject the tool does not know.
        QuestionSet.Item item = org.policyclassifier.io.Json.MAPPER.readValue("{\"lang\":\"en\",\"question\":"
                + "\"syringe quorbitz flandimax trevolund zarpinex molvatrue kelbrant woszilent\",\"expect\":\"responsibility\",\"lead_level\":\"local\","
                + "\"axis\":\"demand_reduction\",\"tier\":\"tertiary\"}", QuestionSet.Item.class);
        QuestionSet.Scored scored = QuestionSet.score(service, List.of(item)).get(0);
        assertEquals(QuestionSet.Verdict.REFUSED, scored.verdict(), scored.answered());
        assertTrue(scored.bestEntryWouldAnswer().startsWith("responsibility needle_exchange lead local"), scored.bestEntryWouldAnswer());
        assertTrue(scored.bestEntryWouldAnswer().endsWith("(right)"), scored.bestEntryWouldAnswer());
        QuestionSet.Item nothing = org.policyclassifier.io.Json.MAPPER.readValue(
                "{\"lang\":\"en\",\"question\":\"weather in Ghent\",\"expect\":\"legal\"}", QuestionSet.Item.class);
        assertEquals(null, QuestionSet.score(service, List.of(nothing)).get(0).bestEntryWouldAnswer());
    }

    @Test
    void aBadLineIsNamedWithItsFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("set.jsonl");
        Files.writeString(file, "{\"lang\":\"en\",\"question\":\"drugs\",\"expect\":\"refuse\"}\n{\"lang\":\"en\","
                + "\"question\":\"x\",\"expect\":\"guess\"}\nnot json\n");
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> QuestionSet.read(file));
        assertEquals(2, e.problems().size());
        assertEquals(2, e.problems().get(0).line());
        assertEquals(3, e.problems().get(1).line());
    }
}
