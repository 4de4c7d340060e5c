package org.policyclassifier.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.policyclassifier.query.Candidate;

/**
 * A record that could not be classified.
 *
 * @param sheet for a workbook, the sheet it is on, and {@code line} is its row; null otherwise
 *     (and then left out of the JSON)
 * @param line the input line it starts on
 * @param raw the line as read (cut, with a note, when longer than the line limit)
 * @param reason what is wrong, in plain words
 * @param candidates for a text that was not understood: the entries it may mean, best first, as
 *     {@code policy query} ranks them; null for other rejects (and then left out of the JSON)
 */
@JsonPropertyOrder({"sheet", "line"})
public record Reject(@JsonInclude(JsonInclude.Include.NON_NULL) String sheet, long line, String raw, String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Candidate> candidates) {

    public Reject {
        candidates = candidates == null ? null : List.copyOf(candidates);
    }

    public Reject(long line, String raw, String reason, List<Candidate> candidates) {
        this(null, line, raw, reason, candidates);
    }

    public Reject(long line, String raw, String reason) {
        this(null, line, raw, reason, null);
    }

    /** The same reject, at row {@code line} of {@code sheet}. */
    Reject onSheet(String name) {
        return new Reject(name, line, raw, reason, candidates);
    }
}
