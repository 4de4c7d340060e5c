package org.policyclassifier.bench;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.policyclassifier.batch.BatchClassifier;
import org.policyclassifier.batch.Duplicate;
import org.policyclassifier.batch.Explain;
import org.policyclassifier.batch.Reject;
import org.policyclassifier.batch.Summary;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.io.AtomicOutput;
import org.policyclassifier.io.InputFormat;
import org.policyclassifier.io.Json;
import org.policyclassifier.io.OutputFormat;
import org.policyclassifier.query.QueryService;

/**
 * The measurements of {@code policy bench}: the Jackson-only floor (read the records, write them
 * back, no rules), the batch classifier end to end on the same file, and the start-up of a fresh
 * process. Every figure is a wall-clock time of one run.
 */
public final class Benchmark {

    /** One timed run: records handled, wall-clock seconds, and CPU seconds of the whole process. */
    public record Timing(long records, double seconds, double cpuSeconds) {
        public double perSecond() {
            return records / seconds;
        }
    }

    /** CPU time of this process so far: on a shared machine it tells work from waiting. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** A classify run: its timing, how many records the rules ran on (by ids) and how many texts were read. */
    public record ClassifyTiming(Timing timing, long rulesRanOn, long rejected, long textReadings) {
    }

    private Benchmark() {
    }

    /** Writes records 1 to {@code n} of {@code cases} ({@link SyntheticCases} or {@link SyntheticTexts}) as JSON Lines. */
    public static void generate(LongFunction<CaseRecord> cases, long n, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (long i = 1; i <= n; i++) {
                out.write(Json.MAPPER.writeValueAsBytes(cases.apply(i)));
                out.write('\n');
            }
        }
    }

    /** (a) The floor: Jackson reads every record and writes it back, on one thread, no rules. */
    public static Timing floor(Path in, Path out) throws IOException {
        long start = System.nanoTime();
        long cpu = cpuNanos();
        long n = 0;
        try (MappingIterator<CaseRecord> records = Json.MAPPER.readerFor(CaseRecord.class).readValues(in.toFile());
                OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
                SequenceWriter writer = Json.MAPPER.writer().withRootValueSeparator("\n").writeValues(stream)) {
            while (records.hasNextValue()) {
                writer.write(records.nextValue());
                n++;
            }
        }
        return new Timing(n, (System.nanoTime() - start) / 1e9, (cpuNanos() - cpu) / 1e9);
    }

    /**
     * (b) What {@code policy classify IN -o OUT} does once the rules are loaded; {@code questions}
     * reads the records given in words, with the facts folder, as {@code classify} does (a text read
     * as asking the law is answered from it).
     */
    public static ClassifyTiming classify(Classifier classifier, QueryService questions,
            BatchClassifier.Settings settings, Path in, Path out, OutputFormat format, Explain explain)
            throws IOException, InvalidInputException {
        BatchClassifier batch = new BatchClassifier(classifier, settings, questions);
        long[] rejected = {0};
        BatchClassifier.Reports reports = new BatchClassifier.Reports() {
            @Override
            public void rejected(Reject reject) {
                rejected[0]++;
            }

            @Override
            public void duplicate(Duplicate duplicate) {
            }
        };
        long start = System.nanoTime();
        long cpu = cpuNanos();
        Summary summary;
        try (InputStream stream = Files.newInputStream(in); AtomicOutput file = AtomicOutput.create(out)) {
            summary = batch.run(new BatchClassifier.Input(in.toString(), stream, InputFormat.JSONL),
                    file.stream(), format, explain, reports, System::nanoTime);
            file.commit();
        }
        Timing timing = new Timing(summary.read(), (System.nanoTime() - start) / 1e9, (cpuNanos() - cpu) / 1e9);
        return new ClassifyTiming(timing, batch.rulesRanOn(), rejected[0], summary.textReadings());
    }

    /** Seconds from launching {@code command} to its end, which must be with exit code 0; its output is discarded. */
    public static double wholeProcess(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroy();
            throw new IOException(String.join(" ", command) + " failed");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Seconds from launching {@code command} to the first line on its standard output; the
     * process must then end with exit code 0.
     */
    public static double startUp(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        double seconds;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String first = out.readLine();
            seconds = (System.nanoTime() - start) / 1e9;
            if (first == null) {
                throw new IOException("no output from " + String.join(" ", command));
            }
            out.transferTo(java.io.Writer.nullWriter());
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
        return seconds;
    }
}
