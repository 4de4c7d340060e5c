package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;
import org.policyclassifier.cli.ClassifyCommandTest.Run;

/** Issue 20, item 14: what Jackson and Java say of bad input reaches the user in plain words. */
class PlainWordsTest {

    @TempDir
    Path dir;

    @Test
    void rejectsNameNoJacksonSettingOrLimitMethod() throws Exception {
        String deep = "[".repeat(1001) + "]".repeat(1001);
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\": \"a\", \"kind\": \"intervention\", \"type\": NaN}\n"
                + "{\"id\": \"b\", \"kind\": \"intervention\", \"x\": " + deep + "}\n"
                + "{\"id\": \"c\", \"kind\": \"offence\", \"category\": " + "9".repeat(1200) + "}\n"
                + "{\"id\": \"d\", \"kind\": \"offence\" /* trade */}\n");
        Run r = ClassifyCommandTest.run("classify", in.toString());
        assertEquals(ExitCode.NO_ANSWER_OR_REJECTED, r.exit(), r.err());
        assertTrue(r.err().contains(in + ":1: rejected: not valid JSON: 'NaN' is not a number JSON allows;"
                + " write a number, or text in quotes\n"), r.err());
        assertTrue(r.err().contains(in + ":2: rejected: not valid JSON: values nested 1001 levels deep; at most"
                + " 1000 are read\n"), r.err());
        assertTrue(r.err().contains(in + ":3: rejected: not valid JSON: a number of 1200 digits; at most 1000 are"
                + " read\n"), r.err());
        assertTrue(r.err().contains(in + ":4: rejected: not valid JSON: unexpected '/': JSON has no comments\n"),
                r.err());
        NothingLostTest.assertNoInternals(r.err());
        assertNoJacksonNames(r.err());
    }

    @Test
    void aFactsOrStatisticsFileWithNaNOrAListForANumberIsReportedInPlainWords() throws Exception {
        Path facts = RuleFolders.copyBundledFacts(dir.resolve("facts"));
        Path statistics = facts.resolve("offence-statistics.json");
        Files.writeString(statistics, Files.readString(statistics).replaceFirst("39578", "NaN"));
        Path settings = facts.resolve("trend-settings.json");
        Files.writeString(settings, "{\"stable_band_percent\": [5]}\n");
        Cli r = Cli.run("trends", "--facts", facts.toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains(statistics + ":9: not valid JSON: 'NaN' is not a number JSON allows"), r.err());
        assertTrue(r.err().contains(settings + ":1: field 'stable_band_percent': expected number\n"), r.err());
        NothingLostTest.assertNoInternals(r.err());
        assertNoJacksonNames(r.err());
    }

    @Test
    void aNumberOptionThatIsNoNumberIsAUsageErrorWithoutAJavaException() {
        for (String[] args : new String[][] {{"trends", "--stable-band", "NaN"}, {"trends", "--stable-band", "x"},
                {"rules", "test", "--min-coverage", "Infinity"}, {"trends", "--from", "2e3"}}) {
            Cli r = Cli.run(args);
            assertEquals(ExitCode.USAGE, r.exit(), String.join(" ", args) + "\n" + r.err());
            assertTrue(r.err().contains("'" + args[args.length - 1] + "' is not a"), r.err());
            NothingLostTest.assertNoInternals(r.err());
            assertNoJacksonNames(r.err());
        }
    }

    private static void assertNoJacksonNames(String err) {
        for (String internal : new String[] {"`", "Feature", "StreamReadConstraints", "NumberFormat", "(code "}) {
            assertTrue(!err.contains(internal), "'" + internal + "' shown to the user:\n" + err);
        }
    }
}
