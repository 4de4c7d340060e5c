package org.policyclassifier.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;
import org.policyclassifier.TestPaths;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.DecisionWording;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.io.Json;
import org.policyclassifier.query.FactAnswers.LegalAnswer;
import org.policyclassifier.query.FactAnswers.TrendAnswer;

/**
 * The law's statements and the caveats of the profile's trend claims are data in four languages
 * ({@code facts/legal-status.json}, {@code facts/trend-claims.json}): an answer is worded in the
 * language asked from the facts alone, and a statement without one of the languages is an error
 * at its line.
 */
class FactWordsTest {

    static Classifier classifier;
    static QueryService service;
    static DecisionWording wording;

    @BeforeAll
    static void load() throws Exception {
        classifier = Classifier.load(TestPaths.RULES, TestPaths.FACTS);
        service = new QueryService(classifier, TestPaths.FACTS);
        wording = new DecisionWording(classifier.vocabulary().words());
    }

    private static JsonNode legalFacts(String id) throws Exception {
        for (JsonNode s : Json.MAPPER.readTree(TestPaths.FACTS.resolve("legal-status.json").toFile())) {
            if (s.path("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no legal status " + id);
    }

    @Test
    void aLegalAnswerIsWordedInEachLanguageFromTheFacts() throws Exception {
        Answer asked = service.ask(Question.of("is it legal to sell beer to a 15-year-old?"));
        JsonNode facts = legalFacts("alcohol");
        for (String lang : new String[] {"en", "nl", "fr", "de"}) {
            LegalAnswer l = assertInstanceOf(LegalAnswer.class, asked.in(wording, lang).fact());
            assertEquals(facts.path("statement").path(lang).asText(), l.statement(), lang);
            assertEquals(facts.path("note").path(lang).asText(), l.note(), lang);
        }
        LegalAnswer nl = assertInstanceOf(LegalAnswer.class, asked.in(wording, "nl").fact());
        assertNotEquals(facts.path("statement").path("en").asText(), nl.statement());
        assertTrue(nl.decision().levels().get(0).role().startsWith("leidt:"), nl.decision().levels().get(0).role());
    }

    @Test
    void aTrendClaimsCaveatIsInTheLanguageAsked() throws Exception {
        Answer asked = service.ask(Question.of("did production offences go up between 2014 and 2017?"));
        JsonNode claim = Json.MAPPER.readTree(TestPaths.FACTS.resolve("trend-claims.json").toFile()).get(0);
        for (String lang : new String[] {"en", "nl", "fr", "de"}) {
            TrendAnswer t = assertInstanceOf(TrendAnswer.class, asked.in(wording, lang).fact());
            assertEquals(claim.path("caveat").path(lang).asText(), t.claims().get(0).caveat(), lang);
        }
        // How the row moved is worded too, from the words of the trends report.
        assertEquals("falling: fell 9.62% from 2014 to 2017",
                assertInstanceOf(TrendAnswer.class, asked.in(wording, "en").fact()).claims().get(0).measured());
        for (String lang : new String[] {"nl", "fr", "de"}) {
            String measured = assertInstanceOf(TrendAnswer.class, asked.in(wording, lang).fact()).claims().get(0).measured();
            assertTrue(measured.contains("9.62") && measured.contains("2014") && !measured.contains("fell"), measured);
        }
    }

    @Test
    void aFigureOrATrendIsReadInTheLanguageOfItsLittleWords() throws Exception {
        assertEquals(java.util.Optional.of("fr"),
                service.ask(Question.of("combien d'infractions de détention y a-t-il eu en 2016 ?")).languageRead());
        assertEquals(java.util.Optional.of("de"),
                service.ask(Question.of("ist der Handel zwischen 2014 und 2017 gestiegen?")).languageRead());
        assertEquals(java.util.Optional.of("en"),
                service.ask(Question.of("how many possession offences were there in 2016?")).languageRead());
        // "waren er in" are German little words as much as Dutch ones; "hoeveel" asks in Dutch only.
        assertEquals(java.util.Optional.of("nl"),
                service.ask(Question.of("hoeveel drugsdelicten waren er in 2015?")).languageRead());
    }

    @Test
    void aStatementWithoutOneLanguageIsAnErrorAtItsLine(@TempDir Path temp) throws Exception {
        Path facts = RuleFolders.copyBundledFacts(temp.resolve("facts"));
        String german = legalFacts("alcohol").path("statement").path("de").asText();
        RuleFolders.edit(facts.resolve("legal-status.json"), ", \"de\": " + Json.MAPPER.writeValueAsString(german), "");
        QueryService edited = new QueryService(classifier, facts);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> edited.ask(Question.of("is it legal to sell beer to a 15-year-old?")));
        String message = e.problems().get(0).toString();
        assertTrue(message.contains("legal-status.json") && message.contains("'alcohol'")
                && message.contains("no words in de"), message);
    }
}
