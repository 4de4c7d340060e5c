package org.policyclassifier.facts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folding of free text for matching: case, accents and punctuation do not count. */
public final class Text {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}[\\p{Lu}0-9]+");

    private Text() {
    }

    /** {@code "Échange de seringues!"} → {@code "echange de seringues"}. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NON_WORD.matcher(plain).replaceAll(" ").trim();
    }

    /** One word of two or more capital letters or digits, starting with a letter: {@code NSP}, {@code TADAM}. */
    public static boolean isAcronym(String term) {
        return ACRONYM.matcher(term).matches();
    }
}
