package org.policyclassifier.trends;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.stats.Series;
import org.policyclassifier.stats.StatisticsTable;

/**
 * Runs the trend rules on everything the statistics allow, to find rules that can never fire:
 * every window of the table, with the configured stable band, with none and with the widest,
 * and once more with each claimed series starting at 0 (the case of a series that cannot be
 * measured, which the shipped table never shows).
 */
public final class TrendCorpus {

    private static final List<BigDecimal> EXTREME_BANDS = List.of(BigDecimal.ZERO, new BigDecimal("99.99"));

    private TrendCorpus() {
    }

    /** The ids of the rules that raised a flag for at least one variant. */
    public static Set<String> firedRules(TrendAnalysis analysis, TrendInputs inputs) throws InvalidInputException {
        Set<String> fired = new HashSet<>();
        List<BigDecimal> bands = new ArrayList<>(EXTREME_BANDS);
        bands.add(inputs.stableBandPercent());
        List<Integer> years = inputs.statistics().years();
        for (int from = 0; from < years.size(); from++) {
            for (int to = from + 1; to < years.size(); to++) {
                for (BigDecimal band : bands) {
                    analysis.analyse(inputs, new Window(years.get(from), years.get(to)), band).flags()
                            .forEach(f -> fired.add(f.rule()));
                }
            }
        }
        TrendInputs unmeasurable = new TrendInputs(withClaimedSeriesAtZero(inputs), inputs.claims(),
                inputs.stableBandPercent());
        analysis.analyse(unmeasurable, new Window(years.get(0), years.get(years.size() - 1)),
                inputs.stableBandPercent()).flags().forEach(f -> fired.add(f.rule()));
        return fired;
    }

    private static StatisticsTable withClaimedSeriesAtZero(TrendInputs inputs) {
        StatisticsTable table = inputs.statistics();
        Set<String> claimed = new HashSet<>();
        inputs.claims().forEach(c -> claimed.add(c.series()));
        int first = table.years().get(0);
        List<Series> categories = table.categories().stream()
                .map(s -> claimed.contains(s.name()) ? atZero(s, first) : s).toList();
        Series total = claimed.contains(table.total().name()) ? atZero(table.total(), first) : table.total();
        return new StatisticsTable(table.country(), table.priority(), table.profileYear(), categories, total);
    }

    private static Series atZero(Series s, int year) {
        TreeMap<Integer, Long> counts = new TreeMap<>(s.counts());
        counts.put(year, 0L);
        return new Series(s.name(), counts, s.line());
    }
}
