package org.policyclassifier.batch;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.policyclassifier.classify.Case;

/**
 * What the rules concluded for each distinct case as the rules read it (a {@link #key}), within a
 * budget of bytes. Rules derive from the case alone, so a record whose case equals an earlier one
 * but for what the rules do not read gets the same decision: looking it up costs a hash, running
 * the rules tens of microseconds. Two generations approximate "least recently used first out"
 * without a lock on the look-up path, which every record takes: new entries go to the young
 * generation; when it has used half the budget it becomes the old one and the previous old one is
 * dropped; a hit in the old generation moves the entry back to the young one.
 */
final class DecisionCache {

    /** Estimated bytes of a key and the map's own entry, beside the rendered bytes. */
    private static final int ENTRY_OVERHEAD = 200;

    private final long half;
    private volatile Map<Object, Result> young = new ConcurrentHashMap<>();
    private volatile Map<Object, Result> old = Map.of();
    private final AtomicLong youngBytes = new AtomicLong();

    DecisionCache(long budget) {
        this.half = budget / 2;
    }

    /**
     * What the rules read of a case. Not the case id, and for a place found in the vocabulary not
     * its name, kind or the text given: the rules read such a place through its region, language
     * area and municipality only (ENT-007..009 read the name and the text given, for places not
     * found, which keep them in the key). So records from two localities of one municipality share
     * a decision; the place entry is filled per record.
     */
    static Object key(Case c) {
        boolean found = "found".equals(c.placeMatch());
        return new CaseKey(c.kind(), c.subject(), c.objective(), c.setting(), c.region(), c.languageArea(),
                c.actorLevel(), c.municipality(), c.placeMatch(), c.placeOthers(), found ? null : c.place(),
                found ? null : c.placeKind(), found ? null : c.placeGiven(), c.substances());
    }

    /** The fields of {@link #key}, compared one by one; its hash computed once, as a look-up may take two. */
    private static final class CaseKey {
        private final String[] fields;
        private final List<String> substances;
        private final int hash;

        CaseKey(String kind, String subject, String objective, String setting, String region, String languageArea,
                String actorLevel, String municipality, String placeMatch, String placeOthers, String place,
                String placeKind, String placeGiven, List<String> substances) {
            this.fields = new String[] {kind, subject, objective, setting, region, languageArea, actorLevel,
                municipality, placeMatch, placeOthers, place, placeKind, placeGiven};
            this.substances = substances;
            int h = substances.hashCode();
            for (String f : fields) {
                h = 31 * h + Objects.hashCode(f);
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof CaseKey k) || k.hash != hash) {
                return false;
            }
            for (int i = 0; i < fields.length; i++) {
                if (!Objects.equals(fields[i], k.fields[i])) {
                    return false;
                }
            }
            return substances.equals(k.substances);
        }
    }

    boolean enabled() {
        return half > 0;
    }

    /** The entry for {@code key}, or null. */
    Result get(Object key) {
        Result r = young.get(key);
        if (r == null) {
            r = old.get(key);
            if (r != null) {
                put(key, r);
            }
        }
        return r;
    }

    void put(Object key, Result result) {
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
