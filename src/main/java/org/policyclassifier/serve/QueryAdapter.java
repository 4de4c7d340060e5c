package org.policyclassifier.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.DecisionWording;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.io.Json;
import org.policyclassifier.profile.ProfileText;
import org.policyclassifier.query.Answer;
import org.policyclassifier.query.Question;
import org.policyclassifier.query.QueryService;
import org.policyclassifier.query.Refusal;

/**
 * The one place the server turns a question into a decision: {@link QueryService#ask}, the method
 * {@code policy query} calls too.
 */
final class QueryAdapter {

    private final QueryService service;
    private final DecisionWording wording;
    /** What every answer is cited by: the version of the rules in use and the profile they quote. */
    private final Map<String, Object> citation;

    QueryAdapter(Classifier classifier, java.nio.file.Path factsDir, int version, ProfileText.Cover profile) {
        this.service = new QueryService(classifier, factsDir);
        this.wording = new DecisionWording(classifier.vocabulary().words());
        Map<String, Object> citation = new LinkedHashMap<>();
        citation.put("rules_version", version);
        citation.put("profile", profile);
        this.citation = Collections.unmodifiableMap(citation);
    }

    /**
     * The decision (the CLI's JSON contract, with {@code match}: what was understood), with the
     * {@code rules_version} and {@code profile} it is cited by. Throws a 422 {@link ApiError} with
     * the refusal's status, message, candidates, the option at fault and the place and setting the
     * question named (so that a candidate can be asked again with them).
     */
    ObjectNode answer(Question question, String language) throws InvalidInputException {
        Answer asked = service.ask(question);
        Answer answer = asked.in(wording, language != null ? language : asked.languageIn(wording.words()));
        if (answer.answered()) {
            ObjectNode json = Json.MAPPER.valueToTree(answer.json());
            json.setAll((ObjectNode) Json.MAPPER.valueToTree(citation));
            return json;
        }
        Refusal refusal = answer.refusal();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("candidates", refusal.candidates());
        if (refusal.option() != null) {
            extra.put("field", refusal.option());
        }
        if (refusal.ignoredWords() != null && !refusal.ignoredWords().isEmpty()) {
            extra.put("ignored_words", refusal.ignoredWords());
        }
        if (refusal.placeFromQuestion() != null) {
            extra.put("place_from_question", refusal.placeFromQuestion());
        }
        if (refusal.settingFromQuestion() != null) {
            extra.put("setting_from_question", refusal.settingFromQuestion());
        }
        extra.putAll(citation);
        throw new ApiError(422, refusal.status(), refusal.option() == null ? refusal.message()
                : parameterWords("--" + refusal.option() + ": " + refusal.message()), extra);
    }

    /** The engine's options ({@code --setting}, {@code --from}) as the API's query parameters ({@code setting=}). */
    private static final Pattern OPTION = Pattern.compile("--(place|setting|actor|substance|from|to)(?::? '([^']*)'|:? )");

    /**
     * The engine's words for the command line, reworded for the API: an option becomes its query
     * parameter ({@code --setting: 'moon' is unknown} reads {@code setting=moon is unknown}).
     */
    static String parameterWords(String message) {
        return OPTION.matcher(message).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + "=" + (m.group(2) != null ? m.group(2) : "")));
    }
}
