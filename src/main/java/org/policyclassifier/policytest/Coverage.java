package org.policyclassifier.policytest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param reasons why each sentence of {@code notQuoted} is left unquoted, from
 *     {@code rules/unquoted-sentences.md}; a sentence without one is missing from the map
 * @param staleReasons sentences that file gives a reason for although a rule quotes them or the
 *     profile has no such sentence
 */
public record Coverage(int rules, List<RuleInfo> notFired, int sentences, List<String> notQuoted,
        List<String> notTested, Map<String, String> reasons, List<String> staleReasons) {

    public Coverage {
        notFired = List.copyOf(notFired);
        notQuoted = List.copyOf(notQuoted);
        notTested = List.copyOf(notTested);
        reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
        staleReasons = List.copyOf(staleReasons);
    }

    /** Unquoted sentences without a reason: each must be quoted by a rule or explained. */
    public List<String> unexplained() {
        return notQuoted.stream().filter(s -> !reasons.containsKey(s)).toList();
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
