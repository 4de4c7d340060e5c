package org.policyclassifier.query;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.policyclassifier.facts.Description;
import org.policyclassifier.facts.InterventionType;
import org.policyclassifier.facts.Labels;
import org.policyclassifier.facts.OffenceCategory;
import org.policyclassifier.facts.Synonyms;
import org.policyclassifier.facts.Term;
import org.policyclassifier.facts.Text;
import org.policyclassifier.facts.Vocabulary;

/**
 * The vocabulary analysed for matching questions: every label and synonym of the intervention types
 * and offence categories, and the words of their descriptions, as Lucene stems per language, looked
 * up by stem; the words for settings and substances; acronyms, kept apart and matched by their exact
 * spelling; how many entries use each stem (rare stems weigh more); and the Dutch words a compound
 * may be split into.
 */
final class VocabularyIndex {

    /** An intervention type or offence category. */
    record Entry(int order, String kind, String id, String label, String setting, List<String> substances) {
        // Entries are keys of the maps of every question: equal by their place in the vocabulary, cheaply.
        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && e.order == order;
        }

        @Override
        public int hashCode() {
            return order;
        }
    }

    /**
     * One label or synonym of an entry, analysed in its own language. A {@code name} (written with
     * capitals: "Infor-Drogues", "De DrugLijn"; not in German, which writes every noun so) matches
     * only whole: "drogue" alone is not the helpline.
     */
    record IndexedTerm(Entry entry, Language language, String text, Set<String> stems, boolean name) {
        // Each term is indexed once: the same term is the same object; no hashing of its stems per question.
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** A word for a setting or a substance, analysed in its language. */
    record ContextTerm(String kind, String id, Language language, String text, Set<String> stems) {
    }

    private final Analysis analysis;
    /**
     * What Lucene made of each vocabulary text, by {@code "en:text"} (the stem and folded word of
     * each word that is no stop word in any language, in turn) and by {@code "compound:word"} (the
     * parts of a Dutch word): filled as the texts are analysed, or read from a snapshot of the facts,
     * so that an index built again from the same facts needs no analysis.
     */
    private final Map<String, List<String>> analysed;
    /** The words asking who (facts/question-words.json), left out of terms like stop words. */
    private final Set<String> whoWords;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<Language, Map<String, List<IndexedTerm>>> termsByStem = new EnumMap<>(Language.class);
    private final Map<Language, Map<String, Set<Entry>>> descriptionsByStem = new EnumMap<>(Language.class);
    private final Map<Language, Map<String, Set<Entry>>> entriesByStem = new EnumMap<>(Language.class);
    private final Map<Language, Map<String, List<ContextTerm>>> contextByStem = new EnumMap<>(Language.class);
    /** A vocabulary word that gave each stem, to show what a misspelt word was read as. */
    private final Map<Language, Map<String, String>> wordOfStem = new EnumMap<>(Language.class);
    private final Map<String, List<Entry>> acronyms = new LinkedHashMap<>();
    private final Map<Language, Map<String, List<Entry>>> acronymsByLanguage = new EnumMap<>(Language.class);
    private final List<IndexedTerm> allTerms = new ArrayList<>();
    /** Per language that writes compounds as one word (Dutch, German): the splitter into its vocabulary words. */
    private final Map<Language, Analyzer> compoundSplitters = new EnumMap<>(Language.class);
    /** Per compounding language, its vocabulary words by length: where a misspelt part of a compound is sought. */
    private final Map<Language, Map<Integer, List<String>>> compoundWordsByLength = new EnumMap<>(Language.class);
    private final Map<Language, Set<String>> compoundWordSets = new EnumMap<>(Language.class);
    private final Map<Language, Set<String>> knownStems = new EnumMap<>(Language.class);
    /** How many entries have each usual setting, and each substance: the weight of context as evidence. */
    private final Map<String, Integer> entriesOfSetting = new HashMap<>();
    private final Map<String, Integer> entriesOfSubstance = new HashMap<>();

    VocabularyIndex(Vocabulary vocabulary, Analysis analysis, Map<String, List<String>> analysed) {
        this.analysis = analysis;
        this.analysed = analysed;
        this.whoWords = QuestionWords.listed(vocabulary, QuestionWords.WHO_ASKING);
        for (Language l : Language.values()) {
            termsByStem.put(l, new HashMap<>());
            descriptionsByStem.put(l, new HashMap<>());
            entriesByStem.put(l, new HashMap<>());
            contextByStem.put(l, new HashMap<>());
            wordOfStem.put(l, new HashMap<>());
            acronymsByLanguage.put(l, new HashMap<>());
        }
        Map<Language, Set<String>> compoundWords = new EnumMap<>(Language.class);
        for (Language l : COMPOUNDING) {
            compoundWords.put(l, new LinkedHashSet<>());
        }
        for (InterventionType t : vocabulary.interventionTypes()) {
            add(new Entry(entries.size(), "intervention", t.id(), t.labels().en(), t.setting(), t.substances()),
                    t.labels(), t.synonyms(), t.description(), compoundWords);
        }
        for (OffenceCategory c : vocabulary.offenceCategories()) {
            add(new Entry(entries.size(), "offence", c.id(), c.labels().en(), null, List.of()), c.labels(),
                    c.synonyms(), c.description(), compoundWords);
        }
        for (Term setting : vocabulary.settings()) {
            addContext("setting", setting, compoundWords);
        }
        for (Term substance : vocabulary.substances()) {
            addContext("substance", substance, compoundWords);
        }
        // Compounds of a question word and a thing ("bezitsfeiten", "Besitzdelikte") split too.
        for (Term list : vocabulary.questionWords()) {
            if (Vocabulary.SHAPING_WORD_LISTS.contains(list.id())) {
                continue;
            }
            Synonyms s = list.synonyms() == null ? new Synonyms(null, null, null, null) : list.synonyms();
            s.nl().forEach(w -> collectCompoundWords(w, compoundWords.get(Language.nl)));
            s.de().forEach(w -> collectCompoundWords(w, compoundWords.get(Language.de)));
        }
        for (Language l : COMPOUNDING) {
            compoundSplitters.put(l, Analysis.compoundSplitter(new CharArraySet(compoundWords.get(l), false)));
            Map<Integer, List<String>> byLength = new HashMap<>();
            compoundWords.get(l).forEach(w -> byLength.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w));
            compoundWordsByLength.put(l, byLength);
            compoundWordSets.put(l, compoundWords.get(l));
        }
        for (Entry e : entries) {
            if (e.setting() != null) {
                entriesOfSetting.merge(e.setting(), 1, Integer::sum);
            }
            e.substances().forEach(id -> entriesOfSubstance.merge(id, 1, Integer::sum));
        }
        indexCompoundParts();
        for (Language l : Language.values()) {
            Set<String> all = new LinkedHashSet<>(entriesByStem.get(l).keySet());
            all.addAll(contextByStem.get(l).keySet());
            knownStems.put(l, Set.copyOf(all));
        }
    }

    /** The languages that write compounds as one word. */
    static final List<Language> COMPOUNDING = List.of(Language.nl, Language.de);

    /**
     * A Dutch or German term written as one compound is also indexed by its parts, as a term of its
     * own ({@code substitutiebehandeling} → substitutie, behandeling), so that "behandeling" finds every
     * treatment, as "treatment" does in English.
     */
    private void indexCompoundParts() {
        for (IndexedTerm term : List.copyOf(allTerms)) {
            if (!COMPOUNDING.contains(term.language()) || term.stems().size() != 1) {
                continue;
            }
            Language l = term.language();
            String word = Text.fold(term.text());
            List<String> parts = analysed.computeIfAbsent("compound:" + l + ":" + word, k -> compoundParts(l, word));
            if (!Reader.coversMost(word, parts)) {
                continue;
            }
            Set<String> stems = new LinkedHashSet<>();
            parts.forEach(part -> stems.addAll(stems(l, part)));
            stems.removeAll(term.stems());
            if (stems.size() > 1) {
                IndexedTerm byParts = new IndexedTerm(term.entry(), l, term.text(), stems, term.name());
                allTerms.add(byParts);
                for (String stem : stems) {
                    termsByStem.get(l).computeIfAbsent(stem, k -> new ArrayList<>()).add(byParts);
                    entriesByStem.get(l).computeIfAbsent(stem, k -> new LinkedHashSet<>()).add(term.entry());
                }
            }
        }
    }

    /**
     * The two vocabulary words a folded compound is made of when one of them is misspelt by one edit
     * ("henepplantage": hennep, plantage; "canabisbesitz": cannabis, besitz), the other whole, with or
     * without a joining "s" or "e"; empty when no split gives exactly one such pair.
     */
    List<String> misspeltCompoundParts(Language language, String foldedWord) {
        Map<Integer, List<String>> byLength = compoundWordsByLength.get(language);
        Set<String> words = compoundWordSets.get(language);
        LevenshteinDistance oneEdit = new LevenshteinDistance(1);
        List<List<String>> found = new ArrayList<>();
        for (int i = MIN_COMPOUND_PART; i <= foldedWord.length() - MIN_COMPOUND_PART; i++) {
            String left = foldedWord.substring(0, i);
            String right = foldedWord.substring(i);
            String wholeLeft = whole(words, left);
            String wholeRight = whole(words, right);
            if (wholeLeft != null && wholeRight == null) {
                near(byLength, right, oneEdit).forEach(r -> found.add(List.of(wholeLeft, r)));
            } else if (wholeRight != null && wholeLeft == null) {
                near(byLength, left, oneEdit).forEach(l -> found.add(List.of(l, wholeRight)));
            }
        }
        List<List<String>> distinct = found.stream().distinct().toList();
        return distinct.size() == 1 ? distinct.get(0) : List.of();
    }

    private static final int MIN_COMPOUND_PART = 4;

    /** The part as a vocabulary word, or without the joining letter a compound puts after it ("drugs", "cannabis"). */
    private static String whole(Set<String> words, String part) {
        if (words.contains(part)) {
            return part;
        }
        String joined = part.length() > MIN_COMPOUND_PART && (part.endsWith("s") || part.endsWith("e"))
                ? part.substring(0, part.length() - 1) : null;
        return joined != null && words.contains(joined) ? joined : null;
    }

    private static List<String> near(Map<Integer, List<String>> byLength, String part, LevenshteinDistance oneEdit) {
        List<String> near = new ArrayList<>();
        for (int length = part.length() - 1; length <= part.length() + 1; length++) {
            for (String w : byLength.getOrDefault(length, List.of())) {
                if (w.length() > MIN_COMPOUND_PART && (oneEdit.apply(part, w) == 1 || swapped(part, w))) {
                    near.add(w);
                }
            }
        }
        return near;
    }

    /** True when {@code a} is {@code b} with two neighbouring letters swapped ("prodcutie"), the commonest typo. */
    static boolean swapped(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                && a.substring(i + 2).equals(b.substring(i + 2));
    }

    /** Every vocabulary word within a folded compound of a language (see {@link Analysis#everyCompoundPart}). */
    List<String> everyCompoundPart(Language language, String foldedWord) {
        return Analysis.everyCompoundPart(compoundSplitters.get(language), foldedWord);
    }

    /** The vocabulary words a folded compound of a language is made of (see {@link Analysis#compoundParts}). */
    List<String> compoundParts(Language language, String foldedWord) {
        return Analysis.compoundParts(compoundSplitters.get(language), foldedWord);
    }

    private void add(Entry entry, Labels labels, Synonyms synonyms, Description description,
            Map<Language, Set<String>> compoundWords) {
        entries.add(entry);
        Synonyms s = synonyms == null ? new Synonyms(null, null, null, null) : synonyms;
        addTerms(entry, Language.en, prepend(labels.en(), s.en()), compoundWords);
        addTerms(entry, Language.nl, prepend(labels.nl(), s.nl()), compoundWords);
        addTerms(entry, Language.fr, prepend(labels.fr(), s.fr()), compoundWords);
        addTerms(entry, Language.de, prepend(labels.de(), s.de()), compoundWords);
        if (description != null) {
            addDescription(entry, Language.en, description.en());
            addDescription(entry, Language.nl, description.nl());
            addDescription(entry, Language.fr, description.fr());
            addDescription(entry, Language.de, description.de());
        }
    }

    private static List<String> prepend(String label, List<String> synonyms) {
        List<String> all = new ArrayList<>();
        all.add(label);
        all.addAll(synonyms);
        return all;
    }

    private void addTerms(Entry entry, Language language, List<String> texts, Map<Language, Set<String>> compoundWords) {
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            if (Text.isAcronym(text)) {
                if (!acronym(text).contains(entry)) {
                    acronyms.computeIfAbsent(text, k -> new ArrayList<>()).add(entry);
                }
                acronymsByLanguage.get(language).computeIfAbsent(text, k -> new ArrayList<>()).add(entry);
                continue;
            }
            Set<String> stems = stems(language, text);
            if (stems.isEmpty()) {
                continue;
            }
            // German writes every noun with a capital: there a capital says nothing of a name.
            IndexedTerm term = new IndexedTerm(entry, language, text, stems,
                    language != Language.de && !text.equals(text.toLowerCase(java.util.Locale.ROOT)));
            allTerms.add(term);
            for (String stem : stems) {
                termsByStem.get(language).computeIfAbsent(stem, k -> new ArrayList<>()).add(term);
                entriesByStem.get(language).computeIfAbsent(stem, k -> new LinkedHashSet<>()).add(entry);
            }
            if (compoundWords.containsKey(language)) {
                collectCompoundWords(text, compoundWords.get(language));
            }
        }
    }

    private void addDescription(Entry entry, Language language, String text) {
        if (text == null) {
            return;
        }
        for (String stem : stems(language, text)) {
            descriptionsByStem.get(language).computeIfAbsent(stem, k -> new LinkedHashSet<>()).add(entry);
            entriesByStem.get(language).computeIfAbsent(stem, k -> new LinkedHashSet<>()).add(entry);
        }
    }

    private void addContext(String kind, Term term, Map<Language, Set<String>> compoundWords) {
        Synonyms s = term.synonyms() == null ? new Synonyms(null, null, null, null) : term.synonyms();
        Map<Language, List<String>> words = Map.of(Language.en, prepend(term.id(), s.en()), Language.nl, s.nl(),
                Language.fr, s.fr(), Language.de, s.de());
        for (Language language : Language.values()) {
            for (String text : words.get(language)) {
                Set<String> stems = stems(language, text.replace('_', ' '));
                if (stems.isEmpty()) {
                    continue;
                }
                ContextTerm c = new ContextTerm(kind, term.id(), language, text, stems);
                stems.forEach(stem -> contextByStem.get(language).computeIfAbsent(stem, k -> new ArrayList<>()).add(c));
                compoundWords.values().forEach(ws -> collectCompoundWords(text, ws));
            }
        }
    }

    /** Words a compound may be made of: of the language's terms, and every word for a setting or substance. */
    private static void collectCompoundWords(String text, Set<String> words) {
        for (String word : Text.fold(text).split(" ")) {
            if (word.length() >= 4) {
                words.add(word);
            }
        }
    }

    /** The distinct stems of a vocabulary text in its language, leaving out the stop words of every language. */
    private Set<String> stems(Language language, String text) {
        List<String> words = analysed.computeIfAbsent(language + ":" + text, k -> analyse(language, text));
        Set<String> stems = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i += 2) {
            stems.add(words.get(i));
            wordOfStem.get(language).putIfAbsent(words.get(i), words.get(i + 1));
        }
        return stems;
    }

    /**
     * Each word of a text that is no stop word in any language, as its stem and then its folded form.
     * "who" is left out like a stop word: in a term it relates ("people who use drugs"), in a question it asks.
     */
    private List<String> analyse(Language language, String text) {
        List<String> words = new ArrayList<>();
        for (Reader.QuestionWord w : Reader.words(analysis, text)) {
            String stem = w.stem(language);
            if (!w.stop() && stem != null && !whoWords.contains(w.folded())) {
                words.add(stem);
                words.add(Text.fold(w.surface()));
            }
        }
        return words;
    }

    /**
     * The stems of a word of facts/question-words.json in its language, kept with the analysis of the
     * vocabulary's texts, so that a snapshot of the facts holds them too.
     */
    List<String> stemsOfQuestionWord(Language language, String text) {
        return analysed.computeIfAbsent("question:" + language + ":" + text, k -> analysis.stems(language, text));
    }

    /** The analysis of every vocabulary text, for a snapshot (see {@link #analysed}). */
    Map<String, List<String>> analysed() {
        return analysed;
    }

    List<Entry> entries() {
        return entries;
    }

    List<IndexedTerm> terms(Language language, String stem) {
        return termsByStem.get(language).getOrDefault(stem, List.of());
    }

    Set<Entry> describedBy(Language language, String stem) {
        return descriptionsByStem.get(language).getOrDefault(stem, Set.of());
    }

    List<ContextTerm> context(Language language, String stem) {
        return contextByStem.get(language).getOrDefault(stem, List.of());
    }

    /** The entries an acronym stands for, spelt exactly so. */
    List<Entry> acronym(String word) {
        return acronyms.getOrDefault(word, List.of());
    }

    /** The entries an acronym of one language stands for. */
    List<Entry> acronym(String word, Language language) {
        return acronymsByLanguage.get(language).getOrDefault(word, List.of());
    }

    boolean knows(Language language, String stem) {
        return entriesByStem.get(language).containsKey(stem) || contextByStem.get(language).containsKey(stem);
    }

    /** Every stem a question word may be matched to, in one language. */
    Set<String> stems(Language language) {
        return knownStems.get(language);
    }

    String wordOf(Language language, String stem) {
        return wordOfStem.get(language).getOrDefault(stem, stem);
    }

    /**
     * Inverse document frequency of a stem over the entries, ln(1 + N / n) with n the entries whose
     * terms or description use it: "drug" is in most entries and says little; "spuitenruil" says all.
     */
    double idf(Language language, String stem) {
        int n = entriesByStem.get(language).getOrDefault(stem, Set.of()).size();
        return Math.log(1 + (double) entries.size() / Math.max(1, n));
    }

    /** The weight of a stem only one entry uses, the most one word of a question can weigh: ln(1 + N). */
    double rarestWeight() {
        return Math.log(1 + entries.size());
    }

    /**
     * The weight of a setting or substance as evidence for an entry that belongs to it: ln(1 + N / n)
     * with n the entries of that setting or substance, as rare words weigh more.
     */
    double contextWeight(String kind, String id) {
        Map<String, Integer> counts = kind.equals("setting") ? entriesOfSetting : entriesOfSubstance;
        return Math.log(1 + (double) entries.size() / Math.max(1, counts.getOrDefault(id, 0)));
    }

    /** True when a stem is in so many entries (a quarter or more) that it names none: "drug", "drogue". */
    boolean generic(Language language, String stem) {
        return entriesByStem.get(language).getOrDefault(stem, Set.of()).size() * 4 >= entries.size();
    }

    /** The generic stems of four letters or more, in any language ("drug", "drog"), for {@link #holdsGeneric}. */
    private volatile Set<String> genericStems;

    /**
     * True when a word holds a generic stem, whole or inside a compound: "drugslab", "Drogenschmuggel"
     * speak of drugs, as "drugs" does.
     */
    boolean holdsGeneric(String folded) {
        Set<String> stems = genericStems;
        if (stems == null) {
            Set<String> found = new HashSet<>();
            for (Language l : Language.values()) {
                entriesByStem.get(l).keySet().stream().filter(s -> s.length() >= 4 && generic(l, s)).forEach(found::add);
            }
            genericStems = stems = Set.copyOf(found);
        }
        return stems.stream().anyMatch(folded::contains);
    }

}
