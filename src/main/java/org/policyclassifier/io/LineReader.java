package org.policyclassifier.io;

import java.io.IOException;
import java.io.InputStream;

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
    /** The line {@link #next()} returns, before it is copied out. */
    private final Lines one = new Lines(1, 256);

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
        one.clear();
        if (!next(one)) {
            return null;
        }
        return new Line(one.number(0), one.copy(0), one.length(0));
    }

    /** Adds the next line to {@code into}, without its line end; false at the end of the stream. */
    public boolean next(Lines into) throws IOException {
        long length = 0;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return false;
                }
                break;
            }
            if (!any) {
                into.begin(number + 1);
                any = true;
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int n = position - start;
            int room = (int) Math.min(n, maxLineBytes - into.appended());
            if (room > 0) {
                into.append(buffer, start, room);
            }
            length += n;
            if (position < limit) {
                position++; // the '\n'
                break;
            }
        }
        number++;
        int kept = into.appended();
        int dropped = 0;
        if (length <= maxLineBytes && kept > 0 && into.appendedByte(kept - 1) == '\r') {
            dropped = 1;
            length--;
        }
        int skipped = 0;
        if (number == 1 && kept - dropped >= 3 && (into.appendedByte(0) & 0xff) == 0xEF
                && (into.appendedByte(1) & 0xff) == 0xBB && (into.appendedByte(2) & 0xff) == 0xBF) {
            skipped = 3;
            length -= 3;
        }
        into.end(skipped, dropped, length);
        return true;
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
