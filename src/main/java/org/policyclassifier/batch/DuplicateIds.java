package org.policyclassifier.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.policyclassifier.io.StaleFiles;

/**
 * Finds every id that more than one record carries, exactly, in memory that does not grow with
 * the input: ids are kept in runs of {@code runSize}, each run sorted and spilled to a temporary
 * file when full, and the runs are merged at the end (an external sort). Entries are ordered by
 * the id's hash code, then its UTF-8 bytes, so that most comparisons are one of two ints and the
 * merge compares bytes without making strings.
 */
final class DuplicateIds implements AutoCloseable {

    /** Receives each duplicated id in turn. */
    interface Sink {
        void accept(Duplicate duplicate) throws IOException;
    }

    private record Entry(int hash, byte[] id, long line) {
    }

    /** Bytes of a spilled entry beside its id: hash, id length, line. */
    private static final int ENTRY_BYTES = Integer.BYTES + Integer.BYTES + Long.BYTES;

    /** Stable: the entries of one id keep the order they came in, which is the order of their lines. */
    private static final Comparator<Entry> ORDER = (a, b) -> a.hash() != b.hash() ? Integer.compare(a.hash(), b.hash())
            : Arrays.compare(a.id(), b.id());

    /** Spill folders are named {@code policy-ids-<pid>-<random>}, one per run. */
    static final String SPILL_PREFIX = "policy-ids-";

    private final Path spillDir;
    private final Entry[] buffer;
    private final List<Path> runs = new ArrayList<>();
    private int size;
    private Path dir;

    DuplicateIds(Path spillDir, int runSize) {
        this.spillDir = spillDir;
        this.buffer = new Entry[runSize];
        // Runs killed outright (SIGKILL) could not remove their spill folders: this one does.
        StaleFiles.removeLeftovers(spillDir, SPILL_PREFIX, "");
    }

    void add(String id, long line) throws IOException {
        buffer[size++] = new Entry(id.hashCode(), id.getBytes(StandardCharsets.UTF_8), line);
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
                sources.add(new MemoryRun(buffer, size));
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
        PriorityQueue<Run> queue = new PriorityQueue<>((a, b) -> {
            if (a.hash() != b.hash()) {
                return Integer.compare(a.hash(), b.hash());
            }
            int byId = Arrays.compare(a.id(), 0, a.length(), b.id(), 0, b.length());
            return byId != 0 ? byId : Long.compare(a.line(), b.line()); // an id's lines in order
        });
        for (Run r : sources) {
            if (r.advance()) {
                queue.add(r);
            }
        }
        Group group = new Group();
        while (!queue.isEmpty()) {
            Run r = queue.poll();
            group.take(r, sink);
            if (r.advance()) {
                queue.add(r);
            }
        }
        group.end(sink);
        return new long[] {group.ids, group.records};
    }

    /** The entries of one id as the merge meets them, and the totals so far. */
    private static final class Group {
        private byte[] id = new byte[64];
        private int length = -1;
        private int hash;
        private long count;
        private final long[] lines = new long[Duplicate.LINES_KEPT];
        long ids;
        long records;

        void take(Run r, Sink sink) throws IOException {
            if (length < 0 || r.hash() != hash || !Arrays.equals(id, 0, length, r.id(), 0, r.length())) {
                end(sink);
                if (id.length < r.length()) {
                    id = new byte[r.length()];
                }
                System.arraycopy(r.id(), 0, id, 0, r.length());
                length = r.length();
                hash = r.hash();
                count = 0;
            }
            if (count < lines.length) {
                lines[(int) count] = r.line();
            }
            count++;
        }

        void end(Sink sink) throws IOException {
            if (count > 1) {
                List<Long> kept = new ArrayList<>();
                for (int i = 0; i < Math.min(count, lines.length); i++) {
                    kept.add(lines[i]);
                }
                sink.accept(new Duplicate(new String(id, 0, length, StandardCharsets.UTF_8), count, kept));
                ids++;
                records += count;
            }
            count = 0;
        }
    }

    /** Writes the sorted run as one block: {hash, id length, id bytes, line} per entry. */
    private void spill() throws IOException {
        Arrays.sort(buffer, 0, size, ORDER);
        if (dir == null) {
            dir = Files.createTempDirectory(spillDir, SPILL_PREFIX + StaleFiles.owner());
            dir.toFile().deleteOnExit(); // also when the run is stopped with Ctrl-C; files go first
        }
        Path run = dir.resolve("run-" + runs.size());
        run.toFile().deleteOnExit();
        int bytes = 0;
        for (int i = 0; i < size; i++) {
            bytes += ENTRY_BYTES + buffer[i].id().length;
        }
        ByteBuffer block = ByteBuffer.allocate(bytes);
        for (int i = 0; i < size; i++) {
            block.putInt(buffer[i].hash()).putInt(buffer[i].id().length).put(buffer[i].id()).putLong(buffer[i].line());
            buffer[i] = null;
        }
        Files.write(run, block.array());
        runs.add(run);
        size = 0;
    }

    @Override
    public void close() throws IOException {
        if (dir != null) {
            for (Path run : runs) {
                Files.deleteIfExists(run);
            }
            Files.deleteIfExists(dir);
        }
    }

    /** A sorted source of entries for the merge; its head stays valid until the next advance. */
    private interface Run extends AutoCloseable {
        boolean advance() throws IOException;

        int hash();

        byte[] id();

        int length();

        long line();

        @Override
        void close() throws IOException;
    }

    private static final class MemoryRun implements Run {
        private final Entry[] entries;
        private final int size;
        private int next;
        private Entry head;

        MemoryRun(Entry[] entries, int size) {
            this.entries = entries;
            this.size = size;
        }

        @Override
        public boolean advance() {
            head = next < size ? entries[next++] : null;
            return head != null;
        }

        @Override
        public int hash() {
            return head.hash();
        }

        @Override
        public byte[] id() {
            return head.id();
        }

        @Override
        public int length() {
            return head.id().length;
        }

        @Override
        public long line() {
            return head.line();
        }

        @Override
        public void close() {
        }
    }

    /** A spilled run, read through a buffer that is refilled as the merge consumes it. */
    private static final class FileRun implements Run {
        private final InputStream in;
        private ByteBuffer buffer = ByteBuffer.allocate(1 << 14).flip();
        private byte[] id = new byte[64];
        private int length;
        private int hash;
        private long line;

        FileRun(Path file) throws IOException {
            in = Files.newInputStream(file);
        }

        @Override
        public boolean advance() throws IOException {
            if (!fill(ENTRY_BYTES - Long.BYTES)) {
                return false;
            }
            hash = buffer.getInt();
            length = buffer.getInt();
            if (!fill(length + Long.BYTES)) {
                throw new IOException("a spilled run of ids ends in the middle of an entry");
            }
            if (id.length < length) {
                id = new byte[length];
            }
            buffer.get(id, 0, length);
            line = buffer.getLong();
            return true;
        }

        /** Makes {@code n} bytes readable; false at the end of the run. */
        private boolean fill(int n) throws IOException {
            if (buffer.remaining() >= n) {
                return true;
            }
            if (buffer.capacity() < n) {
                buffer = ByteBuffer.allocate(n * 2).put(buffer).flip();
            }
            buffer.compact();
            while (buffer.position() < n) {
                int read = in.read(buffer.array(), buffer.position(), buffer.remaining());
                if (read < 0) {
                    break;
                }
                buffer.position(buffer.position() + read);
            }
            buffer.flip();
            return buffer.remaining() >= n;
        }

        @Override
        public int hash() {
            return hash;
        }

        @Override
        public byte[] id() {
            return id;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public long line() {
            return line;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
