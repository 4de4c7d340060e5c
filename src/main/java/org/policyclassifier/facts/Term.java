package org.policyclassifier.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A simple vocabulary entry: an id, a label and the words a question may use for it (settings,
 * substances), e.g. the setting {@code prison} for "gevangenis". A list of question words that asks
 * who pays or who makes the rules also has {@code roles}: the level roles (ids of the section "roles"
 * of {@code facts/words/}) that answer it, the most specific first; null elsewhere.
 */
public record Term(String id, String label, Synonyms synonyms,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> roles) {
}
