package org.policyclassifier.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.rules.EngineSettings;

/**
 * The rules and facts the server answers with, reloaded when a file under {@code rules/} or
 * {@code facts/} changes. A reload compiles a new {@link Snapshot} off to the side and swaps it in
 * at once; when the edit is broken the last good snapshot stays, and its problems are kept for
 * {@code /v1/health} and the page until an edit fixes them.
 */
public final class LiveEngine implements AutoCloseable {

    /** Editors write a file in several steps (temporary file, rename); wait for them to settle. */
    private static final long SETTLE_MILLIS = 150;
    /**
     * How often the folders' content is compared with what was loaded, beside the file events: a
     * folder replaced whole ({@code mv rules old; cp -r new rules}) takes its events with it.
     */
    private static final long POLL_MILLIS = 1_000;
    /** Questions answered ahead by new rules before they are swapped in: the day's usual ones, and a bound. */
    private static final int WARM_QUESTIONS = 2_000;

    /** What the last reload found: when it ran, and its problems (empty when the rules in use are current). */
    public record Status(Instant checkedAt, List<Problem> problems) {
    }

    private final Path rulesDir;
    private final Path factsDir;
    private final EngineSettings settings;
    private final PrintWriter log;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final AtomicReference<Status> status = new AtomicReference<>();
    private WatchService watcher;
    private Thread watching;
    /** When the watching last looked at the folders; null when they are not watched. */
    private volatile Instant watchedAt;

    private LiveEngine(Path rulesDir, Path factsDir, EngineSettings settings, PrintWriter log) {
        this.rulesDir = rulesDir;
        this.factsDir = factsDir;
        this.settings = settings;
        this.log = log;
    }

    /** Loads the rules and facts; the server does not start on broken ones. */
    public static LiveEngine load(Path rulesDir, Path factsDir, EngineSettings settings, PrintWriter log)
            throws InvalidInputException {
        LiveEngine engine = new LiveEngine(rulesDir, factsDir, settings, log);
        engine.current.set(Snapshot.load(1, rulesDir, factsDir, settings));
        engine.status.set(new Status(Instant.now(), List.of()));
        return engine;
    }

    /**
     * Answers the page's example questions in every language before the first visitor does (see
     * {@link Snapshot#warmUp}), and says how long it took.
     */
    public void warmUp() {
        long start = System.nanoTime();
        int pages = current().warmUp();
        log.printf("policy serve: warmed up (%d example pages in %d languages, %d ms)%n", pages,
                current().words().languages().size(), (System.nanoTime() - start) / 1_000_000);
    }

    Path rulesDir() {
        return rulesDir;
    }

    Path factsDir() {
        return factsDir;
    }

    EngineSettings settings() {
        return settings;
    }

    Snapshot current() {
        return current.get();
    }

    public Status status() {
        return status.get();
    }

    /** The vocabulary in use, e.g. to build questions for a benchmark. */
    public org.policyclassifier.facts.Vocabulary vocabulary() {
        return current.get().classifier.vocabulary();
    }

    public int version() {
        return current.get().version;
    }

    /**
     * A file as the API shows it: from the served folder's name down ({@code rules/scope.drl}),
     * never where that folder sits on the server.
     */
    String shown(String file) {
        if (file == null) {
            return null;
        }
        Path path = Path.of(file).toAbsolutePath().normalize();
        for (Path root : List.of(rulesDir, factsDir)) {
            Path dir = root.toAbsolutePath().normalize();
            if (path.startsWith(dir)) {
                Path name = dir.getFileName();
                Path inside = dir.relativize(path);
                return (name == null ? inside : name.resolve(inside)).toString();
            }
        }
        Path name = path.getFileName();
        return name == null ? file : name.toString();
    }

    /**
     * Compiles the folders again and swaps the result in; on problems keeps the rules in use.
     * Returns true when a new snapshot is in use.
     */
    public synchronized boolean reload() {
        int next = current.get().version + 1;
        try {
            Snapshot fresh = Snapshot.load(next, rulesDir, factsDir, settings);
            // Off to the side as well: the questions of the rules in use, answered by the new ones before the swap.
            int warmed = fresh.warmFrom(current.get(), WARM_QUESTIONS);
            // Logged before the swap: whoever sees the new version in use finds the line already written.
            log.println("policy serve: rules and facts reloaded (version " + next + "; " + warmed
                    + (warmed == 1 ? " question" : " questions") + " answered ahead)");
            log.flush();
            current.set(fresh);
            status.set(new Status(Instant.now(), List.of()));
            return true;
        } catch (InvalidInputException e) {
            rejected(e.problems());
            return false;
        } catch (RuntimeException e) {
            // A fault of the engine on odd input must not end the watching; it is reported like an edit's problem.
            rejected(List.of(new Problem(rulesDir.toString(), 0, "the rules could not be loaded: " + e)));
            return false;
        } finally {
            log.flush();
        }
    }

    private void rejected(List<Problem> problems) {
        status.set(new Status(Instant.now(), problems));
        log.println("policy serve: the edit is not used, the last good rules stay in use:");
        problems.forEach(p -> log.println("  " + p));
    }

    /** When the watching last looked at the folders; null when they are not watched. */
    public Instant watchedAt() {
        return watching == null ? null : watchedAt;
    }

    /** True when the folders were watched and no longer are: edits are not taken any more. */
    public boolean watchStopped() {
        return watching != null && !watching.isAlive();
    }

    /**
     * Watches both folders (and their subfolders) and reloads after each burst of changes; every
     * {@link #POLL_MILLIS} also compares their content with what was seen, and watches again what
     * is there now (a folder replaced, a subfolder added).
     */
    public void watch() throws IOException {
        watcher = FileSystems.getDefault().newWatchService();
        register();
        watchedAt = Instant.now();
        watching = new Thread(this::watchLoop, "policy-reload");
        watching.setDaemon(true);
        watching.start();
    }

    /** Registers every folder there is now; a folder that vanished has its key cancelled by the system. */
    private void register() throws IOException {
        for (Path root : List.of(rulesDir, factsDir)) {
            if (!Files.isDirectory(root)) {
                continue; // the reload says the folder is missing
            }
            try (Stream<Path> dirs = Files.walk(root)) {
                for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                    dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                }
            }
        }
    }

    private void watchLoop() {
        String seen = fingerprint();
        try {
            while (true) {
                WatchKey key = watcher.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                boolean changed = key != null;
                if (key != null) {
                    drain(key);
                    // A burst of events (save, rename, a checkout of many files) becomes one reload.
                    for (WatchKey more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS); more != null;
                            more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) {
                        drain(more);
                    }
                }
                String now = fingerprint();
                changed |= !now.equals(seen);
                if (changed) {
                    seen = now;
                    try {
                        register();
                    } catch (IOException | java.io.UncheckedIOException e) {
                        // A folder changing under the walk: the next look registers what is there then.
                        seen = "";
                    }
                    reload();
                }
                watchedAt = Instant.now();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every file and folder under both folders with its identity, size and time; equal when nothing changed. */
    private String fingerprint() {
        StringBuilder all = new StringBuilder();
        for (Path root : List.of(rulesDir, factsDir)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.toList()) {
                    BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
                    all.append(path).append(' ').append(a.fileKey()).append(' ').append(a.size()).append(' ')
                            .append(a.lastModifiedTime()).append('\n');
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                all.append(root).append(" unreadable\n");
            }
        }
        return all.toString();
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @Override
    public void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
        if (watching != null) {
            watching.interrupt();
        }
    }
}
