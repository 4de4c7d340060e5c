package org.policyclassifier.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * A file that appears under its final name only once complete: written to a temporary file
 * beside it, renamed by {@link #commit()}; closed without a commit, the temporary file is removed,
 * so an interrupted or failed run never leaves a half-written file that looks complete.
 */
public final class AtomicOutput implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path temp;
    private final OutputStream stream;
    private boolean done;

    private AtomicOutput(Path target, Path temp, OutputStream stream) {
        this.target = target;
        this.temp = temp;
        this.stream = stream;
    }

    /** Opens the temporary file; a folder that is missing or closed is named with the target. */
    public static AtomicOutput create(Path target) throws IOException {
        try {
            return open(target);
        } catch (IOException e) {
            throw new IOException(target + ": cannot be written (" + AtomicFiles.describe(e) + ")", e);
        }
    }

    /** As {@link #create}, with the file system's own exception when the file cannot be opened. */
    static AtomicOutput open(Path target) throws IOException {
        // Not Files.createTempFile: its owner-only permissions would stay on the renamed file.
        Path temp = target.toAbsolutePath().resolveSibling("." + target.getFileName() + "."
                + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".partial");
        OutputStream stream = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        AtomicOutput output = new AtomicOutput(target, temp, new BufferedOutputStream(stream, 1 << 16));
        temp.toFile().deleteOnExit(); // also when the run is stopped with Ctrl-C
        return output;
    }

    public OutputStream stream() {
        return stream;
    }

    /** Flushes, closes and renames the temporary file to the target. */
    public void commit() throws IOException {
        stream.close();
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        done = true;
    }

    @Override
    public void close() throws IOException {
        if (!done) {
            try {
                stream.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
