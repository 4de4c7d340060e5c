package org.policyclassifier.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.policyclassifier.io.TextFiles;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;

/**
 * The profile the rules quote ({@code facts/profile.txt}): whether a quotation really is in it,
 * whether it is a sentence that states something (not a heading, a table row or a bare link), the
 * sentence closest to one that is not, and the sentences a policy can cover.
 *
 * <p>The profile is read line by line. A line is a <em>table row</em> when it has tab-separated
 * cells or is mostly numbers; a <em>link</em> when it holds only addresses; a <em>heading</em> when
 * it ends without a full stop, question or exclamation mark (or with "etc."), states nothing after
 * a colon, and is not a list item, or when it is a short label ending in a colon (fewer than
 * {@value #LABEL_WORDS} words) with nothing after it. Anything else is a <em>statement</em>. A
 * label or statement directly followed by link lines is one statement with them
 * ("program for drug addicted prisoners:" and its address); a statement cut by the layout continues
 * on a line that starts in lower case and has no colon.
 */
public final class ProfileText {

    /** What a line of the profile is. */
    public enum Kind {
        STATEMENT("a sentence"), HEADING("a heading"), TABLE_ROW("a table row"), LINK("a link");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** In words, for messages: "a heading". */
        public String words() {
            return words;
        }
    }

    /** A line, or lines joined into one statement, normalised, with its kind. */
    private record Unit(String text, Kind kind) {
    }

    private static final int LABEL_WORDS = 6;
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z“\"(])");
    private static final Pattern URL = Pattern.compile("<?(https?://|www\\.)\\S+?>?(?=\\s|$)");
    private static final Pattern NUMBER = Pattern.compile("[\\d.,]+");
    /** A colon that introduces content on the same line; the colon of an address does not count. */
    private static final Pattern LABEL_CONTENT = Pattern.compile(":(?!//)\\s*\\S");

    /**
     * What the profile's first lines say of it, for citing an answer: its title (the first line)
     * and the cells of the tab-separated lines under it ({@code Country\tBelgium}, {@code Year\t2018}).
     * A field the profile does not state is null.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cover(String title, String priority, String country, Integer year) {
    }

    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");

    private final String normalised;
    private final List<Unit> units;
    private final List<String> sentences;
    private final Cover cover;

    private ProfileText(String text) {
        this.cover = cover(text);
        this.units = units(text);
        this.normalised = units.stream().map(Unit::text).collect(Collectors.joining(" "));
        List<String> found = new ArrayList<>();
        for (Unit u : units) {
            if (u.kind() != Kind.STATEMENT) {
                continue;
            }
            for (String sentence : SENTENCE_END.split(u.text().replaceFirst("^- ", ""))) {
                String s = sentence.strip();
                if (!s.isEmpty()) {
                    found.add(s);
                }
            }
        }
        this.sentences = List.copyOf(found);
    }

    /** The title line and the "label TAB value" lines right under it, up to the first line of another kind. */
    private static Cover cover(String text) {
        String title = null;
        Map<String, String> fields = new HashMap<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            if (title == null) {
                title = normalise(line);
                continue;
            }
            String[] cells = line.split("\t");
            if (cells.length != 2) {
                break;
            }
            fields.put(normalise(cells[0]).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""), normalise(cells[1]));
        }
        String year = fields.get("year");
        return new Cover(title, fields.get("eupriority"), fields.get("country"),
                year != null && YEAR.matcher(year).matches() ? Integer.valueOf(year) : null);
    }

    /** The profile's title, country and year, as its first lines give them. */
    public Cover cover() {
        return cover;
    }

    /** The lines of the profile as units, with the joins described on the class. */
    private static List<Unit> units(String text) {
        List<String[]> lines = new ArrayList<>(); // {text, kind, blankBefore}
        boolean blankBefore = true;
        for (String raw : text.split("\\R")) {
            if (raw.isBlank()) {
                blankBefore = true;
                continue;
            }
            lines.add(new String[] {raw, kind(raw).name(), String.valueOf(blankBefore)});
            blankBefore = false;
        }
        List<Unit> units = new ArrayList<>();
        for (String[] line : lines) {
            String norm = normalise(line[0]);
            Kind kind = Kind.valueOf(line[1]);
            boolean adjacent = !Boolean.parseBoolean(line[2]);
            Unit last = units.isEmpty() ? null : units.get(units.size() - 1);
            boolean linkAfterLabel = kind == Kind.LINK && adjacent && last != null
                    && (last.kind() == Kind.STATEMENT || last.text().endsWith(":"));
            boolean continuation = kind == Kind.STATEMENT && last != null && last.kind() == Kind.STATEMENT
                    && !last.text().matches(".*[.!?:]$") && Character.isLowerCase(norm.charAt(0))
                    && !norm.contains(":");
            if (linkAfterLabel || continuation) {
                units.set(units.size() - 1, new Unit(last.text() + " " + norm, Kind.STATEMENT));
            } else {
                units.add(new Unit(norm, kind));
            }
        }
        return List.copyOf(units);
    }

    private static Kind kind(String line) {
        String s = line.strip();
        String[] words = SPACE.split(s);
        long numbers = java.util.Arrays.stream(words).filter(w -> NUMBER.matcher(w).matches()).count();
        if (line.contains("\t") || numbers * 2 >= words.length) {
            return Kind.TABLE_ROW;
        }
        if (URL.matcher(s).replaceAll("").isBlank()) {
            return Kind.LINK;
        }
        if (s.startsWith("- ")) {
            return Kind.STATEMENT;
        }
        boolean sentenceEnd = s.matches(".*[.!?]$") && !s.endsWith("etc.");
        if (sentenceEnd || LABEL_CONTENT.matcher(s).find()) {
            return Kind.STATEMENT;
        }
        return s.endsWith(":") && words.length >= LABEL_WORDS ? Kind.STATEMENT : Kind.HEADING;
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

    /**
     * What a quotation that stands in the profile rests on: {@link Kind#STATEMENT} when some place
     * it occurs touches a statement, else the kind of the first line it touches (a heading, a table
     * row, a link); empty when it is not in the profile.
     */
    public Optional<Kind> kindOf(String quotation) {
        String q = normalise(quotation);
        if (q.isEmpty()) {
            return Optional.empty();
        }
        Kind first = null;
        for (int at = normalised.indexOf(q); at >= 0; at = normalised.indexOf(q, at + 1)) {
            int end = at + q.length();
            for (int i = 0, pos = 0; i < units.size(); i++) {
                Unit u = units.get(i);
                int uEnd = pos + u.text().length();
                if (pos < end && at < uEnd) {
                    if (u.kind() == Kind.STATEMENT) {
                        return Optional.of(Kind.STATEMENT);
                    }
                    first = first == null ? u.kind() : first;
                }
                pos = uEnd + 1;
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * The first sentence that states something after where a quotation ends: for a heading, the
     * first sentence under it. Empty when the quotation is not in the profile or nothing follows.
     */
    public Optional<String> sentenceAfter(String quotation) {
        String q = normalise(quotation);
        int at = q.isEmpty() ? -1 : normalised.indexOf(q);
        if (at < 0) {
            return Optional.empty();
        }
        int end = at + q.length();
        for (int i = 0, pos = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            if (pos >= end && u.kind() == Kind.STATEMENT) {
                return Optional.of(SENTENCE_END.split(u.text().replaceFirst("^- ", ""))[0].strip());
            }
            pos += u.text().length() + 1;
        }
        return Optional.empty();
    }

    /** The sentences of the profile that state something (headings, table rows and bare links left out). */
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
