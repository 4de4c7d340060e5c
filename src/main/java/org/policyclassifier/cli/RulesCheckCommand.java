package org.policyclassifier.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.policyclassifier.check.CheckReport;
import org.policyclassifier.check.Finding;
import org.policyclassifier.check.PolicyCheck;
import org.policyclassifier.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code policy rules check}: does the policy compile, quote the profile, and answer every case once. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compiles every rule file and reports every problem: compile errors, rules without a"
                + " stable id or a @source, quotes that are not in the profile (with the closest sentence),"
                + " vocabulary cases that get no axis or no lead level (gap), two lead levels without an"
                + " override (conflict), and rules that never fire (dead).",
            "Exit 0 when clean, 3 when there are problems."})
final class RulesCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CheckReport report = PolicyCheck.run(engine.rules, engine.facts, engine.settings());
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("clean", report.clean());
            json.put("rules", report.rules());
            json.put("findings", report.findings());
            json.put("reads", report.reads());
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } else {
            report.findings().forEach(out::println);
            out.println(report.rules() + " rules checked: " + (report.clean() ? "no problems"
                    : report.findings().size() + " problem" + (report.findings().size() == 1 ? "" : "s")));
            if (report.clean()) {
                out.println("fields of a case the rules read, which the decision cache keys on: " + reads(report));
            }
        }
        return report.clean() ? ExitCode.OK : ExitCode.INVALID_INPUT;
    }

    /** {@code by value: kind, subject; into texts: place; whether null: municipality; not at all: actorLevel}. */
    private static String reads(CheckReport report) {
        Map<String, List<String>> byRead = new LinkedHashMap<>();
        for (String read : List.of("compared", "copied", "null_tested", "unread")) {
            byRead.put(read, new ArrayList<>());
        }
        report.reads().forEach((field, read) -> byRead.get(read).add(field));
        Map<String, String> words = Map.of("compared", "by value", "copied", "into texts only",
                "null_tested", "only whether null", "unread", "not at all");
        List<String> parts = new ArrayList<>();
        byRead.forEach((read, fields) -> {
            if (!fields.isEmpty()) {
                parts.add(words.get(read) + ": " + String.join(", ", fields));
            }
        });
        return String.join("; ", parts);
    }
}
