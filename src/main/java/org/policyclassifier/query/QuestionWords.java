package org.policyclassifier.query;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.policyclassifier.facts.Synonyms;
import org.policyclassifier.facts.Term;
import org.policyclassifier.facts.Text;
import org.policyclassifier.facts.Vocabulary;

/**
 * The words of {@code facts/question-words.json}, which say how a question asks rather than what it
 * is about: words that ask ("who", "wordt", "est-ce que"), that ask who is responsible or pays, that
 * name the country, that ask for a figure, a trend or the law, and words for offences in general.
 * A question word is one of them when its folded form is listed, or its stem in a language is the
 * stem of a listed word of that language and names nothing in the vocabulary ("funds" as "fund").
 */
final class QuestionWords {

    /** What a question asks for. */
    enum Kind { RESPONSIBILITY, FIGURE, TREND, LEGAL }

    static final String ASKING = "asking";
    static final String RESPONSIBILITY = "responsibility";
    /** Words naming a body that acts ("police", "gemeente"): they ask who, but not in a question of the law. */
    static final String BODIES = "bodies";
    /** Words that ask who pays ("who funds", "financé par qui"), answered by the levels with a funding role. */
    static final String FUNDING = "funding";
    /** Words that ask who makes the rules ("who regulates", "wie bepaalt de regels"). */
    static final String RULES = "rules";
    static final String SCOPE = "scope";
    static final String FIGURE = "figure";
    static final String TREND = "trend";
    static final String LEGAL = "legal";
    /** Phrases that open a question asking whether one may ("can I"): the law where a question begins, else asking. */
    static final String PERMISSION = "permission";
    static final String OFFENCES = "offences";
    static final String TOTAL = "total";
    /** Words for the people every question is about ("drug users", "toxicomanes"): like "drugs", never held against. */
    static final String TOPIC = "topic";
    /** Other countries ("Nederland", "aux Pays-Bas"): the profile is Belgium's. */
    static final String ABROAD = "abroad";
    /** The list of words asking who (facts/question-words.json). */
    static final String WHO_ASKING = "who";
    /** Words for a border ("grens", "Grenzgebiet"): a country across it is where drugs come from, not the subject. */
    static final String BORDER = "border";
    /** Words asking a service's practical details ("opening hours", "Öffnungszeiten"): not the profile's. */
    static final String PRACTICAL = "practical";
    /** Words that give a person's age after a number ("15 ans", "15-Jährige"): see {@link Reader}. */
    static final String AGE = "age";
    /** Words that set what follows against what came before ("but", "maar", "mais", "aber"). */
    static final String CONTRASTING = "contrasting";
    /** What a person's age under 18 is read as. */
    static final String MINOR = "minor";
    /** Words for the form an activity takes ("project", "Programm"): the activity is the subject. */
    static final String FORM = "form";
    private static final int MIN_STEM = 5;
    private static final int MIN_MISSPELT = 6;
    private static final int MAX_PHRASE = 3;
    private static final List<String> LISTS = List.of(ASKING, RESPONSIBILITY, BODIES, FUNDING, RULES, SCOPE, TREND, FIGURE, LEGAL, PERMISSION, OFFENCES,
            TOTAL, TOPIC, ABROAD, BORDER, PRACTICAL, FORM);
    /** A French elided word before the listed one: "d'infractions", "s'occupe", "qu'est". */
    private static final java.util.regex.Pattern ELIDED = java.util.regex.Pattern.compile("^(l|d|qu|j|s|n|c|m|t)['’ ]");
    /** An English contraction's clitic, folded to a space: "who's" is "who", "what're" "what". */
    private static final java.util.regex.Pattern CLITIC = java.util.regex.Pattern.compile(" (s|re|ll|d|ve|m)$");
    /** Lists whose words are not read as words of the vocabulary at all. */
    private static final Set<String> NOT_READ = Set.of(ASKING, RESPONSIBILITY, BODIES, FUNDING, RULES, SCOPE, PRACTICAL,
            FORM);
    /** Lists of words that ask for a figure, a trend or the law: they tell the question's language too ("hoeveel"). */
    private static final Set<String> ASKS_FOR = Set.of(FIGURE, TREND, LEGAL);
    /** Lists that ask who (a level): what the answer is about. */
    private static final Set<String> WHO = Set.of(RESPONSIBILITY, BODIES, FUNDING, RULES);
    private final VocabularyIndex index;
    private final Vocabulary vocabulary;
    /** Per list: the folded words of every language. */
    private final Map<String, Set<String>> folded = new HashMap<>();
    /** Per list and language: the stems of its words. */
    private final Map<String, Map<Language, Set<String>>> stems = new HashMap<>();
    /** Listed phrases of two or three words, folded, and their list. */
    private final Map<String, String> phrases = new HashMap<>();
    /** Per language: the folded words of its lists that ask (for telling the question's language). */
    private final Map<Language, Set<String>> askingByLanguage = new EnumMap<>(Language.class);
    /** The folded words of the list {@link #ASKING} (the little words of a question), and the languages listing each. */
    private final Map<String, Set<Language>> littleWordLanguages = new HashMap<>();
    /** The words of the lists that shape a question (see {@link Vocabulary#SHAPING_WORD_LISTS}), folded. */
    private final Set<String> whoAsking;
    private final Set<String> opening;
    /** The words that open a question ({@link #opening}) and those that ask who ("who pays", "par qui"). */
    private final Set<String> interrogative;
    private final Set<String> comparingWords;
    private final Set<String> comparative;
    private final Set<String> sinceWords;
    private final Set<String> particles;
    private final Set<String> supposing;
    private final Set<String> located;
    private final Set<String> across;
    private final Set<String> locative;
    private final Set<String> joining;
    private final Set<String> ofAge;
    /** The one-word words of each list by their stem in their language, then by list: for {@link #withStemOf}. */
    private final Map<Language, Map<String, Map<String, List<String>>>> listedByStem = new EnumMap<>(Language.class);

    QuestionWords(Vocabulary vocabulary, VocabularyIndex index) {
        this.vocabulary = vocabulary;
        this.index = index;
        for (Language l : Language.values()) {
            askingByLanguage.put(l, new HashSet<>());
            listedByStem.put(l, new HashMap<>());
        }
        for (Term list : vocabulary.questionWords()) {
            Set<String> words = folded.computeIfAbsent(list.id(), k -> new HashSet<>());
            Map<Language, Set<String>> byLanguage = stems.computeIfAbsent(list.id(), k -> new EnumMap<>(Language.class));
            Synonyms s = list.synonyms() == null ? new Synonyms(null, null, null, null) : list.synonyms();
            for (Language l : Language.values()) {
                Set<String> st = byLanguage.computeIfAbsent(l, k -> new HashSet<>());
                for (String text : l.of(s)) {
                    String f = Text.fold(text);
                    if (f.contains(" ")) {
                        phrases.put(f, list.id()); // "go up", "une infraction": the words together, not alone
                        continue;
                    }
                    words.add(f);
                    if (NOT_READ.contains(list.id()) || ASKS_FOR.contains(list.id())) {
                        askingByLanguage.get(l).add(f);
                    }
                    if (ASKING.equals(list.id())) {
                        littleWordLanguages.computeIfAbsent(f, k -> EnumSet.noneOf(Language.class)).add(l);
                    }
                    List<String> stemsOfText = index.stemsOfQuestionWord(l, text);
                    st.addAll(stemsOfText);
                    if (stemsOfText.size() == 1) {
                        listedByStem.get(l).computeIfAbsent(stemsOfText.get(0), k -> new HashMap<>())
                                .computeIfAbsent(list.id(), k -> new ArrayList<>()).add(f);
                    }
                }
            }
        }
        whoAsking = listed(WHO_ASKING);
        opening = listed("opening");
        Set<String> asking = new HashSet<>(opening);
        asking.addAll(whoAsking);
        interrogative = Set.copyOf(asking);
        comparingWords = listed("comparing");
        comparative = listed("comparative");
        sinceWords = listed("since");
        particles = listed("particles");
        supposing = listed("supposing");
        located = listed("located");
        across = listed("across");
        locative = listed("locative");
        joining = listed("joining");
        ofAge = listed("of_age");
    }

    /** The folded words of a list, in every language. */
    private Set<String> listed(String list) {
        return Set.copyOf(folded.getOrDefault(list, Set.of()));
    }

    /** The folded words of a list of the vocabulary's question words, in every language. */
    static Set<String> listed(Vocabulary vocabulary, String list) {
        Set<String> words = new HashSet<>();
        for (Term t : vocabulary.questionWords()) {
            if (t.id().equals(list) && t.synonyms() != null) {
                for (Language l : Language.values()) {
                    l.of(t.synonyms()).forEach(w -> words.add(Text.fold(w)));
                }
            }
        }
        return Set.copyOf(words);
    }

    /** True for a word before a place name ("in", "bij", "près", "bei"): see {@link Reader}. */
    boolean locative(String foldedWord) {
        return locative.contains(foldedWord);
    }

    /** True for a word joining a compound cut short to the next ("en", "und"). */
    boolean joining(String foldedWord) {
        return joining.contains(foldedWord);
    }

    /** True for the word before a number giving an age ("van", "von"). */
    boolean ofAge(String foldedWord) {
        return ofAge.contains(foldedWord);
    }

    /** True when the word gives a person's age after a number ("years", "jarige", "ans", "Jährigen"). */
    boolean ageWord(String foldedWord) {
        return folded.getOrDefault(AGE, Set.of()).contains(foldedWord);
    }

    /** True when punctuation stands between two words: a question or clause begins at the second. */
    private static boolean clauseStart(String text, Reader.QuestionWord before, Reader.QuestionWord first) {
        return markBetween(text, before, first, ".,;:!?()");
    }

    private static boolean markBetween(String text, Reader.QuestionWord before, Reader.QuestionWord first, String marks) {
        return text.substring(before.end(), first.start()).chars().anyMatch(c -> marks.indexOf(c) >= 0);
    }

    /** Whether a punctuation mark other than a colon (which opens a question on what came before) stands between two words. */
    private static boolean topicEnds(String text, Reader.QuestionWord before, Reader.QuestionWord first) {
        return markBetween(text, before, first, ".,;!?()");
    }

    /**
     * A Dutch or German separable verb split around its clause ("Nehmen die Besitzdelikte zu?", "Gaan
     * de feiten terug?"): a word with the particle that ends its clause is read as the whole verb
     * ("zunehmen") when a list holds it, and both words take that list.
     */
    private void separableVerbs(String text, List<Reader.QuestionWord> words, Map<Integer, String> listOf) {
        for (int end = 1; end < words.size(); end++) {
            Reader.QuestionWord particle = words.get(end);
            boolean endsClause = endsClauseButForYears(text, words, end, listOf);
            if (!endsClause || !particles.contains(particle.folded()) || listOf.containsKey(end)) {
                continue;
            }
            for (int j = end - 1; j >= 0 && !clauseStart(text, words.get(j), words.get(j + 1)); j--) {
                String list = listHolding(particle.folded() + words.get(j).folded());
                if (list != null && !listOf.containsKey(j)) {
                    listOf.put(j, list);
                    listOf.put(end, list);
                    break;
                }
            }
        }
    }

    /**
     * The particles of separable verbs ("stemt het drugbeleid af tussen ...", "baut Cannabis an"), each
     * with the positions of the words before it in its clause, nearest first: the verb may be one of them
     * (a Dutch particle may stand before the phrases that end the clause). Particles a list already reads
     * as part of its verb are left out.
     */
    Map<Integer, List<Integer>> particleClauses(String text, List<Reader.QuestionWord> words, Roles roles) {
        Map<Integer, List<Integer>> out = new LinkedHashMap<>();
        for (int end = 1; end < words.size(); end++) {
            if (!particles.contains(words.get(end).folded()) || roles.listOf.containsKey(end)) {
                continue;
            }
            List<Integer> before = new ArrayList<>();
            for (int j = end - 1; j >= 0 && !clauseStart(text, words.get(j), words.get(j + 1)); j--) {
                before.add(j);
            }
            out.put(end, before);
        }
        return out;
    }

    /**
     * True when the word at {@code at} ends its clause, or only little words (stop words, the list
     * {@link #ASKING}) and years follow it there: a separable verb's particle may stand before the years
     * it is about ("Nam de handel af tussen 2016 en 2017?", "Nahm der Handel ab zwischen 2014 und 2017?").
     */
    private static boolean endsClauseButForYears(String text, List<Reader.QuestionWord> words, int at,
            Map<Integer, String> listOf) {
        for (int j = at + 1; j < words.size() && !clauseStart(text, words.get(j - 1), words.get(j)); j++) {
            Reader.QuestionWord w = words.get(j);
            if (!w.stop() && !ASKING.equals(listOf.get(j)) && !w.folded().matches("(19|20)[0-9]{2}")) {
                return false;
            }
        }
        return true;
    }

    /** True when a word asking where, how or what comes before position {@code at} in its clause. */
    private boolean opened(String text, List<Reader.QuestionWord> words, int at) {
        for (int j = at - 1; j >= 0; j--) {
            if (clauseStart(text, words.get(j), words.get(j + 1))) {
                return false;
            }
            if (opening.contains(ELIDED.matcher(words.get(j).folded()).replaceFirst(""))) {
                return true;
            }
        }
        return false;
    }

    /** The roles of the words of one question ({@code text}: the question, which the words are of). */
    Roles roles(String text, List<Reader.QuestionWord> words) {
        Map<Integer, String> listOf = new HashMap<>();
        Set<Integer> named = new HashSet<>();
        List<Integer> years = new ArrayList<>();
        Set<Integer> yearPositions = new HashSet<>();
        Map<Language, Integer> votes = new EnumMap<>(Language.class);
        for (int i = 0; i < words.size(); i++) {
            for (int n = Math.min(MAX_PHRASE, words.size() - i); n >= 2; n--) {
                List<Reader.QuestionWord> run = words.subList(i, i + n);
                String joined = String.join(" ", run.stream().map(w -> w.folded()).toList());
                // "d'année en année": the phrase "année en année" after an elided article.
                String listed = phrases.getOrDefault(joined, phrases.get(ELIDED.matcher(joined).replaceFirst("")));
                String list = !PERMISSION.equals(listed) ? listed : opened(text, words, i) ? null : LEGAL;
                if (list != null) {
                    run.forEach(w -> listOf.put(w.position(), list));
                    i += n - 1;
                    break;
                }
            }
        }
        Set<Integer> numbers = new HashSet<>();
        boolean comparing = false;
        boolean since = false;
        for (Reader.QuestionWord w : words) {
            if (w.folded().matches("(19|20)[0-9]{2}")) {
                years.add(Integer.parseInt(w.folded()));
                yearPositions.add(w.position());
                int p = w.position();
                since |= p > 0 && sinceWords.contains(words.get(p - 1).folded())
                        || p > 1 && sinceWords.contains(words.get(p - 2).folded()) && words.get(p - 1).stop();
                continue;
            }
            if (w.folded().chars().allMatch(Character::isDigit)) {
                numbers.add(w.position()); // an age or a count ("my son is 15"): named only within a whole term
            }
            // A comparing word after a year and before another: "2014 vs 2015".
            comparing |= comparingWords.contains(w.folded()) && !years.isEmpty() && words.stream()
                    .skip(w.position() + 1).anyMatch(x -> x.folded().matches("(19|20)[0-9]{2}"));
            String lower = w.surface().toLowerCase(Locale.ROOT);
            for (Language l : Language.values()) {
                if (Analysis.stopWord(l, lower) || askingByLanguage.get(l).contains(w.folded())) {
                    votes.merge(l, 1, Integer::sum);
                }
            }
            String list = listOf.containsKey(w.position()) ? null : listOf(w);
            if (list != null) {
                listOf.put(w.position(), list);
                if (namesSomething(w)) {
                    named.add(w.position());
                }
            }
        }
        separableVerbs(text, words, listOf);
        // "More in 2017 than in 2014", "sinds 2015 meer": a comparative against a year asks how it changed.
        comparing |= (years.size() >= 2 || since) && words.stream().anyMatch(w -> comparative.contains(w.folded()));
        Language language = null;
        int most = 0;
        boolean tie = false;
        for (Map.Entry<Language, Integer> v : votes.entrySet()) {
            if (v.getValue() > most) {
                most = v.getValue();
                language = v.getKey();
                tie = false;
            } else if (v.getValue() == most) {
                tie = true;
            }
        }
        String abroad = abroad(text, words, listOf, false);
        // "la politique de la France", "Wie regelt Deutschland ...": a question that names another country and
        // neither Belgium nor a border is about that country.
        String abroadOnly = listOf.containsValue(SCOPE) || listOf.containsValue(BORDER) ? null
                : subjectCountry(text, words, listOf);
        return new Roles(listOf, named, List.copyOf(years), yearPositions, tie ? null : language, comparing, since,
                numbers, asked(text, words, listOf), abroad, abroad(text, words, listOf, true), abroadOnly,
                supposed(text, words));
    }

    /**
     * The positions of the words in a clause that supposes ("if the police catch me", "si la police me
     * trouve", "wenn die Polizei mich erwischt"): the body it names is part of the story, not what is asked.
     */
    private Set<Integer> supposed(String text, List<Reader.QuestionWord> words) {
        Set<Integer> supposed = new HashSet<>();
        boolean inClause = false;
        for (int i = 0; i < words.size(); i++) {
            if (i > 0 && clauseStart(text, words.get(i - 1), words.get(i))) {
                inClause = false;
            }
            if (supposing.contains(words.get(i).folded())) {
                inClause = true;
            } else if (inClause) {
                supposed.add(words.get(i).position());
            }
        }
        return supposed;
    }

    /**
     * The first word naming another country, as typed; with {@code located}, only one the question
     * places itself in ("in the Netherlands", "aux Pays-Bas", "in den Niederlanden": a locative word
     * one or two words before), not one it comes from or crosses into ("from the Netherlands").
     */
    private String abroad(String text, List<Reader.QuestionWord> words, Map<Integer, String> listOf,
            boolean located) {
        return country(text, words, listOf, located ? this.located : Set.of(), located);
    }

    /** The first country named other than as where something comes from or goes to, as typed, or null. */
    private String subjectCountry(String text, List<Reader.QuestionWord> words, Map<Integer, String> listOf) {
        return country(text, words, listOf, across, false);
    }

    /**
     * The first country named whose word before (or before a stop word before it) is one of {@code before}
     * when {@code after} holds, or is none of them when it does not; as typed, the whole name, or null.
     */
    private static String country(String text, List<Reader.QuestionWord> words, Map<Integer, String> listOf,
            Set<String> before, boolean after) {
        for (Reader.QuestionWord w : words) {
            int p = w.position();
            if (!ABROAD.equals(listOf.get(p)) || p > 0 && ABROAD.equals(listOf.get(p - 1))) {
                continue;
            }
            boolean follows = p > 0 && before.contains(words.get(p - 1).folded())
                    || p > 1 && before.contains(words.get(p - 2).folded()) && words.get(p - 1).stop();
            if (follows == after) {
                int end = p;
                while (end + 1 < words.size() && ABROAD.equals(listOf.get(end + 1))) {
                    end++;
                }
                int start = p;
                while (start < end && words.get(start).stop()) {
                    start++; // "à Paris" is listed whole (the word alone is also "paris sportifs"), named as Paris
                }
                return text.substring(words.get(start).start(), words.get(end).end());
            }
        }
        return null;
    }

    /**
     * What the question asks of the levels beyond who is responsible: who pays ({@link #FUNDING}) or
     * who makes the rules ({@link #RULES}), when a word of that list asks it: in the clause of a word asking
     * who or which ("who funds", "financé par qui", "wer legt die Regeln fest"), or anywhere in a
     * question with no such word ("spuitenruil financiering", "the region or the city that pays?").
     * "Our plan pays a worker. Who leads?" asks who leads. Null for neither, and null when another
     * clause asks who leads ("who is in charge, and who pays?"): the lead answers, and the levels say
     * who pays.
     */
    private String asked(String text, List<Reader.QuestionWord> words, Map<Integer, String> listOf) {
        boolean asksWho = words.stream().anyMatch(w -> interrogative.contains(w.folded()));
        for (Reader.QuestionWord w : words) {
            String list = listOf.get(w.position());
            if (!FUNDING.equals(list) && !RULES.equals(list)) {
                continue;
            }
            if (!asksWho || inClauseOfWho(text, words, w.position())) {
                return leadAskedToo(text, words, listOf) ? null : list;
            }
        }
        return null;
    }

    /**
     * True when a clause opened by a word asking who asks who leads, runs or is in charge and not who
     * pays or makes the rules ("qui le pilote et qui le finance ?"). A clause runs from a punctuation mark
     * or the word asking who to the next of either; one without a word of the responsibility list
     * ("des jeunes qui commencent") is a relative clause, not a question. Words before the first word
     * asking who in a clause belong to it too: in "harm reduction rules, competence who decides" the
     * rules are what is decided.
     */
    private boolean leadAskedToo(String text, List<Reader.QuestionWord> words, Map<Integer, String> listOf) {
        for (Reader.QuestionWord w : words) {
            if (!whoAsking.contains(w.folded())) {
                continue;
            }
            boolean lead = false;
            boolean other = false;
            for (int j = w.position() + 1; j < words.size() && !clauseStart(text, words.get(j - 1), words.get(j))
                    && !whoAsking.contains(words.get(j).folded()); j++) {
                String list = listOf.get(j);
                lead |= RESPONSIBILITY.equals(list) || BODIES.equals(list);
                other |= FUNDING.equals(list) || RULES.equals(list);
            }
            if (lead && !other && !otherAskedBefore(text, words, listOf, w.position())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a word of {@link #FUNDING} or {@link #RULES} stands before the word asking who at {@code at},
     * in its clause or in a topic the question opens with a colon ("Rules on harm reduction: who decides?"),
     * with no other word asking who between them (that one's clause would hold it) and no
     * word setting what follows against it ("the city pays, but who runs it?").
     */
    private boolean otherAskedBefore(String text, List<Reader.QuestionWord> words, Map<Integer, String> listOf, int at) {
        boolean other = false;
        for (int j = at - 1; j >= 0 && !topicEnds(text, words.get(j), words.get(j + 1)); j--) {
            if (whoAsking.contains(words.get(j).folded()) || folded.getOrDefault(CONTRASTING, Set.of()).contains(words.get(j).folded())) {
                return false;
            }
            String list = listOf.get(j);
            other |= FUNDING.equals(list) || RULES.equals(list);
        }
        return other;
    }

    private boolean inClauseOfWho(String text, List<Reader.QuestionWord> words, int at) {
        for (int step : new int[] {-1, 1}) {
            for (int j = at + step; j >= 0 && j < words.size(); j += step) {
                int first = Math.min(j, j - step);
                boolean ends = step > 0 ? topicEnds(text, words.get(first), words.get(first + 1))
                        : clauseStart(text, words.get(first), words.get(first + 1));
                if (ends) {
                    break;
                }
                if (interrogative.contains(words.get(j).folded())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first list (in the order of {@link #LISTS}) that holds the folded word as written; null for none. */
    private String listHolding(String foldedWord) {
        for (String list : LISTS) {
            if (folded.getOrDefault(list, Set.of()).contains(foldedWord)) {
                return list;
            }
        }
        return null;
    }

    /**
     * The list a word belongs to, those that are not read first; null for none.
     */
    private String listOf(Reader.QuestionWord w) {
        String word = CLITIC.matcher(ELIDED.matcher(w.folded()).replaceFirst("")).replaceFirst("");
        String listed = listHolding(word);
        if (listed != null) {
            return listed;
        }
        String ofParts = listOfParts(word);
        if (ofParts != null) {
            return ofParts;
        }
        for (String list : LISTS) {
            Map<Language, Set<String>> byLanguage = stems.get(list);
            if (byLanguage == null) {
                continue;
            }
            for (Language l : Language.values()) {
                String stem = w.stem(l);
                // A stem the vocabulary knows names a thing: "checks" in "container checks" is no asking
                // word. Short stems are left to the lists as written: the French "faire" is no "fair".
                if (stem != null && stem.length() >= MIN_STEM && byLanguage.get(l).contains(stem) && !index.knows(l, stem)) {
                    return list;
                }
            }
        }
        return misspelt(w, word);
    }

    /**
     * The list of a Dutch or German compound made of listed words ("Regierungsebene": who is
     * responsible), or of a thing and a word asking for a figure, a trend or offences ("bezitsfeiten",
     * "Drogenhandelsdelikte": offences, read by its other part); null otherwise.
     */
    private String listOfParts(String word) {
        for (Language l : VocabularyIndex.COMPOUNDING) {
            List<String> parts = index.compoundParts(l, word);
            if (!Reader.coversMost(word, parts)) {
                continue;
            }
            List<String> lists = parts.stream().map(this::listHolding).toList();
            if (lists.stream().allMatch(x -> x != null && NOT_READ.contains(x))) {
                return lists.get(0);
            }
            // A country is named whole, not inside another word ("Nederlandstalig" is Dutch-speaking, a
            // Belgian; "hospitalier" holds no Italy).
            for (String list : lists) {
                if (list != null && !NOT_READ.contains(list) && !ABROAD.equals(list)) {
                    return list;
                }
            }
        }
        return null;
    }

    /**
     * A listed word misspelt ("goverment"): one edit away, when no dictionary knows the word and it
     * names no place. A word whose stem names something is still the listed word when it has that
     * word's stem: "verantwoordlijk" is "verantwoordelijk" (responsible), not "verantwoord drinken".
     */
    private String misspelt(Reader.QuestionWord w, String word) {
        if (word.length() < MIN_MISSPELT || !word.chars().allMatch(Character::isLetter)
                || !vocabulary.placesNamed(w.surface()).isEmpty()) {
            return null;
        }
        int allowed = 1; // the listed words are short: two edits would make "Vlaanderen" of "veranderen"
        org.apache.commons.text.similarity.LevenshteinDistance distance =
                new org.apache.commons.text.similarity.LevenshteinDistance(allowed);
        // Dutch "ij" is often typed "y" ("verantwoordelyk"): one letter, not two edits.
        List<String> spellings = word.indexOf('y') < 0 ? List.of(word) : List.of(word, word.replace("y", "ij"));
        boolean names = namesSomething(w);
        for (String list : LISTS) {
            for (String listed : names ? withStemOf(w, list) : folded.getOrDefault(list, Set.of())) {
                for (String spelt : spellings) {
                    if (Math.abs(listed.length() - spelt.length()) <= allowed && listed.length() >= MIN_MISSPELT
                            && distance.apply(spelt, listed) >= 0) {
                        // The word lists are read only now, for a word this close to a listed one.
                        return Dictionary.knows(word) ? null : list;
                    }
                }
            }
        }
        return null;
    }

    /** The words of {@code list} that have, in their language, the word's stem in that language. */
    private List<String> withStemOf(Reader.QuestionWord w, String list) {
        List<String> out = new ArrayList<>();
        for (Language l : Language.values()) {
            String stem = w.stem(l);
            if (stem != null) {
                out.addAll(listedByStem.get(l).getOrDefault(stem, Map.of()).getOrDefault(list, List.of()));
            }
        }
        return out;
    }

    /** The languages whose list {@link #ASKING} holds the folded word as written; empty for none. */
    Set<Language> languagesListing(String foldedWord) {
        return littleWordLanguages.getOrDefault(foldedWord, Set.of());
    }

    private boolean namesSomething(Reader.QuestionWord w) {
        // "who" asks, whatever term holds it as a relative pronoun ("people who use drugs").
        if (whoAsking.contains(CLITIC.matcher(w.folded()).replaceFirst(""))) {
            return false;
        }
        // A word listed in some languages names something only as a word of those: English "have" is
        // no Dutch "haven" (port).
        Set<Language> listing = languagesListing(w.folded());
        for (Language l : Language.values()) {
            if (!listing.isEmpty() && !listing.contains(l)) {
                continue;
            }
            if (w.stem(l) != null && !index.terms(l, w.stem(l)).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The roles of a question's words, by position. */
    final class Roles {
        private final Map<Integer, String> listOf;
        /** Listed words that are also words of an entry's terms ("organised" in "organised drug crime"). */
        private final Set<Integer> named;
        private final List<Integer> years;
        private final Set<Integer> yearPositions;
        private final Language language;
        /** Two years set against each other ("2014 vs 2015"): a trend. */
        private final boolean comparing;
        /** Numbers that are not years ("15" in "my son is 15"). */
        private final Set<Integer> numbers;
        /** A year the question counts from ("since 2015"). */
        private final boolean since;

        /** {@link #FUNDING}, {@link #RULES} or null: see {@link QuestionWords#asked}. */
        private final String asked;
        /** Another country the question names, and one it places itself in: see {@link QuestionWords#abroad}. */
        private final String abroad;
        private final String abroadIn;
        private final String abroadOnly;
        /** Words in a clause that supposes: see {@link QuestionWords#supposed}. */
        private final Set<Integer> supposed;

        Roles(Map<Integer, String> listOf, Set<Integer> named, List<Integer> years, Set<Integer> yearPositions,
                Language language, boolean comparing, boolean since, Set<Integer> numbers, String asked,
                String abroad, String abroadIn, String abroadOnly, Set<Integer> supposed) {
            this.supposed = supposed;
            this.abroad = abroad;
            this.abroadIn = abroadIn;
            this.abroadOnly = abroadOnly;
            this.asked = asked;
            this.numbers = numbers;
            this.listOf = listOf;
            this.named = named;
            this.years = years;
            this.yearPositions = yearPositions;
            this.language = language;
            this.comparing = comparing;
            this.since = since;
        }

        /** The other country the question names (any), as typed, or null. */
        String abroad() {
            return abroad;
        }

        /** The other country the question places itself in ("in the Netherlands"), as typed, or null. */
        String abroadIn() {
            return abroadIn;
        }

        /** The other country a question names when it names neither Belgium nor a border, as typed, or null. */
        String abroadOnly() {
            return abroadOnly;
        }

        /** True when a year is the start the question counts from ("since 2015", "seit 2015"). */
        boolean since() {
            return since;
        }

        /** A word that asks, asks who is responsible, or names the country (and no term holds it): not read, not held against. */
        boolean asking(int position) {
            String list = listOf.get(position);
            return list != null && NOT_READ.contains(list) && !named.contains(position);
        }

        /** A word for the people every question is about ("drug users"): see {@link QuestionWords#TOPIC}. */
        boolean person(int position) {
            return TOPIC.equals(listOf.get(position));
        }

        /** The language most of the little and asking words are of; null when none or a tie. */
        Language language() {
            return language;
        }

        /** True when a word names Belgium or the country ("in België", "dans notre pays"). */
        boolean namesBelgium() {
            return listOf.containsValue(SCOPE);
        }

        boolean scope(int position) {
            return SCOPE.equals(listOf.get(position));
        }

        /**
         * A word that asks for a figure, a trend or the law, or speaks of offences, a listed word that
         * is also a word of an entry's terms, or a number (an age, "my son is 15"): read, evidence only within a whole term, never
         * held against an answer.
         */
        boolean cue(int position) {
            String list = listOf.get(position);
            return list != null && (!NOT_READ.contains(list) || named.contains(position)) || numbers.contains(position);
        }

        boolean year(int position) {
            return yearPositions.contains(position);
        }

        List<Integer> years() {
            return years;
        }

        /**
         * True when a word asks for the law and none asks who, other than in a clause that supposes ("what do I
         * risk if the police find me ...") or by naming a body ("stopped by the police"): a legal question,
         * unless it asks a figure the table has.
         */
        boolean asksLegal(Set<Integer> partOfTheAnswer) {
            return has(LEGAL, partOfTheAnswer) && listOf.entrySet().stream().noneMatch(e -> WHO.contains(e.getValue())
                    && !BODIES.equals(e.getValue()) && !supposed.contains(e.getKey()));
        }

        /** True when a word asks a service's practical details (opening hours, a phone number, a price). */
        boolean asksPractical() {
            return listOf.containsValue(PRACTICAL);
        }

        /** True when a word asks who is responsible, pays, makes the rules or runs it. */
        boolean asksWho() {
            return listOf.values().stream().anyMatch(WHO::contains);
        }

        /** Whether a word after {@code position} asks who ("I write for a local paper in Namur: what…" does not). */
        boolean asksWhoAfter(int position) {
            return listOf.entrySet().stream().anyMatch(e -> e.getKey() > position && WHO.contains(e.getValue()));
        }

        /** Whether the question asks who pays ({@link #FUNDING}) or who makes the rules ({@link #RULES}); null for neither. */
        String asked() {
            return asked;
        }

        /** True when a word asks for the whole table ("total", "insgesamt"). */
        boolean total() {
            return listOf.containsValue(TOTAL);
        }

        boolean offences() {
            return listOf.containsValue(OFFENCES);
        }

        /**
         * What the question asks for: a trend (also two years set against each other), a figure (but
         * the law when it asks that and names no year), the law, or (by default) who is responsible;
         * the words of a whole term of the answer do not count ("drug law enforcement" asks for no law).
         */
        Kind kind(Set<Integer> partOfTheAnswer) {
            if (has(TREND, partOfTheAnswer) || comparing) {
                return Kind.TREND;
            }
            // "Is it allowed to carry a small amount?" asks the law; a figure is asked of the table's years.
            boolean legal = asksLegal(partOfTheAnswer);
            if (has(FIGURE, partOfTheAnswer) && !(legal && years.isEmpty())) {
                return Kind.FIGURE;
            }
            if (legal) {
                return Kind.LEGAL;
            }
            return Kind.RESPONSIBILITY;
        }

        /** True when a word of the list is in the question, other than as part of the term answered ("drug law enforcement"). */
        private boolean has(String list, Set<Integer> partOfTheAnswer) {
            return listOf.entrySet().stream().anyMatch(e -> e.getValue().equals(list) && !partOfTheAnswer.contains(e.getKey()));
        }

        /** True when a folded word is a word of the question's language (of any, when that is unclear). */
        boolean commonWord(String foldedWord) {
            return Dictionary.common(language, foldedWord);
        }
    }
}
