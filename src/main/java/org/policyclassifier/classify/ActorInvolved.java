package org.policyclassifier.classify;

/** An actor of {@code facts/actors.json}, named by id, takes part in the case. */
public record ActorInvolved(String caseId, String actor) implements CaseFact {
}
