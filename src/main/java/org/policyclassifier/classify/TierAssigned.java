package org.policyclassifier.classify;

/** A rule gave the case a prevention tier: primary, secondary or tertiary. */
public record TierAssigned(String caseId, String tier) implements CaseFact {
}
