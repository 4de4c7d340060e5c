package org.policyclassifier.policytest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.policyclassifier.rules.RuleInfo;

/**
 * What the tests reach: rules no test fires, and profile sentences no rule quotes (or only rules
 * that no test fires).
 *
 * @param rules how many rules the policy has
 * @param notFired rules no test fires
 * @param sentences how many sentences the profile has
 * @param notQuoted sentences no rule quotes
 * @param notTested sentences quoted only by rules no test fires
 */
public record Coverage(int rules, List<RuleInfo> notFired, int sentences, List<String> notQuoted,
        List<String> notTested) {

    public Coverage {
        notFired = List.copyOf(notFired);
        notQuoted = List.copyOf(notQuoted);
        notTested = List.copyOf(notTested);
    }

    /** The share of rules some test fires, in percent, two decimals, rounded half up. */
    public BigDecimal rulePercent() {
        if (rules == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(100L * (rules - notFired.size())).divide(BigDecimal.valueOf(rules), 2,
                RoundingMode.HALF_UP);
    }
}
