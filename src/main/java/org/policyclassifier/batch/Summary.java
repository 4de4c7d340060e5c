package org.policyclassifier.batch;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.PrintWriter;
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
 */
@JsonPropertyOrder({"input", "read", "classified", "rejected", "by_axis", "by_lead_level", "by_tier",
    "duplicate_ids", "duplicate_records", "elapsed_seconds", "records_per_second"})
public record Summary(String input, long read, long classified, long rejected, SortedMap<String, Long> byAxis,
        SortedMap<String, Long> byLeadLevel, SortedMap<String, Long> byTier, long duplicateIds,
        long duplicateRecords, double elapsedSeconds) {

    public Summary {
        elapsedSeconds = Math.round(elapsedSeconds * 1000) / 1000.0;
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
        err.printf("  elapsed %.3f s, %d records/s%n", elapsedSeconds, recordsPerSecond());
    }

    private static String counts(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
