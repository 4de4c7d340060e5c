package org.policyclassifier.check;

import java.util.List;

/**
 * What {@code rules check} found.
 *
 * @param rules how many rules were checked (0 when they did not compile)
 * @param findings every problem, by file and line
 */
public record CheckReport(int rules, List<Finding> findings) {

    public CheckReport {
        findings = List.copyOf(findings);
    }

    public boolean clean() {
        return findings.isEmpty();
    }
}
