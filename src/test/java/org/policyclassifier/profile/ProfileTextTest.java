package org.policyclassifier.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.policyclassifier.TestPaths;
import org.policyclassifier.profile.ProfileText.Kind;

/** What a quotation of the bundled profile rests on: a sentence, or a heading, table row or link. */
class ProfileTextTest {

    static ProfileText profile;

    @BeforeAll
    static void read() throws Exception {
        profile = ProfileText.read(TestPaths.FACTS.resolve("profile.txt"));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
        // the sources issue 9 found: section headings and a table row
        "Assessment of trends and developments | HEADING",
        "Recent overview of statistics and research | HEADING",
        "Role of prevention in the crime strategy on state/regional/local level | HEADING",
        "Other 1.632 1.412 1.419 1.421 | TABLE_ROW",
        "Possession 39.578 37.408 39.531 41.318 | TABLE_ROW",
        "Country Belgium | TABLE_ROW",
        "Crime strategy and coordination | HEADING",
        "Participation in European/ international networks, working groups, etc. | HEADING",
        "Statistics: | HEADING",
        "Reducing the supply of drugs: | HEADING",
        "http://belspo.be/belspo/organisation/Publ/rappdrug1_en.stm | LINK",
        // sentences that state something, list items and label-content lines among them
        "Nevertheless, possession and use of drugs are prohibited. | STATEMENT",
        "The Belgian government develop a specific research programme on the topic: | STATEMENT",
        "Tackling production of drugs | STATEMENT",
        "Working groups: General Policy Cell Drugs | STATEMENT",
        "Antwerp remains an important entry point | STATEMENT",
    })
    void aQuotationRestsOnTheKindOfLineItTouches(String quotation, Kind kind) {
        assertEquals(Optional.of(kind), profile.kindOf(quotation));
    }

    @Test
    void aQuotationNotInTheProfileHasNoKind() {
        assertEquals(Optional.empty(), profile.kindOf("Antwerp is the main entry point in Europe"));
    }

    @Test
    void aLabelAndTheLinkRightBelowItAreOneStatement() {
        String entry = "program for drug addicted prisoners: https://justitie.belgium.be/nl/themas/en_dossiers/"
                + "gevangenis/leven_in_de_gevangenis/drugsbeleid/drugsprogramma_s_voor_gedetineerden";
        assertTrue(profile.sentences().contains(entry), () -> String.join("\n", profile.sentences()));
        assertEquals(Optional.of(Kind.STATEMENT), profile.kindOf(entry));
    }

    @Test
    void aSentenceCutByTheLayoutIsOneSentence() {
        assertTrue(profile.sentences().contains("Partners at local level: Local Police, Justice, Prevention bodies, "
                + "Non-profit organization specialized in the care of drugs addicts."));
    }

    @Test
    void theSentencesLeaveOutHeadingsTableRowsAndLinks() {
        assertFalse(profile.sentences().stream().anyMatch(s -> s.contains("Assessment of trends")));
        assertFalse(profile.sentences().stream().anyMatch(s -> s.contains("39.578")));
        assertFalse(profile.sentences().stream().anyMatch(s -> s.startsWith("http")));
        assertEquals(28, profile.sentences().size(), () -> String.join("\n", profile.sentences()));
    }

    @Test
    void underAHeadingComesItsFirstSentence() {
        assertEquals(Optional.of("Increase production of synthetic drugs, moving issues from Dutch and German borders"
                + " to Belgium."), profile.sentenceAfter("Assessment of trends and developments"));
        assertEquals(Optional.of("The Belgian government consider psychoactive substance (alcohol, drugs) use and "
                + "addictive behaviour (betting and gambling) primarily as a public health phenomenon."),
                profile.sentenceAfter("Definition of problematic"));
        assertEquals(Optional.empty(), profile.sentenceAfter("not in the profile"));
    }

    @Test
    void aShortTextIsReadTheSameWay() {
        ProfileText text = ProfileText.of("Overview\n\nThe state funds care.\n\nFigures:\n\nA\t1\t2\n");
        assertEquals(Optional.of(Kind.HEADING), text.kindOf("Overview"));
        assertEquals(Optional.of(Kind.STATEMENT), text.kindOf("The state funds care."));
        assertEquals(Optional.of(Kind.HEADING), text.kindOf("Figures:"));
        assertEquals(Optional.of(Kind.TABLE_ROW), text.kindOf("A 1 2"));
    }
}
