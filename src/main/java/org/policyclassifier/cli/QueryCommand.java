package org.policyclassifier.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyclassifier.classify.CaseRecord;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.Decision;
import org.policyclassifier.classify.InvalidCaseException;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.io.Json;
import org.policyclassifier.query.Candidate;
import org.policyclassifier.query.Match;
import org.policyclassifier.query.QueryMatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code policy query "needle exchange" --place Charleroi}: one question, one explained answer. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Says who is responsible for an intervention or an offence, on which axis and tier, and why."
                + " TEXT may be English, Dutch or French.")
final class QueryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "What to ask about, e.g. \"needle exchange\".")
    List<String> words;

    @Option(names = "--place", paramLabel = "NAME", description = "A municipality, province or region, e.g. Charleroi.")
    String place;

    @Option(names = "--setting", paramLabel = "ID", description = "Where it happens, e.g. prison, hospital, street.")
    String setting;

    @Option(names = "--actor", paramLabel = "ID", description = "An actor of facts/actors.json the case involves.")
    String actor;

    @Option(names = "--substance", paramLabel = "ID", description = "A substance the case concerns (repeatable).")
    List<String> substances;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text = String.join(" ", words);
        Classifier classifier = engine.loadClassifier();
        Match match = new QueryMatcher(classifier.vocabulary()).match(text);
        if (match.status() != Match.Status.MATCHED) {
            explainNoMatch(text, match, err);
            return ExitCode.NO_ANSWER_OR_REJECTED;
        }
        Candidate c = match.best();
        boolean intervention = c.kind().equals("intervention");
        CaseRecord record = CaseRecord.of(null, c.kind(), c.id(), place, setting, actor, substances);
        Decision decision;
        try {
            decision = classifier.classify(record);
        } catch (InvalidCaseException e) {
            String option = e.field().equals("substances") ? "substance" : e.field();
            err.println("policy: --" + option + ": " + e.reason());
            return ExitCode.NO_ANSWER_OR_REJECTED;
        }
        if (output.json()) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(decision));
        } else {
            out.printf("%s: %s %s (%s \"%s\")%n%n", text, intervention ? "intervention type" : "offence category",
                    c.id(), c.partial() ? "the only entry containing your words:" : "matched", c.term());
            DecisionText.print(decision, out);
        }
        return ExitCode.OK;
    }

    private static void explainNoMatch(String text, Match match, PrintWriter err) {
        if (match.status() == Match.Status.AMBIGUOUS) {
            err.printf("policy: \"%s\" matches several entries equally; say which one you mean:%n", text);
        } else {
            err.printf("policy: nothing in the vocabulary matches \"%s\".%n", text);
            if (!match.candidates().isEmpty()) {
                err.println("Closest entries:");
            }
        }
        for (Candidate c : match.candidates()) {
            err.printf("  %-13s %-32s \"%s\"%n", c.kind(), c.id(), c.term());
        }
        if (match.status() == Match.Status.NONE) {
            err.println("Intervention types and offence categories, with their synonyms, are in facts/"
                    + "intervention-types.json and facts/offence-categories.json.");
        }
    }
}
