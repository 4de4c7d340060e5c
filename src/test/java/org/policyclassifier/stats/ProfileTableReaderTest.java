package org.policyclassifier.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.policyclassifier.TestPaths;
import org.policyclassifier.cli.Main;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;

class ProfileTableReaderTest {

    static final Path PROFILES = TestPaths.FIXTURES.resolve("profiles");

    @TempDir
    Path temp;

    @Test
    void theShippedProfileGivesItsTableWithTheDocumentsOwnNamesAndFigures() throws Exception {
        StatisticsTable t = ProfileTableReader.read(TestPaths.FACTS.resolve("profile.txt"));
        assertEquals("Belgium", t.country());
        assertEquals("Drugs", t.priority());
        assertEquals(2018, t.profileYear());
        assertEquals(List.of(2014, 2015, 2016, 2017), t.years());
        // The profile writes thousands with a dot: 39.578 is 39578 offences.
        assertEquals(Map.of(
                "Possession", List.of(39578L, 37408L, 39531L, 41318L),
                "Trade", List.of(7734L, 7632L, 8010L, 7521L),
                "Use", List.of(1362L, 1303L, 1416L, 1342L),
                "Import and export", List.of(2903L, 2637L, 2529L, 2604L),
                "Production", List.of(1923L, 2047L, 1928L, 1738L),
                "Other", List.of(1632L, 1412L, 1419L, 1421L),
                "TOTAL", List.of(55132L, 52439L, 54833L, 55944L)), counts(t));
        assertEquals(List.of("Possession", "Trade", "Use", "Import and export", "Production", "Other"),
                t.categories().stream().map(Series::name).toList());
        assertEquals(30, t.categories().get(0).line());
        assertEquals(36, t.total().line());
    }

    @Test
    void importStatsOnTheShippedProfileReproducesTheShippedFactsFileExactly() throws Exception {
        Path out = temp.resolve("offence-statistics.json");
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"import-stats", "facts/profile.txt", "-o", out.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, exit, err::toString);
        assertEquals(Files.readString(TestPaths.FACTS.resolve(StatisticsFile.NAME)), Files.readString(out));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(out), files.toList(), "no temporary file left beside the output");
        }
    }

    static Stream<Arguments> otherProfiles() {
        return Stream.of(
                Arguments.of("freedonia-2021-commas-wide-gaps.txt", "Freedonia", 2021, Map.of(
                        "Cannabis offences", List.of(12040L, 12911L, 13377L, 12802L, 11950L),
                        "Cocaine offences", List.of(2210L, 2575L, 3120L, 3408L, 3961L),
                        "Heroin offences", List.of(905L, 860L, 799L, 741L, 702L),
                        "Synthetic drugs", List.of(388L, 455L, 530L, 611L, 1004L),
                        "Other drugs", List.of(96L, 88L, 102L, 97L, 91L),
                        "TOTAL", List.of(15639L, 16889L, 17928L, 17659L, 17708L)),
                        List.of(2016, 2017, 2018, 2019, 2020)),
                Arguments.of("sylvania-2020-space-thousands-tabs.txt", "Sylvania", 2020, Map.of(
                        "Drug possession", List.of(18230L, 19004L, 21417L),
                        "Drug trafficking", List.of(4102L, 3987L, 4410L),
                        "Cultivation", List.of(1206L, 1388L, 1299L),
                        "Total", List.of(23538L, 24379L, 27126L)),
                        List.of(2017, 2018, 2019)),
                Arguments.of("grand-fenwick-2019-single-spaces-nbsp.txt", "Grand Fenwick", 2019, Map.of(
                        "Possession", List.of(3120L, 2988L),
                        "Supply", List.of(640L, 702L),
                        "Import", List.of(77L, 81L),
                        "TOTAL", List.of(3837L, 3771L)),
                        List.of(2018, 2019)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherProfiles")
    void anotherProfileOfTheSameTemplateWorksUnchanged(String file, String country, int year,
            Map<String, List<Long>> expected, List<Integer> years) throws Exception {
        StatisticsTable t = ProfileTableReader.read(PROFILES.resolve(file));
        assertEquals(country, t.country());
        assertEquals("Drugs", t.priority());
        assertEquals(year, t.profileYear());
        assertEquals(years, t.years());
        assertEquals(expected, counts(t));
        // What is written reads back as the same table.
        Path json = temp.resolve("stats.json");
        StatisticsFile.write(t, json);
        assertEquals(expected, counts(StatisticsFile.read(json)));
    }

    static Stream<Arguments> malformedTables() {
        String years = "but the header has 4 years (2014, 2015, 2016, 2017)";
        String expected = "(expected a whole number such as 39578, 39.578, 39,578 or 39 578)";
        return Stream.of(
                Arguments.of("bad-cell.txt", List.of(
                        "14: row \"Use\", 2016: '1.4l6' is not a count " + expected)),
                Arguments.of("short-row.txt", List.of(
                        "13: row \"Trade\" has 3 counts " + years)),
                Arguments.of("repeated-year.txt", List.of(
                        "11: the header row lists the year 2015 twice: each year needs one column")),
                Arguments.of("total-mismatch.txt", List.of(
                        "18: TOTAL for 2016 is 54834 but the categories add up to 54833 (the TOTAL is 1 higher)")),
                Arguments.of("count-too-large.txt", List.of(
                        "12: row \"Possession\", 2014: '12345678901234567890' is too large a count (at most"
                                + " 9223372036854775807)")),
                Arguments.of("sum-too-large.txt", List.of(
                        "18: the categories' counts for 2014 add up to more than 9223372036854775807, the most this"
                                + " tool can count")),
                Arguments.of("no-total-row.txt", List.of(
                        "11: the table has no TOTAL row: its rows end at line 19 (\"Research:\")")),
                Arguments.of("mixed-separators.txt", List.of(
                        "16: row \"Production\", 2015: '2,047' groups thousands with a comma but '39.578' uses a dot:"
                                + " one table, one separator (is one of them a decimal point?)")),
                Arguments.of("repeated-category.txt", List.of(
                        "14: row \"Trade\" repeats the row at line 13")),
                Arguments.of("no-table.txt", List.of(
                        "0: no statistics table found: expected a header row of years (e.g. \"<TAB>2014<TAB>2015"
                                + "<TAB>2016\"), then one row per category (a name and a count per year), then a TOTAL"
                                + " row")),
                Arguments.of("no-country-line.txt", List.of(
                        "0: no \"Country\" line before the statistics table (expected e.g. \"Country<TAB>Belgium\""
                                + " near the top, as in the profile template)")),
                Arguments.of("several-problems.txt", List.of(
                        "12: row \"Possession\", 2014: '39.57B' is not a count " + expected,
                        "13: row \"Trade\", 2015: '7,632' groups thousands with a comma but '37.408' uses a dot: one"
                                + " table, one separator (is one of them a decimal point?)",
                        "18: TOTAL for 2017 is 55945 but the categories add up to 55944 (the TOTAL is 1 higher)")),
                Arguments.of("space-thousands-single-spaces.txt", List.of(
                        "12: row \"Possession\" has 8 counts " + years + " (cells separated by single spaces: if"
                                + " thousands are grouped with a space, separate the columns with tabs or wider gaps)",
                        "13: row \"Trade\" has 8 counts " + years + " (cells separated by single spaces: if"
                                + " thousands are grouped with a space, separate the columns with tabs or wider gaps)",
                        "14: row \"Use\" has 8 counts " + years + " (cells separated by single spaces: if"
                                + " thousands are grouped with a space, separate the columns with tabs or wider gaps)",
                        "15: row \"Import and export\" has 8 counts " + years + " (cells separated by single spaces:"
                                + " if thousands are grouped with a space, separate the columns with tabs or wider"
                                + " gaps)",
                        "16: row \"Production\" has 8 counts " + years + " (cells separated by single spaces: if"
                                + " thousands are grouped with a space, separate the columns with tabs or wider gaps)",
                        "17: row \"Other\" has 8 counts " + years + " (cells separated by single spaces: if"
                                + " thousands are grouped with a space, separate the columns with tabs or wider gaps)",
                        "18: row \"TOTAL\" has 8 counts " + years + " (cells separated by single spaces: if"
                                + " thousands are grouped with a space, separate the columns with tabs or wider gaps)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedTables")
    void eachKindOfMalformedTableIsReportedWithItsLineAndCell(String file, List<String> expected) {
        Path profile = PROFILES.resolve(file);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ProfileTableReader.read(profile));
        assertEquals(expected, e.problems().stream().map(p -> p.line() + ": " + p.message()).toList());
        e.problems().forEach(p -> assertEquals(profile.toString(), p.file()));
    }

    @Test
    void aFailedImportLeavesAnExistingOutputAsItWas() throws Exception {
        Path out = Files.writeString(temp.resolve("offence-statistics.json"), "the previous facts\n");
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"import-stats", PROFILES.resolve("total-mismatch.txt").toString(), "-o",
            out.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(3, exit);
        assertEquals("the previous facts\n", Files.readString(out));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(out), files.toList());
        }
    }

    @Test
    void importStatsWithACountTooLargeForJavaIsExit3AtItsCellNotAnInternalError() {
        for (String file : List.of("count-too-large.txt", "sum-too-large.txt")) {
            StringWriter err = new StringWriter();
            int exit = Main.run(new String[] {"import-stats", PROFILES.resolve(file).toString()},
                    new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertEquals(3, exit, err::toString);
            assertTrue(err.toString().startsWith(PROFILES.resolve(file) + ":"), err::toString);
            assertFalse(err.toString().contains("Exception"), err::toString);
            assertFalse(err.toString().contains(" -"), "a sum that wrapped round: " + err);
        }
    }

    @Test
    void aMissingProfileIsNamed() {
        Path none = temp.resolve("none.txt");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ProfileTableReader.read(none));
        assertEquals(List.of(new Problem(none.toString(), 0, "file not found")), e.problems());
    }

    /** Each row's counts in year order, by row name. */
    static Map<String, List<Long>> counts(StatisticsTable t) {
        return t.rows().stream().collect(java.util.stream.Collectors.toMap(Series::name,
                s -> List.copyOf(s.counts().values())));
    }
}
