package org.policyclassifier.cli;

import java.io.PrintWriter;
import java.util.List;
import org.policyclassifier.facts.Words;

/** The labels of an answer in one language, and the column its values start at: after the longest label. */
final class TextLabels {
    private final Words words;
    private final String language;
    private final int width;

    TextLabels(Words words, String language) {
        this.words = words;
        this.language = language;
        int longest = 0;
        for (String id : words.ids(Words.TEXT)) {
            String label = words.text(language, Words.TEXT, id);
            if (label.endsWith(":")) {
                longest = Math.max(longest, label.length());
            }
        }
        this.width = Math.max(14, longest + 1);
    }

    String text(String id) {
        return words.text(language, Words.TEXT, id);
    }

    String text(String id, List<String> args) {
        return words.text(language, Words.TEXT, id, args);
    }

    /** The word for a value of the answer (a level, an axis...); the value itself where the facts have none. */
    String word(String section, String value) {
        return value != null && words.has(section, value) ? words.text(language, section, value) : value;
    }

    String indent() {
        return " ".repeat(width);
    }

    void line(PrintWriter out, String label, String value) {
        out.printf("%-" + width + "s%s%n", text(label), value);
    }
}
