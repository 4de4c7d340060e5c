package org.policyclassifier.trends;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.rules.RuleInfo;
import org.policyclassifier.rules.RuleSet;
import org.policyclassifier.stats.Series;
import org.policyclassifier.stats.StatisticsTable;

/**
 * The trends engine: measures every series over a window (year-on-year and whole-window changes,
 * shares of the total) and lets the trend rules of the rule folder judge the measurements. Each
 * flag keeps the rule that raised it.
 */
public final class TrendAnalysis {

    /** Far above what the rules fire for any table; reaching it means rules feed each other forever. */
    private static final int MAX_FIRINGS = 100_000;

    private final RuleSet rules;

    public TrendAnalysis(RuleSet rules) {
        this.rules = rules;
    }

    /**
     * Analyses {@code window} of the statistics with {@code band} as the stable band; a window
     * outside the table or a band that {@link StableBand#problem} refuses is an
     * {@link IllegalArgumentException}.
     */
    public TrendReport analyse(TrendInputs inputs, Window window, BigDecimal stableBand) throws InvalidInputException {
        Window.of(inputs.statistics().years(), window.from(), window.to());
        StableBand.problem(stableBand).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        BigDecimal band = stableBand.setScale(Percentages.SCALE); // 2 and 2.00 read alike in every report
        StatisticsTable table = inputs.statistics();
        List<Integer> years = window.within(table.years());
        Change totalChange = windowChange(table.total(), true, window);
        List<SeriesTrend> rows = new ArrayList<>();
        List<Object> facts = new ArrayList<>();
        for (Series s : table.rows()) {
            boolean total = s == table.total();
            List<Change> steps = new ArrayList<>();
            for (int i = 0; i + 1 < years.size(); i++) {
                steps.add(Change.of(s.name(), total, Change.YEAR_ON_YEAR, years.get(i), years.get(i + 1),
                        s.counts().get(years.get(i)), s.counts().get(years.get(i + 1))));
            }
            Change whole = windowChange(s, total, window);
            SortedMap<Integer, Long> counts = new TreeMap<>(s.counts().subMap(window.from(), window.to() + 1));
            rows.add(new SeriesTrend(s.name(), total, counts, steps, whole, Shares.of(whole, totalChange)));
            facts.addAll(steps);
            facts.add(whole);
        }
        facts.add(new StableBand(band));
        facts.addAll(inputs.claims());
        // Flags come grouped by rule, in the order the rule files list them, then in the table's order.
        List<String> ruleOrder = rules.rules().stream().map(RuleInfo::id).toList();
        List<String> order = rows.stream().map(SeriesTrend::name).toList();
        List<Finding> flags = run(facts).stream()
                .sorted(Comparator.comparingInt((Finding f) -> ruleOrder.indexOf(f.rule()))
                        .thenComparingInt(f -> order.contains(f.series()) ? order.indexOf(f.series()) : order.size())
                        .thenComparingInt(Finding::from).thenComparingInt(Finding::to))
                .toList();
        return new TrendReport(table.country(), table.priority(), table.profileYear(), window.from(), window.to(),
                band, rows, flags);
    }

    private static Change windowChange(Series s, boolean total, Window window) {
        return Change.of(s.name(), total, Change.WINDOW, window.from(), window.to(), s.counts().get(window.from()),
                s.counts().get(window.to()));
    }

    private List<Finding> run(List<Object> facts) throws InvalidInputException {
        List<Finding> findings = new ArrayList<>();
        rules.fire(facts, MAX_FIRINGS, new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                Rule rule = event.getRule();
                if (rule != null && event.getObject() instanceof TrendFinding finding) {
                    findings.add(Finding.of(finding, rules.info(rule)));
                }
            }
        });
        return findings;
    }
}
