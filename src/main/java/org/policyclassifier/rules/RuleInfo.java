package org.policyclassifier.rules;

/**
 * What a rule says about itself: its stable id, its sentence, and where it comes from.
 *
 * @param id the stable id, e.g. {@code RESP-002}
 * @param name the full rule name, {@code "RESP-002 Tertiary prevention is led locally"}
 * @param title the name without its id
 * @param source the sentence of the profile the rule rests on, quoted exactly
 * @param note where the rule departs from or refines the profile; null when it does not
 * @param file the rule file as the user named it
 * @param line the line of the {@code rule} keyword (for a decision table, the row)
 * @param text the rule as Drools compiles it (for a decision table, the DRL its row becomes),
 *     to tell whether a rule changed between two versions of the policy
 */
public record RuleInfo(String id, String name, String title, String source, String note, String file, int line,
        String text) {
}
