package org.policyclassifier.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.policyclassifier.TestPaths;
import org.policyclassifier.errors.InvalidInputException;

/** The statistics facts file, read back and checked as the trends command reads it. */
class StatisticsFileTest {

    static final Path SHIPPED = TestPaths.FACTS.resolve(StatisticsFile.NAME);

    @TempDir
    Path temp;

    @Test
    void theShippedFileReadsAsTheProfilesTable() throws Exception {
        StatisticsTable fromJson = StatisticsFile.read(SHIPPED);
        StatisticsTable fromText = ProfileTableReader.read(TestPaths.FACTS.resolve("profile.txt"));
        assertEquals(ProfileTableReaderTest.counts(fromText), ProfileTableReaderTest.counts(fromJson));
        assertEquals(List.of("Belgium", "Drugs", 2018), List.of(fromJson.country(), fromJson.priority(),
                fromJson.profileYear()));
        // Rows know their line in the facts file, for messages.
        assertEquals(6, fromJson.categories().get(0).line());
        assertEquals(61, fromJson.total().line());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // what                         | in the row     | replace                | by                          | expected
        "a year missing in a row        | \"Use\"        | \"2016\": 1416,        | ''                          | 24: row \"Use\" has no count for 2016",
        "a year only one row has        | \"Use\"        | \"2016\": 1416,        | \"2016\": 1416, \"2013\": 1, | 24: row \"Use\" has a count for 2013, a year the TOTAL row does not have",
        "a TOTAL that is not the sum    | \"TOTAL\"      | \"2016\": 54833,       | \"2016\": 54830,             | 61: TOTAL for 2016 is 54830 but the categories add up to 54833 (the TOTAL is 3 lower)",
        "a negative count               | \"Production\" | \"2016\": 1928,        | \"2016\": -1928,             | 42: row \"Production\": the count for 2016 is -1928; expected a whole number of offences, 0 or more",
        "a year written twice           | \"Use\"        | \"2016\": 1416,        | \"2016\": 1416, \"2016\": 1416, | 29: field '2016' is given twice; give it once",
        "a misspelt field               | \"Use\"        | \"counts\": {          | \"cuonts\": {                | 32: unknown field 'categories[2].cuonts'; known fields: counts, name",
        "a count that is not a number   | \"Use\"        | \"2016\": 1416,        | \"2016\": \"many\",           | 29: field 'categories[2].counts.2016': 'many' is not a valid whole number",
        "a missing country              | {              | \"country\": \"Belgium\", | ''                          | 0: field 'country' is required",
    })
    void aBrokenFactsFileIsReportedAtTheLineOfItsRow(String what, String row, String from, String to,
            String expected) throws Exception {
        String json = Files.readString(SHIPPED);
        int at = json.indexOf(from, json.indexOf(row));
        Path file = temp.resolve(StatisticsFile.NAME);
        Files.writeString(file, json.substring(0, at) + to + json.substring(at + from.length()));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> StatisticsFile.read(file));
        assertEquals(expected, e.problems().get(0).line() + ": " + e.problems().get(0).message());
        assertEquals(file.toString(), e.problems().get(0).file());
    }
}
