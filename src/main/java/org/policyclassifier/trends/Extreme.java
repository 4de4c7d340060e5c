package org.policyclassifier.trends;

import java.math.BigDecimal;

/**
 * The largest single-year rise or fall of any category within the window.
 *
 * @param code {@code LARGEST_RELATIVE_RISE}, {@code LARGEST_RELATIVE_FALL} (in percent of the
 *     baseline), {@code LARGEST_ABSOLUTE_RISE} or {@code LARGEST_ABSOLUTE_FALL} (in offences)
 * @param basis the year-on-year change that is the largest
 */
public record Extreme(String code, Change basis) implements TrendFinding {

    @Override
    public BigDecimal threshold() {
        return null;
    }

    @Override
    public String detail() {
        boolean relative = code.contains("RELATIVE");
        return basis.movement() + ": the largest single-year " + (basis.change() > 0 ? "rise" : "fall")
                + " of any category " + (relative ? "relative to its size" : "in number of offences");
    }
}
