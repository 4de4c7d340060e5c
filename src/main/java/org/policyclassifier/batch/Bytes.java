package org.policyclassifier.batch;

import java.util.Arrays;

/**
 * A growing byte buffer for one chunk's decisions: unlike ByteArrayOutputStream its writes take
 * no lock (a chunk is written by one thread and handed on whole), and its array is handed to the
 * output as it is, without the copy toByteArray makes.
 */
final class Bytes {

    private byte[] buf;
    private int size;

    Bytes(int capacity) {
        buf = new byte[capacity];
    }

    void write(byte[] b) {
        write(b, 0, b.length);
    }

    void write(byte[] b, int from, int length) {
        if (size + length > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(size + length, buf.length * 2));
        }
        System.arraycopy(b, from, buf, size, length);
        size += length;
    }

    void write(int b) {
        if (size == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[size++] = (byte) b;
    }

    /** Text of ASCII characters only, one byte each. */
    void writeAscii(String text) {
        int length = text.length();
        if (size + length > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(size + length, buf.length * 2));
        }
        for (int i = 0; i < length; i++) {
            buf[size++] = (byte) text.charAt(i);
        }
    }

    byte[] array() {
        return buf;
    }

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }
}
