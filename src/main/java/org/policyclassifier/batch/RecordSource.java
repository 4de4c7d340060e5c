package org.policyclassifier.batch;

import java.io.IOException;
import java.io.InputStream;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.io.JsonArrayElements;
import org.policyclassifier.io.LineReader;
import org.policyclassifier.io.LineReader.Line;
import org.policyclassifier.io.Lines;
import org.policyclassifier.io.XlsxRows;

/** The records of an input, one raw text at a time with the line it starts on, before parsing. */
interface RecordSource {

    /** Adds the next record to {@code into}; false at the end. Blank lines are skipped. */
    boolean next(Lines into) throws IOException, InvalidInputException;

    /** Bytes of the input consumed so far. */
    long bytesRead();

    /** One record per line (JSON Lines, and CSV after its header). */
    static RecordSource lines(LineReader reader) {
        return new RecordSource() {
            @Override
            public boolean next(Lines into) throws IOException {
                while (reader.next(into)) {
                    if (!into.lastIsBlank()) {
                        return true;
                    }
                    into.removeLast();
                }
                return false;
            }

            @Override
            public long bytesRead() {
                return reader.bytesRead();
            }
        };
    }

    /** The rows of a sheet of a workbook, each as a line of CSV text numbered by its row (see {@link XlsxRows}). */
    static RecordSource rows(XlsxRows rows) {
        return new RecordSource() {
            @Override
            public boolean next(Lines into) throws IOException {
                Line row = rows.next();
                if (row == null) {
                    return false;
                }
                into.add(row);
                return true;
            }

            @Override
            public long bytesRead() {
                return 0; // the sheet is parsed from a copy: no progress through the input to tell
            }
        };
    }

    /**
     * The elements of one JSON array, each as raw text with the line it starts on, parsed later
     * one by one (see {@link JsonArrayElements}). An input that is not one array (no opening or
     * closing bracket, text after it) is a problem with the whole input, not a rejected record.
     */
    static RecordSource jsonArray(String name, InputStream in, int maxElementBytes) {
        JsonArrayElements elements = new JsonArrayElements(in, maxElementBytes);
        return new RecordSource() {
            @Override
            public boolean next(Lines into) throws IOException, InvalidInputException {
                Line element;
                try {
                    element = elements.next();
                } catch (JsonArrayElements.NotAnArray e) {
                    throw new InvalidInputException(new Problem(name, (int) e.line(), e.getMessage()));
                }
                if (element == null) {
                    return false;
                }
                into.add(element);
                return true;
            }

            @Override
            public long bytesRead() {
                return elements.bytesRead();
            }
        };
    }
}
