package org.policyclassifier.trends;

import java.math.BigDecimal;

/**
 * The largest single-year rise or fall of any category within the window.
 *
 * @param code {@code LARGEST_RELATIVE_RISE}, {@code LARGEST_RELATIVE_FALL} (in percent of the
 *     baseline), {@code LARGEST_ABSOLUTE_RISE} or {@code LARGEST_ABSOLUTE_FALL} (in offences); also
 *     the id of its wording
 * @param basis the year-on-year change that is the largest
 */
public record Extreme(String code, Change basis) implements TrendFinding {

    @Override
    public BigDecimal threshold() {
        return null;
    }

    @Override
    public String detail(TrendWording wording, String language) {
        return wording.text(language, code, "movement", wording.movement(basis, language));
    }
}
