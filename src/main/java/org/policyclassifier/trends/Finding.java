package org.policyclassifier.trends;

import java.math.BigDecimal;
import java.util.List;
import org.policyclassifier.rules.RuleInfo;

/**
 * A flag of the trends report: what a rule found, the figures it rests on, and the rule with the
 * sentence of the profile it quotes.
 *
 * @param code e.g. {@code FALLING}, {@code AGGREGATE}, {@code CLAIM_DIVERGES}
 * @param series the row (or aggregate) concerned
 * @param from the earlier year of the change
 * @param to the later year
 * @param baseline the count in {@code from}
 * @param value the count in {@code to}
 * @param change {@code value - baseline}
 * @param percent the change in percent of the baseline; null when the baseline is 0
 * @param threshold the threshold that applied (the stable band), in percent; null when none did
 * @param members for an aggregate, the categories it adds up; else null
 * @param shares for an aggregate, its share of the total at both ends; else null
 * @param claim for a claim check, the profile's words; else null
 * @param detail the finding in plain words
 * @param rule the id of the rule that raised it
 * @param title the rule's sentence
 * @param source the profile's words the rule rests on
 * @param note where the rule goes beyond the profile; may be null
 */
public record Finding(String code, String series, int from, int to, long baseline, long value, long change,
        BigDecimal percent, BigDecimal threshold, List<String> members, Shares shares, String claim, String detail,
        String rule, String title, String source, String note) {

    static Finding of(TrendFinding f, RuleInfo rule) {
        Change c = f.basis();
        return new Finding(f.code(), c.series(), c.from(), c.to(), c.baseline(), c.value(), c.change(), c.percent(),
                f.threshold(), f instanceof Aggregate a ? a.members() : null,
                f instanceof Aggregate a ? a.shares() : null,
                f instanceof ClaimCheck check ? check.claim().quote() : null,
                f.detail(), rule.id(), rule.title(), rule.source(), rule.note());
    }
}
