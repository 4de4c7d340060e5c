package org.policyclassifier.query;

import java.util.List;

/**
 * What a free-text query resolved to: one entry, several equally good ones, or none (with the
 * entries that come closest). The tool never picks among several silently.
 */
public record Match(Status status, List<Candidate> candidates) {

    public enum Status { MATCHED, AMBIGUOUS, NONE }

    public Match {
        candidates = List.copyOf(candidates);
    }

    /** The matched entry; only for {@link Status#MATCHED}. */
    public Candidate best() {
        if (status != Status.MATCHED) {
            throw new IllegalStateException("no single match: " + status);
        }
        return candidates.get(0);
    }
}
