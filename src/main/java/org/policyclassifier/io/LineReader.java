package org.policyclassifier.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding them, so that each line can be decoded and
 * judged on its own (a bad byte rejects one line, not the file) and a huge line is counted and
 * skipped instead of filling the heap. Lines end at {@code \n}; a {@code \r} before it is dropped,
 * and so is a UTF-8 byte-order mark at the start of the stream.
 */
public final class LineReader {

    /** One line: its 1-based number, its bytes (cut at the limit) and its full length. */
    public record Line(long number, byte[] bytes, long length) {

        public boolean tooLong() {
            return length > bytes.length;
        }

        public boolean isBlank() {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return !tooLong();
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long number;
    private long bytesRead;
    private byte[] line = new byte[256];

    public LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Bytes consumed so far, for progress against a known file size. */
    public long bytesRead() {
        return bytesRead;
    }

    /** The next line, or null at the end of the stream. */
    public Line next() throws IOException {
        int kept = 0;
        long length = 0;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int n = position - start;
            int room = Math.min(n, maxLineBytes - kept);
            if (room > 0) {
                if (kept + room > line.length) {
                    line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(kept + room, line.length * 2)));
                }
                System.arraycopy(buffer, start, line, kept, room);
                kept += room;
            }
            length += n;
            if (position < limit) {
                position++; // the '\n'
                break;
            }
        }
        number++;
        if (length <= maxLineBytes && kept > 0 && line[kept - 1] == '\r') {
            kept--;
            length--;
        }
        int from = 0;
        if (number == 1 && kept >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB
                && (line[2] & 0xff) == 0xBF) {
            from = 3;
            length -= 3;
        }
        return new Line(number, Arrays.copyOfRange(line, from, kept), length);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        bytesRead += n;
        position = 0;
        limit = n;
        return true;
    }
}
