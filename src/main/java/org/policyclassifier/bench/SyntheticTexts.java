package org.policyclassifier.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.facts.Labels;
import org.policyclassifier.facts.Place;
import org.policyclassifier.facts.Synonyms;
import org.policyclassifier.facts.Vocabulary;

/**
 * Case records that give their case in words, as a case system's export has them: each record's
 * text one of a fixed number of distinct texts (real files repeat their descriptions), every one of
 * them once in each run of that many records, in a scattered order. A text is a label or synonym of an intervention type or offence category, in any
 * of the four languages, alone or followed by "in" and a place, so that there are as many distinct
 * ones as asked for. Some are too vague to be read (they go to the rejects, as such texts would).
 * Same seed, same records.
 */
public final class SyntheticTexts {

    /** A prime: multiplied by the record's place in its run, modulo the texts, it visits every text once. */
    private static final long STRIDE = 1_000_003;

    private final List<String> phrases;
    private final List<String> places;
    private final long distinct;

    private final long offset;

    /** {@code distinct}: how many different texts the records share; {@code seed} where the runs start. */
    public SyntheticTexts(Vocabulary vocabulary, long seed, long distinct) {
        this.distinct = Math.max(1, distinct);
        this.offset = Math.floorMod(new Random(seed).nextLong(), this.distinct);
        if (this.distinct % STRIDE == 0) {
            throw new IllegalArgumentException("a number of texts that the stride divides: " + distinct);
        }
        List<String> all = new ArrayList<>();
        vocabulary.interventionTypes().forEach(t -> add(all, t.labels(), t.synonyms()));
        vocabulary.offenceCategories().forEach(c -> add(all, c.labels(), c.synonyms()));
        this.phrases = all.stream().distinct().sorted().toList();
        this.places = vocabulary.places().stream().map(Place::name).distinct().sorted().toList();
    }

    private static void add(List<String> to, Labels labels, Synonyms synonyms) {
        Stream.of(labels.en(), labels.nl(), labels.fr(), labels.de()).filter(l -> l != null).forEach(to::add);
        if (synonyms != null) {
            Stream.of(synonyms.en(), synonyms.nl(), synonyms.fr(), synonyms.de()).filter(s -> s != null)
                    .forEach(to::addAll);
        }
    }

    /** The record numbered {@code n} (its id is {@code case-n}, zero-padded). */
    public CaseRecord next(long n) {
        long j = (STRIDE % distinct * ((n - 1) % distinct) + offset) % distinct;
        String phrase = phrases.get((int) (j % phrases.size()));
        long round = j / phrases.size();
        String text = round == 0 ? phrase : phrase + " in " + places.get((int) ((round - 1) % places.size()));
        return new CaseRecord(String.format("case-%08d", n), null, null, null, null, null, null, null, text);
    }
}
