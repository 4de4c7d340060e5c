package org.policyclassifier.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.policyclassifier.facts.Words;

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
 * @param code the id of the message's wording in the section "refusals" of {@code facts/words/}, with
 *     {@code args} (name, value...); null for a message the engine words itself (an option's value)
 * @param context what the question names besides an entry, as triples (the id of its wording in
 *     "refusals", the parameter's name, its value), worded into the message's {@code context}
 * @param language the language the question was read in (en, nl, fr, de), null when unclear: the
 *     refusal is worded in it when no language is chosen, as an answer is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Refusal(String status, String question, String message, String option, List<Candidate> candidates,
        List<String> ignoredWords, String placeFromQuestion, String settingFromQuestion,
        List<String> substancesFromQuestion, @JsonIgnore String code, @JsonIgnore List<String> args,
        @JsonIgnore List<String> context, String language) {

    public Refusal {
        candidates = List.copyOf(candidates);
        args = args == null ? List.of() : List.copyOf(args);
        context = context == null ? List.of() : List.copyOf(context);
    }

    /** A refusal whose message the engine words itself (an option's value it cannot use). */
    public Refusal(String status, String question, String message, String option, List<Candidate> candidates,
            List<String> ignoredWords, String placeFromQuestion, String settingFromQuestion,
            List<String> substancesFromQuestion) {
        this(status, question, message, option, candidates, ignoredWords, placeFromQuestion, settingFromQuestion,
                substancesFromQuestion, null, List.of(), List.of(), null);
    }

    /** The same refusal, said otherwise. */
    public Refusal withMessage(String other) {
        return new Refusal(status, question, other, option, candidates, ignoredWords, placeFromQuestion,
                settingFromQuestion, substancesFromQuestion, code, args, context, language);
    }

    /** The same refusal with its message in {@code language}, when it has a code. */
    public Refusal in(Words words, String language) {
        return code == null ? this : withMessage(message(words, language, code, args, context));
    }

    /** The message of {@code code} in {@code language}, with its context worded there too. */
    static String message(Words words, String language, String code, List<String> args, List<String> context) {
        if (context.isEmpty()) {
            return words.text(language, Words.REFUSALS, code, args);
        }
        List<String> parts = new java.util.ArrayList<>();
        for (int i = 0; i < context.size(); i += 3) {
            parts.add(words.text(language, Words.REFUSALS, context.get(i), List.of(context.get(i + 1), context.get(i + 2))));
        }
        List<String> all = new java.util.ArrayList<>(args);
        all.add("context");
        all.add(String.join(", ", parts));
        return words.text(language, Words.REFUSALS, code, all);
    }
}
