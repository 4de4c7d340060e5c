package org.policyclassifier.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: lists the subcommands and prints usage when called bare. */
@Command(name = "policy",
        description = "Classifies Belgian drug-policy cases by axis, prevention tier and level of government,"
                + " and says why, from the 2018 EU crime-prevention policy profile.",
        mixinStandardHelpOptions = true,
        version = "policy-classifier 0.1.0",
        subcommands = {QueryCommand.class, ClassifyCommand.class, BenchCommand.class})
public final class PolicyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final Console console;

    PolicyCommand(Console console) {
        this.console = console;
    }

    /** The streams and clock the subcommands use. */
    Console console() {
        return console;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
