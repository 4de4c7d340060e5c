package org.policyclassifier.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.facts.InterventionType;
import org.policyclassifier.facts.OffenceCategory;
import org.policyclassifier.facts.Place;
import org.policyclassifier.facts.PlaceMatch;
import org.policyclassifier.facts.Vocabulary;

/**
 * Cases made from the vocabulary itself, to try a policy on everything it knows: every
 * intervention type and offence category, without a place and in one place of each kind of
 * area, and (for finding rules that can never fire) in every setting, with every actor and
 * every substance. Record ids say what each case is, e.g. {@code intervention needle_exchange @Ghent}.
 */
public final class Corpus {

    /** A place text no place has. */
    private static final String UNKNOWN_PLACE = "no such place";

    private Corpus() {
    }

    /** Every type and category, without a place and with one place per kind, region and language area. */
    public static List<CaseRecord> vocabulary(Vocabulary v) {
        List<CaseRecord> cases = new ArrayList<>();
        for (CaseRecord base : subjects(v)) {
            cases.add(base);
            for (Place place : representativePlaces(v)) {
                cases.add(with(base, " @" + place.name(), place.name(), null, null, null));
            }
        }
        return cases;
    }

    /**
     * The vocabulary corpus, and every subject again in each setting, with each actor and each
     * substance, and with a place text that is unknown, one that is ambiguous and one that several
     * places share (where the facts have such names).
     */
    public static List<CaseRecord> variants(Vocabulary v) {
        List<CaseRecord> cases = new ArrayList<>(vocabulary(v));
        List<String> placeTexts = new ArrayList<>(List.of(UNKNOWN_PLACE));
        for (PlaceMatch.Status status : List.of(PlaceMatch.Status.AMBIGUOUS, PlaceMatch.Status.CHOSEN)) {
            v.places().stream().map(Place::name).filter(n -> v.findPlace(n).status() == status).findFirst()
                    .ifPresent(placeTexts::add);
        }
        for (CaseRecord base : subjects(v)) {
            placeTexts.forEach(p -> cases.add(with(base, " @" + p, p, null, null, null)));
            v.settingIds().forEach(s -> cases.add(with(base, " setting=" + s, null, s, null, null)));
            v.actorIds().forEach(a -> cases.add(with(base, " actor=" + a, null, null, a, null)));
            v.substanceIds().forEach(s -> cases.add(with(base, " substance=" + s, null, null, null, List.of(s))));
        }
        return cases;
    }

    private static List<CaseRecord> subjects(Vocabulary v) {
        List<CaseRecord> subjects = new ArrayList<>();
        for (InterventionType t : v.interventionTypes()) {
            subjects.add(CaseRecord.of("intervention " + t.id(), "intervention", t.id(), null, null, null, null));
        }
        for (OffenceCategory c : v.offenceCategories()) {
            subjects.add(CaseRecord.of("offence " + c.id(), "offence", c.id(), null, null, null, null));
        }
        return subjects;
    }

    /**
     * The first place of each kind, region and language area whose name names it alone: enough to
     * reach every place rule, without the flags of a shared name on every case.
     */
    private static List<Place> representativePlaces(Vocabulary v) {
        Map<String, Place> first = new LinkedHashMap<>();
        for (Place p : v.places()) {
            String key = p.kind() + "/" + p.region() + "/" + p.languageArea();
            if (!first.containsKey(key) && v.findPlace(p.name()).status() == PlaceMatch.Status.FOUND) {
                first.put(key, p);
            }
        }
        return List.copyOf(first.values());
    }

    private static CaseRecord with(CaseRecord base, String suffix, String place, String setting, String actor,
            List<String> substances) {
        return new CaseRecord(base.id() + suffix, base.kind(), base.type(), base.category(), place, setting, actor,
                substances);
    }
}
