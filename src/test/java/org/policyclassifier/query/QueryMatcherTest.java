package org.policyclassifier.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.policyclassifier.TestPaths;
import org.policyclassifier.facts.Vocabulary;

class QueryMatcherTest {

    static QueryMatcher matcher;

    @BeforeAll
    static void load() throws Exception {
        matcher = new QueryMatcher(Vocabulary.load(TestPaths.FACTS));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
        "needle exchange,              needle_exchange",
        "spuitenruil,                  needle_exchange",
        "échange de seringues,         needle_exchange",
        "ECHANGE DE SERINGUES,         needle_exchange",
        "Échange-de-seringues!,        needle_exchange",
        "syringe exchange,             needle_exchange",
        "a needle exchange in Charleroi, needle_exchange",
        "gebruiksruimte,               drug_consumption_room",
        "salle de consommation à moindre risque, drug_consumption_room",
        "maison d'accueil socio-sanitaire, social_health_house",
        "drugprogramma voor gedetineerden, prison_drug_programme",
        "Tabak,                        smoking_cessation",
        "drugsbezit,                   possession",
        "détention de drogue,          possession",
        "import and export,            import_export",
        "drug use,                     use",
        "darknet,                      darknet_investigation",
        "containercontrole in de haven, container_checks",
    })
    void matchesInEnglishDutchAndFrenchIgnoringCaseAccentsAndPunctuation(String query, String id) {
        Match m = matcher.match(query);
        assertEquals(Match.Status.MATCHED, m.status(), () -> query + " → " + m);
        assertEquals(id, m.best().id());
    }

    @Test
    void theMostSpecificTermWins() {
        // "drug lab" and "drug" both occur; the longer term is the more specific.
        assertEquals("drug_lab_dismantling", matcher.match("raid on a drug lab").best().id());
    }

    @Test
    void aQueryContainedInOneEntryOnlyIsAPartialMatch() {
        Match m = matcher.match("seringues");
        assertEquals(Match.Status.MATCHED, m.status());
        assertEquals("needle_exchange", m.best().id());
        assertTrue(m.best().partial());
        assertFalse(matcher.match("needle exchange").best().partial());
    }

    @Test
    void aQueryThatFitsSeveralEntriesEquallyIsAmbiguousAndListsThem() {
        Match m = matcher.match("treatment");
        assertEquals(Match.Status.AMBIGUOUS, m.status());
        List<String> ids = m.candidates().stream().map(Candidate::id).toList();
        assertTrue(ids.containsAll(List.of("opioid_substitution_treatment", "heroin_assisted_treatment",
                "outpatient_treatment")), ids::toString);
    }

    @Test
    void nothingMatchesButEntriesSharingAWordAreSuggested() {
        Match m = matcher.match("cannabis shop");
        assertEquals(Match.Status.NONE, m.status());
        assertEquals("cannabis_plantation_dismantling", m.candidates().get(0).id());
    }

    @Test
    void aMisspeltQuerySuggestsTheEntryItWasMeantFor() {
        Match m = matcher.match("neddle exchnage");
        assertEquals(Match.Status.NONE, m.status());
        assertEquals("needle_exchange", m.candidates().get(0).id());
    }

    @Test
    void noiseMatchesNothingAndSuggestsNothing() {
        assertEquals(new Match(Match.Status.NONE, List.of()), matcher.match("zzz qqq"));
        assertEquals(new Match(Match.Status.NONE, List.of()), matcher.match("  ?! "));
    }
}
