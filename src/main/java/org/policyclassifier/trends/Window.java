package org.policyclassifier.trends;

import java.util.List;
import java.util.stream.Collectors;

/** The years a trends report compares: {@code from} and {@code to} and every year of the table between. */
public record Window(int from, int to) {

    /**
     * The window from {@code from} to {@code to}, each defaulting to the first or last year of the
     * table; throws {@link IllegalArgumentException} in plain words when they do not make one.
     */
    public static Window of(List<Integer> years, Integer from, Integer to) {
        int first = from == null ? years.get(0) : from;
        int last = to == null ? years.get(years.size() - 1) : to;
        String have = years.stream().map(String::valueOf).collect(Collectors.joining(", "));
        for (int year : List.of(first, last)) {
            if (!years.contains(year)) {
                throw new IllegalArgumentException("the statistics have no year " + year + "; they have " + have);
            }
        }
        if (first >= last) {
            throw new IllegalArgumentException("the window must run forward over two years or more: --from " + first
                    + " --to " + last + " does not");
        }
        return new Window(first, last);
    }

    /** The years of {@code years} within the window. */
    List<Integer> within(List<Integer> years) {
        return years.stream().filter(y -> y >= from && y <= to).toList();
    }
}
