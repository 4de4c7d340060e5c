package org.policyclassifier.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void foldTakesOffCaseAccentsAndPunctuation() {
        assertEquals("echange de seringues", Text.fold("Échange de seringues!"));
        assertEquals("liege", Text.fold("Liège"));
        assertEquals("wallonie", Text.fold("Wallonië"));
        assertEquals("region de bruxelles capitale", Text.fold("Région de Bruxelles-Capitale"));
    }

    @Test
    void plainAsciiFoldsTheSameWay() {
        assertEquals("sint pieters leeuw", Text.fold("  --Sint-Pieters-Leeuw-- "));
        assertEquals("beveren roeselare 8800", Text.fold("Beveren (Roeselare, 8800)"));
        assertEquals("l eau", Text.fold("l'eau"));
        assertEquals("", Text.fold(" ?! "));
        assertEquals("", Text.fold(""));
    }

    @Test
    void lettersWithoutAnAsciiFormAreGaps() {
        assertEquals("stra e", Text.fold("Straße"));
        assertEquals("uvre", Text.fold("Œuvre"));
        assertEquals("a b", Text.fold("a\u00a0b"));
    }
}
