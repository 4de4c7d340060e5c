package org.policyclassifier.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens an input by name: {@code -} is standard input; gzip is recognised by its magic bytes. */
public final class Inputs {

    /** An open input; {@code size} is the file's size in bytes when known (plain files), else -1. */
    public record Opened(InputStream stream, long size) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            stream.close();
        }
    }

    private Inputs() {
    }

    public static Opened open(String name, InputStream stdin) throws IOException {
        InputStream raw;
        long size = -1;
        if (name.equals("-")) {
            raw = stdin;
        } else {
            Path path = Path.of(name);
            try {
                raw = Files.newInputStream(path);
                size = Files.size(path);
            } catch (java.nio.file.NoSuchFileException e) {
                throw e;
            } catch (IOException e) {
                throw new IOException(name + ": cannot be read (" + (e instanceof java.nio.file.AccessDeniedException
                        ? "permission denied" : e.getMessage()) + ")", e);
            }
        }
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        // By content rather than by name, so that piped or misnamed gzip is read too.
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new Opened(new GZIPInputStream(in, 1 << 16), -1);
        }
        return new Opened(in, size);
    }
}
