package org.policyclassifier.errors;

/**
 * One problem a user can fix, located as precisely as we know it.
 *
 * @param file the file as the user named it, or null when the problem is not in a file
 * @param line 1-based line, or 0 when unknown
 * @param message plain words: what is wrong and what was expected
 */
public record Problem(String file, int line, String message) {

    /** {@code file:line: message}, the form editors and CI logs understand. */
    @Override
    public String toString() {
        if (file == null) {
            return message;
        }
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
