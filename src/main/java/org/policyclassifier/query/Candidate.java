package org.policyclassifier.query;

/**
 * A vocabulary entry a query may mean.
 *
 * @param kind intervention or offence
 * @param id the intervention type or offence category id
 * @param label its English label
 * @param term the label or synonym that matched, as written in the vocabulary
 */
public record Candidate(String kind, String id, String label, String term) {
}
