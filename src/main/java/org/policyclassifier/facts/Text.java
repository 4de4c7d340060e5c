package org.policyclassifier.facts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folding of free text for matching: case, accents and punctuation do not count. */
public final class Text {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}[\\p{Lu}0-9]+");

    private Text() {
    }

    /** {@code "Échange de seringues!"} → {@code "echange de seringues"}. */
    public static String fold(String text) {
        // Most texts are plain ASCII, with no accent to take off (start-up folds every place name).
        String plain = isAscii(text) ? text : MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return words(plain.toLowerCase(Locale.ROOT));
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The runs of a-z and 0-9 of a lower-case text, one space between them. */
    private static String words(String lower) {
        StringBuilder out = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                gap = false;
                out.append(c);
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    /** One word of two or more capital letters or digits, starting with a letter: {@code NSP}, {@code TADAM}. */
    public static boolean isAcronym(String term) {
        return ACRONYM.matcher(term).matches();
    }
}
