package org.policyclassifier.trends;

import java.math.BigDecimal;
import java.util.List;

/**
 * Several categories added up, e.g. the supply side, with their change and share of the TOTAL
 * over the window.
 *
 * @param members the categories added up, as the document names them
 * @param basis the sum's change over the window; its series is the aggregate's id, e.g.
 *     {@code supply_side}, the id of its name in the words of the trends report
 * @param shares the sum's share of the TOTAL at both ends of the window
 */
public record Aggregate(List<String> members, Change basis, Shares shares) implements TrendFinding {

    public Aggregate {
        members = List.copyOf(members);
    }

    /**
     * Adds up the window changes of {@code parts} as aggregate {@code id} (a rule calls this with
     * the changes it matched).
     */
    public static Aggregate of(String id, Change total, List<Change> parts) {
        long baseline = parts.stream().mapToLong(Change::baseline).sum();
        long value = parts.stream().mapToLong(Change::value).sum();
        Change sum = Change.of(id, false, Change.WINDOW, total.from(), total.to(), baseline, value);
        return new Aggregate(parts.stream().map(Change::series).toList(), sum, Shares.of(sum, total));
    }

    @Override
    public String code() {
        return "AGGREGATE";
    }

    @Override
    public BigDecimal threshold() {
        return null;
    }

    @Override
    public String series(TrendWording wording, String language) {
        return wording.text(language, basis.series());
    }

    @Override
    public String detail(TrendWording wording, String language) {
        return wording.text(language, code(), "members", wording.members(members, language), "share_from",
                shares.from().toPlainString(), "share_to", shares.to().toPlainString(), "points",
                Percentages.signed(shares.changePoints()));
    }
}
