package org.policyclassifier.policytest;

import java.util.List;

/**
 * How one test case came out.
 *
 * @param file the test file
 * @param line the line the case starts on
 * @param name the case's name
 * @param differences expected against actual, one line per field; empty when it passed
 * @param fired the rules that fired, in order
 */
public record CaseResult(String file, int line, String name, List<String> differences, List<String> fired) {

    public CaseResult {
        differences = List.copyOf(differences);
        fired = List.copyOf(fired);
    }

    public boolean passed() {
        return differences.isEmpty();
    }
}
