package org.policyclassifier.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.commons.io.input.ReaderInputStream;

/**
 * Opens an input by name: {@code -} is standard input; gzip is recognised by its magic bytes;
 * text saved as UTF-16 with a byte-order mark (as Excel does) is read as the UTF-8 the readers expect.
 */
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
            } catch (NoSuchFileException e) {
                throw e;
            } catch (IOException e) {
                throw new IOException(name + ": cannot be read (" + (e instanceof AccessDeniedException
                        ? "permission denied" : e.getMessage()) + ")", e);
            }
        }
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        // By content rather than by name, so that piped or misnamed gzip is read too.
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        InputStream content = in;
        if (b1 == 0x1f && b2 == 0x8b) {
            content = new GZIPInputStream(in, 1 << 16);
            size = -1;
        }
        BOMInputStream bom = BOMInputStream.builder().setInputStream(content)
                .setByteOrderMarks(ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).setInclude(false).get();
        if (bom.hasBOM()) {
            InputStreamReader utf16 = new InputStreamReader(bom, bom.getBOMCharsetName());
            return new Opened(ReaderInputStream.builder().setReader(utf16).setCharset(StandardCharsets.UTF_8).get(), -1);
        }
        return new Opened(bom, size);
    }

    /**
     * Standard input, or, when the tool was started with it closed ({@code <&-}), a stream that
     * says so: the JVM would otherwise have opened one of its own files as descriptor 0, and that
     * file would be read as input.
     */
    public static InputStream standardInput() {
        if (!stdinClosed()) {
            return System.in;
        }
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("standard input is closed (started with <&-?): give a file, or pipe the"
                        + " records in");
            }
        };
    }

    private static boolean stdinClosed() {
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/0"));
            String t = target.toString();
            Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
            return target.startsWith(javaHome) || t.endsWith(".jar") || t.endsWith(".jsa") || t.endsWith(".aot");
        } catch (NoSuchFileException e) {
            return true; // descriptor 0 is not open at all
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false; // no /proc here: trust the descriptor
        }
    }
}
