package org.policyclassifier.query;

import org.policyclassifier.classify.Decision;

/**
 * The outcome of a question: a decision (with what was understood, {@link Decision#match()}), or a
 * refusal with the candidates. Exactly one of the two is set.
 */
public record Answer(Status status, Decision decision, Refusal refusal) {

    public enum Status { ANSWERED, NO_MATCH, AMBIGUOUS, INVALID_OPTION }

    public boolean answered() {
        return status == Status.ANSWERED;
    }

    /** What to print as JSON: the decision, or the refusal. */
    public Object json() {
        return answered() ? decision : refusal;
    }
}
