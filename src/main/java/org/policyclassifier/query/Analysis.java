package org.policyclassifier.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.miscellaneous.PatternKeywordMarkerFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.policyclassifier.facts.Text;
import org.tartarus.snowball.ext.DutchStemmer;

/**
 * Lucene's analysis of a text, per language: Unicode word breaking, lower case, the language's stop
 * words, accent folding, then its stemmer (Porter for English, Snowball for Dutch, the light French
 * stemmer after elision of {@code l'}, {@code d'}..., told that a plantation is not a plant, the
 * light German stemmer after German normalisation: ä, ö, ü, ß as a, o, u, ss). Stop words are dropped before folding, as the
 * lists are written with accents (their folded forms are added). Analyzers are thread-safe (Lucene keeps one token stream per
 * thread), so one instance serves every question.
 */
final class Analysis {

    /** A stemmed token and the character offset, in the analysed text, of the word it came from. */
    record Token(String stem, int start) {
    }

    /** A word of the text as typed, with its offsets. */
    record Word(String surface, int start, int end) {
    }

    /**
     * Words the French stemmer would wrongly merge: it reads "plantation" as "plant", and the people
     * who use as their use ("usagers de drogues" as "usage de drogues", an offence).
     */
    private static final StemmerOverrideMap FRENCH_OVERRIDES = frenchOverrides();

    /**
     * The Dutch stemmer reads the people who use as their use ("drugsgebruikers" as "drugsgebruik", an
     * offence): a user, in any compound, stays a user, plural or not.
     */
    private static final Pattern DUTCH_USERS = Pattern.compile("^(.*gebruik(?:er|ster))s$");
    private static final Pattern DUTCH_USER = Pattern.compile(".*gebruik(?:er|ster)");

    /**
     * Latin plurals the stemmers leave apart from their singular: a "centrum" and its "centra"
     * (opvangcentra, zorgcentra), a "Zentrum" and its "Zentren", a "Ministerium" and its "Ministerien".
     */
    private static final Pattern DUTCH_LATIN_PLURAL = Pattern.compile("^(.*centr)a$");
    private static final Pattern GERMAN_LATIN_PLURAL = Pattern.compile("^(.*(?:zentr|ministeri|gremi))en$");

    /** The Dutch plural with an apostrophe ("labo's", "CGG's", "foto's") is the word's plural: its stem is the word's. */
    private static final Pattern DUTCH_APOSTROPHE_PLURAL = Pattern.compile("^(.+)['’]s$");

    private final Map<Language, Analyzer> analyzers = new EnumMap<>(Language.class);
    private static final Map<Language, CharArraySet> STOP_WORDS = new EnumMap<>(Map.of(
            Language.en, withFolded(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET),
            Language.nl, withFolded(DutchAnalyzer.getDefaultStopSet()),
            Language.fr, withFolded(FrenchAnalyzer.getDefaultStopSet()),
            Language.de, withFolded(GermanAnalyzer.getDefaultStopSet())));
    private final Analyzer words = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            return new TokenStreamComponents(new StandardTokenizer());
        }
    };

    Analysis() {
        analyzers.put(Language.en, chain(STOP_WORDS.get(Language.en), s -> new PorterStemFilter(
                s), s -> new EnglishPossessiveFilter(s)));
        analyzers.put(Language.nl, chain(STOP_WORDS.get(Language.nl),
                s -> new SnowballFilter(new PatternKeywordMarkerFilter(new PatternReplaceFilter(
                        new PatternReplaceFilter(s, DUTCH_LATIN_PLURAL, "$1um", false), DUTCH_USERS, "$1", false),
                        DUTCH_USER), new DutchStemmer()), s -> new PatternReplaceFilter(s, DUTCH_APOSTROPHE_PLURAL, "$1", false)));
        analyzers.put(Language.fr, chain(STOP_WORDS.get(Language.fr),
                s -> new FrenchLightStemFilter(new StemmerOverrideFilter(s, FRENCH_OVERRIDES)),
                s -> new ElisionFilter(s, FrenchAnalyzer.DEFAULT_ARTICLES)));
        analyzers.put(Language.de, chain(STOP_WORDS.get(Language.de),
                s -> new GermanLightStemFilter(new GermanNormalizationFilter(
                        new PatternReplaceFilter(s, GERMAN_LATIN_PLURAL, "$1um", false))), s -> s));
    }

    private static StemmerOverrideMap frenchOverrides() {
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
        builder.add("plantation", "plantation");
        builder.add("plantations", "plantation");
        for (String person : new String[] {"usager", "usagers", "usagere", "usageres", "usagère", "usagères"}) {
            builder.add(person, "usager");
        }
        for (String person : new String[] {"consommateur", "consommateurs", "consommatrice", "consommatrices"}) {
            builder.add(person, "consommateur");
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // built in memory
        }
    }

    /**
     * A language's stop words as written and without their accents: a question typed without them
     * ("zustandig fur") drops "fur" as it drops "für".
     */
    private static CharArraySet withFolded(CharArraySet stopWords) {
        CharArraySet out = new CharArraySet(stopWords.size() * 2, false);
        for (Object word : stopWords) {
            String written = word instanceof char[] chars ? new String(chars) : word.toString();
            out.add(written);
            out.add(Text.fold(written));
        }
        return CharArraySet.unmodifiableSet(out);
    }

    private interface Stage {
        TokenStream apply(TokenStream in);
    }

    private static Analyzer chain(CharArraySet stopWords, Stage stemmer, Stage beforeLowerCase) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = new LowerCaseFilter(beforeLowerCase.apply(source));
                s = new StopFilter(s, stopWords);
                s = new ASCIIFoldingFilter(s);
                return new TokenStreamComponents(source, stemmer.apply(s));
            }
        };
    }

    /** True when a lower-case word is a stop word of the language. */
    static boolean stopWord(Language language, String lowerCase) {
        return STOP_WORDS.get(language).contains(lowerCase);
    }

    /** The words of a text as typed (no case or accent change), in order. */
    List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        run(words, text, (term, start, end) -> out.add(new Word(term, start, end)));
        return out;
    }

    /** The stems of a text in one language, stop words left out. */
    List<Token> analyse(Language language, String text) {
        List<Token> out = new ArrayList<>();
        run(analyzers.get(language), text, (term, start, end) -> out.add(new Token(term, start)));
        return out;
    }

    /** The stems of a text in one language, as strings. */
    List<String> stems(Language language, String text) {
        return analyse(language, text).stream().map(Token::stem).toList();
    }

    /**
     * An analyzer that splits a compound into the parts found in {@code dictionary} (folded words):
     * {@code cannabisteelt} → cannabis, teelt; {@code drogenpravention} → drogen, pravention.
     * Lucene's dictionary compound filter does it.
     */
    static Analyzer compoundSplitter(CharArraySet dictionary) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new KeywordTokenizer();
                return new TokenStreamComponents(source, new DictionaryCompoundWordTokenFilter(source, dictionary,
                        MIN_COMPOUND, MIN_PART, MAX_PART, false));
            }
        };
    }

    /**
     * The dictionary parts of one folded word, without the word itself and without a part that lies
     * inside a longer part ("gebruiksruimtes" is gebruiksruimte, not also gebruik); empty when it
     * is no compound.
     */
    static List<String> compoundParts(Analyzer splitter, String foldedWord) {
        List<String> parts = everyCompoundPart(splitter, foldedWord);
        return parts.stream().filter(p -> parts.stream().noneMatch(q -> q.length() > p.length() && q.contains(p)))
                .toList();
    }

    /** Every vocabulary word within a folded compound, also those within a longer one ("drogen" in "drogenlabor"). */
    static List<String> everyCompoundPart(Analyzer splitter, String foldedWord) {
        List<String> parts = new ArrayList<>();
        run(splitter, foldedWord, (term, start, end) -> {
            if (!term.equals(foldedWord) && !parts.contains(term)) {
                parts.add(term);
            }
        });
        return parts;
    }

    private static final int MIN_COMPOUND = 7;
    private static final int MIN_PART = 4;
    private static final int MAX_PART = 20;

    private interface Sink {
        void accept(String term, int start, int end);
    }

    private static void run(Analyzer analyzer, String text, Sink sink) {
        try (TokenStream ts = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                sink.accept(term.toString(), offset.startOffset(), offset.endOffset());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String reader does not fail
        }
    }
}
