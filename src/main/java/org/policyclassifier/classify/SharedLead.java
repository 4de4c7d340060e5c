package org.policyclassifier.classify;

/**
 * A rule says that no single level leads the case: the levels it lists take part as equals in an
 * interfederal body (the General Policy Cell Drugs is made of all governments). The answer then has
 * no lead level, no GAP, and no place's entity standing for a whole level.
 *
 * @param reason why no level leads: the id of its wording in the section "reasons" of {@code
 *     facts/words/}; shown with the flag NO_SINGLE_LEAD
 */
public record SharedLead(String caseId, String reason) implements CaseFact {
}
