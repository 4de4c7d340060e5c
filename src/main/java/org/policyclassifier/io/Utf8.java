package org.policyclassifier.io;

/**
 * Whether bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF), told without decoding them: every record with an accented place name is checked, and
 * decoding it made a string of the whole line. Says only yes or no; the JDK's decoder, which agrees
 * (a test checks it), finds the first bad byte for the message.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** True when bytes {@code from} (inclusive) to {@code to} (exclusive) of {@code b} are well-formed UTF-8. */
    public static boolean valid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int more;
            int low = 0x80;
            int high = 0xBF; // the range of the byte after the first
            if (c >= 0xC2 && c <= 0xDF) {
                more = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                more = 2;
                if (c == 0xE0) {
                    low = 0xA0; // else overlong
                } else if (c == 0xED) {
                    high = 0x9F; // else a surrogate
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                more = 3;
                if (c == 0xF0) {
                    low = 0x90; // else overlong
                } else if (c == 0xF4) {
                    high = 0x8F; // else above U+10FFFF
                }
            } else {
                return false;
            }
            if (i + more >= to) {
                return false; // cut short
            }
            int next = b[i + 1] & 0xFF;
            if (next < low || next > high) {
                return false;
            }
            for (int k = 2; k <= more; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += more + 1;
        }
        return true;
    }
}
