package org.policyclassifier.trends;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The threshold of the trend rules: a change over the window within {@code ±percent} is STABLE,
 * beyond it RISING or FALLING. Set in {@code facts/trend-settings.json}, or for one run with
 * {@code policy trends --stable-band}.
 */
public record StableBand(BigDecimal percent) {

    /** What is wrong with a band, in plain words; empty when it is fine. */
    public static Optional<String> problem(BigDecimal percent) {
        if (percent == null) {
            return Optional.of("a stable band in percent is required, e.g. 5.00");
        }
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            return Optional.of("the stable band is " + percent.toPlainString()
                    + "; expected a percentage from 0 to less than 100, e.g. 5.00");
        }
        if (percent.stripTrailingZeros().scale() > Percentages.SCALE) {
            return Optional.of("the stable band is " + percent.toPlainString()
                    + "; expected at most two decimals, as changes are compared at two decimals");
        }
        return Optional.empty();
    }
}
