package org.policyclassifier.serve;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.policyclassifier.check.CheckReport;
import org.policyclassifier.check.PolicyCheck;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.Corpus;
import org.policyclassifier.diff.DiffReport;
import org.policyclassifier.diff.RulesDiff;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.policytest.CaseResult;
import org.policyclassifier.policytest.PolicyTestRunner;
import org.policyclassifier.policytest.TestReport;
import org.policyclassifier.policytest.UnquotedReasons;
import org.policyclassifier.profile.ProfileText;

/**
 * What staff see while they edit the served rules: whether the folder as saved compiles and passes
 * {@code rules check}, whether the policy tests pass, and what the edit changes against the rules
 * the server started with. Worked out again only when a file of the rules folder changed.
 */
final class Workbench {

    /**
     * The workbench's answer.
     *
     * @param base the version of the rules compared against: those the server started with
     * @param current the version in use (the last that compiled)
     * @param check the problems {@code rules check} finds in the folder as saved
     * @param tests the policy tests of the rules in use
     * @param cases how many cases the comparison classified; {@code changed} of them changed
     * @param changes each changed case, with the rules that made the difference
     */
    record Report(int base, int current, Check check, Tests tests, int cases, int changed,
            List<DiffReport.CaseChange> changes, List<String> rulesAdded, List<String> rulesRemoved,
            List<String> rulesChanged) {
    }

    record Check(boolean clean, List<String> problems) {
    }

    record Tests(long passed, long failed, List<Failure> failures) {
    }

    /** A failing policy test: where it is, its name, and each difference between expected and actual. */
    record Failure(String test, String name, List<String> differences) {
    }

    private final LiveEngine engine;
    private final WorkbenchAccess access;
    private final Classifier base;
    private final int baseVersion;
    /** The rules folder's files (name, size, time) when {@link #report} was made. */
    private List<String> seen;
    private Report report;

    Workbench(LiveEngine engine, WorkbenchAccess access) {
        this.access = access;
        this.engine = engine;
        Snapshot first = engine.current();
        this.base = first.classifier;
        this.baseVersion = first.version;
    }

    /** {@code GET /v1/workbench}: the report as JSON, to this machine only. */
    void json(Context ctx) throws IOException, InvalidInputException {
        local(ctx);
        ctx.contentType("application/json").result(PolicyServer.bytes(report()));
    }

    /** {@code GET /workbench}: the report as a page, to this machine only; it refreshes itself. */
    void page(Context ctx) throws IOException, InvalidInputException {
        local(ctx);
        Report r = report();
        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"refresh\" content=\"2\"><title>Rules workbench — policy-classifier</title>")
                .append("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">")
                .append("<link rel=\"stylesheet\" href=\"/style.css\"></head><body><main>")
                .append("<h1>Rules workbench</h1><p>The rules folder as saved, against the rules the server started with")
                .append(" (version ").append(r.base()).append("; in use: ").append(r.current())
                .append("). This page looks again every 2 seconds.</p>");
        html.append("<h2>Check</h2>");
        list(html, r.check().clean() ? List.of("no problems") : r.check().problems());
        html.append("<h2>Policy tests</h2><p>").append(r.tests().passed()).append(" passed, ")
                .append(r.tests().failed()).append(" failed</p>");
        list(html, r.tests().failures().stream().map(f -> f.test() + " " + f.name() + ": "
                + String.join("; ", f.differences())).toList());
        html.append("<h2>What the edit changes</h2><p>").append(r.changed()).append(" of ").append(r.cases())
                .append(" decisions changed</p>");
        list(html, r.changes().stream().map(c -> c.id() + ": " + c.fields() + (c.firedOnlyBefore().isEmpty() ? ""
                : "; no longer fired: " + String.join(", ", c.firedOnlyBefore())) + (c.firedOnlyAfter().isEmpty() ? ""
                : "; now fired: " + String.join(", ", c.firedOnlyAfter()))).toList());
        html.append("</main></body></html>");
        ctx.contentType("text/html; charset=utf-8").result(html.toString());
    }

    private static void list(StringBuilder html, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        html.append("<ul>");
        items.forEach(i -> html.append("<li>").append(Html.escape(i)).append("</li>"));
        html.append("</ul>");
    }

    /** Whether the request comes from staff: this machine, or an address {@code --workbench-from} names. */
    boolean allows(Context ctx) {
        return access.allows(ctx.ip());
    }

    /** The workbench shows the server's rules and its problems: only to this machine and the addresses allowed. */
    private void local(Context ctx) {
        if (!allows(ctx)) {
            throw new ApiError(403, "forbidden", "the workbench is open only to this machine and the addresses"
                    + " policy serve --workbench-from names");
        }
    }

    synchronized Report report() throws IOException, InvalidInputException {
        List<String> files = files(engine.rulesDir());
        if (report == null || !files.equals(seen) || report.current() != engine.version()) {
            report = make();
            seen = files;
        }
        return report;
    }

    private Report make() throws InvalidInputException {
        CheckReport checked = PolicyCheck.run(engine.rulesDir(), engine.factsDir(), engine.settings());
        List<String> problems = checked.findings().stream()
                .map(f -> (f.file() == null ? "" : engine.shown(f.file()) + ":" + f.line() + ": ") + f.message()).toList();
        Snapshot current = engine.current();
        Classifier classifier = current.classifier;
        TestReport tested = new PolicyTestRunner(classifier, engine.factsDir()).run(
                PolicyTestRunner.load(engine.rulesDir().resolve("tests")),
                ProfileText.read(engine.factsDir().resolve("profile.txt")), UnquotedReasons.read(engine.rulesDir()));
        List<Failure> failures = new ArrayList<>();
        for (CaseResult r : tested.results()) {
            if (!r.passed()) {
                failures.add(new Failure(engine.shown(r.file()) + ":" + r.line(), r.name(), r.differences()));
            }
        }
        DiffReport diff = RulesDiff.run(base, classifier, Corpus.vocabulary(classifier.vocabulary()));
        return new Report(baseVersion, current.version, new Check(checked.clean(), problems),
                new Tests(tested.passed(), tested.failed(), failures), diff.cases(), diff.changed(), diff.changes(),
                diff.rulesAdded(), diff.rulesRemoved(), diff.rulesChanged());
    }

    /** Every file under the rules folder with its size and time of change: an edit changes one of them. */
    private static List<String> files(Path rules) throws IOException {
        try (Stream<Path> all = Files.walk(rules)) {
            return all.filter(Files::isRegularFile).sorted().map(p -> {
                try {
                    return p + "|" + Files.size(p) + "|" + Files.getLastModifiedTime(p).toMillis();
                } catch (IOException e) {
                    return p + "|gone";
                }
            }).toList();
        }
    }
}
