package org.policyclassifier.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.policyclassifier.TestPaths;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.query.Answer;
import org.policyclassifier.query.Candidate;
import org.policyclassifier.query.Question;
import org.policyclassifier.query.QueryService;

/**
 * Issue 9: words that mean two things in drug policy ask which one, through the bundled vocabulary.
 * Cultivation is possession for one plant for personal use and production for a plantation; a bare
 * "gambling" may mean prevention or the helpline.
 */
class AmbiguousWordsTest {

    static QueryService questions;

    @BeforeAll
    static void load() throws Exception {
        questions = new QueryService(Classifier.load(TestPaths.RULES, TestPaths.FACTS));
    }

    @ParameterizedTest(name = "\"{0}\" asks: {1}")
    @CsvSource(delimiter = '|', value = {
        "cultivation      | possession production",
        "teelt            | possession production",
        "wietteelt        | possession production",
        "cannabisteelt    | possession production",
        "gambling         | gambling_helpline gambling_prevention",
        "gokken           | gambling_helpline gambling_prevention",
        "jeux de hasard   | gambling_helpline gambling_prevention",
    })
    void aWordWithTwoMeaningsAsks(String query, String ids) throws Exception {
        Answer a = questions.ask(Question.of(query));
        assertEquals(Answer.Status.AMBIGUOUS, a.status(), () -> query + " → " + a.json());
        assertEquals(List.of(ids.split(" ")), a.refusal().candidates().stream().map(Candidate::entry).sorted().toList());
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
        "one cannabis plant                     | possession",
        "cannabisteelt voor eigen gebruik       | possession",
        "un plant de cannabis                   | possession",
        "cultivation on a cannabis plantation   | production",
        "beroepsmatige wietteelt                | production",
        "culture illicite à grande échelle      | production",
        "alcohol sales restrictions             | alcohol_sales_to_minors",
        "restriction de la vente d'alcool       | alcohol_sales_to_minors",
    })
    void aWordThatSaysWhichIsAnswered(String query, String id) throws Exception {
        Answer a = questions.ask(Question.of(query));
        assertEquals(Answer.Status.ANSWERED, a.status(), () -> query + " → " + a.json());
        assertEquals(id, a.decision().subject());
    }
}
