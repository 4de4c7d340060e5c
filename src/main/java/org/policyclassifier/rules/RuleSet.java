package org.policyclassifier.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EventListener;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.policyclassifier.io.TextFiles;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;

/**
 * The policy: every rule file of a folder ({@code *.drl}, and decision tables {@code *.drl.csv}),
 * compiled at run time so that an edit takes effect on the next run, and the metadata
 * ({@code @id}, {@code @source}, {@code @note}) of every rule.
 */
public final class RuleSet {

    public static final String DRL = ".drl";
    public static final String TABLE = ".drl.csv";
    /** A decision table kept as an Excel workbook: its first sheet is read as the CSV of a {@link #TABLE}. */
    public static final String WORKBOOK = ".drl.xlsx";
    private static final Pattern ID_AND_TITLE = Pattern.compile("([A-Z]+-\\d{3})\\s+(\\S.*)");
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Pattern ROW = Pattern.compile("^row \\d+");

    private static final long STOP_GRACE_MILLIS = 1000;

    private final KieBase kieBase;
    private final Duration timeLimit;
    private final Map<String, RuleInfo> byName;
    /** The same, by the engine's own rule objects: explanations look rules up per firing. */
    private final Map<Rule, RuleInfo> byRule = new IdentityHashMap<>();
    /** The DRL of every file compiled (decision tables as generated): {@link #fieldReads} reads it. */
    private final List<String> drl;
    /** Made on the first session; shared with the same rules under another time limit ({@link #withTimeLimit}). */
    private final AtomicReference<KieSessionsPool> sessions;
    /**
     * The threads sessions run on (see {@link #fire}), kept for the next session; a thread still
     * busy in a session that overran is given no other.
     */
    private static final ExecutorService SESSION_THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "policy-rule-session");
        t.setDaemon(true);
        return t;
    });
    /** Made on first use: only a batch and {@code rules check} ask. */
    private final Map<Class<?>, FieldReads> fieldReads = new java.util.concurrent.ConcurrentHashMap<>();

    private RuleSet(KieBase kieBase, Map<String, RuleInfo> byName, List<String> drl, Duration timeLimit,
            AtomicReference<KieSessionsPool> sessions) {
        this.kieBase = kieBase;
        this.timeLimit = timeLimit;
        this.sessions = sessions;
        this.byName = byName;
        this.drl = drl;
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                byRule.put(rule, byName.get(key(rule)));
            }
        }
    }

    /**
     * The rule files a command compiles: every one, or those that can match one fact type, told by
     * what each file declares it uses (its imports), not by where the engine's types live.
     */
    public record Part(Class<?> fact) {
        /** Every rule file: checks, listings, policy tests, and the server, which answers trends too. */
        public static final Part ALL = new Part(null);

        /**
         * The rule files that import {@code fact} (by name or with its package), and the files of
         * their rule packages: a package's rules may share what one of its files declares.
         */
        public static Part matching(Class<?> fact) {
            return new Part(java.util.Objects.requireNonNull(fact));
        }

        List<RuleSource> of(List<RuleSource> sources) {
            if (fact == null) {
                return sources;
            }
            Set<String> packages = sources.stream().filter(s -> new FactTypes(s.drl()).imports(fact))
                    .map(RuleSource::pkg).collect(Collectors.toSet());
            return sources.stream().filter(s -> packages.contains(s.pkg())).toList();
        }
    }

    /** Compiles every rule file of {@code rulesDir}, under the default settings; throws with every problem of every file. */
    public static RuleSet compile(Path rulesDir) throws InvalidInputException {
        return compile(rulesDir, EngineSettings.DEFAULTS);
    }

    /**
     * As {@link #compile(Path)}, under {@code settings}: when they name a rules cache, rule files
     * whose content was compiled before are loaded from the compiled form kept there (see
     * {@link CompiledRules}).
     */
    public static RuleSet compile(Path rulesDir, EngineSettings settings) throws InvalidInputException {
        return compile(rulesDir, settings, Part.ALL);
    }

    /**
     * As {@link #compile(Path, EngineSettings)}, with only the rule files of {@code part}. The cache
     * keeps one file for the whole folder, from which each part loads its own packages.
     */
    public static RuleSet compile(Path rulesDir, EngineSettings settings, Part part) throws InvalidInputException {
        Path cacheDir = settings.rulesCache();
        List<Problem> problems = new ArrayList<>();
        Map<String, String> texts = ruleFiles(rulesDir, problems);
        CompiledRules cache = cacheDir == null || !problems.isEmpty() ? null : new CompiledRules(cacheDir, texts);
        CompiledRules.Loaded loaded = cache == null ? null : cache.load();
        List<RuleSource> sources = sources(rulesDir, texts, loaded == null ? Map.of() : loaded.tableDrl(), problems);
        List<RuleSource> used = part.of(sources);
        Set<String> usedFiles = used.stream().map(RuleSource::file).collect(Collectors.toSet());
        // Drools reads past a quote left open and reports far below it: its messages for such a file are noise.
        List<Problem> unclosed = sources.stream().flatMap(s -> UnclosedQuotes.find(s).stream()).toList();
        Set<String> openQuotes = unclosed.stream().map(Problem::file).collect(Collectors.toSet());
        // Before the compilers, which run rule metadata as code. A folder kept compiled was checked by
        // this build before it was kept.
        List<Problem> refused = loaded == null ? ActionCheck.check(sources) : List.of();
        // The files of another part are told by the commands that use them, but keep the folder from the cache.
        Stream.concat(unclosed.stream(), refused.stream()).filter(p -> usedFiles.contains(p.file()))
                .forEach(problems::add);
        if (refused.stream().anyMatch(p -> usedFiles.contains(p.file()))) {
            throw new InvalidInputException(sorted(problems));
        }
        if (cache != null && loaded == null && problems.isEmpty() && unclosed.isEmpty() && refused.isEmpty()) {
            // Compiled to the form kept, every file, which this run uses too, as every later run will.
            Map<String, String> tableDrl = new LinkedHashMap<>();
            sources.stream().filter(s -> s.table() != null)
                    .forEach(s -> tableDrl.put(Path.of(s.file()).getFileName().toString(), s.drl()));
            loaded = cache.store(sources, tableDrl) ? cache.load() : null;
        }
        sources = used;
        KieBase kieBase = null;
        if (loaded != null) {
            kieBase = loaded.kieBase(sources.stream().map(RuleSource::pkg).collect(Collectors.toSet()));
        }
        if (kieBase == null) {
            // Rules that did not compile to the form kept are compiled to DRL, whose messages name
            // the lines of the rule files.
            kieBase = build(sources, problems, openQuotes);
        }
        Map<String, RuleInfo> byName = new LinkedHashMap<>();
        Map<String, RuleInfo> byId = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleSource source = sourceOf(rule, sources);
                RuleInfo info = describe(rule, source, problems);
                if (info == null) {
                    continue;
                }
                RuleInfo previous = byId.putIfAbsent(info.id(), info);
                if (previous != null) {
                    problems.add(new Problem(info.file(), info.line(), "rule id " + info.id()
                            + " is already used at " + previous.file() + ":" + previous.line()));
                }
                byName.put(key(rule), info);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(sorted(problems));
        }
        return new RuleSet(kieBase, byName, sources.stream().map(RuleSource::drl).toList(), settings.ruleTimeLimit(),
                new AtomicReference<>());
    }

    /** Compiles the sources to DRL; Drools' messages on the files of {@code quiet} are left out. */
    private static KieBase build(List<RuleSource> sources, List<Problem> problems, Set<String> quiet)
            throws InvalidInputException {
        KieBuilder builder = kieBuilder(sources).buildAll();
        Map<String, RuleSource> byKjarPath = new HashMap<>();
        sources.forEach(source -> byKjarPath.put(source.kjarPath(), source));
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            CompileMessages.translate(message, byKjarPath).filter(p -> !quiet.contains(p.file()))
                    .ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(sorted(problems));
        }
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = builder.getKieModule().getReleaseId();
        KieBase kieBase = ks.newKieContainer(releaseId).getKieBase();
        ks.getRepository().removeKieModule(releaseId);
        return kieBase;
    }

    /** A builder of the rule files as one module, under a release id of its own. */
    static KieBuilder kieBuilder(List<RuleSource> sources) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        // A fresh release id per build: tests compile many rule folders in one JVM.
        kfs.generateAndWritePomXML(ks.newReleaseId("org.policyclassifier", "policy", "1." + BUILDS.incrementAndGet()));
        for (RuleSource source : sources) {
            kfs.write(source.kjarPath(), source.drl());
        }
        return ks.newKieBuilder(kfs);
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** What the rules read of each field of {@code fact}, the record they decide on (see {@link FieldReads}). */
    public FieldReads fieldReads(Class<? extends Record> fact) {
        return fieldReads.computeIfAbsent(fact, f -> FieldReads.of(drl, fact));
    }

    /**
     * Runs one rule session over {@code facts} with the listeners given, then disposes of it (it
     * goes back to the pool, reset, unless its thread is still running in it). Rules
     * that fire more than {@code limit} times, a rule that throws, and a session that runs longer
     * than the time limit of its {@link EngineSettings} are faults of the policy: reported with the
     * rule at fault and its file and line, never a crash or a hang.
     */
    public void fire(Collection<?> facts, int limit, EventListener... listeners) throws InvalidInputException {
        KieSession session = sessions().newKieSession();
        RuleWatch watch = new RuleWatch();
        session.addEventListener(watch);
        for (EventListener listener : listeners) {
            if (listener instanceof AgendaEventListener agenda) {
                session.addEventListener(agenda);
            }
            if (listener instanceof RuleRuntimeEventListener runtime) {
                session.addEventListener(runtime);
            }
        }
        // The session runs on a thread of its own, so that a rule whose action never ends can be
        // stopped: halt() only acts between firings, and a loop in Java code ignores interrupts.
        SessionRun run = new SessionRun(() -> {
            facts.forEach(session::insert);
            return session.fireAllRules(limit);
        });
        SESSION_THREADS.execute(run);
        boolean stopped = true;
        try {
            int fired = run.get(timeLimit.toNanos(), TimeUnit.NANOSECONDS);
            if (fired >= limit) {
                List<Map.Entry<Rule, Integer>> most = watch.mostFired(3);
                RuleInfo top = most.isEmpty() ? null : info(most.get(0).getKey());
                throw new InvalidInputException(new Problem(top == null ? null : top.file(), top == null ? 0
                        : top.line(), "the rules fired more than " + limit
                        + " times for " + facts.size() + " facts: some rules keep triggering each other; most fired: "
                        + most.stream().map(e -> describe(e.getKey()) + " " + e.getValue() + " times")
                                .collect(Collectors.joining(", "))));
            }
        } catch (TimeoutException e) {
            Rule running = watch.running();
            stopped = stop(session, run);
            RuleInfo info = running == null ? null : info(running);
            String seconds = timeLimit.toMillis() % 1000 == 0 ? timeLimit.toSeconds() + " s"
                    : timeLimit.toMillis() + " ms";
            String ended = (stopped ? "the session was stopped" : "the session was halted and ends on its own")
                    + "; --rule-time-limit SECONDS gives slow rules more time";
            if (running == null) {
                throw new InvalidInputException(new Problem(null, 0, "the rule session was still taking in its facts or matching"
                        + " conditions after " + seconds + " (the time limit of a rule session), before any rule action"
                        + " ran; " + ended));
            }
            throw new InvalidInputException(new Problem(info == null ? null : info.file(), info == null ? 0
                    : info.line(), "rule " + describe(running) + " was still running its action after " + seconds
                    + " (the time limit of a rule session); " + ended));
        } catch (ExecutionException e) {
            Throwable root = e.getCause();
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            Rule running = watch.running();
            throw new InvalidInputException(new Problem(null, 0, "a rule failed while running"
                    + (running == null ? "" : " (" + describe(running) + ")") + ": "
                    + root.getClass().getSimpleName() + ": " + root.getMessage()));
        } catch (InterruptedException e) {
            stopped = stop(session, run);
            Thread.currentThread().interrupt();
            throw new InvalidInputException(new Problem(null, 0, "the rule session was interrupted"));
        } finally {
            if (stopped) {
                session.dispose(); // reset and back to the pool
            }
        }
    }

    /**
     * Where sessions come from: a pool, as a batch runs one session per chunk (a thousand per
     * million records) and making a session costs more than running a few cases in it. A disposed
     * session is reset (facts, agenda, listeners) and kept for the next.
     */
    private KieSessionsPool sessions() {
        KieSessionsPool pool = sessions.get();
        if (pool == null) {
            synchronized (sessions) {
                pool = sessions.get();
                if (pool == null) {
                    pool = kieBase.newKieSessionsPool(0);
                    sessions.set(pool);
                }
            }
        }
        return pool;
    }

    /**
     * The same compiled rules, sessions included, whose sessions run under {@code limit}: the
     * time limit is no part of compiling, so rules loaded under another need not be compiled again.
     */
    public RuleSet withTimeLimit(Duration limit) {
        return limit.equals(timeLimit) ? this : new RuleSet(kieBase, byName, drl, limit, sessions);
    }

    /** How long one rule session may run before it is stopped as a fault of the rules. */
    public Duration timeLimit() {
        return timeLimit;
    }

    /** {@code LOOP-001 (rules/loop.drl:3)}, or the rule's name when it has no metadata. */
    /** A rule in a message: its id and where it is, by file name (the problem itself names the file in full). */
    private String describe(Rule rule) {
        RuleInfo info = info(rule);
        return info == null ? "\"" + rule.getName() + "\""
                : info.id() + " (" + java.nio.file.Path.of(info.file()).getFileName() + ":" + info.line() + ")";
    }

    /**
     * A session's work on a pooled thread: which thread runs it, while it runs, so that a session
     * that overran is interrupted on its own thread and never on one that has gone on
     * to another session.
     */
    private static final class SessionRun extends FutureTask<Integer> {
        private Thread thread;
        private boolean over;

        SessionRun(Callable<Integer> work) {
            super(work);
        }

        @Override
        public void run() {
            synchronized (this) {
                thread = Thread.currentThread();
            }
            try {
                super.run();
            } finally {
                synchronized (this) {
                    over = true;
                }
            }
        }

        synchronized void interrupt() {
            if (thread != null && !over) {
                thread.interrupt();
            }
        }
    }

    /**
     * Stops a session that overran: halt (between firings) and interrupt, then waits a grace
     * period for it to end. Actions and conditions cannot loop ({@link ActionCheck} refuses loops,
     * recursion and calls beyond reading facts), so what overruns is the matching of very many
     * facts, which ends; its thread is not given another session until it has. True when the
     * session's work has ended.
     */
    private static boolean stop(KieSession session, SessionRun run) {
        session.halt();
        run.interrupt();
        try {
            return ended(run);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits the grace period for {@code run} to end, however it ends; true when it has. */
    private static boolean ended(SessionRun run) throws InterruptedException {
        try {
            run.get(STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CancellationException e) {
            // ended by its fault, which the caller reports
        } catch (TimeoutException e) {
            return false;
        }
        return true;
    }

    /** Which rule is in its action now, and how often each rule fired. */
    private static final class RuleWatch extends DefaultAgendaEventListener {
        private volatile Rule running;
        private final Map<Rule, int[]> fired = new IdentityHashMap<>();
        /** The engine fires a rule's matches one after another: its counter is kept at hand. */
        private Rule counted;
        private int[] count;

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            Rule rule = event.getMatch().getRule();
            running = rule;
            if (rule != counted) {
                count = fired.computeIfAbsent(rule, r -> new int[1]);
                counted = rule;
            }
            count[0]++;
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            running = null;
        }

        Rule running() {
            return running;
        }

        List<Map.Entry<Rule, Integer>> mostFired(int n) {
            return fired.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue()[0]))
                    .sorted(Map.Entry.<Rule, Integer>comparingByValue().reversed()).limit(n).toList();
        }
    }

    /** The metadata of a compiled rule. */
    public RuleInfo info(Rule rule) {
        RuleInfo info = byRule.get(rule);
        return info != null ? info : byName.get(key(rule));
    }

    /** Every rule, by file and line. */
    public List<RuleInfo> rules() {
        return byName.values().stream()
                .sorted(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line))
                .toList();
    }

    private static String key(Rule rule) {
        return rule.getPackageName() + "/" + rule.getName();
    }

    private static RuleInfo describe(Rule rule, RuleSource ruleSource, List<Problem> problems) {
        String file = ruleSource.file();
        int line = ruleSource.ruleLine(rule.getName());
        Map<String, Object> meta = rule.getMetaData();
        Matcher m = ID_AND_TITLE.matcher(rule.getName());
        String where = "rule \"" + rule.getName() + "\"";
        int before = problems.size();
        if (!m.matches()) {
            problems.add(new Problem(file, line, where + ": the name must start with a stable id and a sentence, "
                    + "e.g. \"DEM-004 Harm reduction is tertiary prevention\""));
        }
        String id = text(meta.get("id"));
        String source = text(meta.get("source"));
        if (id == null) {
            problems.add(new Problem(file, line, where + " has no @id(\"...\")"));
        } else if (m.matches() && !m.group(1).equals(id)) {
            problems.add(new Problem(file, line, where + ": @id(\"" + id + "\") does not match the id in its name, "
                    + m.group(1)));
        }
        if (source == null) {
            problems.add(new Problem(file, line, where
                    + " has no @source(\"...\") quoting the profile sentence it rests on"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new RuleInfo(id, rule.getName(), m.group(2), source, text(meta.get("note")), file, line,
                ruleSource.ruleText(rule.getName()));
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * The rule files of the folder, by name in name order, with their text; any other file is a
     * problem (Drools would silently ignore it).
     */
    private static Map<String, String> ruleFiles(Path rulesDir, List<Problem> problems) throws InvalidInputException {
        if (!Files.isDirectory(rulesDir)) {
            throw new InvalidInputException(new Problem(rulesDir.toString(), 0, "rules folder not found"));
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(rulesDir)) {
            entries = list.sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException(new Problem(rulesDir.toString(), 0, "cannot list: " + e.getMessage()));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (Files.isDirectory(entry) || name.endsWith(".md") || name.startsWith(".")) {
                continue; // tests/ and notes for staff live beside the rules
            }
            if (name.endsWith(DRL) || name.endsWith(TABLE)) {
                texts.put(name, read(entry));
            } else if (name.endsWith(WORKBOOK)) {
                try (java.io.InputStream in = Files.newInputStream(entry)) {
                    texts.put(name, TableWorkbook.read(in));
                } catch (IOException e) {
                    problems.add(new Problem(entry.toString(), 0, "cannot read: " + e.getMessage()));
                }
            } else {
                problems.add(new Problem(entry.toString(), 0, "not a rule file: rule files end in " + DRL
                        + " or, for decision tables, " + TABLE + " or " + WORKBOOK
                        + " (Drools would silently ignore this one)"));
            }
        }
        if (texts.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(rulesDir.toString(), 0, "no rule files (*" + DRL + ", *" + TABLE + ", *"
                    + WORKBOOK + ") in this folder"));
        }
        return texts;
    }

    /**
     * The rule files as Drools compiles them: DRL files as they are, decision tables compiled to
     * DRL, or taken from {@code tableDrl} (by file name) when they were compiled before.
     */
    private static List<RuleSource> sources(Path rulesDir, Map<String, String> texts, Map<String, String> tableDrl,
            List<Problem> problems) {
        List<RuleSource> sources = new ArrayList<>();
        texts.forEach((name, text) -> {
            String file = rulesDir.resolve(name).toString();
            if (name.endsWith(DRL)) {
                sources.add(RuleSource.drl(file, name, text));
                return;
            }
            String kjarName = name.substring(0, name.lastIndexOf('.')); // the table's DRL, as Drools names it
            String drl = tableDrl.get(name);
            try {
                String canonical = TableText.canonical(text);
                DecisionTable table = drl != null ? DecisionTable.compiled(canonical, drl)
                        : DecisionTable.compile(file, canonical);
                sources.add(RuleSource.table(file, kjarName, table));
            } catch (DecisionTable.TableException e) {
                problems.add(e.problem());
            }
        });
        return sources;
    }

    private static String read(Path file) throws InvalidInputException {
        try {
            return TextFiles.read(file);
        } catch (IOException e) {
            throw new InvalidInputException(new Problem(file.toString(), 0, "cannot read: " + e.getMessage()));
        }
    }

    private static RuleSource sourceOf(Rule rule, List<RuleSource> sources) {
        if (rule instanceof RuleImpl impl && impl.getResource() != null && impl.getResource().getSourcePath() != null) {
            String path = impl.getResource().getSourcePath();
            for (RuleSource source : sources) {
                if (source.kjarPath().equals(path) || source.kjarPath().endsWith("/" + path)) {
                    return source;
                }
            }
        }
        return sources.stream().filter(s -> s.ruleLine(rule.getName()) > 0).findFirst().orElseThrow();
    }

    /** By file and line; the same mistake in many rows of a table (a header cell) is told once. */
    private static List<Problem> sorted(List<Problem> problems) {
        Map<String, List<Problem>> bySameMistake = new LinkedHashMap<>();
        problems.stream().sorted(Comparator.comparing((Problem p) -> String.valueOf(p.file()))
                        .thenComparingInt(Problem::line)).distinct()
                .forEach(p -> bySameMistake.computeIfAbsent(p.file() + "\n" + ROW.matcher(p.message()).replaceFirst(""),
                        k -> new ArrayList<>()).add(p));
        List<Problem> result = new ArrayList<>();
        for (List<Problem> same : bySameMistake.values()) {
            Problem first = same.get(0);
            result.add(same.size() == 1 ? first : new Problem(first.file(), first.line(),
                    first.message().replaceFirst("^row (\\d+)", "rows $1 to " + same.get(same.size() - 1).line())));
        }
        return result;
    }
}
