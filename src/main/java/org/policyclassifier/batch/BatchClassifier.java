package org.policyclassifier.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.Case;
import org.policyclassifier.classify.Decision;
import org.policyclassifier.classify.DecisionWording;
import org.policyclassifier.classify.InvalidCaseException;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.facts.Words;
import org.policyclassifier.io.BadRecordException;
import org.policyclassifier.io.Columns;
import org.policyclassifier.io.CsvCases;
import org.policyclassifier.io.InputFormat;
import org.policyclassifier.io.Json;
import org.policyclassifier.io.LineReader;
import org.policyclassifier.io.Lines;
import org.policyclassifier.io.NotInInputException;
import org.policyclassifier.io.OutputFormat;
import org.policyclassifier.io.Shown;
import org.policyclassifier.io.Utf8;
import org.policyclassifier.io.XlsxRows;
import org.policyclassifier.query.QueryService;

/**
 * Classifies a stream of case records into a stream of decisions, in input order, in memory that
 * does not grow with the input. Three stages: a reader thread cuts the input into chunks of raw
 * lines; worker threads (one per core) parse a chunk, resolve its records against the vocabulary,
 * look the cases up in the {@link DecisionCache}, run the rules once for the chunk's new cases (one rule session per
 * chunk) and write the chunk's decisions into a pooled buffer; the calling thread hands the
 * buffers to the output in order, reports rejects and counts. At most {@code 2 × workers} chunks
 * wait for the writer. One run at a time per instance.
 */
public final class BatchClassifier {

    /**
     * How the run is tuned.
     *
     * @param workers threads that parse and classify (the reader and writer threads come on top)
     * @param chunkSize records per chunk, and so at most per rule session
     * @param cacheBytes budget of the decision cache; 0 runs the rules for every record
     * @param maxLineBytes a longer line is rejected without being held in memory
     * @param spillDir where the duplicate-id check spills its sorted runs; null when it must not
     *     (then {@code idRunSize} must exceed the records of the input)
     * @param idRunSize ids held in memory by the duplicate-id check before a run is spilled
     */
    public record Settings(int workers, int chunkSize, long cacheBytes, int maxLineBytes, Path spillDir,
            int idRunSize) {

        public static Settings defaults() {
            return new Settings(Runtime.getRuntime().availableProcessors(), 1_000, defaultCacheBytes(), 1 << 20,
                    Path.of(System.getProperty("java.io.tmpdir")), 100_000);
        }

        /**
         * A quarter of the heap, at most 256 MB: data with a place per record has about 120,000
         * distinct cases in a million records (a few hundred bytes each, their rendered parts
         * shared), which 48 MB once could not hold (at 1.2 KB each);
         * with {@code -Xmx128m} it is 32 MB.
         */
        public static long defaultCacheBytes() {
            return Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 4);
        }

        public Settings withCacheBytes(long bytes) {
            return new Settings(workers, chunkSize, bytes, maxLineBytes, spillDir, idRunSize);
        }
    }

    /**
     * An open input; {@code name} as the user gave it, for messages; {@code csvSeparator} the CSV
     * cell separator, or null to tell it from the header row; {@code columns} the header's own
     * names for the fields (CSV or a workbook), or null when they are the fields' names;
     * {@code sheet} the sheet of a workbook to read, null for its first.
     */
    public record Input(String name, InputStream stream, InputFormat format, Character csvSeparator, Columns columns,
            String sheet) {

        public Input(String name, InputStream stream, InputFormat format) {
            this(name, stream, format, null);
        }

        public Input(String name, InputStream stream, InputFormat format, Character csvSeparator) {
            this(name, stream, format, csvSeparator, null, null);
        }
    }

    /** Where rejects, duplicates and progress go while the run goes on. */
    public interface Reports {
        void rejected(Reject reject) throws IOException;

        void duplicate(Duplicate duplicate) throws IOException;

        /** Called after each chunk from the writing thread. */
        default void progress(long records, long bytesRead) {
        }
    }

    private static final ObjectReader JSON_RECORD = Json.MAPPER.readerFor(CaseRecord.class);
    /** How much of a too-long line the rejects file shows. */
    private static final int RAW_SHOWN = 200;

    private final Classifier classifier;
    private final QueryService questions;
    private final Settings settings;
    private final AtomicLong rulesRanOn = new AtomicLong();
    private final int verifyEvery;
    private final String language;
    /** Writes decisions in {@link #language}. */
    private final DecisionWording wording;
    /** Whether {@link #language} is another than the default one, which the engine writes. */
    private final boolean translated;
    /** Cache hits so far, of which every {@link #verifyEvery}-th is verified; and those verified. */
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong cacheVerified = new AtomicLong();
    /** The input of the current run, as its problems name it. */
    private volatile String inputName;
    /** The cache of the current run: it holds decisions rendered in that run's output format. */
    private DecisionCache cache;
    /** What of a case the current run's rules read: its key in the cache. */
    private DecisionCache.Keys keys;
    /** The summary's values of the current run's decisions. */
    private Tallies tallies;
    /** The current run's records given in words. */
    private TextReadings texts;
    /** A record's case id within its chunk's rule session: its position, made once. */
    private final String[] caseIds;

    /** Texts are read by a {@link QueryService} of {@code classifier} that answers who is responsible only. */
    public BatchClassifier(Classifier classifier, Settings settings) {
        this(classifier, settings, new QueryService(classifier), Options.DEFAULTS);
    }

    /** {@code questions}: what reads the records' texts, as {@code policy query} does; of the same rules. */
    public BatchClassifier(Classifier classifier, Settings settings, QueryService questions) {
        this(classifier, settings, questions, Options.DEFAULTS);
    }

    /**
     * What a run writes beyond the defaults.
     *
     * @param verifyEvery the rules run again on every {@code verifyEvery}-th record the cache
     *     answers, and the run fails, naming the record, when they decide otherwise (0: never): a
     *     check that the cache keys on all the rules read, for rules one does not trust yet
     * @param language the language of the decisions' texts, a language of the facts; null for the default
     */
    public record Options(int verifyEvery, String language) {
        public static final Options DEFAULTS = new Options(0, null);

        public Options {
            if (verifyEvery < 0) {
                throw new IllegalArgumentException("verifyEvery must be 0 or more, got " + verifyEvery);
            }
        }
    }

    public BatchClassifier(Classifier classifier, Settings settings, QueryService questions, Options options) {
        this.classifier = classifier;
        this.questions = questions;
        this.settings = settings;
        this.verifyEvery = options.verifyEvery();
        Words words = classifier.vocabulary().words();
        this.language = options.language() == null ? words.defaultLanguage() : options.language();
        if (words.language(language).isEmpty()) {
            throw new IllegalArgumentException("no words in language " + language);
        }
        this.wording = new DecisionWording(words);
        this.translated = !language.equals(words.defaultLanguage());
        this.caseIds = new String[settings.chunkSize()];
        for (int i = 0; i < caseIds.length; i++) {
            caseIds[i] = "#" + i;
        }
    }

    /** Records the rules ran on in the last run (the others were answered from the cache). */
    public long rulesRanOn() {
        return rulesRanOn.get();
    }

    /** Records of the last run that the cache answered and the rules, run again, answered alike. */
    public long cacheVerified() {
        return cacheVerified.get();
    }

    /** Parses the records of one chunk, in order (some may be skipped). */
    private interface Parser {
        CaseRecord parse(int record) throws BadRecordException;
    }

    /** Makes the {@link Parser} of each chunk. */
    private interface Parsers {
        Parser of(Lines chunk);
    }

    /**
     * A chunk's outcomes, in order: for record {@code i} its id and line when it was classified
     * ({@code tallies[i]} its {@link Tallies} index), else {@code rejects[i]}; and its decisions
     * already written out as bytes.
     */
    private record Chunk(int size, String[] ids, long[] lines, int[] tallies, Reject[] rejects, Bytes output,
            long bytesRead) {
    }

    private static final Chunk END = new Chunk(0, null, null, null, null, null, -1);

    /** Output buffers written and free again; never more than the chunks in flight. */
    private final BlockingQueue<Bytes> buffers = new LinkedBlockingQueue<>();
    /** Input chunks read and free again; never more than the chunks in flight. */
    private final BlockingQueue<Lines> chunks = new LinkedBlockingQueue<>();

    /**
     * Reads every record of {@code input}, writes the decisions to {@code out} in input order and
     * reports every reject and duplicate id. Throws {@link InvalidInputException} when the input
     * as a whole cannot be used (CSV header, broken JSON array, unreadable stream) or a rule fails.
     */
    public Summary run(Input input, OutputStream out, OutputFormat outputFormat, Reports reports, LongSupplier clock)
            throws IOException, InvalidInputException {
        return run(input, out, outputFormat, Explain.FULL, reports, clock);
    }

    /** As {@link #run(Input, OutputStream, OutputFormat, Reports, LongSupplier)}, with explanations as {@code explain} says. */
    public Summary run(Input input, OutputStream out, OutputFormat outputFormat, Explain explain, Reports reports,
            LongSupplier clock) throws IOException, InvalidInputException {
        long start = clock.getAsLong();
        // Parts shared between decisions take at most a quarter of the cache's budget on top of it.
        DecisionFormat format = DecisionFormat.of(outputFormat, explain, settings.cacheBytes() / 4, wording, language);
        cache = new DecisionCache(settings.cacheBytes());
        keys = DecisionCache.keys(classifier.rules().fieldReads(Case.class));
        tallies = new Tallies();
        texts = new TextReadings(questions, cache, format, tallies, this::worded);
        rulesRanOn.set(0);
        inputName = input.name();
        cacheHits.set(0);
        cacheVerified.set(0);
        RecordSource source;
        // A workbook's rows, and the lines of CSV, come after a header row, which says what their cells hold.
        CsvCases csv = null;
        XlsxRows workbook = null;
        if (input.format() == InputFormat.XLSX) {
            workbook = XlsxRows.open(input.name(), input.stream(), input.sheet(), settings.spillDir() != null
                    ? settings.spillDir() : Path.of(System.getProperty("java.io.tmpdir")));
            source = RecordSource.rows(workbook);
            try {
                csv = csvHeader(input.name(), source, ',', input.columns());
            } catch (IOException | InvalidInputException | RuntimeException e) {
                workbook.close();
                throw e;
            }
        } else if (input.format() == InputFormat.JSON) {
            source = RecordSource.jsonArray(input.name(), input.stream(), settings.maxLineBytes());
        } else {
            source = RecordSource.lines(new LineReader(input.stream(), settings.maxLineBytes()));
            if (input.format() == InputFormat.CSV) {
                csv = csvHeader(input.name(), source, input.csvSeparator(), input.columns());
            }
        }
        CsvCases header = csv;
        Parsers parsers = header == null ? BatchClassifier::jsonParser : chunk -> i -> header.read(text(chunk, i));
        List<String> ignoredColumns = header == null ? List.of() : header.ignored();
        format.header(out);

        ExecutorService workers = Executors.newFixedThreadPool(settings.workers(), r -> {
            Thread t = new Thread(r, "policy-worker");
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<Future<Chunk>> queue = new ArrayBlockingQueue<>(2 * settings.workers());
        Thread reader = new Thread(() -> read(source, parsers, format, workers, queue), "policy-reader");
        reader.setDaemon(true);
        reader.start();

        long read = 0;
        long classified = 0;
        long rejected = 0;
        long[] perTally = new long[16];
        long[] duplicates;
        try (DuplicateIds ids = new DuplicateIds(settings.spillDir(), settings.idRunSize())) {
            for (Chunk chunk = take(queue); chunk != END; chunk = take(queue)) {
                out.write(chunk.output().array(), 0, chunk.output().size());
                chunk.output().reset();
                buffers.offer(chunk.output());
                for (int i = 0; i < chunk.size(); i++) {
                    read++;
                    int tally = chunk.tallies()[i];
                    if (tally >= 0) {
                        classified++;
                        if (tally >= perTally.length) {
                            perTally = Arrays.copyOf(perTally, Math.max(tally + 1, 2 * perTally.length));
                        }
                        perTally[tally]++;
                        ids.add(chunk.ids()[i], chunk.lines()[i]);
                    } else {
                        Reject reject = chunk.rejects()[i];
                        reports.rejected(workbook == null ? reject : reject.onSheet(workbook.sheet()));
                        rejected++;
                    }
                }
                reports.progress(read, chunk.bytesRead());
            }
            duplicates = ids.report(reports::duplicate);
        } finally {
            reader.interrupt();
            workers.shutdownNow();
            if (workbook != null) {
                workbook.close();
            }
        }
        out.flush();
        double elapsed = (clock.getAsLong() - start) / 1e9;
        return new Summary(input.name(), read, classified, rejected, tallies.count(perTally, 0),
                tallies.count(perTally, 1), tallies.count(perTally, 2), duplicates[0], duplicates[1], elapsed,
                ignoredColumns, texts.records(), texts.readings());
    }

    /** One parser walks a chunk's plain records; a record it cannot read is judged on its own. */
    private static Parser jsonParser(Lines chunk) {
        PlainRecords.Chunk plain = new PlainRecords.Chunk(chunk);
        return i -> {
            CaseRecord r = plain.read(i);
            return r != null ? r : parseJson(chunk.copy(i));
        };
    }

    private static CaseRecord parseJson(byte[] text) throws BadRecordException {
        CaseRecord plain = PlainRecords.read(text);
        if (plain != null) {
            return plain;
        }
        try {
            CaseRecord r = JSON_RECORD.readValue(text);
            if (r == null) {
                throw new BadRecordException("expected a JSON object {...} holding one case record, got null");
            }
            return r;
        } catch (JsonProcessingException e) {
            throw new BadRecordException(Json.describe(e));
        } catch (IOException e) { // Jackson's signature; a byte array cannot fail to be read
            throw new BadRecordException("cannot be read: " + e.getMessage());
        }
    }

    private static CsvCases csvHeader(String name, RecordSource source, Character separator, Columns columns)
            throws IOException, InvalidInputException {
        Lines header = new Lines(1, 256);
        if (!source.next(header)) {
            throw new InvalidInputException(new Problem(name, 0, "the CSV input is empty: it needs a header row ("
                    + String.join(",", CsvCases.COLUMNS) + ")"));
        }
        try {
            return CsvCases.forHeader(text(header, 0), separator, columns);
        } catch (BadRecordException e) {
            throw new InvalidInputException(new Problem(name, (int) header.number(0), e.getMessage()));
        } catch (NotInInputException e) {
            throw e.in(name, (int) header.number(0));
        }
    }

    private static String text(Lines lines, int i) {
        return new String(lines.bytes(), lines.start(i), lines.end(i) - lines.start(i), StandardCharsets.UTF_8);
    }

    /** The reader thread: chunks of raw lines, handed to the workers in order. */
    private void read(RecordSource source, Parsers parsers, DecisionFormat format, ExecutorService workers,
            BlockingQueue<Future<Chunk>> queue) {
        try {
            try {
                Lines chunk = freeChunk();
                while (source.next(chunk)) {
                    if (chunk.count() == settings.chunkSize()) {
                        submit(chunk, source.bytesRead(), parsers, format, workers, queue);
                        chunk = freeChunk();
                    }
                }
                if (chunk.count() > 0) {
                    submit(chunk, source.bytesRead(), parsers, format, workers, queue);
                }
                queue.put(CompletableFuture.completedFuture(END));
            } catch (IOException | InvalidInputException | RuntimeException e) {
                queue.put(CompletableFuture.failedFuture(e));
            }
        } catch (InterruptedException e) {
            // The writer stopped: nobody waits for more chunks.
        }
    }

    private Lines freeChunk() {
        Lines chunk = chunks.poll();
        return chunk != null ? chunk : new Lines(settings.chunkSize(), 1 << 16);
    }

    private void submit(Lines chunk, long bytesRead, Parsers parsers, DecisionFormat format, ExecutorService workers,
            BlockingQueue<Future<Chunk>> queue) throws InterruptedException {
        queue.put(workers.submit(() -> {
            try {
                return process(chunk, bytesRead, parsers.of(chunk), format);
            } finally {
                chunk.clear();
                chunks.offer(chunk);
            }
        }));
    }

    /**
     * A worker: parse, resolve, look up, classify what is new, write. Three loops, each a method of
     * its own: the just-in-time compiler compiles the two that every record takes without the rules
     * and the rendering, which only the chunk's new cases take (compiled into one method, they had
     * cost the optimising compiler two seconds of a core at the start of every run).
     */
    private Chunk process(Lines lines, long bytesRead, Parser parser, DecisionFormat format)
            throws IOException, InvalidInputException {
        Cases cases = resolve(lines, parser, format);
        if (verifyEvery > 0 && cache.enabled()) {
            verifyHits(cases, format);
        }
        decideNew(cases, format);
        Bytes output = buffers.poll();
        if (output == null) {
            output = new Bytes(1 << 16);
        }
        int[] tallyOf = write(cases, format, output);
        return new Chunk(cases.size, cases.ids, cases.numbers, tallyOf, cases.rejects, output, bytesRead);
    }

    /**
     * A chunk's records as they go through {@link #process}: record {@code i} has {@code ids[i]},
     * {@code cases[i]} and {@code places[i]} (its place as the output writes it) unless {@code rejects[i]} says why not;
     * {@code rendered[i]} once decided, from the cache or the rules.
     */
    private static final class Cases {
        final int size;
        final String[] ids;
        final long[] numbers;
        final Reject[] rejects;
        final Case[] cases;
        final Object[] keys;
        final Result.Rendered[] rendered;
        final DecisionFormat.PlaceBytes[] places;

        Cases(int n) {
            size = n;
            ids = new String[n];
            numbers = new long[n];
            rejects = new Reject[n];
            cases = new Case[n];
            keys = new Object[n];
            rendered = new Result.Rendered[n];
            places = new DecisionFormat.PlaceBytes[n];
        }
    }

    /** Parses and resolves every record of the chunk and looks its case up in the cache. */
    private Cases resolve(Lines lines, Parser parser, DecisionFormat format) throws IOException, InvalidInputException {
        int n = lines.count();
        boolean cached = cache.enabled();
        Cases c = new Cases(n);
        for (int i = 0; i < n; i++) {
            c.numbers[i] = lines.number(i);
            try {
                checkText(lines, i);
                CaseRecord r = parser.parse(i);
                if (r.id() == null) {
                    throw new BadRecordException("field 'id': missing; every record of a batch needs an id");
                }
                if (r.id().isBlank()) {
                    throw new BadRecordException("field 'id': empty; every record of a batch needs an id");
                }
                c.ids[i] = r.id();
                if (r.text() != null) {
                    // Decided as the text is read, with its place: no case for the chunk's rule session.
                    TextReadings.Reading reading = texts.read(r);
                    if (reading.decision() == null) {
                        c.rejects[i] = new Reject(lines.number(i), raw(lines, i), reading.reason(), reading.candidates());
                    }
                    c.rendered[i] = reading.decision();
                    c.places[i] = reading.place();
                    continue;
                }
                // The position keeps case ids unique within the chunk's rule session.
                c.cases[i] = classifier.resolve(r, caseIds[i]);
                c.places[i] = format.place(r.place(), c.cases[i]);
                if (cached) {
                    c.keys[i] = keys.key(c.cases[i]);
                    c.rendered[i] = (Result.Rendered) cache.get(c.keys[i]);
                }
            } catch (BadRecordException | InvalidCaseException e) {
                c.rejects[i] = new Reject(lines.number(i), raw(lines, i), Shown.cut(e.getMessage(), Shown.MAX_REASON_CHARS));
            }
        }
        return c;
    }

    /**
     * Runs the rules on each distinct case the cache did not have, in one rule session, and renders
     * the decisions. No loop of its own: called once a chunk, it is left to the quick compiler, while
     * the loops it calls are compiled each on its own.
     */
    private void decideNew(Cases c, DecisionFormat format) throws IOException, InvalidInputException {
        List<Case> fresh = new ArrayList<>();
        List<Object> freshKeys = new ArrayList<>();
        int[] slot = newCases(c, fresh, freshKeys);
        if (fresh.isEmpty()) {
            return;
        }
        rulesRanOn.addAndGet(fresh.size());
        // Rendered without an id, a place and (for the cache) a municipality, which each record fills in with its own.
        store(c, slot, freshKeys, render(classifier.decide(fresh), format, cache.enabled()));
    }

    /**
     * Runs the rules again on a sample of the records the cache answered, and compares what would
     * be written for each: the same bytes, or an {@link IllegalStateException} naming the record.
     */
    private void verifyHits(Cases c, DecisionFormat format) throws IOException, InvalidInputException {
        List<Integer> sampled = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < c.size; i++) {
            // A record in words is read, not ruled, from the cache: it has no case of its own here.
            if (c.rendered[i] != null && c.cases[i] != null && cacheHits.incrementAndGet() % verifyEvery == 0) {
                sampled.add(i);
                cases.add(c.cases[i]);
            }
        }
        if (sampled.isEmpty()) {
            return;
        }
        // The record's own case, its own municipality written by the engine: what a run without the cache writes.
        List<Result.Rendered> ruled = render(classifier.decide(cases), format, false);
        for (int j = 0; j < sampled.size(); j++) {
            int i = sampled.get(j);
            Bytes cached = new Bytes(1 << 10);
            Bytes again = new Bytes(1 << 10);
            format.write(cached, c.ids[i], c.places[i], c.rendered[i].parts());
            format.write(again, c.ids[i], c.places[i], ruled.get(j).parts());
            int differ = Arrays.mismatch(cached.array(), 0, cached.size(), again.array(), 0, again.size());
            if (differ >= 0) {
                throw new InvalidInputException(new Problem(inputName, (int) c.numbers[i], "the decision cache gave record '"
                        + c.ids[i] + "' a decision the rules do not give it: a rule reads something of the case that"
                        + " the cache leaves out (see docs/batch.md, the decision cache); from the cache \""
                        + around(cached, differ) + "\", from the rules \"" + around(again, differ)
                        + "\". Run with --cache-mb 0 for these rules"));
            }
            cacheVerified.incrementAndGet();
        }
    }

    /** The written decision around byte {@code at}, where two writings differ. */
    private static String around(Bytes bytes, int at) {
        int from = Math.max(0, at - 60);
        int to = Math.min(bytes.size(), at + 60);
        return (from > 0 ? "…" : "") + new String(bytes.array(), from, to - from, StandardCharsets.UTF_8).strip()
                + (to < bytes.size() ? "…" : "");
    }

    /** A decision in the run's language. */
    private Decision worded(Decision d) {
        return translated ? wording.in(d, language) : d;
    }

    /** Keeps the new decisions in the cache (when there is one) and gives each record its own. */
    private void store(Cases c, int[] slot, List<Object> freshKeys, List<Result.Rendered> outcomes) {
        if (cache.enabled()) {
            for (int j = 0; j < outcomes.size(); j++) {
                cache.put(freshKeys.get(j), outcomes.get(j));
            }
        }
        for (int i = 0; i < c.size; i++) {
            if (c.cases[i] != null && c.rendered[i] == null) {
                c.rendered[i] = outcomes.get(slot[i]);
            }
        }
    }

    /**
     * Adds to {@code fresh} each case the cache did not have, once per key, and to
     * {@code freshKeys} its key; returns where in {@code fresh} each record's case is.
     */
    private static int[] newCases(Cases c, List<Case> fresh, List<Object> freshKeys) {
        Map<Object, Integer> newIndex = new HashMap<>();
        int[] slot = new int[c.size];
        for (int i = 0; i < c.size; i++) {
            if (c.cases[i] != null && c.rendered[i] == null) {
                Integer at = c.keys[i] != null ? newIndex.putIfAbsent(c.keys[i], fresh.size()) : null;
                slot[i] = at != null ? at : fresh.size();
                if (at == null) {
                    fresh.add(c.cases[i]);
                    freshKeys.add(c.keys[i]);
                }
            }
        }
        return slot;
    }

    /** {@code municipalitySlot}: see {@link DecisionFormat#render}. */
    private List<Result.Rendered> render(List<Decision> decisions, DecisionFormat format, boolean municipalitySlot)
            throws IOException {
        List<Result.Rendered> outcomes = new ArrayList<>(decisions.size());
        for (Decision decided : decisions) {
            Decision d = worded(decided);
            DecisionFormat.Rendering rendering = format.render(d, municipalitySlot);
            outcomes.add(new Result.Rendered(rendering.parts(), rendering.ownBytes(),
                    tallies.index(d.axis(), d.leadLevel(), d.tier())));
        }
        return outcomes;
    }

    /**
     * Writes the chunk's decisions into {@code output}, here on the workers, so that the writing
     * thread only hands whole chunks to the output; returns each record's {@link Tallies} index (-1: rejected).
     */
    private static int[] write(Cases c, DecisionFormat format, Bytes output) throws IOException {
        int[] tallyOf = new int[c.size];
        for (int i = 0; i < c.size; i++) {
            if (c.rendered[i] == null) {
                tallyOf[i] = -1;
                continue;
            }
            format.write(output, c.ids[i], c.places[i], c.rendered[i].parts());
            tallyOf[i] = c.rendered[i].tally();
        }
        return tallyOf;
    }

    /** Checks that record {@code i} is fit to parse (UTF-8, within the limit), or says why not. */
    private void checkText(Lines lines, int i) throws BadRecordException {
        if (lines.tooLong(i)) {
            throw new BadRecordException("the line is " + lines.length(i) + " bytes long, more than the limit of "
                    + settings.maxLineBytes() + "; it was not read");
        }
        byte[] bytes = lines.bytes();
        int start = lines.start(i);
        int end = lines.end(i);
        for (int at = start; at < end; at++) {
            if (bytes[at] < 0) {
                // Not ASCII: checked without decoding; only bad bytes are decoded, to find the first.
                if (!Utf8.valid(bytes, at, end)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes, start, lines.end(i) - start);
                    try {
                        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer);
                    } catch (CharacterCodingException e) {
                        throw new BadRecordException("not UTF-8 text: byte " + (buffer.position() - start + 1) + " of the line ("
                                + String.format("0x%02X", bytes[buffer.position()] & 0xff)
                                + ") cannot start or continue a UTF-8 character; save the file as UTF-8");
                    }
                }
                break;
            }
        }
    }

    private static String raw(Lines lines, int i) {
        String text = text(lines, i);
        if (lines.tooLong(i)) {
            return text.substring(0, Math.min(RAW_SHOWN, text.length())) + "... (" + lines.length(i) + " bytes)";
        }
        return text;
    }

    private static Chunk take(BlockingQueue<Future<Chunk>> queue) throws IOException, InvalidInputException {
        try {
            return queue.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof InvalidInputException invalid) {
                throw invalid;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }
}
