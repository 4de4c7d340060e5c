package org.policyclassifier.io;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Text from the input as messages show it: control characters (an ESC that would drive the
 * terminal, a stray carriage return) escaped as {@code \\u001B}, and a value longer than
 * {@value #MAX_CHARS} characters cut, with its length, so that a huge cell cannot flood stderr.
 */
public final class Shown {

    public static final int MAX_CHARS = 300;
    /** A reason quotes the value it is about, and says what was expected around it. */
    public static final int MAX_REASON_CHARS = 600;

    private Shown() {
    }

    /** The value cut to {@value #MAX_CHARS} characters and escaped. */
    public static String text(String value) {
        if (value == null) {
            return null;
        }
        return escaped(cut(value));
    }

    /** The value cut to {@value #MAX_CHARS} characters, with its length, control characters kept. */
    public static String cut(String value) {
        return cut(value, MAX_CHARS);
    }

    /** The value cut to {@code max} characters, with its length. */
    public static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max) + "... (" + value.length() + " characters)";
    }

    /**
     * A writer for standard error that escapes control characters in whatever passes through it,
     * keeping line ends, tabs and the carriage return the progress bar draws with: every message
     * is covered, also those that quote input text without {@link #escaped}.
     */
    public static Writer escaping(Writer out) {
        return new FilterWriter(out) {
            @Override
            public void write(int c) throws IOException {
                write(String.valueOf((char) c));
            }

            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                write(new String(buffer, offset, length));
            }

            @Override
            public void write(String text, int offset, int length) throws IOException {
                String part = text.substring(offset, offset + length);
                StringBuilder sb = new StringBuilder(part.length());
                for (int i = 0; i < part.length(); i++) {
                    char c = part.charAt(i);
                    sb.append(c == '\n' || c == '\r' ? String.valueOf(c) : escaped(String.valueOf(c)));
                }
                out.write(sb.toString());
            }
        };
    }

    /** A whole message with its control characters escaped; tabs stay. */
    public static String escaped(String message) {
        StringBuilder sb = null;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            boolean control = (c < 0x20 && c != '\t') || (c >= 0x7f && c < 0xa0);
            if (control) {
                if (sb == null) {
                    sb = new StringBuilder(message.length() + 16).append(message, 0, i);
                }
                sb.append(String.format("\\u%04X", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? message : sb.toString();
    }
}
