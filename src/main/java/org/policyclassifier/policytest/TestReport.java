package org.policyclassifier.policytest;

import java.util.List;

/** Every case's result, in file order, and what the tests cover. */
public record TestReport(List<CaseResult> results, Coverage coverage) {

    public TestReport {
        results = List.copyOf(results);
    }

    public long passed() {
        return results.stream().filter(CaseResult::passed).count();
    }

    public long failed() {
        return results.size() - passed();
    }
}
