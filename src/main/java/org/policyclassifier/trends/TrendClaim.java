package org.policyclassifier.trends;

import org.policyclassifier.facts.Labels;

/**
 * A trend the profile states without figures, tied to the series that can test it; one entry of
 * {@code facts/trend-claims.json}.
 *
 * @param quote the profile's words, quoted exactly
 * @param series the row of the statistics table it concerns, as the document names it
 * @param direction {@code up}, {@code down} or {@code steady}
 * @param caveat what the series cannot show about this claim, in each language; may be null
 * @param notTestable why the statistics cannot test the claim at all (the series is shown for
 *     context only), in each language; null when they can
 */
public record TrendClaim(String quote, String series, String direction, Labels caveat, Labels notTestable) {

    /** A claim the statistics can test. */
    public TrendClaim(String quote, String series, String direction, Labels caveat) {
        this(quote, series, direction, caveat, null);
    }

    /** The trend that would bear the claim out: {@code RISING}, {@code FALLING} or {@code STABLE}. */
    public String expectedTrend() {
        return switch (direction) {
            case "up" -> "RISING";
            case "down" -> "FALLING";
            default -> "STABLE";
        };
    }
}
