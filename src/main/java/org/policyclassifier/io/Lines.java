package org.policyclassifier.io;

import java.util.Arrays;
import org.policyclassifier.io.LineReader.Line;

/**
 * Records of an input as read, one after the other in one array, each followed by a newline and
 * known by where it starts and ends, its line and its full length: a chunk of records without an
 * array and an object per record, which one parser can then read in turn.
 */
public final class Lines {

    private byte[] bytes;
    private int size;
    private int[] starts;
    private int[] ends;
    private long[] numbers;
    private long[] lengths;
    private int count;

    public Lines(int records, int bytes) {
        this.bytes = new byte[bytes];
        this.starts = new int[records];
        this.ends = new int[records];
        this.numbers = new long[records];
        this.lengths = new long[records];
    }

    public int count() {
        return count;
    }

    /** The array that holds every record's text; record {@code i} is bytes {@link #start} to {@link #end}. */
    public byte[] bytes() {
        return bytes;
    }

    /** Where the records' texts end in {@link #bytes}. */
    public int size() {
        return size;
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    /** The 1-based line record {@code i} starts on. */
    public long number(int i) {
        return numbers[i];
    }

    /** The length of record {@code i} in the input, which is more than it holds when it was cut at the limit. */
    public long length(int i) {
        return lengths[i];
    }

    public boolean tooLong(int i) {
        return lengths[i] > ends[i] - starts[i];
    }

    /** A copy of record {@code i}'s bytes. */
    public byte[] copy(int i) {
        return Arrays.copyOfRange(bytes, starts[i], ends[i]);
    }

    /** True when the last record holds nothing but spaces, tabs and carriage returns (and was not cut). */
    public boolean lastIsBlank() {
        int last = count - 1;
        for (int i = starts[last]; i < ends[last]; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return !tooLong(last);
    }

    public void removeLast() {
        count--;
        size = starts[count];
    }

    public void clear() {
        count = 0;
        size = 0;
    }

    /** Adds a record read whole elsewhere. */
    public void add(Line line) {
        begin(line.number());
        append(line.bytes(), 0, line.bytes().length);
        end(0, 0, line.length());
    }

    /** Starts a record on line {@code number}; its bytes follow with {@link #append}. */
    void begin(long number) {
        if (count == starts.length) {
            int more = 2 * count;
            starts = Arrays.copyOf(starts, more);
            ends = Arrays.copyOf(ends, more);
            numbers = Arrays.copyOf(numbers, more);
            lengths = Arrays.copyOf(lengths, more);
        }
        starts[count] = size;
        numbers[count] = number;
    }

    void append(byte[] from, int at, int length) {
        room(length);
        System.arraycopy(from, at, bytes, size, length);
        size += length;
    }

    private void room(int length) {
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + length, 2 * bytes.length));
        }
    }

    /** Bytes of the current record so far. */
    int appended() {
        return size - starts[count];
    }

    /** The byte {@code i} of the current record. */
    byte appendedByte(int i) {
        return bytes[starts[count] + i];
    }

    /**
     * Ends the current record, leaving out its first {@code skipped} and its last {@code dropped}
     * bytes (a byte-order mark, a carriage return); {@code length} is its full length in the input.
     */
    void end(int skipped, int dropped, long length) {
        starts[count] += skipped;
        size -= dropped;
        ends[count] = size;
        lengths[count] = length;
        room(1);
        bytes[size++] = '\n';
        count++;
    }
}
