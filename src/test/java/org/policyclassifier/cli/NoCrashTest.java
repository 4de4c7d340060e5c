package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.TestPaths;
import org.policyclassifier.cli.ClassifyCommandTest.Run;
import org.policyclassifier.io.Json;

/** Issue 10, items 6-9: bad input gets a reject or a plain message, never a Java internal. */
class NoCrashTest {

    private static final String GOOD = "{\"id\": \"c1\", \"kind\": \"offence\", \"category\": \"trade\"}";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private List<JsonNode> rejects(Path file) throws Exception {
        return Files.readAllLines(file).stream().map(l -> {
            try {
                return Json.MAPPER.readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void aNullRecordIsARejectWithItsLine() throws Exception {
        Path rejects = dir.resolve("rejects.jsonl");
        Run lines = ClassifyCommandTest.run("classify", write("in.jsonl", GOOD + "\nnull\n").toString(),
                "--rejects", rejects.toString());
        assertEquals(ExitCode.NO_ANSWER_OR_REJECTED, lines.exit(), lines.err());
        assertEquals(2, rejects(rejects).get(0).get("line").asInt());
        assertTrue(rejects(rejects).get(0).get("reason").asText().contains("got null"));

        Run array = ClassifyCommandTest.run("classify", write("in.json", "[" + GOOD + ",\n null]").toString(),
                "--rejects", rejects.toString());
        assertEquals(ExitCode.NO_ANSWER_OR_REJECTED, array.exit(), array.err());
        assertEquals(1, array.out().lines().count());
        assertEquals(2, rejects(rejects).get(0).get("line").asInt());
    }

    @Test
    void rulesDiffLeavesANullCaseOutWithItsLine() throws Exception {
        Path cases = write("cases.jsonl", GOOD + "\nnull\n");
        Cli r = Cli.run("rules", "diff", "--base", TestPaths.RULES.toString(), "--cases", cases.toString());
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertTrue(r.err().contains(cases + ":2: not compared: expected a JSON object"), r.err());
        assertTrue(r.out().startsWith("0 of 1 decisions changed"), r.out());
    }

    @Test
    void aMissingInputIsFileNotFoundAndTheExistingOutputIsUntouched() throws Exception {
        Path out = write("exists.jsonl", "keep me\n");
        Run r = ClassifyCommandTest.run("classify", dir.resolve("nothere.jsonl").toString(), "-o", out.toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains("nothere.jsonl: file not found"), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertEquals("keep me\n", Files.readString(out));
    }

    @Test
    void aNullOrEmptyListEntryGetsAPlainReasonAndCsvIsNeverCalledJson() throws Exception {
        Path rejects = dir.resolve("rejects.jsonl");
        ClassifyCommandTest.run("classify", write("in.jsonl", "{\"id\": \"a\", \"kind\": \"offence\", \"category\":"
                + " \"trade\", \"substances\": [null]}\n").toString(), "--rejects", rejects.toString());
        String json = rejects(rejects).get(0).get("reason").asText();
        assertEquals("field 'substances': null in the list; expected ids only", json);

        ClassifyCommandTest.run("classify", write("in.csv", "id,kind,category,substances\n"
                + "a,offence,trade,cannabis;;alcohol\n").toString(), "--rejects", rejects.toString());
        String csv = rejects(rejects).get(0).get("reason").asText();
        assertTrue(csv.startsWith("field 'substances': an empty entry in the list"), csv);
        for (String reason : List.of(json, csv)) {
            assertFalse(reason.contains("Cannot construct") || reason.contains("org.policyclassifier"), reason);
        }
        assertFalse(csv.contains("JSON"), csv);
    }

    @Test
    void aHugeElementOfAJsonArrayIsARejectWithItsLineAndTheRunGoesOn() throws Exception {
        String huge = "x".repeat(50 * 1024 * 1024);
        Path in = write("in.json", "[" + GOOD + ",\n{\"id\": \"big\", \"kind\": \"offence\", \"category\": \"" + huge
                + "\"},\n" + GOOD.replace("c1", "c2") + "]");
        Run r = ClassifyCommandTest.run("classify", in.toString());
        assertEquals(ExitCode.NO_ANSWER_OR_REJECTED, r.exit(), r.err());
        assertEquals(2, r.out().lines().count());
        assertTrue(r.err().contains(in + ":2: rejected: the line is 52428"), r.err());
        assertTrue(r.err().length() < 2000, "stderr holds " + r.err().length() + " characters");
    }

    @Test
    void aFiveMegabyteValueIsCutInMessages() throws Exception {
        String big = "y".repeat(5 * 1024 * 1024);
        Path in = write("in.json", "[{\"id\": \"big\", \"kind\": \"offence\", \"category\": \"" + big + "\"}]");
        Run r = ClassifyCommandTest.run("classify", in.toString());
        assertEquals(ExitCode.NO_ANSWER_OR_REJECTED, r.exit(), r.err());
        assertTrue(r.err().length() < 2000, "stderr holds " + r.err().length() + " characters");
        Path small = write("small.jsonl", "{\"id\": \"big\", \"kind\": \"offence\", \"category\": \""
                + "z".repeat(500_000) + "\"}\n");
        Run r2 = ClassifyCommandTest.run("classify", small.toString());
        assertEquals(ExitCode.NO_ANSWER_OR_REJECTED, r2.exit(), r2.err());
        assertTrue(r2.err().length() < 2000, "stderr holds " + r2.err().length() + " characters");
        assertTrue(r2.err().contains("characters)"), r2.err());
    }
}
