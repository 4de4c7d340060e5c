package org.policyclassifier.classify;

/** A case record that cannot be classified: which field, and why. */
public class InvalidCaseException extends Exception {

    private final String field;
    private final String reason;

    public InvalidCaseException(String field, String reason) {
        super("field '" + field + "': " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    /** The reason without the field name, for callers that name the field their own way. */
    public String reason() {
        return reason;
    }
}
