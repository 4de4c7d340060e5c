package org.policyclassifier.serve;

import java.util.List;

/** A question as the page or an API client asks it: free text plus the optional case fields. */
record Question(String text, String place, String setting, String actor, List<String> substances) {

    Question {
        substances = substances == null ? List.of() : List.copyOf(substances);
    }
}
