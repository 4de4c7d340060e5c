package org.policyclassifier.facts;

/**
 * A simple vocabulary entry: an id, a label and the words a question may use for it (settings,
 * substances), e.g. the setting {@code prison} for "gevangenis".
 */
public record Term(String id, String label, Synonyms synonyms) {
}
