package org.policyclassifier.trends;

import java.math.BigDecimal;

/**
 * A judgement a trend rule derived, with the measured change it rests on. It holds codes, ids and
 * figures; {@link TrendWording} writes it in a language.
 */
public sealed interface TrendFinding permits Trend, Extreme, AgainstTotal, Aggregate, ClaimCheck {

    /** Upper-case code, e.g. {@code FALLING}. */
    String code();

    /** The change the finding rests on: series, years, baseline, new value, absolute and relative change. */
    Change basis();

    /** The threshold that applied, in percent; null when none did. */
    BigDecimal threshold();

    /** The name of the series concerned, in {@code language}: the row's, unless the finding names its own. */
    default String series(TrendWording wording, String language) {
        return wording.series(basis(), language);
    }

    /** The finding in plain words, in {@code language}. */
    String detail(TrendWording wording, String language);
}
