package org.policyclassifier.batch;

/**
 * How much of the explanation each JSON Lines decision carries. The rule table (title, profile
 * sentence, note, file:line of every rule) is the same for every record, so a batch can name the
 * rules only and give the table once (summary, {@code policy rules list}).
 */
public enum Explain {
    /** Each entry {rule, title, source, note?, overridden_by?}, as {@code query} prints it. */
    FULL,
    /** Each entry {rule} only, in firing order; who overrode whom stays in {@code overrides}. */
    RULES,
    /** No {@code explanation} field at all. */
    NONE
}
