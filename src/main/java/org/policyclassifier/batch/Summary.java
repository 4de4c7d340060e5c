package org.policyclassifier.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * What a batch run did: {@code read = classified + rejected}, always. A value the rules left
 * empty (no tier, no lead level) is counted as {@code none}.
 *
 * @param input the input as the user named it
 * @param read records read (blank lines are not records)
 * @param classified records with a decision in the output
 * @param rejected records in the rejects file
 * @param byAxis classified records per axis
 * @param byLeadLevel classified records per lead level
 * @param byTier classified records per prevention tier
 * @param duplicateIds ids that more than one classified record carries
 * @param duplicateRecords classified records that carry such an id
 * @param elapsedSeconds from opening the input to the last record written
 * @param ignoredColumns the input's columns that {@code --columns} left out and that name no field:
 *     not read (left out of the JSON when none)
 * @param textRecords records that gave their case in words (left out of the JSON when none)
 * @param textReadings readings of their texts: records asking the same question share one
 */
@JsonPropertyOrder({"input", "read", "classified", "rejected", "by_axis", "by_lead_level", "by_tier",
    "duplicate_ids", "duplicate_records", "elapsed_seconds", "records_per_second"})
public record Summary(String input, long read, long classified, long rejected, SortedMap<String, Long> byAxis,
        SortedMap<String, Long> byLeadLevel, SortedMap<String, Long> byTier, long duplicateIds,
        long duplicateRecords, double elapsedSeconds,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> ignoredColumns,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) long textRecords,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) long textReadings) {

    public Summary {
        elapsedSeconds = Math.round(elapsedSeconds * 1000) / 1000.0;
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    @JsonProperty("records_per_second")
    public long recordsPerSecond() {
        return elapsedSeconds > 0 ? Math.round(read / elapsedSeconds) : 0;
    }

    /** The summary in plain words, for stderr. */
    public void print(PrintWriter err) {
        err.printf("%d records read: %d classified, %d rejected%n", read, classified, rejected);
        if (classified > 0) {
            err.println("  axis:        " + counts(byAxis));
            err.println("  lead level:  " + counts(byLeadLevel));
            err.println("  tier:        " + counts(byTier));
        }
        if (duplicateIds > 0) {
            err.printf("  duplicate ids: %d, carried by %d records (all classified, none merged)%n",
                    duplicateIds, duplicateRecords);
        }
        if (textRecords > 0) {
            err.printf("  texts: %d records in words, %d read (the others asked a question already read)%n",
                    textRecords, textReadings);
        }
        if (!ignoredColumns.isEmpty()) {
            err.println("  columns ignored (not mapped by --columns): " + String.join(", ", ignoredColumns));
        }
        err.printf("  elapsed %.3f s, %d records/s%n", elapsedSeconds, recordsPerSecond());
    }

    private static String counts(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
