package org.policyclassifier.classify;

/** A level of government takes part in the case, in the role described. */
public record LevelRole(String caseId, String level, String role) implements CaseFact {
}
