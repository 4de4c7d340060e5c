package org.policyclassifier.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PercentagesTest {

    @ParameterizedTest(name = "{0} → {1}: {2}%")
    @CsvSource({
        "39578, 37408, -5.48",   // -2170 / 39578 = -5.48284...
        "20000, 20001, 0.01",    // +0.005 exactly: half-up
        "20000, 19999, -0.01",   // -0.005 exactly: half-up rounds away from zero
        "3, 4, 33.33",           // 33.333... with no binary-fraction noise
        "3, 5, 66.67",
        "1303, 1416, 8.67",
        "7, 7, 0.00",
    })
    void aChangeIsTheExactQuotientRoundedHalfUpToTwoDecimals(long from, long to, String percent) {
        assertEquals(percent, Percentages.change(from, to).toPlainString());
    }

    @Test
    void nothingGrowsByAPercentageOfNothing() {
        assertNull(Percentages.change(0, 7));
        assertNull(Percentages.share(3, 0));
    }

    @Test
    void aShareChangeInPointsComesFromTheExactSharesNotTheRoundedOnes() {
        // Trade: 7734 / 55132 = 14.02815...% (14.03) and 7521 / 55944 = 13.44380...% (13.44):
        // exactly -0.58435 points, while 13.44 - 14.03 would be -0.59.
        assertEquals("14.03", Percentages.share(7734, 55132).toPlainString());
        assertEquals("13.44", Percentages.share(7521, 55944).toPlainString());
        assertEquals("-0.58", Percentages.pointsChange(7734, 55132, 7521, 55944).toPlainString());
    }

    @Test
    void signsAreShownExceptOnZero() {
        assertEquals("+4.40", Percentages.signed(new java.math.BigDecimal("4.40")));
        assertEquals("-9.62", Percentages.signed(new java.math.BigDecimal("-9.62")));
        assertEquals("0.00", Percentages.signed(new java.math.BigDecimal("0.00")));
        assertEquals("+812", Percentages.signed(812));
        assertEquals("0", Percentages.signed(0));
    }
}
