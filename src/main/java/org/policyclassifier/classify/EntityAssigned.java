package org.policyclassifier.classify;

/**
 * The concrete body that acts for a level in the case's place (e.g. the Flemish Community):
 * {@code entity} is the id of its name in the section "entities" of {@code facts/words/}, where
 * {@code {municipality}} stands for the case's municipality, filled in when the answer is written.
 */
public record EntityAssigned(String caseId, String level, String entity) implements CaseFact {
}
