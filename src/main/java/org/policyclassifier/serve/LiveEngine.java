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
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;

/**
 * The rules and facts the server answers with, reloaded when a file under {@code rules/} or
 * {@code facts/} changes. A reload compiles a new {@link Snapshot} off to the side and swaps it in
 * at once; when the edit is broken the last good snapshot stays, and its problems are kept for
 * {@code /v1/health} and the page until an edit fixes them.
 */
public final class LiveEngine implements AutoCloseable {

    /** Editors write a file in several steps (temporary file, rename); wait for them to settle. */
    private static final long SETTLE_MILLIS = 150;
    /** Questions answered ahead by new rules before they are swapped in: the day's usual ones, and a bound. */
    private static final int WARM_QUESTIONS = 2_000;

    /** What the last reload found: when it ran, and its problems (empty when the rules in use are current). */
    public record Status(Instant checkedAt, List<Problem> problems) {
    }

    private final Path rulesDir;
    private final Path factsDir;
    private final Path rulesCache;
    private final PrintWriter log;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final AtomicReference<Status> status = new AtomicReference<>();
    private WatchService watcher;
    private Thread watching;

    private LiveEngine(Path rulesDir, Path factsDir, Path rulesCache, PrintWriter log) {
        this.rulesDir = rulesDir;
        this.factsDir = factsDir;
        this.rulesCache = rulesCache;
        this.log = log;
    }

    /** Loads the rules and facts; the server does not start on broken ones. */
    public static LiveEngine load(Path rulesDir, Path factsDir, Path rulesCache, PrintWriter log)
            throws InvalidInputException {
        LiveEngine engine = new LiveEngine(rulesDir, factsDir, rulesCache, log);
        engine.current.set(Snapshot.load(1, rulesDir, factsDir, rulesCache));
        engine.status.set(new Status(Instant.now(), List.of()));
        return engine;
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
     * Compiles the folders again and swaps the result in; on problems keeps the rules in use.
     * Returns true when a new snapshot is in use.
     */
    public synchronized boolean reload() {
        int next = current.get().version + 1;
        try {
            Snapshot fresh = Snapshot.load(next, rulesDir, factsDir, rulesCache);
            // Off to the side as well: the questions of the rules in use, answered by the new ones before the swap.
            int warmed = fresh.warmFrom(current.get(), WARM_QUESTIONS);
            current.set(fresh);
            status.set(new Status(Instant.now(), List.of()));
            log.println("policy serve: rules and facts reloaded (version " + next + "; " + warmed
                    + (warmed == 1 ? " question" : " questions") + " answered ahead)");
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

    /** Watches both folders (and their subfolders) and reloads after each burst of changes. */
    public void watch() throws IOException {
        watcher = FileSystems.getDefault().newWatchService();
        for (Path root : List.of(rulesDir, factsDir)) {
            try (Stream<Path> dirs = Files.walk(root)) {
                for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                    dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                }
            }
        }
        watching = new Thread(this::watchLoop, "policy-reload");
        watching.setDaemon(true);
        watching.start();
    }

    private void watchLoop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                drain(key);
                // A burst of events (save, rename, a checkout of many files) becomes one reload.
                for (WatchKey more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS); more != null;
                        more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) {
                    drain(more);
                }
                reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
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
