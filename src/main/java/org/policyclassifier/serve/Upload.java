package org.policyclassifier.serve;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Locale;
import org.policyclassifier.io.InputFormat;
import org.policyclassifier.io.Inputs;

/**
 * The body of {@code POST /v1/classify} as the batch reader takes it: read as the CLI reads a file
 * (gzip, UTF-16 with a byte-order mark as Excel saves it), in the format its content type or its
 * first character says, and bounded in size and in the time spent waiting for the client.
 */
final class Upload {

    /** The body is too large, before or after decompression. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("too large", null);
        }
    }

    /** The client sent the body slower than the minimum rate, or kept the server waiting too long in all. */
    static final class TooSlow extends IOException {
        TooSlow() {
            super("too slow", null);
        }
    }

    final InputFormat format;
    final InputStream stream;
    /** The most bytes the content can have once decoded: at most the size limit. */
    final long contentBound;

    private Upload(InputFormat format, InputStream stream, long contentBound) {
        this.format = format;
        this.stream = stream;
        this.contentBound = contentBound;
    }

    /**
     * {@code contentType} text/csv (any case, any parameters) is CSV; otherwise a body whose first
     * character past blank space is '[' is a JSON array, anything else JSON Lines.
     */
    static Upload of(String contentType, InputStream raw, long declaredBytes, long maxBytes, long maxWaitMillis,
            long minBytesPerSecond) throws IOException {
        BufferedInputStream wire = new BufferedInputStream(new Limited(raw, maxBytes, maxWaitMillis, minBytesPerSecond));
        wire.mark(2);
        boolean gzip = wire.read() == 0x1f && wire.read() == 0x8b;
        wire.reset();
        // Gzip unpacks to any size; UTF-16 becomes at most 1.5 times as many bytes of UTF-8.
        long bound = gzip || declaredBytes < 0 ? maxBytes : Math.min(maxBytes, 2 * declaredBytes);
        // The size limit again after decoding: a small gzip body must not unpack to gigabytes.
        InputStream content = new Limited(Inputs.open("-", wire).stream(), maxBytes, Long.MAX_VALUE, 0);
        if (isCsv(contentType)) {
            return new Upload(InputFormat.CSV, content, bound);
        }
        return sniff(content, bound);
    }

    static boolean isCsv(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return type.toLowerCase(Locale.ROOT).equals("text/csv");
    }

    /**
     * Reads past leading blank space (however long: no mark to overrun) and gives back its line
     * ends, so that the readers number the lines as they were sent; a UTF-8 byte-order mark is dropped.
     */
    private static Upload sniff(InputStream in, long bound) throws IOException {
        long newlines = 0;
        int c = in.read();
        if (c == 0xEF) {
            int b2 = in.read();
            int b3 = in.read();
            if (b2 != 0xBB || b3 != 0xBF) {
                return new Upload(InputFormat.JSONL, new SequenceInputStream(bytes(c, b2, b3), in), bound);
            }
            c = in.read();
        }
        while (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            newlines += c == '\n' ? 1 : 0;
            c = in.read();
        }
        InputFormat format = c == '[' ? InputFormat.JSON : InputFormat.JSONL;
        return new Upload(format, new SequenceInputStream(new SequenceInputStream(newlines(newlines), bytes(c)), in),
                bound);
    }

    /** The bytes given, those that are not the end of the stream (-1). */
    private static InputStream bytes(int... values) {
        byte[] out = new byte[values.length];
        int n = 0;
        for (int v : values) {
            if (v >= 0) {
                out[n++] = (byte) v;
            }
        }
        return new java.io.ByteArrayInputStream(out, 0, n);
    }

    private static InputStream newlines(long count) {
        return new InputStream() {
            private long left = count;

            @Override
            public int read() {
                if (left == 0) {
                    return -1;
                }
                left--;
                return '\n';
            }
        };
    }

    /**
     * Fails once more than {@code maxBytes} were read, once the reads have waited more than
     * {@code maxWaitMillis} in all, or once, after a second of waiting, the bytes came slower than
     * {@code minBytesPerSecond} of waiting. Only the time spent waiting for the client counts, not
     * the server's own work between reads: Jetty's minimum data rate counts from the first byte,
     * and so refused a 50-byte body that the server read a moment late.
     */
    private static final class Limited extends FilterInputStream {

        private static final long GRACE_NANOS = 1_000_000_000L;

        private final long maxBytes;
        private final long maxWaitNanos;
        private final long minBytesPerSecond;
        private final byte[] one = new byte[1];
        private long bytes;
        private long waitedNanos;

        Limited(InputStream in, long maxBytes, long maxWaitMillis, long minBytesPerSecond) {
            super(in);
            this.maxBytes = maxBytes;
            this.maxWaitNanos = maxWaitMillis == Long.MAX_VALUE ? Long.MAX_VALUE : maxWaitMillis * 1_000_000;
            this.minBytesPerSecond = minBytesPerSecond;
        }

        @Override
        public int read() throws IOException {
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            long start = System.nanoTime();
            int n = super.read(buffer, offset, length);
            waitedNanos += System.nanoTime() - start;
            bytes += Math.max(0, n);
            if (bytes > maxBytes) {
                throw new TooLarge();
            }
            if (waitedNanos > maxWaitNanos || n >= 0 && waitedNanos > GRACE_NANOS
                    && bytes < minBytesPerSecond * (waitedNanos / 1e9)) {
                throw new TooSlow();
            }
            return n;
        }
    }
}
