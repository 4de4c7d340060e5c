package org.policyclassifier.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyclassifier.classify.DecisionWording;
import org.policyclassifier.facts.Words;
import org.policyclassifier.io.Json;
import org.policyclassifier.io.Shown;
import org.policyclassifier.query.Answer;
import org.policyclassifier.query.Candidate;
import org.policyclassifier.query.Question;
import org.policyclassifier.query.QueryService;
import org.policyclassifier.query.Refusal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code policy query "needle exchange" --place Charleroi}: one question, one explained answer. */
@Command(name = QueryCommand.NAME, mixinStandardHelpOptions = true,
        description = "Says who is responsible for an intervention or an offence, on which axis and tier, and why;"
                + " or answers a question about a figure or a trend of the profile's offence table, or about the law."
                + " TEXT may be English, Dutch, French or German, and may name a place, a setting and substances.")
final class QueryCommand implements Callable<Integer> {

    /** Known before picocli reads the annotation, whose first reading takes a while. */
    static final String NAME = "query";

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "What to ask about, e.g. \"needle exchange\".")
    List<String> words;

    @Option(names = "--place", paramLabel = "NAME", description = "A municipality, province or region, e.g. Charleroi;"
            + " wins over a place named in TEXT.")
    String place;

    @Option(names = "--setting", paramLabel = "ID", description = "Where it happens, e.g. prison, hospital, street"
            + " (any case); wins over a setting named in TEXT.")
    String setting;

    @Option(names = "--actor", paramLabel = "ID", description = "An actor of facts/actors.json the case involves"
            + " (any case).")
    String actor;

    @Option(names = "--substance", paramLabel = "ID", description = "A substance the case concerns (repeatable, any"
            + " case); wins over substances named in TEXT.")
    List<String> substances;

    @Mixin
    FormatOption output;

    @Mixin
    LanguageOption lang;

    /** The service of the bundled rules and facts, loading since {@link Main} made this command; or null. */
    private final QueryService.Early early;

    /** A question whose service was not started early (picocli makes it so when it builds every model). */
    QueryCommand() {
        this(null);
    }

    QueryCommand(QueryService.Early early) {
        this.early = early;
    }

    /**
     * Starts loading the service of the bundled rules and facts, unless the command line names an
     * option that may choose others (a time limit does not: the rules loaded take it), an
     * {@code @file} of arguments, or help: the options as parsed decide whether it is used ({@link QueryService#load}), this only
     * saves starting work that would be thrown away.
     */
    static QueryService.Early startEarly(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--rules") || arg.startsWith("--facts") || arg.startsWith("@") || arg.equals("-h")
                    || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
                return null;
            }
        }
        return QueryService.Early.start(EngineOptions.bundledRules(), EngineOptions.bundledFacts(),
                EngineOptions.launcherSettings(), EngineOptions.factsCache());
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text = String.join(" ", words);
        QueryService service = engine.loadQueryService(early);
        Words words = service.words();
        Answer asked = service.ask(new Question(text, place, setting, actor, substances));
        String language = lang.given() ? lang.language(words, spec) : asked.languageIn(words);
        Answer answer = asked.in(new DecisionWording(words), language);
        if (output.json()) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(answer.json()));
        }
        if (!answer.answered()) {
            explainRefusal(answer.refusal(), words, language, err);
            return ExitCode.NO_ANSWER_OR_REJECTED;
        }
        if (!output.json()) {
            StringWriter rendered = new StringWriter();
            PrintWriter printer = new PrintWriter(rendered);
            if (answer.fact() != null) {
                FactText.print(answer.fact(), words, language, printer);
            } else {
                DecisionText.printQuestion(answer.decision(), place, setting, actor, substances, words, language, printer);
                DecisionText.print(answer.decision(), words, language, printer);
            }
            printer.flush();
            // The answer echoes the question, the options and a place's name in a flag: the user's text, whose
            // control characters (an ESC from --place) are shown escaped, not sent to the terminal.
            for (String line : rendered.toString().split("\n")) {
                out.println(Shown.escaped(line));
            }
        }
        return ExitCode.OK;
    }

    private static void explainRefusal(Refusal refusal, Words words, String language, PrintWriter err) {
        err.println("policy: " + (refusal.option() == null ? "" : "--" + refusal.option() + ": ") + refusal.message()
                + (refusal.candidates().isEmpty() ? "" : ":"));
        if (refusal.status().equals("invalid_option")) {
            return;
        }
        for (Candidate c : refusal.candidates()) {
            err.printf("  %-13s %-32s %5.2f  \"%s\"%n", c.kind(), c.entry(), c.score(), c.term());
        }
        if (refusal.status().equals("no_match")) {
            err.println(words.text(language, Words.TEXT, "vocabulary_hint"));
        }
    }
}
