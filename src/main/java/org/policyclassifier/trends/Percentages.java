package org.policyclassifier.trends;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact arithmetic on whole counts: every figure is the exact quotient rounded once, half-up, to
 * two decimals, so no floating-point noise reaches a report.
 */
public final class Percentages {

    /** Decimals of every percentage and percentage-point figure. */
    public static final int SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percentages() {
    }

    /** {@code (to - from) / from × 100}; null when {@code from} is 0, as nothing grows by a percentage of nothing. */
    public static BigDecimal change(long from, long to) {
        return from == 0 ? null : ratio(BigDecimal.valueOf(to - from), BigDecimal.valueOf(from));
    }

    /** {@code part / whole × 100}; null when {@code whole} is 0. */
    public static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : ratio(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    /**
     * The change of a share in percentage points, {@code (partTo / wholeTo - partFrom / wholeFrom) × 100},
     * from the exact shares: it may differ by 0.01 from the difference of the two rounded shares.
     */
    public static BigDecimal pointsChange(long partFrom, long wholeFrom, long partTo, long wholeTo) {
        if (wholeFrom == 0 || wholeTo == 0) {
            return null;
        }
        BigDecimal numerator = BigDecimal.valueOf(partTo).multiply(BigDecimal.valueOf(wholeFrom))
                .subtract(BigDecimal.valueOf(partFrom).multiply(BigDecimal.valueOf(wholeTo)));
        return ratio(numerator, BigDecimal.valueOf(wholeFrom).multiply(BigDecimal.valueOf(wholeTo)));
    }

    /** {@code value / base × 100}: an index with the base year at 100; null when {@code base} is 0. */
    public static BigDecimal index(long base, long value) {
        return share(value, base);
    }

    /** {@code +4.40}, {@code -9.62}, {@code 0.00}: the sign always shown except on zero. */
    public static String signed(BigDecimal value) {
        return value.signum() > 0 ? "+" + value.toPlainString() : value.toPlainString();
    }

    /** {@code +1740}, {@code -185}, {@code 0}. */
    public static String signed(long value) {
        return value > 0 ? "+" + value : String.valueOf(value);
    }

    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return numerator.multiply(HUNDRED).divide(denominator, SCALE, RoundingMode.HALF_UP);
    }
}
