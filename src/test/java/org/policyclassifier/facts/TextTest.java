package org.policyclassifier.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Folding takes off case, accents and punctuation, by the same rules for plain ASCII as for the rest. */
class TextTest {

    @ParameterizedTest(name = "[{0}] folds to [{1}]")
    @CsvSource(delimiter = '|', emptyValue = "", ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            Échange de seringues!|echange de seringues
            Liège|liege
            Wallonië|wallonie
            Région de Bruxelles-Capitale|region de bruxelles capitale
              --Sint-Pieters-Leeuw-- |sint pieters leeuw
            Beveren (Roeselare, 8800)|beveren roeselare 8800
            l'eau|l eau
            ' ?! '|''
            ''|''
            Straße|stra e
            Œuvre|uvre
            a\u00a0b|a b
            """)
    void folds(String text, String folded) {
        assertEquals(folded, Text.fold(text.replace("\\u00a0", "\u00a0")));
    }
}
