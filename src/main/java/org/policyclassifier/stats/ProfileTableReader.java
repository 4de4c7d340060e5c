package org.policyclassifier.stats;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.policyclassifier.io.TextFiles;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;

/**
 * Reads the offence statistics table out of a profile text in the template of the EU
 * crime-prevention policy profiles, found by its shape rather than its place: a header row of
 * years, one row per category, then a TOTAL row. Cells are separated by tabs, by runs of two or
 * more spaces, or by single spaces (then a row's name is the words before its first number).
 * Thousands may be grouped with a dot ({@code 39.578}), a comma, a space or a no-break space, one
 * separator for the whole table. Country, profile year and priority come from the profile's
 * {@code Country}, {@code Year} and {@code EU- priority} lines.
 */
public final class ProfileTableReader {

    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");
    /** Digits, or groups of three after the first, with one separator used throughout the cell. */
    private static final Pattern COUNT = Pattern.compile("\\d{1,3}([., \u00A0\u202F])\\d{3}(?:\\1\\d{3})*|\\d+");
    private static final Pattern WIDE_GAP = Pattern.compile(" {2,}");
    private static final Pattern COUNTRY = Pattern.compile("(?i)country\\s*[:\\t ]\\s*(\\S.*)");
    private static final Pattern PRIORITY = Pattern.compile("(?i)eu\\s*-?\\s*priority\\s*[:\\t ]\\s*(\\S.*)");
    private static final Pattern PROFILE_YEAR = Pattern.compile("(?i)year\\s*[:\\t ]\\s*((?:19|20)\\d{2})");
    private static final String EXPECTED_COUNT = "expected a whole number such as 39578, 39.578, 39,578 or 39 578";

    private final String file;
    private final String[] lines;
    private final List<Problem> problems = new ArrayList<>();
    /** The thousands separator of the table and the cell that first used it. */
    private String separator;
    private String separatorCell;

    private ProfileTableReader(String text, String file) {
        this.file = file;
        this.lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\\R", -1);
    }

    /** Reads the table of a profile file; throws with every problem found. */
    public static StatisticsTable read(Path profile) throws InvalidInputException {
        String name = profile.toString();
        String text;
        try {
            text = TextFiles.read(profile);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(new Problem(name, 0, "file not found"));
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(new Problem(name, 0, "not UTF-8 text: save the profile as UTF-8 text"));
        } catch (IOException e) {
            throw new InvalidInputException(new Problem(name, 0, "cannot read: " + e.getMessage()));
        }
        return parse(text, name);
    }

    /** Reads the table of a profile text; {@code file} names it in messages. */
    public static StatisticsTable parse(String text, String file) throws InvalidInputException {
        return new ProfileTableReader(text, file).parse();
    }

    private StatisticsTable parse() throws InvalidInputException {
        int header = findHeader();
        int end = header < 0 ? lines.length : header;
        String country = field(COUNTRY, end, "Country", "Country<TAB>Belgium");
        String priority = field(PRIORITY, end, "EU- priority", "EU- priority<TAB>Drugs");
        String year = field(PROFILE_YEAR, end, "Year", "Year<TAB>2018");
        if (header < 0) {
            problems.add(new Problem(file, 0, "no statistics table found: expected a header row of years (e.g. "
                    + "\"<TAB>2014<TAB>2015<TAB>2016\"), then one row per category (a name and a count per year), "
                    + "then a TOTAL row"));
            throw new InvalidInputException(problems);
        }
        List<Integer> years = years(header);
        List<Row> rows = new ArrayList<>();
        Row total = null;
        int last = header;
        for (int i = header + 1; i < lines.length && total == null; i++) {
            List<String> cells = cells(lines[i]);
            if (cells.isEmpty()) {
                continue;
            }
            if (cells.size() < 2) {
                break; // not a row of the table: the table ended without its TOTAL
            }
            last = i;
            Row row = row(i + 1, cells, years);
            if (row == null) {
                continue;
            }
            if (isTotal(row.name)) {
                total = row;
            } else {
                rows.add(row);
            }
        }
        if (total == null) {
            int after = next(last);
            problems.add(new Problem(file, header + 1, "the table has no TOTAL row: its rows end "
                    + (after < lines.length ? "at line " + (after + 1) + " (\"" + lines[after].strip() + "\")"
                            : "at the end of the file")));
        }
        if (rows.isEmpty()) {
            problems.add(new Problem(file, header + 1, "the table has no category rows before its TOTAL row"));
        }
        if (total == null || rows.isEmpty() || new LinkedHashSet<>(years).size() < years.size()) {
            throw new InvalidInputException(problems);
        }
        // Unreadable cells are already reported; the sums of the years without them are still checked.
        StatisticsTable table = new StatisticsTable(country, priority, year == null ? 0 : Integer.parseInt(year),
                rows.stream().map(r -> r.series(years)).toList(), total.series(years));
        StatisticsCheck check = new StatisticsCheck(file, problems);
        check.names(table);
        check.totals(table);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return table;
    }

    /** A row as read: its name and a count per column (null where a cell could not be read). */
    private record Row(int line, String name, List<Long> counts) {

        Series series(List<Integer> years) {
            TreeMap<Integer, Long> byYear = new TreeMap<>();
            for (int i = 0; i < years.size(); i++) {
                byYear.put(years.get(i), counts.get(i));
            }
            return new Series(name, byYear, line);
        }
    }

    /** The first line of years that a row follows: the table's header. */
    private int findHeader() {
        for (int i = 0; i < lines.length; i++) {
            List<String> years = yearCells(cells(lines[i]));
            if (years.size() >= 2 && years.stream().allMatch(c -> YEAR.matcher(c).matches())) {
                int next = next(i);
                if (next < lines.length) {
                    List<String> row = cells(lines[next]);
                    if (row.size() >= 2 && !COUNT.matcher(row.get(0)).matches()) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /** A header's cells without the label it may have in its first column. */
    private static List<String> yearCells(List<String> cells) {
        if (!cells.isEmpty() && !YEAR.matcher(cells.get(0)).matches()) {
            return cells.subList(1, cells.size());
        }
        return cells;
    }

    private List<Integer> years(int header) {
        List<Integer> years = yearCells(cells(lines[header])).stream().map(Integer::valueOf).toList();
        Set<Integer> seen = new LinkedHashSet<>();
        for (Integer year : years) {
            if (!seen.add(year)) {
                problems.add(new Problem(file, header + 1, "the header row lists the year " + year
                        + " twice: each year needs one column"));
            }
        }
        return years;
    }

    private Row row(int line, List<String> cells, List<Integer> years) {
        String name = cells.get(0);
        if (COUNT.matcher(name).matches()) {
            problems.add(new Problem(file, line, "a row must start with its category name; found the number '" + name
                    + "' instead"));
            return null;
        }
        List<String> values = cells.subList(1, cells.size());
        String what = "row \"" + name + "\"";
        if (values.size() != years.size()) {
            String hint = lines[line - 1].indexOf('\t') < 0 && !WIDE_GAP.matcher(lines[line - 1].strip()).find()
                    ? " (cells separated by single spaces: if thousands are grouped with a space, separate the"
                    + " columns with tabs or wider gaps)" : "";
            problems.add(new Problem(file, line, what + " has " + values.size()
                    + (values.size() == 1 ? " count" : " counts") + " but the header has " + years.size()
                    + " years (" + years.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")"
                    + (values.size() > years.size() ? hint : "")));
            return new Row(line, name, Collections.nCopies(years.size(), null));
        }
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            counts.add(count(line, what + ", " + years.get(i), values.get(i)));
        }
        return new Row(line, name, counts);
    }

    private Long count(int line, String where, String cell) {
        Matcher m = COUNT.matcher(cell);
        if (!m.matches()) {
            problems.add(new Problem(file, line, where + ": '" + cell + "' is not a count (" + EXPECTED_COUNT + ")"));
            return null;
        }
        String sep = m.group(1);
        if (sep != null) {
            if (separator == null) {
                separator = sep;
                separatorCell = cell;
            } else if (!separator.equals(sep)) {
                problems.add(new Problem(file, line, where + ": '" + cell + "' groups thousands with " + describe(sep)
                        + " but '" + separatorCell + "' uses " + describe(separator)
                        + ": one table, one separator (is one of them a decimal point?)"));
                return null;
            }
        }
        String digits = cell.replaceAll("\\D", "");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) { // only digits: too many of them
            problems.add(new Problem(file, line, where + ": '" + cell + "' is too large a count (at most "
                    + Long.MAX_VALUE + ")"));
            return null;
        }
    }

    private static String describe(String sep) {
        return switch (sep) {
            case "." -> "a dot";
            case "," -> "a comma";
            case " " -> "a space";
            default -> "a no-break space";
        };
    }

    private String field(Pattern pattern, int end, String label, String example) {
        for (int i = 0; i < end; i++) {
            Matcher m = pattern.matcher(lines[i].strip());
            if (m.matches()) {
                return m.group(1).strip();
            }
        }
        problems.add(new Problem(file, 0, "no \"" + label + "\" line before the statistics table (expected e.g. \""
                + example + "\" near the top, as in the profile template)"));
        return null;
    }

    private int next(int line) {
        int i = line + 1;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        return i;
    }

    private static boolean isTotal(String name) {
        return name.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT).equals("total");
    }

    /**
     * The cells of a line: split at tabs if it has any, else at runs of two or more spaces, else at
     * single spaces, the leading words before the first number making the row's name.
     */
    static List<String> cells(String line) {
        String s = line.strip();
        if (s.isEmpty()) {
            return List.of();
        }
        if (s.indexOf('\t') >= 0) {
            return Arrays.stream(s.split("\t+")).map(String::strip).filter(c -> !c.isEmpty()).toList();
        }
        if (WIDE_GAP.matcher(s).find()) {
            return Arrays.asList(WIDE_GAP.split(s));
        }
        String[] words = s.split(" +");
        int first = 0;
        while (first < words.length && !Character.isDigit(words[first].charAt(0))) {
            first++;
        }
        if (first == words.length) {
            return List.of(s);
        }
        List<String> cells = new ArrayList<>();
        if (first > 0) {
            cells.add(String.join(" ", Arrays.asList(words).subList(0, first)));
        }
        cells.addAll(Arrays.asList(words).subList(first, words.length));
        return cells;
    }
}
