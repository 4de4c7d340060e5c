package org.policyclassifier.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.policyclassifier.errors.Problem;

/**
 * The checks a statistics table must pass, whether it was just read from a profile or loaded from
 * the facts file: each problem located at the row it concerns.
 */
final class StatisticsCheck {

    private final String file;
    private final List<Problem> problems;

    StatisticsCheck(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Fields, names, years and counts of a table loaded from the facts file. */
    void structure(StatisticsTable table) {
        required(table.country(), "country");
        required(table.priority(), "priority");
        if (table.profileYear() <= 0) {
            problems.add(new Problem(file, 0, "field 'profile_year' is required: the year of the profile, e.g. 2018"));
        }
        if (table.categories() == null || table.categories().isEmpty()) {
            problems.add(new Problem(file, 0, "field 'categories' is required: one row per category"));
        }
        if (table.total() == null) {
            problems.add(new Problem(file, 0, "field 'total' is required: the TOTAL row"));
            return;
        }
        if (!rowIsWhole(table.total(), "TOTAL")) {
            return;
        }
        SortedSet<Integer> years = new TreeSet<>(table.total().counts().keySet());
        if (years.size() < 2) {
            problems.add(new Problem(file, table.total().line(), "the TOTAL row needs counts for two years or more"));
        }
        for (Series row : table.categories() == null ? List.<Series>of() : table.categories()) {
            if (!rowIsWhole(row, "categories")) {
                continue;
            }
            for (Integer year : years) {
                if (!row.counts().containsKey(year)) {
                    problems.add(new Problem(file, row.line(), "row \"" + row.name() + "\" has no count for " + year));
                }
            }
            for (Integer year : row.counts().keySet()) {
                if (!years.contains(year)) {
                    problems.add(new Problem(file, row.line(), "row \"" + row.name() + "\" has a count for " + year
                            + ", a year the TOTAL row does not have"));
                }
            }
        }
    }

    /** No category named twice. */
    void names(StatisticsTable table) {
        Map<String, Series> seen = new HashMap<>();
        for (Series row : table.categories()) {
            if (row.name() == null) {
                continue;
            }
            Series first = seen.putIfAbsent(row.name(), row);
            if (first != null) {
                problems.add(new Problem(file, row.line(), "row \"" + row.name() + "\" repeats the row at line "
                        + first.line()));
            }
        }
    }

    /** TOTAL equals the sum of the categories, in every year all of whose counts are known. */
    void totals(StatisticsTable table) {
        Series total = table.total();
        for (Map.Entry<Integer, Long> entry : total.counts().entrySet()) {
            Integer year = entry.getKey();
            List<Long> counts = new ArrayList<>();
            for (Series row : table.categories()) {
                counts.add(row.counts() == null ? null : row.counts().get(year));
            }
            if (entry.getValue() == null || counts.stream().anyMatch(Objects::isNull)) {
                continue; // an unreadable cell is reported on its own; a sum without it means nothing
            }
            long sum = 0;
            try {
                for (Long count : counts) {
                    sum = Math.addExact(sum, count);
                }
            } catch (ArithmeticException e) {
                // A sum that wraps round would be reported as a negative number of offences.
                problems.add(new Problem(file, total.line(), "the categories' counts for " + year + " add up to more"
                        + " than " + Long.MAX_VALUE + ", the most this tool can count"));
                continue;
            }
            long stated = entry.getValue();
            if (sum != stated) {
                long difference = Math.abs(stated - sum);
                problems.add(new Problem(file, total.line(), total.name() + " for " + year + " is " + stated
                        + " but the categories add up to " + sum + " (the " + total.name() + " is " + difference
                        + (stated > sum ? " higher)" : " lower)")));
            }
        }
    }

    private boolean rowIsWhole(Series row, String field) {
        int before = problems.size();
        if (row.name() == null || row.name().isBlank()) {
            problems.add(new Problem(file, row.line(), "field '" + field + "': a row needs a 'name'"));
        }
        String what = "row \"" + row.name() + "\"";
        if (row.counts() == null || row.counts().isEmpty()) {
            problems.add(new Problem(file, row.line(), what + " needs 'counts': {\"YEAR\": count, ...}"));
        } else {
            row.counts().forEach((year, count) -> {
                if (count == null || count < 0) {
                    problems.add(new Problem(file, row.line(), what + ": the count for " + year + " is " + count
                            + "; expected a whole number of offences, 0 or more"));
                }
            });
        }
        return problems.size() == before;
    }

    private void required(String value, String field) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(file, 0, "field '" + field + "' is required"));
        }
    }
}
