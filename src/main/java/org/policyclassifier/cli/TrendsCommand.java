package org.policyclassifier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.facts.Vocabulary;
import org.policyclassifier.io.OutputPaths;
import org.policyclassifier.io.Json;
import org.policyclassifier.rules.RuleSet;
import org.policyclassifier.trends.StableBand;
import org.policyclassifier.trends.TrendAnalysis;
import org.policyclassifier.trends.TrendChart;
import org.policyclassifier.trends.TrendInputs;
import org.policyclassifier.trends.TrendReport;
import org.policyclassifier.trends.TrendWording;
import org.policyclassifier.trends.TrendsCsv;
import org.policyclassifier.trends.Window;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code policy trends [--from Y --to Y] [--format F] [--chart FILE.png] [--lang CODE]}: what the
 * offence statistics show.
 */
@Command(name = "trends", mixinStandardHelpOptions = true,
        description = "Evaluates the trend rules (rules/trends.drl) over the offence statistics"
                + " (facts/offence-statistics.json) and prints, for each category and the TOTAL, the year-on-year"
                + " change, the change over the window and the share of the total, then the flags the rules raised,"
                + " each with its figures and the rule and profile sentence behind it.")
final class TrendsCommand implements Callable<Integer> {

    enum Format { text, json, csv }

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Option(names = "--from", paramLabel = "YEAR", description = "First year of the window (default: the first of the table).")
    Integer from;

    @Option(names = "--to", paramLabel = "YEAR", description = "Last year of the window (default: the last of the table).")
    Integer to;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json (one JSON object) or csv (one row per change and per flag). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--chart", paramLabel = "FILE.png",
            description = "Also draw every series over the window as a PNG chart (index, first year = 100).")
    Path chart;

    @Option(names = "--stable-band", paramLabel = "PERCENT",
            description = "Changes within ±PERCENT over the window are STABLE (default: facts/trend-settings.json).")
    BigDecimal stableBand;

    @Mixin
    LanguageOption lang;

    @Override
    public Integer call() throws IOException, InvalidInputException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (chart != null && OutputPaths.isStandardOutput(chart)) {
            err.println("policy trends: --chart " + chart + " is the standard output, which carries the report; give"
                    + " the chart a file of its own; nothing was written");
            return ExitCode.USAGE;
        }
        Optional<String> clash = OutputPaths.ofFolders(engine.rules, engine.facts).output("--chart", chart).problem();
        if (clash.isPresent()) {
            err.println("policy trends: " + clash.get() + "; nothing was written");
            return ExitCode.USAGE;
        }
        RuleSet rules = null;
        TrendInputs inputs = null;
        Vocabulary vocabulary = null;
        List<Problem> problems = new ArrayList<>();
        try {
            rules = RuleSet.compile(engine.rules, engine.settings().withRulesCache(null));
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        try {
            inputs = TrendInputs.load(engine.facts);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        // The report's words come from the rest of the facts, read once the trend facts are: a folder of
        // trend facts alone (a test's) is told what is wrong with those, not every vocabulary file it lacks.
        if (inputs != null) {
            try {
                vocabulary = Vocabulary.load(engine.facts);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            return ExitCode.INVALID_INPUT;
        }
        TrendWording wording = new TrendWording(vocabulary);
        String language = lang.language(wording.words(), spec);
        BigDecimal band = stableBand == null ? inputs.stableBandPercent() : stableBand;
        String bandProblem = StableBand.problem(band).orElse(null);
        if (bandProblem != null) {
            err.println("policy trends: --stable-band: " + bandProblem);
            return ExitCode.USAGE;
        }
        Window window;
        try {
            window = Window.of(inputs.statistics().years(), from, to);
        } catch (IllegalArgumentException e) {
            err.println("policy trends: " + e.getMessage());
            return ExitCode.USAGE;
        }
        TrendReport report = new TrendAnalysis(rules).analyse(inputs, window, band);
        switch (format) {
            case json -> out.println(Json.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(wording.in(report, language)));
            case csv -> TrendsCsv.print(report, wording, language, out);
            default -> TrendsText.print(report, wording, language, out);
        }
        if (chart != null) {
            try {
                TrendChart.write(report, wording, language, chart);
            } catch (IOException e) {
                err.println(e.getMessage());
                return ExitCode.INVALID_INPUT;
            }
            err.println("chart written to " + chart);
        }
        return ExitCode.OK;
    }
}
