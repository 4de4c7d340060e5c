package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.TestPaths;
import org.policyclassifier.io.Json;

/** {@code policy classify} through {@link Main#run}: files, exit codes, the summary. */
class ClassifyCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, Console.of(new ByteArrayInputStream(stdin), new PrintWriter(out),
                new PrintWriter(err), GoldenCliTest.oneSecondClock()));
        return new Run(exit, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(new byte[0], args);
    }

    private List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void decisionsNameTheirRulesByIdAndTheSummaryAndRulesListCarryTheTableOnce() throws Exception {
        Path sample = TestPaths.FACTS.resolve("cases-sample.jsonl");
        Run r = run("classify", sample.toString(), "-o", dir.resolve("d.jsonl").toString(), "--max-rejects", "10",
                "--summary-json", dir.resolve("summary.json").toString());
        assertEquals(ExitCode.OK, r.exit(), r.err());
        JsonNode summary = Json.MAPPER.readTree(dir.resolve("summary.json").toFile());
        Run list = run("rules", "list", "--format", "json");
        assertEquals(ExitCode.OK, list.exit(), list.err());
        JsonNode table = Json.MAPPER.readTree(list.out());
        assertEquals(table, summary.get("rules"));
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (JsonNode row : table) {
            assertTrue(ids.add(row.get("id").asText()), "twice: " + row);
            assertFalse(row.get("source").asText().isBlank(), row.toString());
            assertTrue(row.get("file").asText().startsWith("rules"), row.toString());
            assertTrue(row.get("line").asInt() > 0, row.toString());
        }
        for (String line : Files.readAllLines(dir.resolve("d.jsonl"))) {
            JsonNode explanation = Json.MAPPER.readTree(line).get("explanation");
            assertTrue(explanation.size() > 0, line);
            for (JsonNode e : explanation) {
                assertEquals(1, e.size(), line);
                assertTrue(ids.contains(e.get("rule").asText()), line);
            }
        }
        Run text = run("rules", "list");
        assertTrue(text.out().contains("RESP-002  Tertiary prevention is led locally  (rules/"), text.out());
        assertTrue(text.out().endsWith(table.size() + " rules\n"), text.out());
    }

    @Test
    void aBatchInDutchNamesEveryMunicipalityAsDutchNamesIt() throws Exception {
        // The same decision for four places: the cache shares it, and each record's municipality is
        // written in the run's language where the decision leaves room for it.
        Path in = dir.resolve("places.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\":\"1\",\"kind\":\"intervention\",\"type\":\"needle_exchange\",\"place\":\"Gand\"}",
                "{\"id\":\"2\",\"kind\":\"intervention\",\"type\":\"needle_exchange\",\"place\":\"Liège\"}",
                "{\"id\":\"3\",\"kind\":\"intervention\",\"type\":\"needle_exchange\",\"place\":\"Gent\"}",
                "{\"id\":\"4\",\"kind\":\"intervention\",\"type\":\"needle_exchange\",\"place\":\"Mons\"}") + "\n");
        Run r = run("classify", in.toString(), "--lang", "nl", "-o", dir.resolve("nl.jsonl").toString());
        assertEquals(ExitCode.OK, r.exit(), r.err());
        List<String> local = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("nl.jsonl"))) {
            local.add(Json.MAPPER.readTree(line).get("levels").get(0).get("entity").asText());
        }
        assertEquals(List.of("lokale besturen van Gent", "lokale besturen van Luik", "lokale besturen van Gent",
                "lokale besturen van Bergen"), local);
    }

    @Test
    void theSampleGoesToCsvWithRejectsAndSummaryFilesAndNothingElseIsLeft() throws Exception {
        Path sample = TestPaths.FACTS.resolve("cases-sample.jsonl");
        byte[] before = Files.readAllBytes(sample);
        Run r = run("classify", sample.toString(), "-o", dir.resolve("decisions.csv").toString(), "--rejects",
                dir.resolve("rejects.jsonl").toString(), "--summary-json", dir.resolve("summary.json").toString(),
                "--duplicates", dir.resolve("duplicates.jsonl").toString());
        assertEquals(ExitCode.NO_ANSWER_OR_REJECTED, r.exit(), r.err());
        assertEquals(List.of("decisions.csv", "duplicates.jsonl", "rejects.jsonl", "summary.json"), filesIn(dir));
        assertEquals("", r.out());
        List<String> csv = Files.readAllLines(dir.resolve("decisions.csv"));
        List<String> rejects = Files.readAllLines(dir.resolve("rejects.jsonl"));
        JsonNode summary = Json.MAPPER.readTree(dir.resolve("summary.json").toFile());
        assertEquals("id,kind,subject,axis,tier,lead_level,levels,actors,flags,rules", csv.get(0));
        assertEquals(summary.get("classified").asLong(), csv.size() - 1);
        assertEquals(summary.get("rejected").asLong(), rejects.size());
        assertEquals(summary.get("read").asLong(), summary.get("classified").asLong()
                + summary.get("rejected").asLong());
        assertEquals(10, rejects.size());
        for (String line : rejects) {
            JsonNode reject = Json.MAPPER.readTree(line);
            String raw = Files.readAllLines(sample).get(reject.get("line").asInt() - 1);
            assertEquals(raw, reject.get("raw").asText());
            assertFalse(reject.get("reason").asText().isBlank());
        }
        assertEquals("{\"id\":\"2017-0001\",\"records\":2,\"lines\":[1,269]}",
                Files.readString(dir.resolve("duplicates.jsonl")).strip());
        assertTrue(r.err().startsWith("308 records read: 298 classified, 10 rejected\n"), r.err());
        assertTrue(r.err().contains("  elapsed 1.000 s, 308 records/s"), r.err());
        assertEquals(1.0, summary.get("elapsed_seconds").asDouble());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(sample)), "the input was modified");
    }

    @Test
    void maxRejectsDecidesTheExitCode() {
        String sample = TestPaths.FACTS.resolve("cases-sample.jsonl").toString();
        String rejects = dir.resolve("r.jsonl").toString();
        String out = dir.resolve("d.jsonl").toString();
        assertEquals(ExitCode.NO_ANSWER_OR_REJECTED, run("classify", sample, "-o", out, "--rejects", rejects,
                "--max-rejects", "9").exit());
        assertEquals(ExitCode.OK, run("classify", sample, "-o", out, "--rejects", rejects, "--max-rejects", "10")
                .exit());
    }

    @Test
    void aRunThatFailsLeavesNoOutputFile() throws Exception {
        Path broken = dir.resolve("cases.json");
        Files.writeString(broken, "[{\"id\": \"a\", \"kind\": \"offence\", \"category\": \"trade\"},\n{\"id\": ");
        Run r = run("classify", broken.toString(), "-o", dir.resolve("out.jsonl").toString(), "--rejects",
                dir.resolve("rejects.jsonl").toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exit());
        assertTrue(r.err().startsWith(broken + ":2: the JSON array is not closed"), r.err());
        assertEquals(List.of("cases.json"), filesIn(dir));
    }

    @Test
    void standardInputIsReadAsJsonLinesAndGzipIsRecognised() throws Exception {
        byte[] sample = Files.readAllBytes(TestPaths.FACTS.resolve("cases-sample.jsonl"));
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(zipped)) {
            gz.write(sample);
        }
        Run plain = run(sample, "classify", "-", "--max-rejects", "10");
        Run gz = run(zipped.toByteArray(), "classify", "-", "--max-rejects", "10");
        assertEquals(ExitCode.OK, plain.exit(), plain.err());
        assertEquals(298, plain.out().lines().count());
        assertEquals(plain.out(), gz.out());
        assertTrue(plain.err().contains("<stdin>:209: rejected: not valid JSON"), plain.err());
    }

    @Test
    void aTruncatedGzipIsUnusableInputAndWritesNothing() throws Exception {
        byte[] sample = Files.readAllBytes(TestPaths.FACTS.resolve("cases-sample.jsonl"));
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(zipped)) {
            gz.write(sample);
        }
        Path cut = dir.resolve("cases.jsonl.gz");
        Files.write(cut, java.util.Arrays.copyOf(zipped.toByteArray(), zipped.size() / 2));
        Run r = run("classify", cut.toString(), "-o", dir.resolve("out.jsonl").toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exit());
        assertTrue(r.err().contains("the input ends abruptly"), r.err());
        assertEquals(List.of("cases.jsonl.gz"), filesIn(dir));
    }

    @Test
    void theInputIsNeverTheOutput() throws Exception {
        Path input = dir.resolve("cases.jsonl");
        Files.copy(TestPaths.FACTS.resolve("cases-sample.jsonl"), input);
        Run r = run("classify", input.toString(), "-o", input.toString());
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals(Files.readString(TestPaths.FACTS.resolve("cases-sample.jsonl")), Files.readString(input));
    }

    @Test
    void aNameWithoutAKnownExtensionNeedsInputFormat() throws Exception {
        Path input = dir.resolve("cases.txt");
        Files.writeString(input, "{\"id\": \"a\", \"kind\": \"offence\", \"category\": \"trade\"}\n");
        assertEquals(ExitCode.USAGE, run("classify", input.toString()).exit());
        Run r = run("classify", input.toString(), "--input-format", "jsonl", "--output-format", "csv");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertEquals("id,kind,subject,axis,tier,lead_level,levels,actors,flags,rules", r.out().lines().findFirst()
                .orElseThrow());
    }

    @Test
    void aMissingInputFileIsUnusableInput() {
        Run r = run("classify", dir.resolve("nope.csv").toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exit());
        assertTrue(r.err().contains("nope.csv: file not found"), r.err());
    }

    @Test
    void theBenchmarkRunsEndToEndOnAFewRecords() {
        Run r = run("bench", "-n", "2000", "--no-start-up", "--dir", dir.toString());
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertTrue(r.out().contains("(a) Jackson floor"), r.out());
        assertTrue(r.out().contains("(b) policy classify"), r.out());
        assertTrue(r.out().matches("(?s).*ratio b/a: \\d+\\.\\d\\d.*"), r.out());
        assertTrue(r.out().startsWith("policy bench: 2,000 synthetic records"), r.out());
    }

    /**
     * Records in words: every label and synonym of the vocabulary is read, with the facts folder as
     * {@code classify} has it (a text read as asking the law, "caught with drugs", stopped the run).
     */
    @Test
    void theBenchmarkReadsEveryTextOfTheVocabulary() {
        Run r = run("bench", "-n", "4000", "--texts", "100", "--no-start-up", "--dir", dir.toString());
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertTrue(r.out().contains("texts read 4,000 times for 4,000 records"), r.out());
    }

    /** Issue 20, item 11: these were exit 4 with Java exceptions. */
    @Test
    void theBenchmarkRefusesANegativeCountAndAMissingFolderAndNamesAFolderItCannotWriteIn() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "");
        for (String[] args : new String[][] {{"-n", "-5"}, {"-n", "0"}, {"--cache-mb", "-1"},
                {"--dir", "/nonexistent"}, {"--dir", file.toString()}}) {
            Run r = run(Stream.concat(Stream.of("bench", "--no-start-up"), Stream.of(args)).toArray(String[]::new));
            assertEquals(ExitCode.USAGE, r.exit(), String.join(" ", args) + "\n" + r.err());
            assertTrue(r.err().startsWith(args[0].equals("-n") ? "--records" : args[0]), r.err());
            NothingLostTest.assertNoInternals(r.err());
        }
        // Linux's /proc takes no new folder: a failure of the file system, said in plain words.
        Run r = run("bench", "--no-start-up", "-n", "10", "--dir", "/proc/self");
        assertEquals(ExitCode.INVALID_INPUT, r.exit(), r.err());
        assertTrue(r.err().startsWith("policy bench: stopped: "), r.err());
        assertTrue(r.err().contains("(data folder /proc/self)"), r.err());
        NothingLostTest.assertNoInternals(r.err());
    }
}
