package org.policyclassifier.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.policytest.PolicyTestRunner;
import org.policyclassifier.query.QueryBenchmark;
import org.policyclassifier.query.QueryBenchmark.Figures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code policy bench-query}: how fast questions are understood, on the agreed phrasings of rules/tests. */
@Command(name = "bench-query", mixinStandardHelpOptions = true,
        description = {"Reads every question of the policy tests (the query cases of rules/tests/*.yaml) many times"
                + " and prints: the time to build the analysed vocabulary (paid once, on the first question), the"
                + " average time to read a question (Lucene analysis, places, settings, substances, scoring, the"
                + " decision rule), and the average time of a whole answer (reading and the rules).",
            "Use a quiet machine: figures are wall-clock."})
final class QueryBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "200",
            description = "Times every question is read. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--tests", paramLabel = "DIR", description = "Folder of test files whose questions are read"
            + " (default: tests/ in the rules folder).")
    Path tests;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Classifier classifier = engine.loadClassifier();
        List<String> questions = PolicyTestRunner.load(tests != null ? tests : engine.rules.resolve("tests")).stream()
                .map(c -> c.value().query()).filter(q -> q != null).distinct().toList();
        Figures f = QueryBenchmark.run(classifier, questions, Math.max(1, rounds));
        out.printf("policy bench-query: %d questions, %d places, %d cores%n", f.questions(), f.places(),
                Runtime.getRuntime().availableProcessors());
        out.printf("  analysed vocabulary built in %.1f ms (first, Lucene classes loading included); %.1f ms warm,"
                + " %.1f ms of CPU%n", f.indexMillis(), f.indexWarmMillis(), f.indexWarmCpuMillis());
        out.printf("  reading a question:   %8.1f µs on average, %8.1f µs of CPU (%d rounds of every question)%n",
                f.readMicros(), f.readCpuMicros(), f.rounds());
        out.printf("  answering a question: %8.1f µs on average, %8.1f µs of CPU (reading and the rules)%n",
                f.answerMicros(), f.answerCpuMicros());
        return ExitCode.OK;
    }
}
