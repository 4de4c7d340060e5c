package org.policyclassifier.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.TestPaths;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.stats.StatisticsFile;

/** The trend facts of a facts folder: statistics, claims and the stable band, checked together. */
class TrendInputsTest {

    @TempDir
    Path temp;

    @Test
    void theShippedTrendFactsLoad() throws Exception {
        TrendInputs inputs = TrendInputs.load(TestPaths.FACTS);
        assertEquals("5.00", inputs.stableBandPercent().toPlainString());
        assertEquals(List.of("Production up", "Import and export steady"), inputs.claims().stream()
                .map(c -> c.series() + " " + c.direction()).toList());
        assertEquals("Belgium", inputs.statistics().country());
    }

    @Test
    void everyProblemOfEveryTrendFileIsReportedWithFileAndLine() throws Exception {
        Path facts = copyOfTheTrendFacts();
        Files.writeString(facts.resolve(TrendInputs.CLAIMS), """
                [
                  {"quote": "Increase production of synthetic drugs", "series": "Prodution", "direction": "up"},
                  {"quote": "Antwerp is the largest port", "series": "Import and export", "direction": "sideways"},
                  {"series": "Trade", "direction": "down", "cavaet": "typo"}
                ]
                """);
        Files.writeString(facts.resolve(TrendInputs.SETTINGS), "{\"stable_band_percent\": 2.555}\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TrendInputs.load(facts));
        String claims = facts.resolve(TrendInputs.CLAIMS).toString();
        assertEquals(List.of(
                new Problem(facts.resolve(TrendInputs.SETTINGS).toString(), 0, "field 'stable_band_percent': the"
                        + " stable band is 2.555; expected at most two decimals, as changes are compared at two"
                        + " decimals"),
                new Problem(claims, 4, "unknown field 'cavaet'; known fields: caveat, direction, not_testable, quote,"
                        + " series"),
                new Problem(claims, 2, "claim \"Increase production of synthetic drugs\": series 'Prodution' is not a"
                        + " row of the statistics; the rows are: Possession, Trade, Use, Import and export,"
                        + " Production, Other, TOTAL"),
                new Problem(claims, 3, "claim \"Antwerp is the largest port\": the profile (" + facts.resolve(
                        "profile.txt") + ") does not say this; quote it word for word"),
                new Problem(claims, 3, "claim \"Antwerp is the largest port\": direction 'sideways' is not up, down"
                        + " or steady")), e.problems());
    }

    @Test
    void missingFilesAreNamed() throws Exception {
        Path facts = Files.createDirectory(temp.resolve("facts"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TrendInputs.load(facts));
        assertEquals(List.of(
                facts.resolve(StatisticsFile.NAME) + ": file not found (make it with: policy import-stats PROFILE.txt"
                        + " -o " + facts.resolve(StatisticsFile.NAME) + ")",
                facts.resolve(TrendInputs.SETTINGS) + ": file not found (it holds the stable band:"
                        + " {\"stable_band_percent\": 5.00})",
                facts.resolve(TrendInputs.CLAIMS) + ": file not found"),
                e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void aNegativeBandIsRefused() throws Exception {
        Path facts = copyOfTheTrendFacts();
        Files.writeString(facts.resolve(TrendInputs.SETTINGS), "{\n  \"stable_band_percent\": -1\n}\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TrendInputs.load(facts));
        assertEquals("field 'stable_band_percent': the stable band is -1; expected a percentage from 0 to less than"
                + " 100, e.g. 5.00", e.problems().get(0).message());
    }

    private Path copyOfTheTrendFacts() throws IOException {
        Path facts = Files.createDirectory(temp.resolve("facts"));
        for (String name : List.of(StatisticsFile.NAME, TrendInputs.CLAIMS, TrendInputs.SETTINGS, "profile.txt")) {
            Files.copy(TestPaths.FACTS.resolve(name), facts.resolve(name));
        }
        return facts;
    }
}
