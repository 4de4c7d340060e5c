package org.policyclassifier.trends;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One row of the trends table: a category or the TOTAL over the window.
 *
 * @param name the row's name as the document writes it
 * @param total whether it is the TOTAL row
 * @param counts the counts of the window's years
 * @param yearOnYear the change between each two consecutive years of the window
 * @param window the change from the window's first year to its last
 * @param shares the share of the TOTAL in the first and last year, and its change in points
 */
public record SeriesTrend(String name, boolean total, SortedMap<Integer, Long> counts, List<Change> yearOnYear,
        Change window, Shares shares) {

    public SeriesTrend {
        counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
        yearOnYear = List.copyOf(yearOnYear);
    }
}
