package org.policyclassifier.io;

import java.util.Locale;
import java.util.Optional;

/** The shapes decisions can be written in. */
public enum OutputFormat {
    /** The decision contract, one JSON object per line. */
    JSONL,
    /** One flattened row per decision, with a header row. */
    CSV;

    /** The format a file name announces ({@code .csv}, {@code .jsonl}, {@code .ndjson}, each optionally {@code .gz}). */
    public static Optional<OutputFormat> ofFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        if (n.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        }
        return Optional.empty();
    }
}
