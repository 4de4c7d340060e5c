package org.policyclassifier.batch;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * Finds every id that more than one record carries, exactly, in memory that does not grow with
 * the input: ids are kept in runs of {@code runSize}, each run sorted and spilled to a temporary
 * file when full, and the runs are merged at the end (an external sort). The runs are sorted by
 * the id's hash code first, so that most comparisons are one of two ints.
 */
final class DuplicateIds implements AutoCloseable {

    /** How many lines of one duplicated id are listed; the count stays exact beyond. */
    static final int LINES_KEPT = Duplicate.LINES_KEPT;

    private record Entry(String id, long line) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingInt((Entry e) -> e.id().hashCode())
            .thenComparing(Entry::id).thenComparingLong(Entry::line);

    /** Receives each duplicated id in turn. */
    interface Sink {
        void accept(Duplicate duplicate) throws IOException;
    }

    private final Path spillDir;
    private final Entry[] buffer;
    private final List<Path> runs = new ArrayList<>();
    private int size;
    private Path dir;

    DuplicateIds(Path spillDir, int runSize) {
        this.spillDir = spillDir;
        this.buffer = new Entry[runSize];
    }

    void add(String id, long line) throws IOException {
        buffer[size++] = new Entry(id, line);
        if (size == buffer.length) {
            spill();
        }
    }

    /** Reports every duplicated id, in no particular order; returns {ids, records carrying them}. */
    long[] report(Sink sink) throws IOException {
        List<Run> sources = new ArrayList<>();
        try {
            if (runs.isEmpty()) {
                Arrays.sort(buffer, 0, size, ORDER);
                sources.add(new MemoryRun(Arrays.asList(buffer).subList(0, size)));
            } else {
                if (size > 0) {
                    spill();
                }
                for (Path run : runs) {
                    sources.add(new FileRun(run));
                }
            }
            return merge(sources, sink);
        } finally {
            for (Run r : sources) {
                r.close();
            }
        }
    }

    private static long[] merge(List<Run> sources, Sink sink) throws IOException {
        PriorityQueue<Run> queue = new PriorityQueue<>(Comparator.comparing(Run::head, ORDER));
        for (Run r : sources) {
            if (r.advance()) {
                queue.add(r);
            }
        }
        long ids = 0;
        long records = 0;
        String current = null;
        long count = 0;
        List<Long> lines = new ArrayList<>();
        while (!queue.isEmpty()) {
            Run r = queue.poll();
            Entry e = r.head();
            if (!e.id().equals(current)) {
                if (count > 1) {
                    sink.accept(new Duplicate(current, count, List.copyOf(lines)));
                    ids++;
                    records += count;
                }
                current = e.id();
                count = 0;
                lines.clear();
            }
            count++;
            if (lines.size() < LINES_KEPT) {
                lines.add(e.line());
            }
            if (r.advance()) {
                queue.add(r);
            }
        }
        if (count > 1) {
            sink.accept(new Duplicate(current, count, List.copyOf(lines)));
            ids++;
            records += count;
        }
        return new long[] {ids, records};
    }

    private void spill() throws IOException {
        Arrays.sort(buffer, 0, size, ORDER);
        if (dir == null) {
            dir = Files.createTempDirectory(spillDir, "policy-ids-");
        }
        Path run = dir.resolve("run-" + runs.size());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
            for (int i = 0; i < size; i++) {
                byte[] id = buffer[i].id().getBytes(StandardCharsets.UTF_8);
                out.writeInt(id.length);
                out.write(id);
                out.writeLong(buffer[i].line());
                buffer[i] = null;
            }
        }
        runs.add(run);
        size = 0;
    }

    @Override
    public void close() throws IOException {
        if (dir != null) {
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(f -> {
                    try {
                        Files.deleteIfExists(f);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            Files.deleteIfExists(dir);
        }
    }

    /** A sorted source of entries for the merge. */
    private interface Run extends AutoCloseable {
        boolean advance() throws IOException;

        Entry head();

        @Override
        void close() throws IOException;
    }

    private static final class MemoryRun implements Run {
        private final List<Entry> entries;
        private int next;
        private Entry head;

        MemoryRun(List<Entry> entries) {
            this.entries = entries;
        }

        @Override
        public boolean advance() {
            head = next < entries.size() ? entries.get(next++) : null;
            return head != null;
        }

        @Override
        public Entry head() {
            return head;
        }

        @Override
        public void close() {
        }
    }

    private static final class FileRun implements Run {
        private final DataInputStream in;
        private Entry head;

        FileRun(Path file) throws IOException {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 14));
        }

        @Override
        public boolean advance() throws IOException {
            int length;
            try {
                length = in.readInt();
            } catch (EOFException end) {
                head = null;
                return false;
            }
            byte[] id = in.readNBytes(length);
            head = new Entry(new String(id, StandardCharsets.UTF_8), in.readLong());
            return true;
        }

        @Override
        public Entry head() {
            return head;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
