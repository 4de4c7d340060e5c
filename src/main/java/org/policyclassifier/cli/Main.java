package org.policyclassifier.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.policyclassifier.errors.InvalidInputException;
import picocli.CommandLine;

/** Entry point: wiring only. Tests call {@link #run} with their own streams. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err));
    }

    private static void setFooter(CommandLine command) {
        command.getSubcommands().values().forEach(sub -> {
            sub.getCommandSpec().usageMessage().footer(ExitCode.HELP);
            setFooter(sub);
        });
    }

    /** Runs one command line; returns its exit code (see {@link ExitCode}). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new PolicyCommand());
        cli.setOut(out);
        cli.setErr(err);
        // One exit-code table, shown under every command's help.
        cli.getCommandSpec().usageMessage().footer(ExitCode.HELP);
        setFooter(cli);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Rules, facts or files the user can fix: every problem, then the one code for it.
            if (e instanceof InvalidInputException invalid) {
                invalid.problems().forEach(commandLine.getErr()::println);
                return ExitCode.INVALID_INPUT;
            }
            commandLine.getErr().println("policy: internal error: " + e);
            return ExitCode.INTERNAL;
        });
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
