package org.policyclassifier.cli;

import static org.policyclassifier.trends.Percentages.signed;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policyclassifier.facts.Words;
import org.policyclassifier.trends.Change;
import org.policyclassifier.trends.Finding;
import org.policyclassifier.trends.SeriesTrend;
import org.policyclassifier.trends.TrendReport;
import org.policyclassifier.trends.TrendWording;

/** A trends report in plain words and aligned columns, for a person at a terminal, in one language. */
final class TrendsText {

    /** Flags whose first line says everything: the direction and the band. */
    private static final Set<String> SELF_EXPLAINED = Set.of("RISING", "FALLING", "STABLE");
    private static final String FLAG_INDENT = "  %-22s ";

    private TrendsText() {
    }

    static void print(TrendReport report, TrendWording wording, String language, PrintWriter out) {
        TrendReport r = wording.in(report, language);
        Words words = wording.words();
        String from = String.valueOf(r.from());
        String to = String.valueOf(r.to());
        String notAvailable = words.text(language, Words.TEXT, "not_available");
        List<Integer> years = r.years();
        String series = wording.text(language, "series");
        int width = Math.max(series.length(), r.series().stream().mapToInt(s -> s.name().length()).max().orElse(0));
        String name = "  %-" + width + "s";
        out.println(wording.text(language, "heading", "country", r.country(), "year", String.valueOf(r.profileYear()),
                "priority", r.priority(), "from", from, "to", to));
        out.println(wording.text(language, "stable_band", "band", r.stableBandPercent().toPlainString()));

        out.printf("%n%s%n" + name, wording.text(language, "counts"), series);
        years.forEach(y -> out.printf("  %8d", y));
        out.println();
        for (SeriesTrend s : r.series()) {
            out.printf(name, s.name());
            s.counts().values().forEach(c -> out.printf("  %8d", c));
            out.println();
        }

        out.printf("%n%s%n" + name, wording.text(language, "year_on_year"), series);
        for (Change c : r.series().get(0).yearOnYear()) {
            out.printf("  %18s", c.from() + "→" + c.to());
        }
        out.println();
        for (SeriesTrend s : r.series()) {
            out.printf(name, s.name());
            s.yearOnYear().forEach(c -> out.printf("  %7s %10s", signed(c.change()), percent(c, notAvailable)));
            out.println();
        }

        // The columns are as wide as the English labels, wider where a language's are longer.
        String[] labels = {wording.text(language, "change"), wording.text(language, "percent"),
            wording.text(language, "share", "year", from), wording.text(language, "share", "year", to),
            wording.text(language, "points")};
        int[] w = {Math.max(7, labels[0].length()), Math.max(10, labels[1].length()), Math.max(10, labels[2].length()),
            Math.max(10, labels[3].length()), Math.max(9, labels[4].length())};
        String head = name + "  %" + w[0] + "s %" + w[1] + "s  %" + w[2] + "s  %" + w[3] + "s  %" + w[4] + "s%n";
        String row = name + "  %" + w[0] + "s %" + w[1] + "s  %" + (w[2] - 1) + "s%%  %" + (w[3] - 1) + "s%%  %" + w[4]
                + "s%n";
        out.printf("%n%s%n", wording.text(language, "window", "from", from, "to", to));
        out.printf(head, series, labels[0], labels[1], labels[2], labels[3], labels[4]);
        for (SeriesTrend s : r.series()) {
            out.printf(row, s.name(), signed(s.window().change()), percent(s.window(), notAvailable), s.shares().from()
                    .toPlainString(), s.shares().to().toPlainString(), signed(s.shares().changePoints()));
        }

        out.printf("%n%s%n", wording.text(language, "flags"));
        if (r.flags().isEmpty()) {
            out.println("  " + words.text(language, Words.TEXT, "none"));
        }
        Map<String, Finding> rules = new LinkedHashMap<>();
        for (Finding f : r.flags()) {
            rules.putIfAbsent(f.rule(), f);
            String figures = wording.text(language, "figures", "series", f.series(), "from", String.valueOf(f.from()),
                    "to", String.valueOf(f.to()), "baseline", String.valueOf(f.baseline()), "value",
                    String.valueOf(f.value()), "change", signed(f.change()), "percent", f.percent() == null
                            ? wording.text(language, "no_percentage") : signed(f.percent()) + "%");
            if (f.threshold() != null) {
                figures = wording.text(language, "figures_band", "figures", figures, "band",
                        f.threshold().toPlainString());
            }
            out.printf(FLAG_INDENT + "%s [%s]%n", f.code(), figures, f.rule());
            if (f.claim() != null) {
                out.printf(FLAG_INDENT + "%s%n", "", wording.text(language, "claim", "claim", f.claim()));
            }
            if (!SELF_EXPLAINED.contains(f.code())) {
                out.printf(FLAG_INDENT + "%s%n", "", f.detail());
            }
        }
        if (!rules.isEmpty()) {
            out.printf("%n%s%n", wording.text(language, "rules"));
            for (Finding f : rules.values()) {
                out.printf("  %-9s %s%n", f.rule(), f.title());
                out.printf("  %-9s %s%n", "", words.text(language, Words.TEXT, "source_quote", List.of("quote",
                        f.source())));
                if (f.note() != null) {
                    out.printf("  %-9s %s: %s%n", "", words.text(language, Words.TEXT, "note"), f.note());
                }
            }
        }
    }

    private static String percent(Change c, String notAvailable) {
        return c.percent() == null ? notAvailable : signed(c.percent()) + "%";
    }
}
