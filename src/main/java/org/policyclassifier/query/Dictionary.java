package org.policyclassifier.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The words of English, Dutch, French and German (Debian's word lists, folded; built by
 * {@code tools/make-dictionary}): a word one of them knows is a real word, never read as a typo
 * of a vocabulary word ("medical" is not "media"); a word one of them writes in lower case is a
 * common word, not a place name, unless it follows "in", "à"... Each list is read on first use, as one sorted
 * array of bytes searched by halves: a few megabytes, no object per word. Thread-safe.
 */
final class Dictionary {

    private static final Map<String, byte[]> WORDS = new HashMap<>();
    private static final Map<String, int[]> STARTS = new HashMap<>();

    private Dictionary() {
    }

    /** True when a folded word (lower case, no accents) is a word of any of the languages. */
    static boolean knows(String folded) {
        for (Language l : Language.values()) {
            if (knows(l, folded)) {
                return true;
            }
        }
        return false;
    }

    /** True when a folded word is a word of the language. */
    static boolean knows(Language language, String folded) {
        return contains(language.name(), folded);
    }

    /**
     * True when a folded word is a word the language writes in lower case: a common word, not a
     * proper name ("namur" is in the German list only as a name); of any language when it is null.
     */
    static boolean common(Language language, String folded) {
        if (language == null) {
            for (Language l : Language.values()) {
                if (common(l, folded)) {
                    return true;
                }
            }
            return false;
        }
        return contains(language == Language.de ? "de-lower" : language.name(), folded);
    }

    private static boolean contains(String list, String folded) {
        byte[] words;
        int[] starts;
        synchronized (WORDS) {
            if (!WORDS.containsKey(list)) {
                load(list);
            }
            words = WORDS.get(list);
            starts = STARTS.get(list);
        }
        int lo = 0;
        int hi = starts.length - 2;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(words, starts[mid], starts[mid + 1] - 1, folded);
            if (c == 0) {
                return true;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return false;
    }

    private static int compare(byte[] words, int from, int to, String word) {
        int n = Math.min(to - from, word.length());
        for (int i = 0; i < n; i++) {
            int d = (words[from + i] & 0xff) - word.charAt(i);
            if (d != 0) {
                return d;
            }
        }
        return (to - from) - word.length();
    }

    private static void load(String list) {
        String name = "dictionary-" + list + ".txt.gz";
        try (InputStream in = Dictionary.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the word list " + name + " is missing from the build");
            }
            byte[] words = new GZIPInputStream(in, 1 << 16).readAllBytes();
            int n = 0;
            for (byte b : words) {
                n += b == '\n' ? 1 : 0;
            }
            // starts[i] is where word i begins; starts[n] is one past the last newline.
            int[] starts = new int[n + 1];
            int w = 1;
            for (int i = 0; i < words.length; i++) {
                if (words[i] == '\n' && w <= n) {
                    starts[w++] = i + 1;
                }
            }
            WORDS.put(list, words);
            STARTS.put(list, starts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
