package org.policyclassifier.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
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
 * A name ending in {@code .gz} is written gzip-compressed.
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
    private boolean done;

    private AtomicOutput(Path target, Path temp, OutputStream stream) {
        this.target = target;
        this.temp = temp;
        this.stream = stream;
    }

    /** Opens the output; a folder that is missing or closed is named with the target. */
    public static AtomicOutput create(Path target) throws IOException {
        try {
            return open(target);
        } catch (IOException e) {
            throw new IOException(target + ": cannot be written (" + AtomicFiles.describe(e) + ")", e);
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

    /** As {@link #create}, with the file system's own exception when the file cannot be opened. */
    static AtomicOutput open(Path target) throws IOException {
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
        OutputStream buffered = new BufferedOutputStream(raw, 1 << 16);
        return isCompressed(target) ? new GZIPOutputStream(buffered, 1 << 16) : buffered;
    }

    public OutputStream stream() {
        return stream;
    }

    /** Flushes and closes; a file is then renamed to the target. */
    public void commit() throws IOException {
        stream.close();
        if (temp != null) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        done = true;
    }

    @Override
    public void close() throws IOException {
        if (!done) {
            try {
                stream.close();
            } finally {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }
}
