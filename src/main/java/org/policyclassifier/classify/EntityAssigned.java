package org.policyclassifier.classify;

/** The concrete body that acts for a level in the case's place (e.g. the Flemish Community). */
public record EntityAssigned(String caseId, String level, String entity) implements CaseFact {
}
