package org.policyclassifier.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Why a question got no answer, in a form tools can read ({@code policy query --format json}, the
 * HTTP API): {@code no_match} (nothing, or only part of the question, names an entry),
 * {@code ambiguous} (several entries fit about equally) or {@code invalid_option} (an option
 * names nothing in the vocabulary), with the ranked candidates.
 *
 * @param status no_match, ambiguous or invalid_option
 * @param question the text as typed
 * @param message the reason in plain words (for invalid_option, about the option's value)
 * @param option for invalid_option: the option at fault (place, setting, actor, substance)
 * @param candidates the entries it may mean, best first (may be empty)
 * @param ignoredWords words of the question nothing accounts for
 * @param placeFromQuestion a place the question names, as typed
 * @param settingFromQuestion a setting a word of the question names
 * @param substancesFromQuestion substances words of the question name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Refusal(String status, String question, String message, String option, List<Candidate> candidates,
        List<String> ignoredWords, String placeFromQuestion, String settingFromQuestion,
        List<String> substancesFromQuestion) {

    public Refusal {
        candidates = List.copyOf(candidates);
    }

    /** The same refusal, said otherwise. */
    public Refusal withMessage(String other) {
        return new Refusal(status, question, other, option, candidates, ignoredWords, placeFromQuestion,
                settingFromQuestion, substancesFromQuestion);
    }
}
