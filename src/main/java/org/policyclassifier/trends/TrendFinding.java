package org.policyclassifier.trends;

import java.math.BigDecimal;

/** A judgement a trend rule derived, with the measured change it rests on. */
public sealed interface TrendFinding permits Trend, Extreme, AgainstTotal, Aggregate, ClaimCheck {

    /** Upper-case code, e.g. {@code FALLING}. */
    String code();

    /** The change the finding rests on: series, years, baseline, new value, absolute and relative change. */
    Change basis();

    /** The threshold that applied, in percent; null when none did. */
    BigDecimal threshold();

    /** The finding in plain words. */
    String detail();
}
