package org.policyclassifier.trends;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.List;

/**
 * What {@code policy trends} reports: the table over the window and the flags the rules raised.
 *
 * @param country the profile's country
 * @param priority the profile's EU priority, e.g. Drugs
 * @param profileYear the profile's year
 * @param from the window's first year
 * @param to the window's last year
 * @param stableBandPercent the stable band that applied
 * @param series the categories in the document's order, then the TOTAL
 * @param flags grouped by rule, in the order of the rule file, then by series
 */
public record TrendReport(String country, String priority, int profileYear, int from, int to,
        BigDecimal stableBandPercent, List<SeriesTrend> series, List<Finding> flags) {

    public TrendReport {
        series = List.copyOf(series);
        flags = List.copyOf(flags);
    }

    /** The years of the window. */
    @JsonIgnore
    public List<Integer> years() {
        return List.copyOf(series.get(0).counts().keySet());
    }
}
