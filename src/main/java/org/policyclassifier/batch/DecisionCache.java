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
     * a decision; the place entry is filled per record. With {@code anyMunicipality}, a case that
     * names a municipality has the key of that case in every municipality: for rules that only copy
     * its name (see {@link org.policyclassifier.rules.RuleSet#onlyCopies}), whose decision is then
     * kept with a hole where the name goes.
     */
    static Object key(Case c, boolean anyMunicipality) {
        boolean found = "found".equals(c.placeMatch());
        String municipality = anyMunicipality && c.municipality() != null ? MunicipalityHole.NAME : c.municipality();
        return new CaseKey(c.kind(), c.subject(), c.objective(), c.setting(), c.region(), c.languageArea(),
                c.actorLevel(), municipality, c.placeMatch(), c.placeOthers(), found ? null : c.place(),
                found ? null : c.placeKind(), found ? null : c.placeGiven(), c.substances());
    }

    /**
     * The fields of {@link #key}, compared one by one (mostly the vocabulary's own strings, equal
     * by identity); held in the key itself, not in an array, as every look-up compares one; its
     * hash computed once, as a look-up may take two.
     */
    private static final class CaseKey {
        private final String kind;
        private final String subject;
        private final String objective;
        private final String setting;
        private final String region;
        private final String languageArea;
        private final String actorLevel;
        private final String municipality;
        private final String placeMatch;
        private final String placeOthers;
        private final String place;
        private final String placeKind;
        private final String placeGiven;
        private final List<String> substances;
        private final int hash;

        CaseKey(String kind, String subject, String objective, String setting, String region, String languageArea,
                String actorLevel, String municipality, String placeMatch, String placeOthers, String place,
                String placeKind, String placeGiven, List<String> substances) {
            this.kind = kind;
            this.subject = subject;
            this.objective = objective;
            this.setting = setting;
            this.region = region;
            this.languageArea = languageArea;
            this.actorLevel = actorLevel;
            this.municipality = municipality;
            this.placeMatch = placeMatch;
            this.placeOthers = placeOthers;
            this.place = place;
            this.placeKind = placeKind;
            this.placeGiven = placeGiven;
            this.substances = substances;
            int h = mix(mix(mix(mix(substances.hashCode(), kind), subject), objective), setting);
            h = mix(mix(mix(mix(mix(h, region), languageArea), actorLevel), municipality), placeMatch);
            this.hash = mix(mix(mix(mix(h, placeOthers), place), placeKind), placeGiven);
        }

        private static int mix(int hash, String field) {
            return 31 * hash + Objects.hashCode(field);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CaseKey k && k.hash == hash && Objects.equals(kind, k.kind)
                    && Objects.equals(subject, k.subject) && Objects.equals(objective, k.objective)
                    && Objects.equals(setting, k.setting) && Objects.equals(region, k.region)
                    && Objects.equals(languageArea, k.languageArea) && Objects.equals(actorLevel, k.actorLevel)
                    && Objects.equals(municipality, k.municipality) && Objects.equals(placeMatch, k.placeMatch)
                    && Objects.equals(placeOthers, k.placeOthers) && Objects.equals(place, k.place)
                    && Objects.equals(placeKind, k.placeKind) && Objects.equals(placeGiven, k.placeGiven)
                    && substances.equals(k.substances);
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
