package org.policyclassifier.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.policyclassifier.facts.InterventionType;
import org.policyclassifier.facts.Labels;
import org.policyclassifier.facts.OffenceCategory;
import org.policyclassifier.facts.Synonyms;
import org.policyclassifier.facts.Text;
import org.policyclassifier.facts.Vocabulary;

/**
 * Matches free text in English, Dutch or French against the labels and synonyms of intervention
 * types and offence categories, ignoring case, accents and punctuation.
 *
 * <p>Best first: the query is a term; the query contains a term (the longest term wins, being
 * the most specific); a term contains the whole query. Several entries at the best level are
 * ambiguous.
 */
public final class QueryMatcher {

    private static final int EXACT = 3;
    private static final int QUERY_HOLDS_TERM = 2;
    private static final int TERM_HOLDS_QUERY = 1;
    private static final int MAX_SUGGESTIONS = 6;
    /** Words too common to suggest an entry on their own. */
    private static final Set<String> COMMON = Set.of("drug", "drugs", "de", "des", "du", "la", "le", "les", "the",
            "of", "for", "and", "van", "het", "en", "voor", "a", "au", "aux", "in", "op", "et", "d", "l", "s");

    private record Entry(String kind, String id, String label, List<String> terms) {
    }

    private record Score(int level, int length) implements Comparable<Score> {
        @Override
        public int compareTo(Score o) {
            return Comparator.comparingInt(Score::level).thenComparingInt(Score::length).compare(this, o);
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    public QueryMatcher(Vocabulary vocabulary) {
        for (InterventionType t : vocabulary.interventionTypes()) {
            entries.add(new Entry("intervention", t.id(), t.labels().en(), terms(t.labels(), t.synonyms())));
        }
        for (OffenceCategory c : vocabulary.offenceCategories()) {
            entries.add(new Entry("offence", c.id(), c.labels().en(), terms(c.labels(), c.synonyms())));
        }
    }

    public Match match(String query) {
        String folded = Text.fold(query);
        if (folded.isEmpty()) {
            return new Match(Match.Status.NONE, List.of());
        }
        Map<Entry, Score> best = new LinkedHashMap<>();
        Map<Entry, String> bestTerm = new LinkedHashMap<>();
        for (Entry e : entries) {
            for (String term : e.terms()) {
                Score s = score(folded, Text.fold(term));
                if (s != null && (best.get(e) == null || s.compareTo(best.get(e)) > 0)) {
                    best.put(e, s);
                    bestTerm.put(e, term);
                }
            }
        }
        if (best.isEmpty()) {
            return new Match(Match.Status.NONE, suggestions(folded));
        }
        Score top = best.values().stream().max(Comparator.naturalOrder()).orElseThrow();
        List<Candidate> winners = best.entrySet().stream().filter(en -> en.getValue().compareTo(top) == 0)
                .map(en -> candidate(en.getKey(), bestTerm.get(en.getKey()), top.level() == TERM_HOLDS_QUERY)).toList();
        if (winners.size() == 1) {
            return new Match(Match.Status.MATCHED, winners);
        }
        return new Match(Match.Status.AMBIGUOUS, winners);
    }

    private static Score score(String query, String term) {
        if (term.isEmpty()) {
            return null;
        }
        if (query.equals(term)) {
            return new Score(EXACT, term.length());
        }
        if (containsPhrase(query, term)) {
            return new Score(QUERY_HOLDS_TERM, term.length());
        }
        if (containsPhrase(term, query)) {
            return new Score(TERM_HOLDS_QUERY, 0);
        }
        return null;
    }

    private static boolean containsPhrase(String haystack, String needle) {
        return (" " + haystack + " ").contains(" " + needle + " ");
    }

    /** Entries with a term spelt within two letters of the query, then those sharing most words with it. */
    private List<Candidate> suggestions(String query) {
        Set<String> words = Set.copyOf(Stream.of(query.split(" ")).filter(w -> !COMMON.contains(w)).toList());
        Map<Entry, Long> closeness = new LinkedHashMap<>();
        for (Entry e : entries) {
            List<String> folded = e.terms().stream().map(Text::fold).toList();
            long shared = folded.stream().flatMap(t -> Stream.of(t.split(" ")))
                    .filter(w -> words.contains(w) || words.stream().anyMatch(q -> q.length() > 4 && w.startsWith(q)))
                    .distinct().count();
            boolean misspelt = folded.stream().anyMatch(t -> Text.isNear(query, t));
            if (misspelt || shared > 0) {
                closeness.put(e, misspelt ? Long.MAX_VALUE : shared);
            }
        }
        return closeness.entrySet().stream().sorted(Map.Entry.<Entry, Long>comparingByValue().reversed())
                .limit(MAX_SUGGESTIONS).map(en -> candidate(en.getKey(), en.getKey().label(), true)).toList();
    }

    private static Candidate candidate(Entry e, String term, boolean partial) {
        return new Candidate(e.kind(), e.id(), e.label(), term, partial);
    }

    private static List<String> terms(Labels labels, Synonyms synonyms) {
        List<String> terms = new ArrayList<>(List.of(labels.en(), labels.nl(), labels.fr()));
        if (synonyms != null) {
            terms.addAll(synonyms.en());
            terms.addAll(synonyms.nl());
            terms.addAll(synonyms.fr());
        }
        return terms;
    }
}
