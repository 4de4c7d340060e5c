package org.policyclassifier.trends;

import java.math.BigDecimal;

/**
 * A series' direction over the window, judged against the stable band.
 *
 * @param code {@code RISING}, {@code FALLING} or {@code STABLE}
 * @param basis the series' change over the window
 * @param threshold the stable band, in percent
 */
public record Trend(String code, Change basis, BigDecimal threshold) implements TrendFinding {

    @Override
    public String detail(TrendWording wording, String language) {
        return wording.text(language, "trend", "movement", wording.movement(basis, language), "band",
                wording.band(threshold, code.equals("STABLE"), language));
    }
}
