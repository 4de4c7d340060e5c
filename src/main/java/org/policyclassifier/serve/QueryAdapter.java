package org.policyclassifier.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.policyclassifier.classify.CaseRecord;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.Decision;
import org.policyclassifier.classify.InvalidCaseException;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.io.Json;
import org.policyclassifier.query.Candidate;
import org.policyclassifier.query.Match;
import org.policyclassifier.query.QueryMatcher;

/**
 * The one place the server turns a question into a decision, through the same engine calls as
 * {@code policy query}. When query/ offers its single "understand and classify" method, only
 * {@link #answer} changes.
 */
final class QueryAdapter {

    private final Classifier classifier;
    private final QueryMatcher matcher;

    QueryAdapter(Classifier classifier) {
        this.classifier = classifier;
        this.matcher = new QueryMatcher(classifier.vocabulary());
    }

    /**
     * The decision (the CLI's JSON contract) with {@code match}: what the text was understood as.
     * Throws a 422 {@link ApiError} when the text matches nothing or several entries equally, or
     * a case field is not in the vocabulary.
     */
    ObjectNode answer(Question question) throws InvalidInputException {
        Match match = matcher.match(question.text());
        if (match.status() != Match.Status.MATCHED) {
            boolean several = match.status() == Match.Status.AMBIGUOUS;
            throw new ApiError(422, several ? "ambiguous" : "no_match",
                    several ? "\"" + question.text() + "\" matches several entries equally; say which one you mean"
                            : "nothing in the vocabulary matches \"" + question.text() + "\"",
                    Map.of("candidates", match.candidates()));
        }
        Candidate best = match.best();
        CaseRecord record = CaseRecord.of(null, best.kind(), best.id(), question.place(), question.setting(),
                question.actor(), question.substances().isEmpty() ? null : question.substances());
        Decision decision;
        try {
            decision = classifier.classify(record);
        } catch (InvalidCaseException e) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("field", e.field());
            throw new ApiError(422, "invalid_case", e.field() + ": " + e.reason(), extra);
        }
        ObjectNode json = Json.MAPPER.valueToTree(decision);
        json.set("match", Json.MAPPER.valueToTree(best));
        return json;
    }
}
