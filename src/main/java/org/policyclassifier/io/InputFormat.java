package org.policyclassifier.io;

import java.util.Locale;
import java.util.Optional;

/** The shapes of case-record input the batch reader understands. */
public enum InputFormat {
    /** One JSON object per line. */
    JSONL,
    /** A header row, then one record per line (jackson-dataformat-csv). */
    CSV,
    /** One JSON array of objects. */
    JSON,
    /** An Excel workbook: one sheet's header row, then one record per row (Apache POI's streaming reader). */
    XLSX;

    /**
     * The format a file name announces ({@code .jsonl}, {@code .ndjson}, {@code .csv}, {@code .json},
     * each optionally {@code .gz}; {@code .xlsx}, itself a zip file).
     */
    public static Optional<InputFormat> ofFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        }
        if (n.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (n.endsWith(".json")) {
            return Optional.of(JSON);
        }
        if (n.endsWith(".xlsx") && !name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
            return Optional.of(XLSX);
        }
        return Optional.empty();
    }
}
