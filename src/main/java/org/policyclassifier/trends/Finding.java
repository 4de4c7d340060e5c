package org.policyclassifier.trends;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.List;
import org.policyclassifier.rules.RuleInfo;

/**
 * A flag of the trends report: what a rule found, the figures it rests on, and the rule with the
 * sentence of the profile it quotes.
 *
 * @param code e.g. {@code FALLING}, {@code AGGREGATE}, {@code CLAIM_DIVERGES}
 * @param series the row (or aggregate) concerned: as the document names the row, or the aggregate's
 *     id, until {@link TrendWording} names it in a language
 * @param from the earlier year of the change
 * @param to the later year
 * @param baseline the count in {@code from}
 * @param value the count in {@code to}
 * @param change {@code value - baseline}
 * @param percent the change in percent of the baseline; null when the baseline is 0
 * @param threshold the threshold that applied (the stable band), in percent; null when none did
 * @param members for an aggregate, the categories it adds up, named as {@code series}; else null
 * @param shares for an aggregate, its share of the total at both ends; else null
 * @param claim for a claim check, the profile's words; else null
 * @param detail the finding in plain words, written by {@link TrendWording}; null until then
 * @param rule the id of the rule that raised it
 * @param title the rule's sentence
 * @param source the profile's words the rule rests on
 * @param note where the rule goes beyond the profile; may be null
 * @param concluded what the rule concluded, in codes, ids and figures: what the words are written from
 */
public record Finding(String code, String series, int from, int to, long baseline, long value, long change,
        BigDecimal percent, BigDecimal threshold, List<String> members, Shares shares, String claim, String detail,
        String rule, String title, String source, String note, @JsonIgnore TrendFinding concluded) {

    static Finding of(TrendFinding f, RuleInfo rule) {
        Change c = f.basis();
        return new Finding(f.code(), c.series(), c.from(), c.to(), c.baseline(), c.value(), c.change(), c.percent(),
                f.threshold(), f instanceof Aggregate a ? a.members() : null,
                f instanceof Aggregate a ? a.shares() : null,
                f instanceof ClaimCheck check ? check.claim().quote() : null,
                null, rule.id(), rule.title(), rule.source(), rule.note(), f);
    }

    /** This flag with its series, members and detail in words. */
    Finding worded(String seriesName, List<String> memberNames, String words) {
        return new Finding(code, seriesName, from, to, baseline, value, change, percent, threshold, memberNames, shares,
                claim, words, rule, title, source, note, concluded);
    }
}
