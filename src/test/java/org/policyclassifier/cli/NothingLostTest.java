package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.TestPaths;
import org.policyclassifier.cli.ClassifyCommandTest.Run;

/** Issue 10, items 1-5: no command destroys a file or leaves one behind. */
class NothingLostTest {

    private static final String RECORDS = "{\"id\": \"c1\", \"kind\": \"intervention\", \"type\": \"needle_exchange\"}\n"
            + "{\"id\": \"c2\", \"kind\": \"offence\", \"category\": \"trade\", \"place\": \"Gent\"}\n"
            + "{\"id\": \"c3\", \"kind\": \"nonsense\"}\n";

    @TempDir
    Path dir;

    private Path input() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, RECORDS);
        return in;
    }

    private List<String> filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void importStatsRefusesToWriteOverItsOwnProfile() throws Exception {
        Path profile = dir.resolve("prof.txt");
        Files.copy(TestPaths.FACTS.resolve("profile.txt"), profile);
        byte[] before = Files.readAllBytes(profile);
        Cli r = Cli.run("import-stats", profile.toString(), "-o", profile.toString());
        assertEquals(ExitCode.USAGE, r.exit(), r.err());
        assertTrue(r.err().contains("is an input file of this command"), r.err());
        assertArrayEquals(before, Files.readAllBytes(profile));
    }

    @Test
    void trendsRefusesToWriteItsChartOverAFactsFile() throws Exception {
        Path facts = dir.resolve("facts");
        Files.createDirectories(facts);
        try (Stream<Path> files = Files.list(TestPaths.FACTS)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, facts.resolve(f.getFileName()));
            }
        }
        Path statistics = facts.resolve("offence-statistics.json");
        byte[] before = Files.readAllBytes(statistics);
        Cli r = Cli.run("trends", "--facts", facts.toString(), "--chart", statistics.toString());
        assertEquals(ExitCode.USAGE, r.exit(), r.err());
        assertArrayEquals(before, Files.readAllBytes(statistics));
    }

    @Test
    void twoOutputsOnOnePathAreAUsageErrorAndNothingIsWritten() throws Exception {
        String in = input().toString();
        String y = dir.resolve("y.jsonl").toString();
        for (String[] clash : new String[][] {{"-o", y, "--rejects", y}, {"-o", y, "--summary-json", y},
                {"-o", y, "--duplicates", y}, {"--rejects", y, "--duplicates", dir.resolve(".").resolve("y.jsonl")
                .toString()}}) {
            String[] args = Stream.concat(Stream.of("classify", in), Stream.of(clash)).toArray(String[]::new);
            Run r = ClassifyCommandTest.run(args);
            assertEquals(ExitCode.USAGE, r.exit(), String.join(" ", args) + "\n" + r.err());
            assertTrue(r.err().contains("each output needs a file of its own"), r.err());
            assertEquals(List.of("in.jsonl"), filesIn(dir));
        }
    }

    /** Issue 20, item 4: -o, --rejects and --summary-json replace their files together or not at all. */
    @Test
    void aRejectsOrSummaryThatCannotBeWrittenAtTheEndLeavesThePreviousOutputAsItWas() throws Exception {
        Path out = dir.resolve("out.jsonl");
        Files.writeString(out, "previous decisions\n");
        Path rejects = dir.resolve("rejects.jsonl");
        Files.writeString(rejects, "previous rejects\n");
        for (String[] failing : new String[][] {{"--rejects", "/dev/full"}, {"--summary-json", "/dev/full"},
                {"--rejects", rejects.toString(), "--summary-json", dir.resolve("in.jsonl/summary.json").toString()}}) {
            String[] args = Stream.concat(Stream.of("classify", input().toString(), "-o", out.toString(),
                    "--max-rejects", "1"), Stream.of(failing)).toArray(String[]::new);
            Run r = ClassifyCommandTest.run(args);
            assertEquals(ExitCode.INVALID_INPUT, r.exit(), String.join(" ", args) + "\n" + r.err());
            String failed = failing[failing.length - 1];
            assertTrue(r.err().contains(failed + ": cannot be written ("), r.err());
            assertNoInternals(r.err());
            assertEquals("previous decisions\n", Files.readString(out));
            assertEquals("previous rejects\n", Files.readString(rejects));
            assertEquals(List.of("in.jsonl", "out.jsonl", "rejects.jsonl"), filesIn(dir));
        }
    }

    @Test
    void aFullDiskMidRunOnTheRejectsIsNamedPlainlyAndNoInternalError() throws Exception {
        Path in = dir.resolve("many.jsonl");
        // Far more rejects than one buffer holds, so that writing them fails during the run.
        Files.writeString(in, ("{\"id\": \"x\", \"kind\": \"nonsense\", \"note\": \"" + "n".repeat(200)
                + "\"}\n").repeat(2000));
        Path out = dir.resolve("out.jsonl");
        Files.writeString(out, "previous decisions\n");
        Run r = ClassifyCommandTest.run("classify", in.toString(), "-o", out.toString(), "--rejects", "/dev/full");
        assertEquals(ExitCode.INVALID_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains("/dev/full: cannot be written (No space left on device)"), r.err());
        assertNoInternals(r.err());
        assertEquals("previous decisions\n", Files.readString(out));
        assertEquals(List.of("many.jsonl", "out.jsonl"), filesIn(dir));
    }

    /** What a user must never read: a temporary name, a Java exception, an internal error for a full disk. */
    static void assertNoInternals(String err) {
        for (String internal : List.of(".partial", "Exception", "internal error:", "java.")) {
            assertFalse(err.contains(internal), "'" + internal + "' shown to the user:\n" + err);
        }
    }

    @Test
    void outputToANamedPipeIsStreamedIntoThePipeAndThePipeStays() throws Exception {
        Path fifo = dir.resolve("decisions.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Run r = ClassifyCommandTest.run("classify", input().toString(), "-o", fifo.toString(), "--max-rejects", "1");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        String decisions = reader.get(30, TimeUnit.SECONDS);
        assertEquals(2, decisions.lines().count(), decisions);
        assertTrue(decisions.startsWith("{\"id\":\"c1\""), decisions);
        assertTrue(Files.isSymbolicLink(fifo) || !Files.isRegularFile(fifo), "the pipe was replaced by a file");
        assertEquals(List.of("decisions.fifo", "in.jsonl"), filesIn(dir));
    }

    @Test
    void outputToDevStdoutAndToAProcessSubstitutionIsStreamedAndDevStdoutStays() throws Exception {
        String java = "'" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
                + System.getProperty("java.class.path") + "' org.policyclassifier.cli.Main classify " + input()
                + " --max-rejects 1";
        // As root, a rename onto /dev/stdout would replace the system's link; >(...) is a /dev/fd/N path.
        String script = java + " -o /dev/stdout > '" + dir.resolve("redirected.jsonl") + "' 2>/dev/null && "
                + java + " -o >(cat > '" + dir.resolve("substituted.jsonl") + "') 2>/dev/null; code=$?; sleep 1;"
                + " exit $code";
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals(2, Files.readAllLines(dir.resolve("redirected.jsonl")).size());
        assertEquals(2, Files.readAllLines(dir.resolve("substituted.jsonl")).size());
        assertTrue(Files.isSymbolicLink(Path.of("/dev/stdout")), "/dev/stdout is no longer a link");
    }

    @Test
    void outputThroughASymbolicLinkReplacesTheFileItPointsToAndKeepsTheLink() throws Exception {
        Path real = dir.resolve("real.jsonl");
        Files.writeString(real, "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), real);
        Run r = ClassifyCommandTest.run("classify", input().toString(), "-o", link.toString(), "--max-rejects", "1");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).startsWith("{\"id\":\"c1\""));
    }

    @Test
    void compressedOutputsFollowTheWholeFileName() throws Exception {
        Path csv = dir.resolve("out.csv.gz");
        Path rejects = dir.resolve("rejects.jsonl.gz");
        Run r = ClassifyCommandTest.run("classify", input().toString(), "-o", csv.toString(), "--rejects",
                rejects.toString(), "--max-rejects", "1");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        List<String> rows = gunzip(csv).lines().toList();
        assertEquals("id,kind,subject,axis,tier,lead_level,levels,actors,flags,rules", rows.get(0));
        assertEquals(3, rows.size());
        assertTrue(gunzip(rejects).startsWith("{\"line\":3,"));

        Path jsonl = dir.resolve("out.jsonl.gz");
        assertEquals(ExitCode.OK, ClassifyCommandTest.run("classify", input().toString(), "-o", jsonl.toString(),
                "--max-rejects", "1").exit());
        assertTrue(gunzip(jsonl).startsWith("{\"id\":\"c1\""));
    }

    @Test
    void anOutputNameOfNoKnownFormatIsAUsageErrorUnlessTheFormatIsGiven() throws Exception {
        Path txt = dir.resolve("out.txt");
        Run r = ClassifyCommandTest.run("classify", input().toString(), "-o", txt.toString());
        assertEquals(ExitCode.USAGE, r.exit(), r.err());
        assertTrue(r.err().contains("--output-format"), r.err());
        assertFalse(Files.exists(txt));
        Run given = ClassifyCommandTest.run("classify", input().toString(), "-o", txt.toString(), "--output-format",
                "csv", "--max-rejects", "1");
        assertEquals(ExitCode.OK, given.exit(), given.err());
        assertTrue(Files.readString(txt).startsWith("id,kind,"));
    }

    @Test
    void aPartialFileLeftByAKilledRunIsRemovedByTheNextRunOnTheSameOutput() throws Exception {
        long dead = deadPid();
        Path stale = dir.resolve(".out.jsonl." + dead + "-abc123.partial");
        Path alive = dir.resolve(".out.jsonl.1-abc124.partial"); // pid 1 is always running
        Path other = dir.resolve(".other.jsonl." + dead + "-abc125.partial");
        for (Path p : List.of(stale, alive, other)) {
            Files.writeString(p, "half a run");
            Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(3600)));
        }
        Run r = ClassifyCommandTest.run("classify", input().toString(), "-o", dir.resolve("out.jsonl").toString(),
                "--max-rejects", "1");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertFalse(Files.exists(stale), "the dead run's partial file is still there");
        assertTrue(Files.exists(alive), "a running process's partial file was removed");
        assertTrue(Files.exists(other), "another output's partial file was removed");
    }

    /** The id of a process that has ended. */
    static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private static String gunzip(Path file) throws Exception {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
