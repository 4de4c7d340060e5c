package org.policyclassifier.cli;

import static org.policyclassifier.trends.Percentages.signed;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policyclassifier.trends.Change;
import org.policyclassifier.trends.Finding;
import org.policyclassifier.trends.SeriesTrend;
import org.policyclassifier.trends.TrendReport;

/** A trends report in plain words and aligned columns, for a person at a terminal. */
final class TrendsText {

    /** Flags whose first line says everything: the direction and the band. */
    private static final Set<String> SELF_EXPLAINED = Set.of("RISING", "FALLING", "STABLE");
    private static final String FLAG_INDENT = "  %-22s ";

    private TrendsText() {
    }

    static void print(TrendReport r, PrintWriter out) {
        List<Integer> years = r.years();
        int width = Math.max("Series".length(), r.series().stream().mapToInt(s -> s.name().length()).max().orElse(0));
        String name = "  %-" + width + "s";
        out.printf("Offence statistics: %s, EU policy profile %d (priority: %s), %d–%d%n", r.country(),
                r.profileYear(), r.priority(), r.from(), r.to());
        out.printf("Stable band: ±%s%%%n", r.stableBandPercent().toPlainString());

        out.printf("%nRecorded offences%n" + name, "Series");
        years.forEach(y -> out.printf("  %8d", y));
        out.println();
        for (SeriesTrend s : r.series()) {
            out.printf(name, s.name());
            s.counts().values().forEach(c -> out.printf("  %8d", c));
            out.println();
        }

        out.printf("%nYear-on-year change: offences and percent%n" + name, "Series");
        for (Change c : r.series().get(0).yearOnYear()) {
            out.printf("  %18s", c.from() + "→" + c.to());
        }
        out.println();
        for (SeriesTrend s : r.series()) {
            out.printf(name, s.name());
            s.yearOnYear().forEach(c -> out.printf("  %7s %10s", signed(c.change()), percent(c)));
            out.println();
        }

        out.printf("%nChange over %d–%d and share of the total%n" + name + "  %7s %10s  %10s  %10s  %9s%n",
                r.from(), r.to(), "Series", "change", "percent", "share " + r.from(), "share " + r.to(), "points");
        for (SeriesTrend s : r.series()) {
            out.printf(name + "  %7s %10s  %9s%%  %9s%%  %9s%n", s.name(), signed(s.window().change()),
                    percent(s.window()), s.shares().from().toPlainString(), s.shares().to().toPlainString(),
                    signed(s.shares().changePoints()));
        }

        out.printf("%nFlags (rule in brackets; the rules are listed below)%n");
        if (r.flags().isEmpty()) {
            out.println("  none");
        }
        Map<String, Finding> rules = new LinkedHashMap<>();
        for (Finding f : r.flags()) {
            rules.putIfAbsent(f.rule(), f);
            out.printf(FLAG_INDENT + "%s, %d–%d: %d → %d, %s (%s)%s [%s]%n", f.code(), f.series(), f.from(), f.to(),
                    f.baseline(), f.value(), signed(f.change()), f.percent() == null ? "no percentage" : signed(
                    f.percent()) + "%", f.threshold() == null ? "" : "; stable band ±" + f.threshold().toPlainString()
                    + "%", f.rule());
            if (f.claim() != null) {
                out.printf(FLAG_INDENT + "claim: \"%s\"%n", "", f.claim());
            }
            if (!SELF_EXPLAINED.contains(f.code())) {
                out.printf(FLAG_INDENT + "%s%n", "", f.detail());
            }
        }
        if (!rules.isEmpty()) {
            out.printf("%nRules%n");
            for (Finding f : rules.values()) {
                out.printf("  %-9s %s%n", f.rule(), f.title());
                out.printf("  %-9s profile: \"%s\"%n", "", f.source());
                if (f.note() != null) {
                    out.printf("  %-9s note: %s%n", "", f.note());
                }
            }
        }
    }

    private static String percent(Change c) {
        return c.percent() == null ? "n/a" : signed(c.percent()) + "%";
    }
}
