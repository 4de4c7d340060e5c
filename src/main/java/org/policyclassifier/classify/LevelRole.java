package org.policyclassifier.classify;

/**
 * A level of government takes part in the case, in a role: {@code role} is the id of its wording
 * in the section "roles" of {@code facts/words/}.
 */
public record LevelRole(String caseId, String level, String role) implements CaseFact {
}
