package org.policyclassifier.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyclassifier.classify.CaseRecord;

/**
 * What the rules concluded for each distinct record content (the record without its id), least
 * recently used first out, within a budget of bytes. Rules derive from the case alone, so a
 * record that equals an earlier one but for its id gets the same decision: looking it up costs a
 * hash, running the rules tens of microseconds. Shared by the workers; each takes the lock once
 * per chunk for its look-ups and once for its new entries.
 */
final class DecisionCache {

    /** Estimated bytes of a key and the map's own entry, beside the rendered bytes. */
    private static final int ENTRY_OVERHEAD = 200;

    private final long budget;
    private final Map<CaseRecord, Result> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;

    DecisionCache(long budget) {
        this.budget = budget;
    }

    boolean enabled() {
        return budget > 0;
    }

    /** Fills {@code into[i]} with the entry for {@code keys[i]}, or leaves it null; null keys are skipped. */
    synchronized void lookup(CaseRecord[] keys, Result[] into) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                into[i] = entries.get(keys[i]);
            }
        }
    }

    synchronized void putAll(List<CaseRecord> keys, List<Result> results) {
        for (int i = 0; i < keys.size(); i++) {
            Result r = results.get(i);
            if (entries.put(keys.get(i), r) == null) {
                bytes += r.size() + ENTRY_OVERHEAD;
            }
        }
        var eldest = entries.values().iterator();
        while (bytes > budget && eldest.hasNext()) {
            bytes -= eldest.next().size() + ENTRY_OVERHEAD;
            eldest.remove();
        }
    }
}
