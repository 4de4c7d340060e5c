package org.policyclassifier.cli;

import java.util.List;
import picocli.CommandLine.Command;

/**
 * The root command: lists the subcommands and prints usage when called bare. Its subcommands are
 * added by {@link Main}, which builds the full model (options, by reflection) only of the one the
 * command line names: building all of them took most of the start-up of {@code policy --help}.
 */
@Command(name = "policy",
        description = "Classifies Belgian drug-policy cases by axis, prevention tier and level of government,"
                + " and says why, from the 2018 EU crime-prevention policy profile; reads the profile's offence"
                + " statistics and reports what rose, what fell, and whether the figures bear out its claims.",
        mixinStandardHelpOptions = true,
        version = "policy-classifier 0.1.0")
public final class PolicyCommand extends CommandGroup {

    /** The subcommands, in the order of the help's list; each class carries its own {@code @Command}. */
    static final List<Class<?>> SUBCOMMANDS = List.of(QueryCommand.class, ClassifyCommand.class,
            BenchCommand.class, ImportStatsCommand.class, TrendsCommand.class, RulesCommand.class,
            ServeCommand.class, QueryBenchCommand.class, ScoreQuestionsCommand.class, FitReadingCommand.class);

    private final Console console;

    PolicyCommand(Console console) {
        this.console = console;
    }

    /** The streams and clock the subcommands use. */
    Console console() {
        return console;
    }
}
