package org.policyclassifier.policytest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.policyclassifier.cases.CaseRecord;

/**
 * One agreed case of a policy test file ({@code rules/tests/*.yaml} or {@code .json}).
 *
 * @param name what the case shows, one line
 * @param note why it is the agreed answer (the profile's words, a decision of the team)
 * @param query a question as a user would type it; or else
 * @param record a case record as in a batch file; or else
 * @param trends a trends question: the offence statistics judged by the trend rules
 * @param place with {@code query}: the place option
 * @param setting with {@code query}: the setting option
 * @param actor with {@code query}: the actor option
 * @param substances with {@code query}: the substance options
 * @param expect fields of the decision (any subset of the JSON contract), or of the trends report;
 *     objects match when the fields they give match, lists element by element
 * @param expectFlags with {@code trends}: flags the report must hold, each matching some flag
 * @param fired rule ids that must be among the rules that fired
 * @param expectCandidates with {@code query}, when it must be refused: the entry ids it lists
 *     first, in order; an empty list when it must offer none
 */
public record PolicyTestCase(String name, String note, String query, CaseRecord record, TrendsQuestion trends,
        String place, String setting, String actor, List<String> substances, ObjectNode expect,
        ArrayNode expectFlags, List<String> fired, List<String> expectCandidates) {

    /**
     * A trends run: the window, the stable band, and optionally another statistics file (relative
     * to the test file) in place of {@code facts/offence-statistics.json}.
     */
    public record TrendsQuestion(Integer from, Integer to, BigDecimal stableBand, String statistics) {
    }

    public PolicyTestCase {
        substances = substances == null ? null : List.copyOf(substances);
        fired = fired == null ? List.of() : List.copyOf(fired);
        expectCandidates = expectCandidates == null ? null : List.copyOf(expectCandidates);
    }
}
