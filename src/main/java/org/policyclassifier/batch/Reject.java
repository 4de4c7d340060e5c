package org.policyclassifier.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.policyclassifier.query.Candidate;

/**
 * A record that could not be classified.
 *
 * @param line the input line it starts on
 * @param raw the line as read (cut, with a note, when longer than the line limit)
 * @param reason what is wrong, in plain words
 * @param candidates for a text that was not understood: the entries it may mean, best first, as
 *     {@code policy query} ranks them; null for other rejects (and then left out of the JSON)
 */
public record Reject(long line, String raw, String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Candidate> candidates) {

    public Reject {
        candidates = candidates == null ? null : List.copyOf(candidates);
    }

    public Reject(long line, String raw, String reason) {
        this(line, raw, reason, null);
    }
}
