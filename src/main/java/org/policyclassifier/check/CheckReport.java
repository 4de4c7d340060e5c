package org.policyclassifier.check;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code rules check} found.
 *
 * @param rules how many rules were checked (0 when they did not compile)
 * @param findings every problem, by file and line
 * @param reads per field of a case, how the rules read it ({@code compared}, {@code copied} into
 *     texts, {@code null_tested}, {@code unread}): what the decision cache keys on; empty when
 *     the rules did not compile
 */
public record CheckReport(int rules, List<Finding> findings, Map<String, String> reads) {

    public CheckReport {
        findings = List.copyOf(findings);
        reads = Collections.unmodifiableMap(new LinkedHashMap<>(reads));
    }

    public boolean clean() {
        return findings.isEmpty();
    }
}
