package org.policyclassifier.cli;

import picocli.CommandLine.Command;

/** The root command: lists the subcommands and prints usage when called bare. */
@Command(name = "policy",
        description = "Classifies Belgian drug-policy cases by axis, prevention tier and level of government,"
                + " and says why, from the 2018 EU crime-prevention policy profile; reads the profile's offence"
                + " statistics and reports what rose, what fell, and whether the figures bear out its claims.",
        mixinStandardHelpOptions = true,
        version = "policy-classifier 0.1.0",
        subcommands = {QueryCommand.class, ClassifyCommand.class, BenchCommand.class, ImportStatsCommand.class,
                TrendsCommand.class, RulesCommand.class, ServeCommand.class, QueryBenchCommand.class})
public final class PolicyCommand extends CommandGroup {

    private final Console console;

    PolicyCommand(Console console) {
        this.console = console;
    }

    /** The streams and clock the subcommands use. */
    Console console() {
        return console;
    }
}
