package org.policyclassifier.diff;

import java.util.List;
import java.util.Map;

/**
 * What a change of rules changes.
 *
 * @param cases how many cases were classified with both versions
 * @param changed how many decisions differ
 * @param transitions per field, {@code "old → new"} and how many cases made that move
 * @param changes each changed case
 * @param rulesAdded ids only the new rules have
 * @param rulesRemoved ids only the base rules have
 * @param rulesChanged ids in both whose text, source or note differ
 */
public record DiffReport(int cases, int changed, Map<String, Map<String, Integer>> transitions,
        List<CaseChange> changes, List<String> rulesAdded, List<String> rulesRemoved, List<String> rulesChanged) {

    /**
     * One case whose decision changed.
     *
     * @param id the case (a record id, or what the vocabulary case is)
     * @param fields per changed field, the old and the new value
     * @param firedOnlyBefore rules that fired with the base rules only
     * @param firedOnlyAfter rules that fire with the new rules only
     */
    public record CaseChange(String id, Map<String, List<Object>> fields, List<String> firedOnlyBefore,
            List<String> firedOnlyAfter) {
    }
}
