package org.policyclassifier.trends;

import java.math.BigDecimal;

/**
 * How one series moved between two years: the measurement the trend rules judge, e.g.
 * {@code Change(series == "Production", span == "window", percent < -5)}.
 *
 * @param series the row's name as the document writes it, or an aggregate's name
 * @param total whether the series is the table's TOTAL row
 * @param span {@value #YEAR_ON_YEAR} for two consecutive years of the table, {@value #WINDOW} for
 *     the first and last year of the window analysed
 * @param from the earlier year
 * @param to the later year
 * @param baseline the count in {@code from}
 * @param value the count in {@code to}
 * @param change {@code value - baseline}
 * @param percent the change relative to the baseline, two decimals; null when the baseline is 0
 */
public record Change(String series, boolean total, String span, int from, int to, long baseline, long value,
        long change, BigDecimal percent) {

    public static final String YEAR_ON_YEAR = "year_on_year";
    public static final String WINDOW = "window";

    /** The change of {@code series} from {@code baseline} to {@code value}, with its percentage. */
    public static Change of(String series, boolean total, String span, int from, int to, long baseline, long value) {
        return new Change(series, total, span, from, to, baseline, value, value - baseline,
                Percentages.change(baseline, value));
    }
}
