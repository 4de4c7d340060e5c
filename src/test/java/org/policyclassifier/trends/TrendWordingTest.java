package org.policyclassifier.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;
import org.policyclassifier.TestPaths;
import org.policyclassifier.cli.Main;
import org.policyclassifier.facts.Vocabulary;
import org.policyclassifier.facts.Words;
import org.policyclassifier.rules.RuleInfo;
import org.policyclassifier.rules.RuleSet;
import org.policyclassifier.stats.StatisticsFile;

/**
 * Issue 23: the trend rules conclude with codes and ids, and the report is worded from facts/words/
 * (section "trends") in every language; {@code policy rules check} holds every id the trend rules
 * name to having words in each.
 */
class TrendWordingTest {

    /** A parameter left unfilled, as {@link Words#text} leaves one it is not given. */
    private static final Pattern UNFILLED = Pattern.compile("\\{[a-z_]+\\}");

    static RuleSet rules;
    static TrendInputs inputs;
    static TrendWording wording;

    @TempDir
    Path temp;

    @BeforeAll
    static void load() throws Exception {
        rules = RuleSet.compile(TestPaths.RULES);
        inputs = TrendInputs.load(TestPaths.FACTS);
        wording = new TrendWording(Vocabulary.load(TestPaths.FACTS));
    }

    /**
     * Every report the bundled rules make of the bundled table: each window of two years or more, with
     * the configured stable band, none and the widest; and with production starting at 0 (the policy
     * tests' table), whose claim cannot be measured.
     */
    static List<TrendReport> everyReport() throws Exception {
        TrendAnalysis analysis = new TrendAnalysis(rules);
        List<TrendReport> reports = new ArrayList<>();
        List<Integer> years = inputs.statistics().years();
        for (int from = 0; from < years.size(); from++) {
            for (int to = from + 1; to < years.size(); to++) {
                for (BigDecimal band : List.of(inputs.stableBandPercent(), BigDecimal.ZERO, new BigDecimal("99.99"))) {
                    reports.add(analysis.analyse(inputs, new Window(years.get(from), years.get(to)), band));
                }
            }
        }
        TrendInputs fromZero = new TrendInputs(StatisticsFile.read(TestPaths.RULES.resolve(
                "tests/data/production-from-zero.json")), inputs.claims(), inputs.stableBandPercent());
        reports.add(analysis.analyse(fromZero, new Window(2014, 2017), inputs.stableBandPercent()));
        return reports;
    }

    @Test
    void everyLanguageWordsEveryFindingTheBundledTableGives() throws Exception {
        Words words = wording.words();
        Set<String> worded = new TreeSet<>();
        for (TrendReport report : everyReport()) {
            TrendReport english = wording.in(report, words.defaultLanguage());
            for (Words.Language language : words.languages()) {
                TrendReport r = wording.in(report, language.id());
                List<String> texts = new ArrayList<>();
                r.series().forEach(s -> texts.add(s.name()));
                for (int i = 0; i < r.flags().size(); i++) {
                    Finding f = r.flags().get(i);
                    Stream.of(f.series(), f.detail()).forEach(texts::add);
                    if (f.members() != null) {
                        texts.addAll(f.members());
                    }
                    if (!language.id().equals(words.defaultLanguage())) {
                        assertNotEquals(english.flags().get(i).detail(), f.detail(), language.id() + ": " + f);
                    }
                    worded.add(f.rule());
                }
                for (String text : texts) {
                    assertFalse(text == null || text.isBlank() || UNFILLED.matcher(text).find(),
                            () -> language.id() + ": \"" + text + "\" in " + r.flags());
                }
            }
        }
        assertEquals(rules.rules().stream().map(RuleInfo::id).filter(id -> id.startsWith("TRD-"))
                .collect(Collectors.toCollection(TreeSet::new)), worded, "the finding of every trend rule");
    }

    @Test
    void rowsAreNamedByTheirCategoriesAndAggregatesByTheirWords() throws Exception {
        TrendReport report = new TrendAnalysis(rules).analyse(inputs, new Window(2014, 2017),
                inputs.stableBandPercent());
        Finding supply = aggregate(report, "TRD-009");
        assertEquals(List.of("supply_side", "Trade", "Import and export", "Production"),
                Stream.concat(Stream.of(supply.series()), supply.members().stream()).toList(), "an id and rows");
        assertNull(supply.detail(), "no words until worded");

        // The profile's own names in its language; in another, the offence categories' labels.
        assertEquals(List.of("Possession", "Trade", "Use", "Import and export", "Production", "Other", "TOTAL"),
                wording.in(report, "en").series().stream().map(SeriesTrend::name).toList());
        assertEquals(List.of("drugsbezit", "drugshandel (misdrijf)", "drugsgebruik (misdrijf)",
                "in- en uitvoer van drugs", "productie van drugs", "andere drugsmisdrijven", "TOTAAL"),
                wording.in(report, "nl").series().stream().map(SeriesTrend::name).toList());
        Finding french = aggregate(wording.in(report, "fr"), "TRD-009");
        assertEquals("côté de l'offre", french.series());
        assertEquals("commerce de drogue + importation et exportation de drogue + production de drogue : part du total"
                + " 22.78 % → 21.21 % (-1.58 points)", french.detail());
        assertEquals("Nachfrageseite", aggregate(wording.in(report, "de"), "TRD-010").series());
    }

    @Test
    void rulesCheckFailsOnATrendIdWithoutWordsInEveryLanguage() {
        Path edited = RuleFolders.copyBundled(temp.resolve("rules"));
        Path drl = edited.resolve("trends.drl");
        RuleFolders.edit(drl, "new Extreme(\"LARGEST_RELATIVE_RISE\"", "new Extreme(\"LARGEST_RISE\"");
        RuleFolders.edit(drl, "Aggregate.of(\"supply_side\"", "Aggregate.of(\"supply\"");
        RuleFolders.edit(drl, "ClaimCheck.of(\"DIVERGES\", $claim, $c, $band, \"registrations_measure_enforcement\")",
                "ClaimCheck.of(\"DIVERGED\", $claim, $c, $band, \"registrations_only\")");
        StringWriter out = new StringWriter();
        int exit = Main.run(new String[] {"rules", "check", "--rules", edited.toString()}, new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        String add = "', which has no wording in every language: add it to the section \"trends\" of each file of"
                + " facts/words/\n";
        assertEquals(drl + ":68: [error] rule TRD-004 names trends 'LARGEST_RISE" + add
                + drl + ":136: [error] rule TRD-009 names trends 'supply" + add
                + drl + ":179: [error] rule TRD-012 names trends 'DIVERGED" + add
                + drl + ":179: [error] rule TRD-012 names trends 'registrations_only" + add
                + "126 rules checked: 4 problems\n", out.toString());
        assertEquals(3, exit);
    }

    private static Finding aggregate(TrendReport report, String rule) {
        return report.flags().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
    }
}
