package org.policyclassifier.classify;

/**
 * A rule claims the lead for a level. A claim may override the claim of one named rule, with a
 * reason; two claims for different levels where neither overrides the other are a conflict.
 *
 * @param overrides the id of the rule whose claim this one replaces, or null
 * @param reason why the override holds: the id of its wording in the section "reasons" of {@code
 *     facts/words/}; null without an override
 */
public record LeadClaim(String caseId, String level, String overrides, String reason) implements CaseFact {

    public LeadClaim(String caseId, String level) {
        this(caseId, level, null, null);
    }
}
