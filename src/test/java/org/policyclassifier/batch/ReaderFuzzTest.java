package org.policyclassifier.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.policyclassifier.TestPaths;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.facts.Vocabulary;
import org.policyclassifier.io.InputFormat;
import org.policyclassifier.io.Inputs;
import org.policyclassifier.io.OutputFormat;
import org.policyclassifier.rules.RuleSet;

/**
 * Coverage-guided fuzzing (Jazzer) of every reader: JSON Lines, CSV, JSON arrays, gzip, facts
 * files and rule files. The first byte picks the reader, the rest is its input. A reader may only
 * fail with the tool's own errors (a problem of the whole input, which the CLI reports with exit 3);
 * a batch accounts for every record: read = classified + rejected, one output line per decision.
 *
 * <p>{@code mvn verify} runs it twice: as a plain test over the seeds in
 * {@code src/test/resources/org/policyclassifier/batch/ReaderFuzzTestInputs/} (Jazzer's regression
 * mode), and with {@code JAZZER_FUZZ=1} for a bounded time (the {@code fuzz} profile of the pom).
 */
class ReaderFuzzTest {

    private static final List<String> FACTS_FILES = List.of("actors.json", "places.json", "substances.json",
            "intervention-types.json", "trend-settings.json", "offence-statistics.json");
    private static Path facts;
    private static Path rules;

    /** Rules and facts compiled before the clock of the fuzzer starts. */
    @BeforeAll
    static void loadTheEngine() throws Exception {
        BatchRun.classifier();
    }

    @FuzzTest(maxDuration = "25s")
    void readersFailOnlyWithTheToolsOwnErrorsAndLoseNoRecord(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        byte[] data = Arrays.copyOfRange(input, 1, input.length);
        switch (Math.floorMod(input[0], 7)) {
            case 0 -> batch(data, InputFormat.JSONL);
            case 1 -> batch(data, InputFormat.CSV);
            case 2 -> batch(data, InputFormat.JSON);
            case 3 -> batch(gzip(data, data.length == 0 ? 0 : data[0] & 0xff), InputFormat.JSONL);
            case 4 -> batch(data, InputFormat.CSV, OutputFormat.CSV);
            case 5 -> factsFile(data);
            default -> ruleFile(data);
        }
    }

    private static void batch(byte[] bytes, InputFormat format) throws Exception {
        batch(bytes, format, OutputFormat.JSONL);
    }

    private static void batch(byte[] bytes, InputFormat format, OutputFormat out) throws Exception {
        BatchRun run;
        try (Inputs.Opened in = Inputs.open("-", new ByteArrayInputStream(bytes))) {
            run = BatchRun.of(in.stream().readAllBytes(), format, out, settings());
        } catch (InvalidInputException | IOException e) {
            return; // the whole input is unusable: exit 3 with this message
        }
        Summary s = run.summary();
        assertEquals(s.read(), s.classified() + s.rejected());
        assertEquals(s.rejected(), run.rejects().size());
        assertEquals(s.classified() + (out == OutputFormat.CSV ? 1 : 0), run.outputLines().size());
    }

    private static BatchClassifier.Settings settings() {
        BatchClassifier.Settings d = BatchClassifier.Settings.defaults();
        // Small lines and chunks, so that the limits are reached by inputs the fuzzer makes.
        return new BatchClassifier.Settings(2, 3, d.cacheBytes(), 4096, d.spillDir(), 5);
    }

    /** Gzip of the data, cut after {@code keepPercent}% of its bytes when that is below 100. */
    private static byte[] gzip(byte[] data, int keepPercent) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        byte[] all = out.toByteArray();
        return keepPercent >= 100 ? all : Arrays.copyOf(all, all.length * keepPercent / 100);
    }

    private static void factsFile(byte[] data) throws Exception {
        Path folder = copyOf(TestPaths.FACTS, "facts");
        String name = FACTS_FILES.get(data.length == 0 ? 0 : (data[0] & 0xff) % FACTS_FILES.size());
        Path file = folder.resolve(name);
        byte[] original = Files.readAllBytes(TestPaths.FACTS.resolve(name));
        Files.write(file, data);
        try {
            Vocabulary.load(folder);
        } catch (InvalidInputException e) {
            // reported with file and line, exit 3
        } finally {
            Files.write(file, original);
        }
    }

    private static void ruleFile(byte[] data) throws Exception {
        Path folder = copyOf(null, "rules");
        Files.write(folder.resolve("fuzzed.drl"), data);
        try {
            RuleSet.compile(folder);
        } catch (InvalidInputException e) {
            // reported with file and line, exit 3
        }
    }

    /** A folder for this JVM: a copy of {@code source}'s files, or empty. */
    private static synchronized Path copyOf(Path source, String name) {
        try {
            if (name.equals("facts") && facts == null) {
                facts = copy(source, name);
            } else if (name.equals("rules") && rules == null) {
                rules = copy(source, name);
            }
            return name.equals("facts") ? facts : rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copy(Path source, String name) throws IOException {
        Path dir = Files.createTempDirectory("policy-fuzz-" + name);
        dir.toFile().deleteOnExit();
        if (source != null) {
            try (Stream<Path> files = Files.list(source)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path copy = Files.copy(f, dir.resolve(f.getFileName()));
                    copy.toFile().deleteOnExit();
                }
            }
        }
        dir.resolve("fuzzed.drl").toFile().deleteOnExit();
        return dir;
    }
}
