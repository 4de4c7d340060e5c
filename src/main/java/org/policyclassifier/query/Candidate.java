package org.policyclassifier.query;

import java.util.List;

/**
 * An entry a refused question may mean, with its score.
 *
 * @param kind intervention or offence
 * @param entry the intervention type or offence category id
 * @param label its English label
 * @param term the label or synonym that came closest, as the vocabulary writes it
 * @param score its score (higher is closer; see {@link QueryService})
 * @param matchedWords the words of the question it accounts for, as typed
 */
public record Candidate(String kind, String entry, String label, String term, double score,
        List<String> matchedWords) {

    public Candidate {
        matchedWords = List.copyOf(matchedWords);
    }
}
