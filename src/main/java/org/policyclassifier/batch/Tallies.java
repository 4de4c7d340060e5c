package org.policyclassifier.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The values the summary counts (axis, lead level, tier) as small numbers, one per combination
 * met, given once per decision rendered: the writing thread then counts a record with one array
 * increment instead of three map look-ups.
 */
final class Tallies {

    private final Map<List<String>, Integer> indexes = new HashMap<>();
    private final List<List<String>> values = new ArrayList<>();

    /** The index of a combination; a value the rules left empty is counted as {@code none}. */
    synchronized int index(String axis, String leadLevel, String tier) {
        List<String> key = List.of(none(axis), none(leadLevel), none(tier));
        return indexes.computeIfAbsent(key, k -> {
            values.add(k);
            return values.size() - 1;
        });
    }

    private static String none(String value) {
        return value == null ? "none" : value;
    }

    /** Records per value of field {@code field} (0 axis, 1 lead level, 2 tier), from records per index. */
    synchronized SortedMap<String, Long> count(long[] perIndex, int field) {
        TreeMap<String, Long> sorted = new TreeMap<>();
        for (int i = 0; i < values.size() && i < perIndex.length; i++) {
            if (perIndex[i] > 0) {
                sorted.merge(values.get(i).get(field), perIndex[i], Long::sum);
            }
        }
        return sorted;
    }
}
