package org.policyclassifier.classify;

/** The body that coordinates policy for the case: the id of its name in the section "bodies" of {@code facts/words/}. */
public record CoordinatedBy(String caseId, String body) implements CaseFact {
}
