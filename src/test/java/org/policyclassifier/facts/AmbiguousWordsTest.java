package org.policyclassifier.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.policyclassifier.TestPaths;
import org.policyclassifier.query.Candidate;
import org.policyclassifier.query.Match;
import org.policyclassifier.query.QueryMatcher;

/**
 * Issue 9: words that mean two things in drug policy ask which one, through the bundled vocabulary.
 * Cultivation is possession for one plant for personal use and production for a plantation; a bare
 * "gambling" may mean prevention or the helpline.
 */
class AmbiguousWordsTest {

    static QueryMatcher matcher;

    @BeforeAll
    static void load() throws Exception {
        matcher = new QueryMatcher(Vocabulary.load(TestPaths.FACTS));
    }

    @ParameterizedTest(name = "\"{0}\" asks: {1}")
    @CsvSource(delimiter = '|', value = {
        "cultivation      | possession production",
        "teelt            | possession production",
        "wietteelt        | possession production",
        "cannabisteelt    | possession production",
        "culture illicite | possession production",
        "gambling         | gambling_helpline gambling_prevention",
        "gokken           | gambling_helpline gambling_prevention",
        "jeux de hasard   | gambling_helpline gambling_prevention",
    })
    void aWordWithTwoMeaningsAsks(String query, String ids) {
        Match m = matcher.match(query);
        assertEquals(Match.Status.AMBIGUOUS, m.status(), () -> query + " → " + m);
        assertEquals(List.of(ids.split(" ")), m.candidates().stream().map(Candidate::id).sorted().toList());
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
    void aWordThatSaysWhichIsAnswered(String query, String id) {
        Match m = matcher.match(query);
        assertEquals(Match.Status.MATCHED, m.status(), () -> query + " → " + m);
        assertEquals(id, m.best().id());
    }
}
