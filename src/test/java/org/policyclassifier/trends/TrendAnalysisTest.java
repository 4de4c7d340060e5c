package org.policyclassifier.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.policyclassifier.RuleFolders;
import org.policyclassifier.TestPaths;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.Decision;
import org.policyclassifier.facts.OffenceCategory;
import org.policyclassifier.facts.Vocabulary;
import org.policyclassifier.rules.RuleSet;
import org.policyclassifier.stats.ProfileTableReader;
import org.policyclassifier.stats.Series;
import org.policyclassifier.stats.StatisticsTable;

/**
 * The trend rules of the bundled rules/, through the real engine, on the shipped statistics, worded
 * in English as {@code policy trends} prints them. Every expected figure was worked out by hand from
 * the profile's table (exact fractions, rounded half-up to two decimals), not taken from the code
 * under test.
 */
class TrendAnalysisTest {

    static final BigDecimal FIVE = new BigDecimal("5.00");

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

    static TrendReport analyse(int from, int to, BigDecimal band) throws Exception {
        return english(new TrendAnalysis(rules).analyse(inputs, new Window(from, to), band));
    }

    static TrendReport english(TrendReport report) {
        return wording.in(report, "en");
    }

    @Test
    void everyFigureOfThe2014To2017TableIsRight() throws Exception {
        TrendReport r = analyse(2014, 2017, FIVE);
        assertEquals(List.of("Belgium", "Drugs", 2018, 2014, 2017, "5.00"), List.of(r.country(), r.priority(),
                r.profileYear(), r.from(), r.to(), r.stableBandPercent().toPlainString()));
        // By hand, e.g. Possession 2014→2015: 37408 - 39578 = -2170; -2170 / 39578 = -5.4828% → -5.48.
        // Production over the window: 1738 - 1923 = -185; -185 / 1923 = -9.6204% → -9.62.
        // Trade's share: 7734 / 55132 = 14.0282% → 14.03; 7521 / 55944 = 13.4438% → 13.44; the exact
        // difference is -0.5843 points → -0.58 (the difference of the rounded shares would be -0.59).
        // Columns: counts 2014..2017 | each year-on-year change and % | window change and % | shares, points.
        assertEquals(normalised(List.of(
                "Possession        | 39578 37408 39531 41318 | -2170 -5.48  | +2123 +5.68 | +1787 +4.52 | +1740 +4.40  | 71.79 73.86 +2.07",
                "Trade             | 7734 7632 8010 7521     | -102 -1.32   | +378 +4.95  | -489 -6.10  | -213 -2.75   | 14.03 13.44 -0.58",
                "Use               | 1362 1303 1416 1342     | -59 -4.33    | +113 +8.67  | -74 -5.23   | -20 -1.47    | 2.47 2.40 -0.07",
                "Import and export | 2903 2637 2529 2604     | -266 -9.16   | -108 -4.10  | +75 +2.97   | -299 -10.30  | 5.27 4.65 -0.61",
                "Production        | 1923 2047 1928 1738     | +124 +6.45   | -119 -5.81  | -190 -9.85  | -185 -9.62   | 3.49 3.11 -0.38",
                "Other             | 1632 1412 1419 1421     | -220 -13.48  | +7 +0.50    | +2 +0.14    | -211 -12.93  | 2.96 2.54 -0.42",
                "TOTAL             | 55132 52439 54833 55944 | -2693 -4.88  | +2394 +4.57 | +1111 +2.03 | +812 +1.47   | 100.00 100.00 0.00")),
                r.series().stream().map(TrendAnalysisTest::row).toList());
    }

    @Test
    void everyFlagOf2014To2017WithItsBasisAndRule() throws Exception {
        TrendReport r = analyse(2014, 2017, FIVE);
        // Directions by the ±5.00% band on the window changes above; largest single-year moves among the
        // 18 year-on-year changes of the six categories: Use 2015→2016 +8.67% (113 / 1303), Other
        // 2014→2015 -13.48% (-220 / 1632), Possession +2123 and -2170. The TOTAL rose (+812), so the
        // categories that fell beyond the band moved against it. Supply side: Trade + Import and export +
        // Production = 7734 + 2903 + 1923 = 12560 in 2014, 7521 + 2604 + 1738 = 11863 in 2017; -697 / 12560
        // = -5.5494% → -5.55; shares 12560 / 55132 = 22.7817% → 22.78, 11863 / 55944 = 21.2052% → 21.21,
        // exact difference -1.5765 → -1.58. Demand side: Possession + Use = 40940 → 42660, +1720 / 40940 =
        // +4.2013% → +4.20; shares 74.2581% → 74.26, 76.2548% → 76.25, difference +1.9967 → +2.00.
        assertEquals(normalised(List.of(
                "FALLING               Import and export 2014-2017 2903->2604   -299 -10.30 band 5.00 TRD-002",
                "FALLING               Production        2014-2017 1923->1738   -185 -9.62  band 5.00 TRD-002",
                "FALLING               Other             2014-2017 1632->1421   -211 -12.93 band 5.00 TRD-002",
                "STABLE                Possession        2014-2017 39578->41318 +1740 +4.40 band 5.00 TRD-003",
                "STABLE                Trade             2014-2017 7734->7521   -213 -2.75  band 5.00 TRD-003",
                "STABLE                Use               2014-2017 1362->1342   -20 -1.47   band 5.00 TRD-003",
                "STABLE                TOTAL             2014-2017 55132->55944 +812 +1.47  band 5.00 TRD-003",
                "LARGEST_RELATIVE_RISE Use               2015-2016 1303->1416   +113 +8.67  band - TRD-004",
                "LARGEST_RELATIVE_FALL Other             2014-2015 1632->1412   -220 -13.48 band - TRD-005",
                "LARGEST_ABSOLUTE_RISE Possession        2015-2016 37408->39531 +2123 +5.68 band - TRD-006",
                "LARGEST_ABSOLUTE_FALL Possession        2014-2015 39578->37408 -2170 -5.48 band - TRD-007",
                "AGAINST_TOTAL         Import and export 2014-2017 2903->2604   -299 -10.30 band 5.00 TRD-008",
                "AGAINST_TOTAL         Production        2014-2017 1923->1738   -185 -9.62  band 5.00 TRD-008",
                "AGAINST_TOTAL         Other             2014-2017 1632->1421   -211 -12.93 band 5.00 TRD-008",
                "AGGREGATE             supply side       2014-2017 12560->11863 -697 -5.55  band - TRD-009",
                "AGGREGATE             demand side       2014-2017 40940->42660 +1720 +4.20 band - TRD-010",
                "CLAIM_DIVERGES        Production        2014-2017 1923->1738   -185 -9.62  band 5.00 TRD-012",
                "CLAIM_NOT_TESTABLE    Import and export 2014-2017 2903->2604   -299 -10.30 band 5.00 TRD-015")),
                r.flags().stream().map(TrendAnalysisTest::flag).toList());
        Finding supply = flag(r, "AGGREGATE", "supply side");
        assertEquals(List.of("Trade", "Import and export", "Production"), supply.members());
        assertEquals("22.78 21.21 -1.58", shares(supply.shares()));
        Finding demand = flag(r, "AGGREGATE", "demand side");
        assertEquals(List.of("Possession", "Use"), demand.members());
        assertEquals("74.26 76.25 2.00", shares(demand.shares()));
        Finding production = flag(r, "CLAIM_DIVERGES", "Production");
        assertEquals("Increase production of synthetic drugs, moving issues from Dutch and German borders to Belgium.",
                production.claim());
        assertEquals("In the “security” perspective, priority is given to the fight against production and the market"
                + " of illicit drugs.", supply.source());
        assertEquals("Increase production of synthetic drugs, moving issues from Dutch and German borders to Belgium.",
                production.source());
        assertEquals("fell 10.30% from 2014 to 2017 while the TOTAL rose 1.47% (55132 → 55944)",
                flag(r, "AGAINST_TOTAL", "Import and export").detail());
    }

    @Test
    void recordedProductionFell985PercentFrom2016To2017WhileTheProfileClaimsAnIncrease() throws Exception {
        TrendReport r = analyse(2016, 2017, FIVE);
        // 1738 - 1928 = -190; -190 / 1928 = -9.8548% → -9.85: beyond the band, against the claimed increase.
        Finding production = flag(r, "CLAIM_DIVERGES", "Production");
        assertEquals("CLAIM_DIVERGES Production 2016-2017 1928->1738 -190 -9.85 band 5.00 TRD-012", flag(production));
        assertEquals("recorded \"Production\" offences fell 9.85% from 2016 to 2017 (1928 → 1738) while the profile"
                + " claims an increase; police registrations measure enforcement, not market size; the table counts"
                + " production offences of every drug, not synthetic drugs alone", production.detail());
        // 2604 - 2529 = +75; 75 / 2529 = +2.9656% → +2.97: within the band, yet national counts cannot
        // measure Antwerp's place among Europe's entry points, so the claim is not testable, not supported.
        Finding antwerp = flag(r, "CLAIM_NOT_TESTABLE", "Import and export");
        assertEquals("CLAIM_NOT_TESTABLE Import and export 2016-2017 2529->2604 +75 +2.97 band 5.00 TRD-015",
                flag(antwerp));
        assertTrue(antwerp.detail().startsWith("recorded \"Import and export\" offences rose 2.97% from 2016 to 2017"
                + " (2529 → 2604), but this series cannot test the claim: the claim is about Antwerp's place among"
                + " Europe's entry points"), antwerp.detail());
        assertTrue(r.flags().stream().noneMatch(f -> f.series().equals("Import and export")
                && f.code().matches("CLAIM_(SUPPORTED|DIVERGES|INCONCLUSIVE)")), "never judged on national counts");
        // Supply side 2016: 8010 + 2529 + 1928 = 12467; 2017: 11863; -604 / 12467 = -4.8448% → -4.84.
        assertEquals("AGGREGATE supply side 2016-2017 12467->11863 -604 -4.84 band - TRD-009",
                flag(flag(r, "AGGREGATE", "supply side")));
    }

    @ParameterizedTest(name = "band {0}%: {1} is {2}")
    @CsvSource({
        // Possession +4.40%, Trade -2.75%, Use -1.47%, Production -9.62% over 2014-2017
        "2.00,  Possession, RISING",
        "2.00,  Trade,      FALLING",
        "2.00,  Use,        STABLE",
        "4.40,  Possession, STABLE",   // on the band's edge: within
        "4.39,  Possession, RISING",
        "10.00, Production, STABLE",
        "0,     Use,        FALLING",
    })
    void theStableBandDecidesTheDirection(BigDecimal band, String series, String code) throws Exception {
        TrendReport r = analyse(2014, 2017, band);
        List<String> directions = r.flags().stream()
                .filter(f -> f.series().equals(series) && Set.of("RISING", "FALLING", "STABLE").contains(f.code()))
                .map(Finding::code).toList();
        assertEquals(List.of(code), directions);
        assertEquals(band.setScale(2), flag(r, code, series).threshold(), "the band, always with two decimals");
    }

    @Test
    void aWindowOutsideTheTableOrABandOutOfRangeIsRefusedInPlainWords() {
        IllegalArgumentException year = assertThrows(IllegalArgumentException.class, () -> analyse(2013, 2017, FIVE));
        assertEquals("the statistics have no year 2013; they have 2014, 2015, 2016, 2017", year.getMessage());
        IllegalArgumentException band = assertThrows(IllegalArgumentException.class,
                () -> analyse(2014, 2017, new BigDecimal("0.125")));
        assertEquals("the stable band is 0.125; expected at most two decimals, as changes are compared at two"
                + " decimals", band.getMessage());
    }

    @Test
    void aClaimedIncreaseWithinTheBandIsInconclusive() throws Exception {
        // With a 10% band, production's -9.62% is stable: neither an increase nor a clear fall.
        Finding production = flag(analyse(2014, 2017, new BigDecimal("10.00")), "CLAIM_INCONCLUSIVE", "Production");
        assertEquals("TRD-013", production.rule());
        assertTrue(production.detail().startsWith("recorded \"Production\" offences fell 9.62% from 2014 to 2017"
                + " (1923 → 1738), within the stable band of ±10.00%: too little to bear out or contradict the claimed"
                + " increase; "), production.detail());
    }

    @Test
    void anotherCountrysTableWorksUnchangedAndBelgianGroupingsStayOut() throws Exception {
        StatisticsTable freedonia = ProfileTableReader.read(
                TestPaths.FIXTURES.resolve("profiles/freedonia-2021-commas-wide-gaps.txt"));
        TrendReport r = english(new TrendAnalysis(rules).analyse(new TrendInputs(freedonia, List.of(), FIVE),
                new Window(2018, 2020), FIVE));
        assertEquals(List.of(2018, 2019, 2020), r.years());
        // Synthetic drugs 530 → 1004: +474 / 530 = +89.4340% → +89.43; 2019→2020 611 → 1004: +393 / 611 = +64.32%.
        assertEquals("RISING Synthetic drugs 2018-2020 530->1004 +474 +89.43 band 5.00 TRD-001",
                flag(flag(r, "RISING", "Synthetic drugs")));
        assertEquals("LARGEST_RELATIVE_RISE Synthetic drugs 2019-2020 611->1004 +393 +64.32 band - TRD-004",
                flag(flag(r, "LARGEST_RELATIVE_RISE", "Synthetic drugs")));
        // Its rows are not Trade, Possession...: the supply- and demand-side rules do not apply.
        assertTrue(r.flags().stream().noneMatch(f -> f.code().equals("AGGREGATE")), r.flags()::toString);
    }

    @Test
    void tiesForTheLargestMoveAreAllFlaggedAndAZeroBaselineGivesNoPercentage() throws Exception {
        TreeMap<Integer, Long> a = new TreeMap<>(Map.of(2020, 100L, 2021, 110L));
        TreeMap<Integer, Long> b = new TreeMap<>(Map.of(2020, 50L, 2021, 55L));
        TreeMap<Integer, Long> c = new TreeMap<>(Map.of(2020, 0L, 2021, 7L));
        TreeMap<Integer, Long> total = new TreeMap<>(Map.of(2020, 150L, 2021, 172L));
        StatisticsTable table = new StatisticsTable("Testland", "Drugs", 2022, List.of(new Series("A", a, 1),
                new Series("B", b, 2), new Series("C", c, 3)), new Series("TOTAL", total, 4));
        TrendClaim claim = new TrendClaim("C grows", "C", "up", null);
        TrendReport r = english(new TrendAnalysis(rules).analyse(new TrendInputs(table, List.of(claim), FIVE),
                new Window(2020, 2021), FIVE));
        // A and B both rose 10.00%; C rose from 0, which has no percentage (and so no direction).
        assertEquals(List.of("A", "B"), r.flags().stream().filter(f -> f.code().equals("LARGEST_RELATIVE_RISE"))
                .map(Finding::series).toList());
        assertNull(r.series().get(2).window().percent());
        assertTrue(r.flags().stream().noneMatch(f -> f.series().equals("C") && f.code().matches("RISING|STABLE")));
        Finding check = flag(r, "CLAIM_INCONCLUSIVE", "C");
        assertEquals("TRD-014", check.rule());
        assertEquals("recorded \"C\" offences rose by 7 from 2020 to 2021 (0 → 7): the claimed increase cannot be"
                + " measured from a baseline of 0; police registrations measure enforcement, not market size",
                check.detail());
    }

    @Test
    void theRulesAreDataThatPolicyStaffCanEdit() throws Exception {
        Path edited = RuleFolders.copyBundled(temp.resolve("rules"));
        RuleFolders.edit(edited.resolve("trends.drl"), "    $use : Change( span == \"window\", series == \"Use\" )\n",
                "    $use : Change( span == \"window\", series == \"Use\" )\n"
                        + "    $other : Change( span == \"window\", series == \"Other\" )\n");
        RuleFolders.edit(edited.resolve("trends.drl"), "List.of($possession, $use)", "List.of($possession, $use, $other)");
        TrendReport r = english(new TrendAnalysis(RuleSet.compile(edited)).analyse(inputs, new Window(2014, 2017), FIVE));
        // 40940 + 1632 = 42572 → 42660 + 1421 = 44081: +1509 / 42572 = +3.5446% → +3.54.
        assertEquals("AGGREGATE demand side 2014-2017 42572->44081 +1509 +3.54 band - TRD-010",
                flag(flag(r, "AGGREGATE", "demand side")));
    }

    @Test
    void trendRulesNeverFireWhileCasesAreClassified() throws Exception {
        Classifier classifier = Classifier.load(TestPaths.RULES, TestPaths.FACTS);
        for (OffenceCategory category : classifier.vocabulary().offenceCategories()) {
            Decision d = classifier.classify(new CaseRecord(null, "offence", null, category.id(), null, null, null,
                    null));
            assertTrue(d.explanation().stream().noneMatch(e -> e.rule().startsWith("TRD-")), d.explanation()::toString);
        }
    }

    /** The report's row in the layout of the expected lines. */
    static String row(SeriesTrend s) {
        String counts = s.counts().values().stream().map(String::valueOf).collect(Collectors.joining(" "));
        String steps = s.yearOnYear().stream().map(TrendAnalysisTest::change).collect(Collectors.joining(" | "));
        String shares = s.shares().from().toPlainString() + " " + s.shares().to().toPlainString() + " "
                + Percentages.signed(s.shares().changePoints());
        return String.join(" | ", s.name(), counts, steps, change(s.window()), shares);
    }

    static String change(Change c) {
        return Percentages.signed(c.change()) + " " + Percentages.signed(c.percent());
    }

    static String shares(Shares s) {
        return s.from().toPlainString() + " " + s.to().toPlainString() + " " + s.changePoints().toPlainString();
    }

    static String flag(Finding f) {
        return String.join(" ", f.code(), f.series(), f.from() + "-" + f.to(), f.baseline() + "->" + f.value(),
                Percentages.signed(f.change()), f.percent() == null ? "n/a" : Percentages.signed(f.percent()),
                "band", f.threshold() == null ? "-" : f.threshold().toPlainString(), f.rule());
    }

    static Finding flag(TrendReport r, String code, String series) {
        List<Finding> found = r.flags().stream().filter(f -> f.code().equals(code) && f.series().equals(series))
                .toList();
        assertEquals(1, found.size(), () -> code + " " + series + " in " + r.flags());
        return found.get(0);
    }

    static List<String> normalised(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("\\s+", " ").strip()).toList();
    }
}
