package org.policyclassifier.trends;

import java.math.BigDecimal;

/**
 * A series' share of the TOTAL at both ends of a window, in percent, and its change in
 * percentage points (from the exact shares; see {@link Percentages#pointsChange}).
 */
public record Shares(BigDecimal from, BigDecimal to, BigDecimal changePoints) {

    static Shares of(Change part, Change total) {
        return new Shares(Percentages.share(part.baseline(), total.baseline()),
                Percentages.share(part.value(), total.value()),
                Percentages.pointsChange(part.baseline(), total.baseline(), part.value(), total.value()));
    }
}
