package org.policyclassifier.batch;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.policyclassifier.classify.Case;

/**
 * What the rules concluded for each distinct case as the rules read it (a {@link #key}), within a
 * budget of bytes. Rules derive from the case alone, so a record whose case equals an earlier one
 * but for what the rules do not read gets the same decision: looking it up costs a hash, running
 * the rules tens of microseconds. Two generations approximate "least recently used first out" without a lock on
 * the look-up path, which every record takes: new entries go to the young generation; when it has
 * used half the budget it becomes the old one and the previous old one is dropped; a hit in the
 * old generation moves the entry back to the young one.
 */
final class DecisionCache {

    /** Estimated bytes of a key and the map's own entry, beside the rendered bytes. */
    private static final int ENTRY_OVERHEAD = 200;

    private final long half;
    private volatile Map<String, Result> young = new ConcurrentHashMap<>();
    private volatile Map<String, Result> old = Map.of();
    private final AtomicLong youngBytes = new AtomicLong();

    DecisionCache(long budget) {
        this.half = budget / 2;
    }

    /**
     * What the rules read of a case, as one string, each field prefixed by its length so that no
     * two cases share a key: one contiguous array to hash and compare. Not the case id, and for a
     * place found in the vocabulary not its name, kind or the text given: the rules read such a
     * place through its region, language area and municipality only (ENT-007..009 read the name
     * and the text given, for places not found, which keep them in the key). So records from two
     * localities of one municipality share a decision; the place entry is filled per record.
     */
    static String key(Case c) {
        StringBuilder key = new StringBuilder(96);
        boolean found = "found".equals(c.placeMatch());
        for (String field : new String[] {c.kind(), c.subject(), c.objective(), c.setting(), c.region(),
                c.languageArea(), c.actorLevel(), c.municipality(), c.placeMatch(), c.placeOthers(),
                found ? null : c.place(), found ? null : c.placeKind(), found ? null : c.placeGiven()}) {
            append(key, field);
        }
        key.append(c.substances().size()).append('[');
        c.substances().forEach(s -> append(key, s));
        return key.toString();
    }

    private static void append(StringBuilder key, String field) {
        if (field == null) {
            key.append('-');
        } else {
            key.append(field.length()).append(':').append(field);
        }
    }

    boolean enabled() {
        return half > 0;
    }

    /** Fills {@code into[i]} with the entry for {@code keys[i]}, or leaves it null; null keys are skipped. */
    void lookup(String[] keys, Result[] into) {
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

    void putAll(List<String> keys, List<Result> results) {
        for (int i = 0; i < keys.size(); i++) {
            add(keys.get(i), results.get(i));
        }
    }

    private void add(String key, Result result) {
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
