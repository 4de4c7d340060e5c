package org.policyclassifier.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.policyclassifier.classify.Decision.NoteEntry;
import org.policyclassifier.classify.Decision;
import org.policyclassifier.classify.DecisionWording;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.facts.Labels;
import org.policyclassifier.facts.Words;
import org.policyclassifier.io.Json;
import org.policyclassifier.io.Located;
import org.policyclassifier.io.LocatedArrayReader;
import org.policyclassifier.stats.Series;
import org.policyclassifier.trends.Change;
import org.policyclassifier.trends.TrendClaim;
import org.policyclassifier.trends.TrendInputs;
import org.policyclassifier.trends.TrendWording;

/**
 * Answers to questions of another kind than "who is responsible", from what the facts folder holds:
 * a figure of the profile's offence table, the trend of one of its rows (with what the profile says
 * about it), or the legal status of a subject ({@code facts/legal-status.json}). Read from the folder
 * on the first such question.
 */
public final class FactAnswers {

    static final String LEGAL_STATUS = "legal-status.json";
    /** The profile's heading above the table, which every figure rests on. */
    static final String TABLE_SOURCE = "Recent overview of statistics and research — Statistics: recorded drug offences, 2014–2017";

    /** One entry of {@code facts/legal-status.json}: what the law says of the subjects it applies to. */
    public record LegalStatus(String id, List<String> appliesTo, Labels statement, String source, Labels note) {
        public LegalStatus {
            appliesTo = appliesTo == null ? List.of() : List.copyOf(appliesTo);
        }
    }

    /** One count of the table. */
    public record Figure(int year, long value) {
    }

    /** A figure question's answer: a row of the table in the years asked (every year when none is). */
    public record FigureAnswer(String answerKind, String question, String series, List<Figure> figures, String source,
            List<String> notes, @JsonIgnore List<NoteEntry> noteEntries, @JsonIgnore String languageRead) {

        /** The same answer with its notes in {@code language}. */
        public FigureAnswer in(Words words, String language) {
            return new FigureAnswer(answerKind, question, series, figures, source, worded(noteEntries, words, language),
                    noteEntries, languageRead);
        }
    }

    /** The notes in a language: each a code of the words' "notes" with its value. */
    static List<String> worded(List<NoteEntry> notes, Words words, String language) {
        return notes.stream().map(n -> n.in(words, language)).toList();
    }

    /**
     * A claim of the profile about a row, and whether the row bears it out; {@code measured} says how the
     * row moved ("falling: fell 10.30% from 2014 to 2017"), worded with the caveat in the answer's language.
     */
    public record Claim(String quote, String claimed, String measured, String verdict, String caveat,
            @JsonIgnore Labels caveatWords, @JsonIgnore String direction, @JsonIgnore Change change) {

        Claim(String quote, String claimed, String verdict, Labels caveatWords, String direction, Change change,
                Words words) {
            this(quote, claimed, measured(words, direction, change, words.defaultLanguage()), verdict,
                    caveatWords == null ? null : caveatWords.en(), caveatWords, direction, change);
        }

        Claim in(Words words, String language) {
            return new Claim(quote, claimed, measured(words, direction, change, language), verdict,
                    caveatWords == null ? null : caveatWords.in(language), caveatWords, direction, change);
        }

        private static String measured(Words words, String direction, Change change, String language) {
            return words.text(language, Words.TEXT, "direction_" + direction) + ": "
                    + TrendWording.movement(words, change, language);
        }
    }

    /** A trend question's answer: how a row moved over the years asked, and what the profile says of it. */
    public record TrendAnswer(String answerKind, String question, String series, int from, int to, long first, long last,
            long change, BigDecimal percent, String direction, BigDecimal stableBandPercent, List<Figure> figures,
            List<Claim> claims, List<String> flags, String source, List<String> notes,
            @JsonIgnore List<NoteEntry> noteEntries, @JsonIgnore String languageRead) {

        /** The same answer with its notes in {@code language}. */
        public TrendAnswer in(Words words, String language) {
            return new TrendAnswer(answerKind, question, series, from, to, first, last, change, percent, direction,
                    stableBandPercent, figures, claims.stream().map(c -> c.in(words, language)).toList(), flags, source,
                    worded(noteEntries, words, language), noteEntries, languageRead);
        }
    }

    /** A legal question's answer: the status, its source, and the responsibility answer for the subject. */
    public record LegalAnswer(String answerKind, String question, String subject, String statement, String source,
            String note, List<String> flags, Decision decision, @JsonIgnore LegalStatus status) {

        LegalAnswer(String question, LegalStatus status, List<String> flags, Decision decision) {
            this("legal", question, decision == null ? null : decision.subject(), status.statement().en(),
                    status.source(), status.note() == null ? null : status.note().en(), flags, decision, status);
        }

        /** The same answer, its statement, note and decision worded in {@code language}. */
        public LegalAnswer in(DecisionWording wording, String language) {
            return new LegalAnswer(answerKind, question, subject, status.statement().in(language), source,
                    status.note() == null ? null : status.note().in(language), flags,
                    decision == null ? null : wording.in(decision, language), status);
        }
    }

    private final Path factsDir;
    private volatile TrendInputs statistics;
    private volatile List<LegalStatus> legal;

    FactAnswers(Path factsDir) {
        this.factsDir = factsDir;
    }

    private TrendInputs statistics() throws InvalidInputException {
        if (statistics == null) {
            statistics = TrendInputs.load(requireFacts());
        }
        return statistics;
    }

    private List<LegalStatus> legal() throws InvalidInputException {
        if (legal == null) {
            List<Problem> problems = new ArrayList<>();
            List<Located<LegalStatus>> read = new LocatedArrayReader(Json.MAPPER, problems)
                    .readArray(requireFacts().resolve(LEGAL_STATUS), LegalStatus.class);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            for (Located<LegalStatus> s : read) {
                for (String lacking : new String[] {Labels.lacking("statement", s.value().statement(), true),
                        Labels.lacking("note", s.value().note(), false)}) {
                    if (lacking != null) {
                        problems.add(new Problem(s.file(), s.line(), "legal status '" + s.value().id() + "': " + lacking));
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            legal = read.stream().map(Located::value).toList();
        }
        return legal;
    }

    private Path requireFacts() throws InvalidInputException {
        if (factsDir == null) {
            throw new InvalidInputException(new Problem("facts", 0,
                    "this service was built without its facts folder: figures, trends and the law cannot be read"));
        }
        return factsDir;
    }

    /** What the table holds, in words: for a question asking a figure it does not have. */
    /** What the table holds, as the arguments of the refusals that say it: its rows and its years. */
    List<String> holds() throws InvalidInputException {
        var table = statistics().statistics();
        List<Integer> years = table.years();
        return List.of("rows", String.join(", ", table.rows().stream().map(Series::name).toList()), "years",
                years.get(0) + "–" + years.get(years.size() - 1));
    }

    /** The year of the profile the table is from (2018): the year people name the source by. */
    int profileYear() throws InvalidInputException {
        return statistics().statistics().profileYear();
    }

    /** The years of the table. */
    List<Integer> years() throws InvalidInputException {
        return statistics().statistics().years();
    }

    /** The row names of the table, categories then TOTAL. */
    String totalRow() throws InvalidInputException {
        return statistics().statistics().total().name();
    }

    /** {@code languageRead}: the language the question's words are of, null when unclear. */
    FigureAnswer figure(String question, String row, List<Integer> years, List<NoteEntry> notes, Words words,
            String languageRead) throws InvalidInputException {
        Series series = statistics().statistics().row(row).orElseThrow(() -> missingRow(row));
        List<Figure> figures = new ArrayList<>();
        for (var e : series.counts().entrySet()) {
            if (years.isEmpty() || years.contains(e.getKey())) {
                figures.add(new Figure(e.getKey(), e.getValue()));
            }
        }
        return new FigureAnswer("figure", question, series.name(), figures, TABLE_SOURCE,
                worded(notes, words, words.defaultLanguage()), List.copyOf(notes), languageRead);
    }

    TrendAnswer trend(String question, String row, int from, int to, List<NoteEntry> notes, Words words,
            String languageRead) throws InvalidInputException {
        TrendInputs inputs = statistics();
        Series series = inputs.statistics().row(row).orElseThrow(() -> missingRow(row));
        long first = series.counts().get(from);
        long last = series.counts().get(to);
        Change change = Change.of(series.name(), series == inputs.statistics().total(), Change.WINDOW, from, to, first, last);
        BigDecimal band = inputs.stableBandPercent();
        String direction = change.percent() == null || change.percent().abs().compareTo(band) <= 0 ? "stable"
                : change.change() > 0 ? "rising" : "falling";
        List<Figure> figures = new ArrayList<>();
        series.counts().forEach((year, value) -> {
            if (year >= from && year <= to) {
                figures.add(new Figure(year, value));
            }
        });
        List<Claim> claims = new ArrayList<>();
        for (TrendClaim claim : inputs.claims()) {
            if (claim.series().equals(series.name())) {
                String verdict = claim.notTestable() != null ? "not testable"
                        : claim.expectedTrend().equals(direction.toUpperCase(java.util.Locale.ROOT)) ? "borne out"
                        : "not borne out";
                Labels caveat = claim.notTestable() != null ? claim.notTestable() : claim.caveat();
                claims.add(new Claim(claim.quote(), claim.direction(), verdict, caveat, direction, change, words));
            }
        }
        List<String> flags = new ArrayList<>();
        flags.add(direction.toUpperCase(java.util.Locale.ROOT));
        if (!claims.isEmpty()) {
            flags.add("PROFILE_TREND");
        }
        return new TrendAnswer("trend", question, series.name(), from, to, first, last, change.change(),
                change.percent(), direction, band, figures, claims, flags, TABLE_SOURCE,
                worded(notes, words, words.defaultLanguage()), List.copyOf(notes), languageRead);
    }

    /**
     * The legal status that applies to a subject (an entry id), else to the substances, else to drugs in
     * general. Of the substances named, one with no status of its own is a drug the general status
     * prohibits, and that prohibition is what the question meets: "smoking weed" is about cannabis,
     * whatever smoking tobacco is.
     */
    LegalStatus legalStatus(String subject, List<String> substances) throws InvalidInputException {
        for (LegalStatus s : legal()) {
            if (subject != null && s.appliesTo().contains(subject)) {
                return s;
            }
        }
        List<String> named = substances == null ? List.of() : substances;
        List<LegalStatus> statuses = legal();
        boolean aDrug = named.stream().anyMatch(substance -> statuses.stream()
                .noneMatch(s -> s.appliesTo().contains("substance:" + substance)));
        if (!aDrug) {
            for (LegalStatus s : statuses) {
                for (String substance : named) {
                    if (s.appliesTo().contains("substance:" + substance)) {
                        return s;
                    }
                }
            }
        }
        return legal().stream().filter(s -> s.appliesTo().isEmpty()).findFirst().orElseThrow(() ->
                new InvalidInputException(new Problem(factsDir.resolve(LEGAL_STATUS).toString(), 0,
                        "no general entry (one with no applies_to) for the legal status of drugs")));
    }

    private InvalidInputException missingRow(String row) {
        return new InvalidInputException(new Problem(factsDir.resolve("offence-statistics.json").toString(), 0,
                "no row '" + row + "' in the offence table"));
    }
}
