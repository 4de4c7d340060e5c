package org.policyclassifier.batch;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.policyclassifier.classify.CaseRecord;

/**
 * What the rules concluded for each distinct record content (the record without its id), within
 * a budget of bytes. Rules derive from the case alone, so a record that equals an earlier one but
 * for its id gets the same decision: looking it up costs a hash, running the rules tens of
 * microseconds. Two generations approximate "least recently used first out" without a lock on
 * the look-up path, which every record takes: new entries go to the young generation; when it has
 * used half the budget it becomes the old one and the previous old one is dropped; a hit in the
 * old generation moves the entry back to the young one.
 */
final class DecisionCache {

    /** Estimated bytes of a key and the map's own entry, beside the rendered bytes. */
    private static final int ENTRY_OVERHEAD = 200;

    private final long half;
    private volatile Map<CaseRecord, Result> young = new ConcurrentHashMap<>();
    private volatile Map<CaseRecord, Result> old = Map.of();
    private final AtomicLong youngBytes = new AtomicLong();

    DecisionCache(long budget) {
        this.half = budget / 2;
    }

    boolean enabled() {
        return half > 0;
    }

    /** Fills {@code into[i]} with the entry for {@code keys[i]}, or leaves it null; null keys are skipped. */
    void lookup(CaseRecord[] keys, Result[] into) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                Result r = young.get(keys[i]);
                if (r == null) {
                    r = old.get(keys[i]);
                    if (r != null) {
                        add(keys[i], r);
                    }
                }
                into[i] = r;
            }
        }
    }

    void putAll(List<CaseRecord> keys, List<Result> results) {
        for (int i = 0; i < keys.size(); i++) {
            add(keys.get(i), results.get(i));
        }
    }

    private void add(CaseRecord key, Result result) {
        if (young.putIfAbsent(key, result) == null
                && youngBytes.addAndGet(result.size() + ENTRY_OVERHEAD) > half) {
            synchronized (this) {
                if (youngBytes.get() > half) {
                    old = young;
                    young = new ConcurrentHashMap<>();
                    youngBytes.set(0);
                }
            }
        }
    }
}
