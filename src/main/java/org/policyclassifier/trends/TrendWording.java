package org.policyclassifier.trends;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.policyclassifier.facts.Labels;
import org.policyclassifier.facts.OffenceCategory;
import org.policyclassifier.facts.Vocabulary;
import org.policyclassifier.facts.Words;

/**
 * Writes a trends report's texts from the ids and figures its findings carry, in one language of
 * {@code facts/words/} (section {@value #SECTION}): the names of its series, the details of its
 * flags, and the headings and labels its renderers print. The rules and the analysis conclude in
 * ids; this is where they become words.
 *
 * <p>A row of the table is named as the profile names it in the default language, the one the
 * profile and its imported statistics are written in; in another language by the label of its
 * offence category ({@code facts/offence-categories.json}, {@code statistics_row}), the TOTAL by
 * the section's {@code total}, and a row no category names keeps the profile's name.
 */
public final class TrendWording {

    /** The section of {@code facts/words/} with the words of the trends report. */
    public static final String SECTION = "trends";

    private final Words words;
    /** The labels of the offence categories, by the row of the statistics they name. */
    private final Map<String, Labels> labels = new HashMap<>();

    public TrendWording(Vocabulary vocabulary) {
        this.words = vocabulary.words();
        for (OffenceCategory c : vocabulary.offenceCategories()) {
            if (c.statisticsRow() != null && c.labels() != null) {
                labels.putIfAbsent(c.statisticsRow(), c.labels());
            }
        }
    }

    public Words words() {
        return words;
    }

    /** The text of {@code id} in the section, its parameters filled from {@code args}: name, value, name, value... */
    public String text(String language, String id, String... args) {
        return words.text(language, SECTION, id, List.of(args));
    }

    /** The report with its series named and its flags' details written in {@code language}; its figures unchanged. */
    public TrendReport in(TrendReport report, String language) {
        List<SeriesTrend> series = new ArrayList<>(report.series().size());
        for (SeriesTrend s : report.series()) {
            series.add(new SeriesTrend(row(s.name(), s.total(), language), s.total(), s.counts(),
                    s.yearOnYear().stream().map(c -> named(c, language)).toList(), named(s.window(), language),
                    s.shares()));
        }
        List<Finding> flags = report.flags().stream().map(f -> f.worded(f.concluded().series(this, language),
                f.members() == null ? null : rows(f.members(), language), f.concluded().detail(this, language)))
                .toList();
        return new TrendReport(report.country(), report.priority(), report.profileYear(), report.from(), report.to(),
                report.stableBandPercent(), series, flags);
    }

    /** The name of the row a change measures. */
    String series(Change c, String language) {
        return row(c.series(), c.total(), language);
    }

    /** The categories an aggregate adds up, named and joined: {@code Trade + Import and export + Production}. */
    String members(List<String> members, String language) {
        return String.join(" + ", rows(members, language));
    }

    /** {@code rose 9.62% from 2014 to 2017}, {@code fell ...}, {@code did not change ...}. */
    String movement(Change c, String language) {
        return movement(words, c, language);
    }

    /** How {@code c} moved over its years, in {@code language} of {@code words}: {@code rose 9.62% from 2014 to 2017}. */
    public static String movement(Words words, Change c, String language) {
        return words.text(language, SECTION, "period", List.of("change", change(words, c, language), "from",
                String.valueOf(c.from()), "to", String.valueOf(c.to())));
    }

    /** The movement without its years: {@code rose 1.47%}, {@code rose by 7} (from 0), {@code did not change}. */
    String change(Change c, String language) {
        return change(words, c, language);
    }

    private static String change(Words words, Change c, String language) {
        if (c.change() == 0) {
            return words.text(language, SECTION, "unchanged");
        }
        String verb = c.change() > 0 ? "rose" : "fell";
        return c.percent() == null
                ? words.text(language, SECTION, verb + "_by", List.of("count", String.valueOf(Math.abs(c.change()))))
                : words.text(language, SECTION, verb, List.of("percent", c.percent().abs().toPlainString()));
    }

    /** {@code within the stable band of ±5.00%}, or {@code more than ...}. */
    String band(BigDecimal band, boolean within, String language) {
        return text(language, within ? "within_band" : "beyond_band", "band", band.toPlainString());
    }

    private List<String> rows(List<String> categories, String language) {
        return categories.stream().map(m -> row(m, false, language)).toList();
    }

    private Change named(Change c, String language) {
        return new Change(series(c, language), c.total(), c.span(), c.from(), c.to(), c.baseline(), c.value(),
                c.change(), c.percent());
    }

    private String row(String name, boolean total, String language) {
        if (language.equals(words.defaultLanguage())) {
            return name;
        }
        if (total) {
            return text(language, "total");
        }
        Labels category = labels.get(name);
        return category == null ? name : category.in(language);
    }
}
