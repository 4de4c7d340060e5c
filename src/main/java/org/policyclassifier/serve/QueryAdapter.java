package org.policyclassifier.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.DecisionWording;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.io.Json;
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

    QueryAdapter(Classifier classifier, java.nio.file.Path factsDir) {
        this.service = new QueryService(classifier, factsDir);
        this.wording = new DecisionWording(classifier.vocabulary().words());
    }

    /**
     * The decision (the CLI's JSON contract, with {@code match}: what was understood). Throws a
     * 422 {@link ApiError} with the refusal's status, message, candidates and the option at fault.
     */
    ObjectNode answer(Question question, String language) throws InvalidInputException {
        Answer answer = service.ask(question).in(wording, language);
        if (answer.answered()) {
            return Json.MAPPER.valueToTree(answer.json());
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
