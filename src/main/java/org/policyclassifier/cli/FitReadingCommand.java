package org.policyclassifier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.io.Json;
import org.policyclassifier.io.Located;
import org.policyclassifier.policytest.PolicyTestCase;
import org.policyclassifier.policytest.PolicyTestRunner;
import org.policyclassifier.query.QueryService;
import org.policyclassifier.query.QuestionSet;
import org.policyclassifier.query.ReadingModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code policy fit-reading rules/tests/blind/*.jsonl --out FILE}: fits the model that decides whether a
 * question is understood, from labelled question sets, and writes it.
 */
@Command(name = "fit-reading", mixinStandardHelpOptions = true,
        description = {"Fits the model that decides when a question is understood well enough to answer (a logistic"
                + " regression over the evidence for the best entry) on labelled question sets (as score-questions"
                + " reads them), chooses the lowest threshold at which at most " + ReadingModel.MAX_WRONG_PERCENT + "%% of its answers to them are wrong, and writes the model"
                + " as JSON. The bundled model is src/main/resources/org/policyclassifier/query/reading-model.json,"
                + " fitted on rules/tests/blind/*.jsonl."})
final class FitReadingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Labelled question sets (.jsonl).")
    List<Path> files;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the model (JSON).")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        List<QuestionSet.Item> items = QuestionSet.read(files);
        Map<String, String> phrasings = new LinkedHashMap<>();
        List<String> fittedOn = new ArrayList<>(files.stream().map(f -> f.getFileName().toString()).sorted().toList());
        Path tests = engine.rules.resolve("tests");
        if (Files.isDirectory(tests)) {
            for (Located<PolicyTestCase> c : PolicyTestRunner.load(tests)) {
                phrasing(c.value()).ifPresent(entry -> phrasings.put(c.value().query(), entry.orElse(null)));
            }
            fittedOn.add("the phrasings of the policy tests");
        }
        QueryService service = engine.loadQueryService(null);
        ReadingModel model = QuestionSet.fit(service, items, phrasings, fittedOn);
        try {
            Files.writeString(out, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(model) + "\n");
        } catch (IOException e) {
            throw new InvalidInputException(new Problem(out.toString(), 0, "cannot be written: " + e.getMessage()));
        }
        ReadingModel.Fitted f = model.fittedOn();
        stdout.printf("%d labelled questions of %d sets, %d phrasings of the policy tests%n", items.size(), files.size(),
                phrasings.size());
        stdout.printf("fitted on %d questions (who is responsible, or to refuse): threshold %.3f; answers %d right,"
                + " %d wrong, refuses %d%n", f.questions(), model.threshold(), f.right(), f.wrong(), f.refused());
        stdout.printf("wrote %s%n", out);
        return ExitCode.OK;
    }

    /**
     * A policy test's question as a labelled phrasing: the entry it must be answered with, or empty
     * when it must be refused; none for a test with options beside the question (they change the answer)
     * or that expects neither.
     */
    private static Optional<Optional<String>> phrasing(PolicyTestCase c) {
        if (c.query() == null || c.place() != null || c.setting() != null || c.actor() != null
                || c.substances() != null || c.expect() == null) {
            return Optional.empty();
        }
        if (c.expect().hasNonNull("subject")) {
            return Optional.of(Optional.of(c.expect().get("subject").asText()));
        }
        String status = c.expect().path("status").asText("");
        return status.equals("no_match") || status.equals("ambiguous") ? Optional.of(Optional.empty()) : Optional.empty();
    }
}
