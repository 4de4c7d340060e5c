package org.policyclassifier.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * An output file that appears under its final name only once complete: written to a temporary
 * file beside it, renamed by {@link #commit()}; closed without a commit, the temporary file is
 * removed, so an interrupted or failed run never leaves a half-written file that looks complete.
 * A name ending in {@code .gz} is written gzip-compressed. Every failure, however late, is an
 * {@link IOException} that names the target and says why in plain words, never the temporary file.
 *
 * <p>Renaming only works for regular files: a character device ({@code /dev/stdout}, a terminal),
 * a named pipe, a {@code /dev/fd/N} of a shell's {@code >(...)} or anything under {@code /proc} is
 * written to directly, as a stream, and left in place. A temporary file that a killed run left
 * behind (its process gone) is removed by the next run on the same output.
 */
public final class AtomicOutput implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PARTIAL = ".partial";

    private final Path target;
    private final Path temp;
    private final OutputStream stream;
    private boolean finished;
    private boolean done;

    private AtomicOutput(Path target, Path temp, OutputStream stream) {
        this.target = target;
        this.temp = temp;
        this.stream = stream;
    }

    /** Opens the output; a failure (a missing or closed folder, a path through a file) names the target. */
    public static AtomicOutput create(Path target) throws IOException {
        try {
            return open(target);
        } catch (IOException e) {
            throw failed(target, e);
        }
    }

    /** True when {@code target} is not a regular file to replace but a device, pipe or descriptor to stream to. */
    public static boolean isStream(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (absolute.startsWith("/dev/") || absolute.startsWith("/proc/")) {
            return true;
        }
        return Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target);
    }

    /** True when the name asks for gzip-compressed content. */
    public static boolean isCompressed(Path target) {
        return target.getFileName() != null && target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    private static AtomicOutput open(Path target) throws IOException {
        if (Files.isDirectory(target)) {
            throw new IOException("it is a folder");
        }
        if (isStream(target)) {
            OutputStream stream = Files.newOutputStream(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return new AtomicOutput(target, null, wrap(target, stream));
        }
        // Through a symbolic link, the file it points to is replaced, not the link.
        Path file = Files.isSymbolicLink(target) ? target.toRealPath() : target.toAbsolutePath();
        String prefix = "." + file.getFileName() + ".";
        StaleFiles.removeLeftovers(file.getParent(), prefix, PARTIAL);
        // Not Files.createTempFile: its owner-only permissions would stay on the renamed file.
        Path temp = file.resolveSibling(prefix + StaleFiles.owner()
                + Long.toUnsignedString(RANDOM.nextLong(), 36) + PARTIAL);
        OutputStream stream = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        temp.toFile().deleteOnExit(); // also when the run is stopped with Ctrl-C
        return new AtomicOutput(file, temp, wrap(target, stream));
    }

    private static OutputStream wrap(Path target, OutputStream raw) throws IOException {
        OutputStream buffered = new BufferedOutputStream(new Named(target, raw), 1 << 16);
        return isCompressed(target) ? new GZIPOutputStream(buffered, 1 << 16) : buffered;
    }

    /** Why {@code target} could not be written, as one exception that names it. */
    private static IOException failed(Path target, IOException e) {
        return new IOException(target + ": cannot be written (" + AtomicFiles.describe(e) + ")", e);
    }

    /** What is written here goes to the target once committed; a failure to write names the target. */
    public OutputStream stream() {
        return stream;
    }

    /**
     * Writes out what is buffered and closes the temporary file (or the stream): the step where a
     * full disk shows. The target is not yet replaced.
     */
    void finish() throws IOException {
        if (!finished) {
            finished = true;
            stream.close();
        }
    }

    /** Fails, naming the target, when the temporary file is gone: its folder was removed during the run. */
    void checkRenamable() throws IOException {
        if (temp != null && !Files.exists(temp)) {
            throw failed(target, new NoSuchFileException(temp.toString()));
        }
    }

    /** Replaces the target with the finished temporary file. */
    void rename() throws IOException {
        if (temp != null) {
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw failed(target, e);
            }
        }
        done = true;
    }

    /** Flushes and closes; a file is then renamed to the target. */
    public void commit() throws IOException {
        finish();
        checkRenamable();
        rename();
    }

    /** Abandons an uncommitted output: the temporary file is removed, the target stays as it was. */
    @Override
    public void close() {
        if (!done) {
            done = true;
            try {
                stream.close();
            } catch (IOException e) {
                // The content is discarded anyway; the failure that stopped the run was reported.
            }
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // A removed folder took it along; a leftover is removed by the next run on this output.
                }
            }
        }
    }

    /** Under the buffers, so that each failure is named once, with the target the user gave. */
    private static final class Named extends FilterOutputStream {
        private final Path target;

        Named(Path target, OutputStream out) {
            super(out);
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw failed(target, e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw failed(target, e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw failed(target, e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw failed(target, e);
            }
        }
    }
}
