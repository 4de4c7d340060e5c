package org.policyclassifier.rules;

import java.util.List;

/** The table of a rule set's rules, each once: what a decision's {@code {rule}} entries refer to. */
public final class RuleTable {

    private RuleTable() {
    }

    /**
     * One row of the table.
     *
     * @param id the stable id a decision names
     * @param title the rule's sentence
     * @param source the profile sentence it rests on
     * @param note where it departs from or refines the profile; null when it does not
     * @param file the rule file
     * @param line the line of the rule (for a decision table, its row)
     */
    public record Row(String id, String title, String source, String note, String file, int line) {
    }

    /** Every rule, by file then line. */
    public static List<Row> of(RuleSet rules) {
        return rules.rules().stream()
                .map(r -> new Row(r.id(), r.title(), r.source(), r.note(), r.file(), r.line())).toList();
    }
}
