package org.policyclassifier.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a file so that it appears only once complete: never a half-written output. */
public final class AtomicFiles {

    /** What goes into the file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Why a file could not be written, in plain words: the file system's reason without the path
     * it names, which may be a temporary file the user never heard of.
     */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            Path folder = Path.of(missing.getFile()).getParent();
            return "the folder " + (folder == null ? "" : folder.toString()) + " does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException || "Not a directory".equals(reason(e))) {
            return "a part of its path is a file, not a folder";
        }
        if (e instanceof FileSystemException && reason(e) != null) {
            return reason(e);
        }
        return e.getMessage() == null ? "an error of the file system" : e.getMessage();
    }

    private static String reason(IOException e) {
        return e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    }

    /**
     * Writes {@code content} through an {@link AtomicOutput}: the target appears only once
     * complete; on any failure it is left as it was, the temporary file is removed and the
     * exception's message names the target and says why.
     */
    public static void write(Path target, Content content) throws IOException {
        try (AtomicOutput out = AtomicOutput.create(target)) {
            content.writeTo(out.stream());
            out.commit();
        }
    }

    /**
     * Writes a cache file that every user of one installation reads (mode 644, whatever the
     * umask), so that they share it instead of each making their own; what it holds is no secret.
     */
    public static void writeReadableByAll(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
        try {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its own defaults apply.
        }
    }
}
