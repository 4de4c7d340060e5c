package org.policyclassifier.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.io.Json;
import org.policyclassifier.io.Located;
import org.policyclassifier.policytest.CaseResult;
import org.policyclassifier.policytest.Coverage;
import org.policyclassifier.policytest.PolicyTestCase;
import org.policyclassifier.policytest.PolicyTestRunner;
import org.policyclassifier.policytest.TestReport;
import org.policyclassifier.policytest.UnquotedReasons;
import org.policyclassifier.profile.ProfileText;
import org.policyclassifier.rules.RuleInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code policy rules test}: do the agreed cases still come out right. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Runs the test cases that live beside the rules (rules/tests/*.yaml or *.json) and prints"
                + " PASS or FAIL for each; a failure shows expected against actual, field by field, and the rules"
                + " that fired. Ends with 'N passed, N failed'.",
            "Exit 0 when all pass, 1 when a case fails or coverage is below --min-coverage, 3 for invalid rules"
                + " or test files."})
final class RulesTestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Option(names = "--tests", paramLabel = "DIR", description = "Folder of test files (default: tests/ in the rules"
            + " folder).")
    Path tests;

    @Option(names = "--coverage", description = "Also print the rules no test fires and the profile sentences no"
            + " rule quotes.")
    boolean coverage;

    @Option(names = "--min-coverage", paramLabel = "PERCENT",
            description = "Fail (exit 1) when tests fire fewer than this percentage of the rules.")
    BigDecimal minCoverage;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (minCoverage != null && (minCoverage.signum() < 0 || minCoverage.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new ParameterException(spec.commandLine(), "--min-coverage is a percentage from 0 to 100, got "
                    + minCoverage.toPlainString());
        }
        Classifier classifier = engine.loadClassifier();
        List<Located<PolicyTestCase>> cases = PolicyTestRunner.load(tests != null ? tests : engine.rules.resolve("tests"));
        ProfileText profile = ProfileText.read(engine.facts.resolve("profile.txt"));
        TestReport report = new PolicyTestRunner(classifier, engine.facts).run(cases, profile,
                UnquotedReasons.read(engine.rules));
        Coverage c = report.coverage();
        boolean belowMinimum = minCoverage != null && c.rulePercent().compareTo(minCoverage) < 0;
        // With a minimum, every profile sentence no rule quotes must say why (rules/unquoted-sentences.md).
        boolean unexplained = minCoverage != null && (!c.unexplained().isEmpty() || !c.staleReasons().isEmpty());
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("passed", report.passed());
            json.put("failed", report.failed());
            json.put("results", report.results());
            json.put("rule_coverage_percent", c.rulePercent());
            json.put("rules_not_fired", c.notFired().stream().map(RuleInfo::id).toList());
            json.put("sentences_not_quoted", c.notQuoted());
            json.put("sentences_not_quoted_reasons", c.reasons());
            json.put("stale_reasons", c.staleReasons());
            json.put("sentences_not_tested", c.notTested());
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } else {
            for (CaseResult r : report.results()) {
                out.printf("%s  %s:%d  %s%n", r.passed() ? "PASS" : "FAIL", r.file(), r.line(), r.name());
                if (!r.passed()) {
                    r.differences().forEach(d -> out.println("      " + d));
                    out.println("      rules fired: " + (r.fired().isEmpty() ? "none" : String.join(", ", r.fired())));
                }
            }
            if (coverage || belowMinimum || unexplained) {
                printCoverage(c, out);
            }
            out.println(report.passed() + " passed, " + report.failed() + " failed");
        }
        if (belowMinimum) {
            err.println("policy: tests fire " + c.rulePercent() + "% of the rules, below the minimum of "
                    + minCoverage + "%");
        }
        if (unexplained) {
            err.println("policy: " + c.unexplained().size() + " profile sentence(s) quoted by no rule without a reason,"
                    + " and " + c.staleReasons().size() + " stale reason(s), in " + engine.rules.resolve(
                            UnquotedReasons.FILE));
        }
        return report.failed() > 0 || belowMinimum || unexplained ? ExitCode.NO_ANSWER_OR_REJECTED : ExitCode.OK;
    }

    private static void printCoverage(Coverage c, PrintWriter out) {
        out.printf("Rules fired by a test: %d of %d (%s%%)%n", c.rules() - c.notFired().size(), c.rules(),
                c.rulePercent());
        c.notFired().forEach(r -> out.printf("  not fired: %s  %s:%d%n", r.id(), r.file(), r.line()));
        out.printf("Profile sentences quoted by a rule: %d of %d; by a rule a test fires: %d%n",
                c.sentences() - c.notQuoted().size(), c.sentences(),
                c.sentences() - c.notQuoted().size() - c.notTested().size());
        c.notTested().forEach(s -> out.println("  quoted, but no test fires a rule quoting it: \"" + s + "\""));
        c.notQuoted().forEach(s -> out.println("  quoted by no rule: \"" + s + "\"\n      why: " + c.reasons()
                .getOrDefault(s, "NO REASON: quote it in a rule or say why in " + UnquotedReasons.FILE)));
        c.staleReasons().forEach(s -> out.println("  stale reason in " + UnquotedReasons.FILE + ": \"" + s
                + "\" is quoted by a rule, or is no sentence of the profile"));
    }
}
