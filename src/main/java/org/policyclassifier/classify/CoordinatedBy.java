package org.policyclassifier.classify;

/** The body that coordinates policy for the case. */
public record CoordinatedBy(String caseId, String body) implements CaseFact {
}
