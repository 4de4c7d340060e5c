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
}
