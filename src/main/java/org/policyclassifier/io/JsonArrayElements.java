package org.policyclassifier.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.policyclassifier.io.LineReader.Line;

/**
 * Cuts a JSON array into the raw text of its elements, with the line each starts on, without
 * parsing them: each element is then parsed on its own, like a line of JSON Lines, so that a bad
 * element (not JSON, {@code null}, a 50 MB string) is one rejected record and not the end of the
 * run. Only strings, escapes and bracket depth are tracked, enough to find where an element ends;
 * an element longer than the limit is counted and skipped, not held in memory. What cannot be
 * cut (no opening bracket, no closing bracket, text after it) is a problem of the whole input.
 */
public final class JsonArrayElements {

    /** The input is not one JSON array; {@code line} is where that shows. */
    public static final class NotAnArray extends Exception {
        private final long line;

        NotAnArray(long line, String message) {
            super(message);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private long line = 1;
    private long bytesRead;
    private int peeked = -2;
    private boolean started;
    private boolean first = true;
    private boolean ended;
    private byte[] element = new byte[256];

    public JsonArrayElements(InputStream in, int maxBytes) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
        this.maxBytes = maxBytes;
    }

    public long bytesRead() {
        return bytesRead;
    }

    /** The next element, or null after the closing bracket (and nothing but white space after it). */
    public Line next() throws IOException, NotAnArray {
        if (ended) {
            return null;
        }
        if (!started) {
            started = true;
            skipByteOrderMark();
            if (skipWhiteSpace() != '[') {
                throw new NotAnArray(line, "expected a JSON array of case records ([{...}, {...}]); for one object"
                        + " per line use --input-format jsonl");
            }
            read();
        }
        int c = skipWhiteSpace();
        if (c == ']' && first) {
            return end();
        }
        if (!first) {
            if (c == ']') {
                return end();
            }
            if (c != ',') {
                throw c < 0 ? notClosed() : new NotAnArray(line, "expected ',' or ']' between the array's elements");
            }
            read();
            c = skipWhiteSpace();
        }
        first = false;
        if (c < 0) {
            throw notClosed();
        }
        return element();
    }

    private Line element() throws IOException, NotAnArray {
        long start = line;
        int kept = 0;
        long length = 0;
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        while (true) {
            int c = peek();
            if (c < 0) {
                throw notClosed();
            }
            if (!inString && depth == 0 && (c == ',' || c == ']')) {
                break;
            }
            read();
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && depth > 0) {
                depth--;
            }
            if (kept < maxBytes) {
                if (kept == element.length) {
                    element = Arrays.copyOf(element, Math.min(maxBytes, element.length * 2));
                }
                element[kept++] = (byte) c;
            }
            length++;
        }
        // White space before the separator is not part of the element.
        while (kept > 0 && kept == length && isWhiteSpace(element[kept - 1])) {
            kept--;
            length--;
        }
        return new Line(start, Arrays.copyOf(element, kept), length);
    }

    private Line end() throws IOException, NotAnArray {
        read();
        ended = true;
        if (skipWhiteSpace() >= 0) {
            throw new NotAnArray(line, "text after the closing ']' of the array: a JSON file holds one array");
        }
        return null;
    }

    private NotAnArray notClosed() {
        return new NotAnArray(line, "the JSON array is not closed: the input ends before ']'");
    }

    private void skipByteOrderMark() throws IOException {
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            bytesRead += 3;
        } else {
            in.reset();
        }
    }

    /** Skips white space; returns the next byte without consuming it, or -1 at the end. */
    private int skipWhiteSpace() throws IOException {
        int c = peek();
        while (c >= 0 && isWhiteSpace((byte) c)) {
            read();
            c = peek();
        }
        return c;
    }

    private static boolean isWhiteSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    private int read() throws IOException {
        int c = peek();
        peeked = -2;
        if (c >= 0) {
            bytesRead++;
            if (c == '\n') {
                line++;
            }
        }
        return c;
    }
}
