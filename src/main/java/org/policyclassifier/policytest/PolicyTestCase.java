package org.policyclassifier.policytest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.policyclassifier.classify.CaseRecord;

/**
 * One agreed case of a policy test file ({@code rules/tests/*.yaml} or {@code .json}).
 *
 * @param name what the case shows, one line
 * @param note why it is the agreed answer (the profile's words, a decision of the team)
 * @param query a question as a user would type it; or else
 * @param record a case record as in a batch file
 * @param place with {@code query}: the place option
 * @param setting with {@code query}: the setting option
 * @param actor with {@code query}: the actor option
 * @param substances with {@code query}: the substance options
 * @param expect fields of the decision (any subset of the JSON contract); objects match when the
 *     fields they give match, lists element by element
 * @param fired rule ids that must be among the rules that fired
 */
public record PolicyTestCase(String name, String note, String query, CaseRecord record, String place, String setting,
        String actor, List<String> substances, ObjectNode expect, List<String> fired) {

    public PolicyTestCase {
        substances = substances == null ? null : List.copyOf(substances);
        fired = fired == null ? List.of() : List.copyOf(fired);
    }
}
