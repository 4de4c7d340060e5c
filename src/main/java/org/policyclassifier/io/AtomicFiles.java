package org.policyclassifier.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Writes a file so that it appears only once complete: never a half-written output. */
public final class AtomicFiles {

    /** What goes into the file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Why a file could not be written, in plain words. */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            Path folder = Path.of(missing.getFile()).getParent();
            return "the folder " + (folder == null ? "" : folder.toString()) + " does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage();
    }

    /**
     * Writes {@code content} through an {@link AtomicOutput}: the target appears only once
     * complete; on any failure it is left as it was and the temporary file is removed.
     */
    public static void write(Path target, Content content) throws IOException {
        try (AtomicOutput out = AtomicOutput.open(target)) {
            content.writeTo(out.stream());
            out.commit();
        }
    }
}
