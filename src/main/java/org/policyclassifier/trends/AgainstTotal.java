package org.policyclassifier.trends;

import java.math.BigDecimal;

/**
 * A category that moved, beyond the stable band, the other way from the TOTAL over the window.
 *
 * @param basis the category's change over the window
 * @param total the TOTAL's change over the same window
 * @param threshold the stable band the category's change exceeded, in percent
 */
public record AgainstTotal(Change basis, Change total, BigDecimal threshold) implements TrendFinding {

    @Override
    public String code() {
        return "AGAINST_TOTAL";
    }

    @Override
    public String detail(TrendWording wording, String language) {
        return wording.text(language, code(), "movement", wording.movement(basis, language), "total",
                wording.series(total, language), "total_change", wording.change(total, language), "total_baseline",
                String.valueOf(total.baseline()), "total_value", String.valueOf(total.value()));
    }
}
