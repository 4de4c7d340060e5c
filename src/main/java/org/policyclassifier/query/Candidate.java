package org.policyclassifier.query;

/**
 * A vocabulary entry a query may mean.
 *
 * @param kind intervention or offence
 * @param id the intervention type or offence category id
 * @param label its English label
 * @param term the label or synonym that matched, as written in the vocabulary
 * @param partial true when the term only contains the query (the query "exchange" in "needle exchange")
 */
public record Candidate(String kind, String id, String label, String term, boolean partial) {
}
