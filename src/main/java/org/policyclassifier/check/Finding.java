package org.policyclassifier.check;

/**
 * One problem {@code rules check} found.
 *
 * @param kind error (does not compile, or bad facts), source (quote not in the profile), gap,
 *     conflict or dead (a rule that never fires)
 * @param file the file to edit
 * @param line its line, or 0
 * @param rule the rule concerned, or null
 * @param message plain words
 */
public record Finding(String kind, String file, int line, String rule, String message) {

    @Override
    public String toString() {
        String where = file == null ? "" : line > 0 ? file + ":" + line + ": " : file + ": ";
        return where + "[" + kind + "] " + message;
    }
}
