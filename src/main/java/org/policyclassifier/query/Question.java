package org.policyclassifier.query;

import java.util.List;

/**
 * A question as a user asks it: free text in English, Dutch or French, and the explicit options,
 * each null when not given. Options win over words of the text that say otherwise.
 *
 * @param text what is asked, e.g. "spuitenruil Antwerpen" or "needle exchange in prison"
 * @param place a place by any of its names (option --place)
 * @param setting a setting id, any case (option --setting)
 * @param actor an actor id, any case (option --actor)
 * @param substances substance ids, any case (option --substance)
 */
public record Question(String text, String place, String setting, String actor, List<String> substances) {

    public Question {
        substances = substances == null ? null : List.copyOf(substances);
    }

    /** Only text, no options. */
    public static Question of(String text) {
        return new Question(text, null, null, null, null);
    }
}
