package org.policyclassifier.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.policyclassifier.query.QueryService;
import org.policyclassifier.query.QuestionSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code policy score-questions rules/tests/blind/heldout.jsonl}: how well questions written blind are read. */
@Command(name = "score-questions", mixinStandardHelpOptions = true,
        description = {"Asks every question of one or more question sets (JSON Lines: question, lang, expect and the"
                + " expected lead_level, axis, tier, figure or direction; see rules/tests/blind/README.md) and prints,"
                + " per language, how many were answered right, answered wrong, and refused."})
final class ScoreQuestionsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Question sets (.jsonl).")
    List<Path> files;

    @Option(names = "--verbose", description = "Also list every question not answered right, with what was answered (and, for a refused one,"
            + " what its best entry would have answered).")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<QuestionSet.Item> items = QuestionSet.read(files);
        QueryService service = engine.loadQueryService(null);
        List<QuestionSet.Scored> scored = QuestionSet.score(service, items);
        if (verbose) {
            for (QuestionSet.Scored s : scored) {
                if (s.verdict() != QuestionSet.Verdict.RIGHT) {
                    QuestionSet.Item i = s.item();
                    out.printf("%-8s %s [%s %s/%s/%s] %s%n         => %s%n", s.verdict().name().toLowerCase(), i.id(),
                            i.expect(), i.leadLevel(), i.axis(), i.tier(), i.question(), s.answered());
                    if (s.bestEntryWouldAnswer() != null) {
                        out.printf("         best entry would answer: %s%n", s.bestEntryWouldAnswer());
                    }
                }
            }
        }
        out.printf("%-4s %9s %14s %14s %14s %11s%n", "", "questions", "right", "wrong", "refused", "wrong lead");
        for (Map.Entry<String, QuestionSet.Tally> e : QuestionSet.tally(scored).entrySet()) {
            QuestionSet.Tally t = e.getValue();
            if (t.total() == 0) {
                continue;
            }
            out.printf("%-4s %9d %8d %4.0f%% %8d %4.0f%% %8d %4.0f%% %11d%n", e.getKey(), t.total(), t.right(),
                    100.0 * t.right() / t.total(), t.wrong(), 100.0 * t.wrong() / t.total(), t.refused(),
                    100.0 * t.refused() / t.total(), t.wrongLead());
        }
        return ExitCode.OK;
    }
}
