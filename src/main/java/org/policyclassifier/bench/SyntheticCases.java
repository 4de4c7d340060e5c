package org.policyclassifier.bench;

import java.util.List;
import java.util.Random;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.facts.InterventionType;
import org.policyclassifier.facts.OffenceCategory;
import org.policyclassifier.facts.Place;
import org.policyclassifier.facts.Vocabulary;

/**
 * Case records drawn from the vocabulary with the shape of real ones: offences as often as the
 * profile's 2017 statistics give them (possession far ahead), 40% naming a substance; interventions
 * of every type; 85% with a place, a few with a setting, substances or an actor. Same seed, same
 * records.
 */
public final class SyntheticCases {

    /** Offences per category in 2017, from the profile's statistics table. */
    private static final List<String> CATEGORIES = List.of("possession", "trade", "use", "import_export",
            "production", "other");
    private static final int[] COUNTS_2017 = {41_318, 7_521, 1_342, 2_604, 1_738, 1_421};

    private final Random random;
    private final List<String> types;
    private final List<String> places;
    private final List<String> settings;
    private final List<String> substances;
    private final List<String> actors;
    private final int total2017;

    private final boolean everyPlaceInTurn;

    public SyntheticCases(Vocabulary vocabulary, long seed) {
        this(vocabulary, seed, false);
    }

    /**
     * {@code everyPlaceInTurn}: every record names a place, and each run of as many records as
     * there are places names every place once (in a shuffled order): no two records in a row
     * share a place, which is what defeats a cache keyed on the place text.
     */
    public SyntheticCases(Vocabulary vocabulary, long seed, boolean everyPlaceInTurn) {
        this.random = new Random(seed);
        this.everyPlaceInTurn = everyPlaceInTurn;
        this.types = vocabulary.interventionTypes().stream().map(InterventionType::id).sorted().toList();
        List<String> names = new java.util.ArrayList<>(vocabulary.places().stream().map(Place::name).toList());
        if (everyPlaceInTurn) {
            java.util.Collections.shuffle(names, random);
        }
        this.places = List.copyOf(names);
        this.settings = vocabulary.settingIds().stream().sorted().toList();
        this.substances = vocabulary.substanceIds().stream().sorted().toList();
        this.actors = vocabulary.actorIds().stream().sorted().toList();
        if (!vocabulary.offenceCategories().stream().map(OffenceCategory::id).toList().containsAll(CATEGORIES)) {
            throw new IllegalStateException("the vocabulary lacks an offence category of the 2017 statistics");
        }
        int sum = 0;
        for (int c : COUNTS_2017) {
            sum += c;
        }
        this.total2017 = sum;
    }

    /** The record numbered {@code n} (its id is {@code case-n}, zero-padded). */
    public CaseRecord next(long n) {
        String id = String.format("case-%08d", n);
        String place = everyPlaceInTurn ? places.get((int) ((n - 1) % places.size()))
                : random.nextInt(100) < 85 ? places.get(random.nextInt(places.size())) : null;
        String actor = random.nextInt(100) < 1 ? actors.get(random.nextInt(actors.size())) : null;
        if (random.nextInt(100) < 65) {
            // Police records: the category, where, and often which drug.
            List<String> drug = random.nextInt(100) < 40 ? List.of(pick(substances)) : null;
            return new CaseRecord(id, "offence", null, category(), place, null, actor, drug);
        }
        // Interventions: the type and where; now and then a setting or substances of their own.
        String setting = random.nextInt(100) < 10 ? pick(settings) : null;
        List<String> named = random.nextInt(100) < 10 ? List.of(pick(substances)) : null;
        return new CaseRecord(id, "intervention", pick(types), null, place, setting, actor, named);
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String category() {
        int r = random.nextInt(total2017);
        for (int i = 0; i < COUNTS_2017.length; i++) {
            r -= COUNTS_2017[i];
            if (r < 0) {
                return CATEGORIES.get(i);
            }
        }
        throw new IllegalStateException("unreachable: the draw is below the total");
    }
}
