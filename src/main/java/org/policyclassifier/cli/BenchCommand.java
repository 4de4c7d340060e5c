package org.policyclassifier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.policyclassifier.batch.BatchClassifier;
import org.policyclassifier.batch.Explain;
import org.policyclassifier.bench.Benchmark;
import org.policyclassifier.bench.Benchmark.ClassifyTiming;
import org.policyclassifier.bench.Benchmark.Timing;
import org.policyclassifier.bench.SyntheticCases;
import org.policyclassifier.bench.SyntheticTexts;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.io.AtomicFiles;
import org.policyclassifier.io.OutputFormat;
import org.policyclassifier.query.QueryService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code policy bench -n 1000000}: classify throughput against the Jackson floor, and start-up. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generates N synthetic case records and measures, in the same run: (a) the Jackson-only"
                + " floor (read the records and write them back, no rules), (b) classify end to end on the same"
                + " file (rules loaded beforehand), each the better of two runs after a warm-up, and the ratio b/a;"
                + " then the start-up of the policy launcher: launch to first decision out for a 1-record input.",
            "Data goes to a temporary folder, removed at the end. Use a quiet machine: figures are wall-clock."})
final class BenchCommand implements Callable<Integer> {

    private static final long SEED = 2017;
    private static final long WARM_UP = 100_000;

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Option(names = {"-n", "--records"}, paramLabel = "N", defaultValue = "1000000",
            description = "Synthetic records. Default: ${DEFAULT-VALUE}.")
    long records;

    @Option(names = "--output-format", paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "Decisions as jsonl or csv. Default: ${DEFAULT-VALUE}.")
    OutputFormat outputFormat;

    @Option(names = "--cache-mb", paramLabel = "MB",
            description = "As for classify; 0 runs the rules for every record. Default: a quarter of the heap, at most 256.")
    Integer cacheMb;

    @Option(names = "--explain", paramLabel = "LEVEL", defaultValue = "rules",
            description = "As for classify: full, rules or none. Default: ${DEFAULT-VALUE}.")
    Explain explain;

    @Option(names = "--every-place", description = "Every record names a place, each run of 2,782 records every"
            + " Belgian place once (no two records in a row share one), with the usual mix of subjects, settings and"
            + " substances: the cache must share decisions between places the rules read alike.")
    boolean everyPlace;

    @Option(names = "--texts", paramLabel = "PERCENT",
            description = "Every record gives its case in words (text) instead of ids, drawn from N × PERCENT / 100"
                    + " distinct texts (labels and synonyms of the vocabulary in four languages, alone or with a"
                    + " place): each distinct text is read as policy query reads it, the others share its reading."
                    + " Texts too vague to be read are rejected, as they would be.")
    Double textsPercent;

    @Option(names = "--dir", paramLabel = "DIR", description = "Folder for the generated data (default: a"
            + " temporary folder).")
    Path dir;

    @Option(names = "--keep", description = "Leave the generated records (cases.jsonl) and the decisions in the"
            + " data folder, for runs of policy classify on them; by default the folder is removed.")
    boolean keep;

    @Option(names = "--start-up", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Measure the start-up of the launcher (default: yes, when the launcher is found).")
    boolean startUp;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (records < 1) {
            throw new ParameterException(spec.commandLine(), "--records must be 1 or more, got " + records);
        }
        if (cacheMb != null && cacheMb < 0) {
            throw new ParameterException(spec.commandLine(), "--cache-mb must be 0 or more, got " + cacheMb);
        }
        if (textsPercent != null && !(textsPercent > 0 && textsPercent <= 100)) {
            throw new ParameterException(spec.commandLine(), "--texts must be more than 0 and at most 100, got "
                    + textsPercent);
        }
        if (textsPercent != null && everyPlace) {
            throw new ParameterException(spec.commandLine(), "--texts and --every-place are different data; give one");
        }
        if (dir != null && !Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), "--dir " + dir + ": "
                    + (Files.exists(dir) ? "not a folder" : "no such folder"));
        }
        long loadStart = System.nanoTime();
        Classifier classifier;
        try {
            classifier = engine.loadClassifier();
        } catch (InvalidInputException e) {
            e.problems().forEach(err::println);
            return ExitCode.INVALID_INPUT;
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        Path folder = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"));
        try {
            return run(classifier, loadSeconds, Files.createTempDirectory(folder, "policy-bench-"), out, err);
        } catch (IOException e) {
            // A full disk, a closed folder, a launcher that failed: said plainly, with the folder of the data.
            err.println("policy bench: stopped: " + AtomicFiles.describe(e) + " (data folder " + folder + ")");
            return ExitCode.INVALID_INPUT;
        }
    }

    private int run(Classifier classifier, double loadSeconds, Path work, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException, InvalidInputException {
        try {
            BatchClassifier.Settings settings = BatchClassifier.Settings.defaults()
                    .withCacheBytes(cacheMb == null ? BatchClassifier.Settings.defaultCacheBytes() : (long) cacheMb << 20);
            QueryService questions = new QueryService(classifier, engine.facts);
            Path cases = work.resolve("cases.jsonl");
            Path warm = work.resolve("warm.jsonl");
            Path floorOut = work.resolve("floor.jsonl");
            Path decisions = work.resolve("decisions." + outputFormat.name().toLowerCase(java.util.Locale.ROOT));
            long warmRecords = Math.min(records, WARM_UP);
            Benchmark.generate(synthetic(classifier, SEED, records), records, cases);
            Benchmark.generate(synthetic(classifier, SEED + 1, warmRecords), warmRecords, warm);
            out.printf("policy bench: %,d synthetic records (%,d MB of JSON Lines%s), %d cores, decisions as %s,"
                    + " explain %s, cache %d MB%n", records, Files.size(cases) >> 20,
                    everyPlace ? ", every place in turn" : textsPercent != null ? String.format(", in words, %,d"
                            + " distinct texts", distinctTexts(records)) : "", Runtime.getRuntime().availableProcessors(),
                    outputFormat.name().toLowerCase(java.util.Locale.ROOT),
                    explain.name().toLowerCase(java.util.Locale.ROOT), settings.cacheBytes() >> 20);
            out.printf("  rules and facts loaded in %.2f s%n", loadSeconds);
            out.flush();

            Benchmark.floor(warm, floorOut);
            Benchmark.classify(classifier, questions, settings, warm, decisions, outputFormat, explain);
            Timing floor = null;
            ClassifyTiming classify = null;
            for (int run = 0; run < 2; run++) {
                // Replacing the last run's output would make this run pay for freeing its pages.
                Files.deleteIfExists(floorOut);
                Files.deleteIfExists(decisions);
                Timing f = Benchmark.floor(cases, floorOut);
                floor = floor == null || f.seconds() < floor.seconds() ? f : floor;
                ClassifyTiming c = Benchmark.classify(classifier, questions, settings, cases, decisions, outputFormat,
                        explain);
                classify = classify == null || c.timing().seconds() < classify.timing().seconds() ? c : classify;
            }
            // Texts too vague to be read are rejected, as they would be in a real file.
            if (floor.records() != records || classify.timing().records() != records
                    || classify.rejected() != 0 && textsPercent == null) {
                err.printf("policy bench: expected %d records each, got %d (floor) and %d (classify, %d rejected)%n",
                        records, floor.records(), classify.timing().records(), classify.rejected());
                return ExitCode.INTERNAL;
            }
            out.printf("  (a) Jackson floor, read + write, no rules: %,12.0f records/s  (%.2f s, cpu %.2f s, %,d MB out)%n",
                    floor.perSecond(), floor.seconds(), floor.cpuSeconds(), Files.size(floorOut) >> 20);
            out.printf("  (b) policy classify, end to end:          %,12.0f records/s  (%.2f s, cpu %.2f s, %,d MB out)%n",
                    classify.timing().perSecond(), classify.timing().seconds(), classify.timing().cpuSeconds(),
                    Files.size(decisions) >> 20);
            out.printf("  ratio b/a: %.2f%n", classify.timing().perSecond() / floor.perSecond());
            if (textsPercent != null) {
                out.printf("  texts read %,d times for %,d records (%.1f%%), the others shared a reading; %,d records"
                        + " rejected (texts too vague to be read)%n", classify.textReadings(), records,
                        100.0 * classify.textReadings() / records, classify.rejected());
            } else {
                out.printf("  rules ran on %,d records (%.1f%%)%s%n", classify.rulesRanOn(),
                        100.0 * classify.rulesRanOn() / records,
                        classify.rulesRanOn() < records ? "; the others were answered from the decision cache" : "");
            }
            out.flush();
            if (startUp) {
                startUp(work, out, err);
            }
        } finally {
            if (keep) {
                out.println("  data kept in " + work);
            } else {
                delete(work);
            }
        }
        return ExitCode.OK;
    }

    /** The records of a run: by ids, or in words with {@link #distinctTexts} of them distinct. */
    private LongFunction<CaseRecord> synthetic(Classifier classifier, long seed, long n) {
        if (textsPercent != null) {
            return new SyntheticTexts(classifier.vocabulary(), seed, distinctTexts(n))::next;
        }
        return new SyntheticCases(classifier.vocabulary(), seed, everyPlace)::next;
    }

    private long distinctTexts(long n) {
        return Math.max(1, Math.round(n * textsPercent / 100));
    }

    private static void startUp(Path work, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        Path launcher = Path.of(System.getProperty("policy.home", "."), "policy").toAbsolutePath().normalize();
        if (!Files.isExecutable(launcher)) {
            err.println("policy bench: no launcher at " + launcher + "; start-up not measured");
            return;
        }
        Path one = work.resolve("one.jsonl");
        Files.writeString(one, "{\"id\": \"c1\", \"kind\": \"intervention\", \"type\": \"needle_exchange\","
                + " \"place\": \"Charleroi\"}\n");
        List<String> command = List.of(launcher.toString(), "classify", one.toString());
        Benchmark.startUp(command); // the first run may build the class-data archive
        List<Double> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            runs.add(Benchmark.startUp(command));
        }
        runs.sort(Comparator.naturalOrder());
        out.printf("  start-up, launch to first decision out (policy classify, 1 record): median %.2f s"
                + " (best %.2f, worst %.2f of 5)%n", runs.get(2), runs.get(0), runs.get(4));
        for (List<String> whole : List.of(List.of(launcher.toString(), "query", "tobacco"),
                List.of(launcher.toString(), "--help"), List.of("java", "-version"))) {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                times.add(Benchmark.wholeProcess(whole));
            }
            times.sort(Comparator.naturalOrder());
            out.printf("  whole process, %-32s median %.2f s (best %.2f, worst %.2f of 5)%n",
                    whole.get(0).equals("java") ? "java -version:" : "policy " + String.join(" ", whole.subList(1,
                            whole.size())) + ":", times.get(2), times.get(0), times.get(4));
            out.flush();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
