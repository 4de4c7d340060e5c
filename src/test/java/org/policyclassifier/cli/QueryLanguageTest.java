package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code policy query --lang}: the answer in the user's language, from facts/words/. */
class QueryLanguageTest {

    @Test
    void theAnswerIsInTheLanguageAskedFor() {
        Cli nl = Cli.run("query", "spuitenruil", "--place", "Gent", "--lang", "nl");
        assertEquals(ExitCode.OK, nl.exit(), nl.err());
        assertTrue(nl.out().contains("Leidend niveau:  lokaal\n"), nl.out());
        assertTrue(nl.out().contains("[Vlaamse Gemeenschap]"), nl.out());
        assertTrue(nl.out().contains("Coördinatie:     Algemene Cel Drugsbeleid\n"), nl.out());
        assertFalse(nl.out().contains("runs the care"), nl.out());

        Cli de = Cli.run("query", "needle exchange in prison", "--place", "Eupen", "--setting", "hospital", "--lang", "de");
        assertTrue(de.out().contains("Anmerkung: --setting hospital geht „prison“ in der Frage vor\n"), de.out());
        assertTrue(de.out().contains("Deutschsprachige Gemeinschaft"), de.out());
    }

    @Test
    void anUnknownLanguageIsAUsageError() {
        Cli r = Cli.run("query", "spuitenruil", "--lang", "xx");
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().contains("--lang: unknown language 'xx'; expected one of en, nl, fr, de"), r.err());
    }

    /** Figures, trends and their notes and refusals are worded from facts/words/ too; the table's rows stay its own. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "nl|geregistreerde feiten, rij Possession|Bron:|ze heeft geen cijfer voor 2019|vraagt een cijfer voor Charleroi",
        "fr|infractions enregistrées, ligne Possession|Source :|il n'a pas de chiffre pour 2019|demande un chiffre pour Charleroi",
        "de|erfasste Delikte, Zeile Possession|Quelle:|hat sie keine Zahl|fragt nach einer Zahl für Charleroi",
        "en|recorded offences, row Possession|Source:|it has no figure for 2019|asks for a figure of Charleroi",
    })
    void aFigureItsNotesAndItsRefusalsAreInTheLanguageAskedFor(String lang, String heading, String source, String note,
            String refusal) {
        Cli figure = Cli.run("query", "how many possession offences in 2016 and 2019?", "--lang", lang);
        assertEquals(ExitCode.OK, figure.exit(), figure.err());
        assertTrue(figure.out().contains(heading), figure.out());
        assertTrue(figure.out().contains("\n" + source), figure.out());
        assertTrue(figure.out().contains(note), figure.out());
        Cli place = Cli.run("query", "how many possession offences in Charleroi in 2016?", "--lang", lang);
        assertEquals(ExitCode.NO_ANSWER_OR_REJECTED, place.exit(), place.out());
        assertTrue(place.err().contains(refusal), place.err());
    }

    /** A refusal is worded, without --lang, in the language of the question's little words; "drugs" tells none. */
    @Test
    void aRefusalIsInTheQuestionsLanguage() {
        Cli nl = Cli.run("query", "Wat zijn de openingsuren van de spuitenruil in Gent?");
        assertEquals(ExitCode.NO_ANSWER_OR_REJECTED, nl.exit(), nl.out());
        assertTrue(nl.err().contains("vraagt praktische gegevens van een dienst"), nl.err());
        Cli fr = Cli.run("query", "Qui s'occupe de la météo à Liège ?");
        assertTrue(fr.err().contains("ne nomme aucun type d'intervention"), fr.err());
        Cli none = Cli.run("query", "drugs");
        assertTrue(none.err().contains("fits several entries about equally"), none.err());
        Cli chosen = Cli.run("query", "Wat zijn de openingsuren van de spuitenruil in Gent?", "--lang", "de");
        assertTrue(chosen.err().contains("fragt nach praktischen Angaben"), chosen.err());
    }

    @Test
    void aTrendSaysItsDirectionAndVerdictInTheLanguageAskedFor() {
        Cli fr = Cli.run("query", "évolution des infractions de production", "--lang", "fr");
        assertEquals(ExitCode.OK, fr.exit(), fr.err());
        assertTrue(fr.out().contains("Évolution :"), fr.out());
        assertTrue(fr.out().contains("en baisse, 1923 → 1738"), fr.out());
        assertTrue(fr.out().contains("non confirmé par le tableau"), fr.out());
    }
}
