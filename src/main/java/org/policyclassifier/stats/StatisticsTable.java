package org.policyclassifier.stats;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The offence statistics of a profile, as read from its table: the facts file
 * {@code facts/offence-statistics.json}. Country, profile year and row names are the document's own.
 *
 * @param country the profile's "Country" line, e.g. {@code Belgium}
 * @param priority the profile's "EU- priority" line, e.g. {@code Drugs}
 * @param profileYear the profile's "Year" line, e.g. 2018
 * @param categories one row per category, in the document's order
 * @param total the TOTAL row
 */
public record StatisticsTable(String country, String priority, int profileYear, List<Series> categories,
        Series total) {

    public StatisticsTable {
        categories = categories == null ? null : List.copyOf(categories);
    }

    /** The years of the table, in order (those of the TOTAL row). */
    @JsonIgnore
    public List<Integer> years() {
        return List.copyOf(total.counts().keySet());
    }

    /** The categories, then the TOTAL row. */
    @JsonIgnore
    public List<Series> rows() {
        return Stream.concat(categories.stream(), Stream.of(total)).toList();
    }

    /** A row (category or TOTAL) by its exact name. */
    public Optional<Series> row(String name) {
        return rows().stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
