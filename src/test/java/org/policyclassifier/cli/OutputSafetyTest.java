package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;
import org.policyclassifier.cli.ClassifyCommandTest.Run;

/** Issue 20, item 19: what the tool writes cannot be made to run in a spreadsheet or to drive a terminal. */
class OutputSafetyTest {

    @TempDir
    Path dir;

    @Test
    void csvDecisionsNeutraliseIdsASpreadsheetWouldRunAsFormulas() throws Exception {
        Path in = dir.resolve("in.jsonl");
        StringBuilder records = new StringBuilder();
        for (String id : List.of("=HYPERLINK(\\\"http://evil\\\",\\\"x\\\")", "+1+2", "-2+3", "@SUM(A1)", "\\tx",
                "\\r=1", "plain-id", "a=b")) {
            records.append("{\"id\": \"").append(id).append("\", \"kind\": \"offence\", \"category\": \"trade\"}\n");
        }
        Files.writeString(in, records);
        Path out = dir.resolve("out.csv");
        Run r = ClassifyCommandTest.run("classify", in.toString(), "-o", out.toString());
        assertEquals(ExitCode.OK, r.exit(), r.err());
        List<String> ids = new ArrayList<>();
        try (MappingIterator<String[]> rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(String[].class).readValues(out.toFile())) {
            rows.forEachRemaining(row -> ids.add(row[0]));
        }
        assertEquals(List.of("id", "'=HYPERLINK(\"http://evil\",\"x\")", "'+1+2", "'-2+3", "'@SUM(A1)", "'\tx",
                "'\r=1", "plain-id", "a=b"), ids);
    }

    @Test
    void trendsCsvNeutralisesASeriesNameASpreadsheetWouldRunAsAFormula() throws Exception {
        Path facts = RuleFolders.copyBundledFacts(dir.resolve("facts"));
        Path statistics = facts.resolve("offence-statistics.json");
        Files.writeString(statistics, Files.readString(statistics).replace("\"Use\"", "\"=cmd|' /C calc'!A0\""));
        Cli r = Cli.run("trends", "--facts", facts.toString(), "--format", "csv");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertTrue(r.out().contains(",\"'=cmd|' /C calc'!A0\","), r.out());
        assertFalse(r.out().contains(",=cmd"), r.out());
    }

    @Test
    void anEscapeCharacterInThePlaceOptionIsShownEscapedNotSentToTheTerminal() {
        Cli r = Cli.run("query", "needle exchange", "--place", "Gh\u001b[31ment");
        assertFalse(r.out().contains("\u001b"), r.out());
        assertTrue(r.out().contains("place Gh\\u001B[31ment (--place)"), r.out());
        assertTrue(r.out().contains("UNKNOWN_PLACE: 'Gh\\u001B[31ment' is not a Belgian place"), r.out());
    }
}
