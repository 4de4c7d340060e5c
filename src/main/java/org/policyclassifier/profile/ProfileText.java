package org.policyclassifier.profile;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.policyclassifier.io.TextFiles;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;

/**
 * The profile the rules quote ({@code facts/profile.txt}): whether a quotation really is in it,
 * the sentence closest to one that is not, and the sentences a policy can cover.
 */
public final class ProfileText {

    /** Lines shorter than this are headings or table labels, not sentences a rule could rest on. */
    private static final int MIN_WORDS = 4;
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z“\"(])");

    private final String normalised;
    private final List<String> sentences;

    private ProfileText(String text) {
        this.normalised = normalise(text);
        List<String> found = new ArrayList<>();
        for (String line : text.split("\\R")) {
            for (String sentence : SENTENCE_END.split(line.strip())) {
                String s = SPACE.matcher(sentence).replaceAll(" ").strip();
                if (s.split(" ").length >= MIN_WORDS) {
                    found.add(s);
                }
            }
        }
        this.sentences = List.copyOf(found);
    }

    public static ProfileText of(String text) {
        return new ProfileText(text);
    }

    public static ProfileText read(Path file) throws InvalidInputException {
        try {
            return new ProfileText(TextFiles.read(file));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(new Problem(file.toString(), 0,
                    "file not found: the profile text that rules quote must be here"));
        } catch (IOException e) {
            throw new InvalidInputException(new Problem(file.toString(), 0, "cannot read: " + e.getMessage()));
        }
    }

    /** Whitespace runs become one space; curly and straight quotes count as the same. */
    public static String normalise(String text) {
        String quotes = text.replaceAll("[“”„«»\"]", "\"").replaceAll("[‘’`]", "'");
        return SPACE.matcher(quotes).replaceAll(" ").strip();
    }

    /** True when the quotation stands in the profile, word for word (whitespace and quotes aside). */
    public boolean contains(String quotation) {
        String q = normalise(quotation);
        return !q.isEmpty() && normalised.contains(q);
    }

    /** The sentences of the profile (lines of four words or more, split at full stops). */
    public List<String> sentences() {
        return sentences;
    }

    /** The sentence most like {@code quotation}: the most words shared, relative to all words of both. */
    public String closest(String quotation) {
        Set<String> words = words(quotation);
        return sentences.stream().max(Comparator.comparingDouble(s -> overlap(words, words(s)))).orElse("");
    }

    private static double overlap(Set<String> a, Set<String> b) {
        long shared = a.stream().filter(b::contains).count();
        return (double) shared / (a.size() + b.size() - shared);
    }

    /** True when the quotation and the sentence overlap: one holds the other. */
    public static boolean quotes(String quotation, String sentence) {
        String q = normalise(quotation);
        String s = normalise(sentence);
        return !q.isEmpty() && (s.contains(q) || q.contains(s));
    }

    private static Set<String> words(String text) {
        return Stream.of(normalise(text).toLowerCase().split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
