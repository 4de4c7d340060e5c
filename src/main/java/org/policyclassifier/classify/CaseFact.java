package org.policyclassifier.classify;

/** A fact that belongs to one case; lets one rule session classify many cases at once. */
public interface CaseFact {
    String caseId();
}
