package org.policyclassifier.io;

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
