package org.policyclassifier.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.io.Inputs;
import org.policyclassifier.io.Shown;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** Entry point: wiring only. Tests call {@link #run} with their own streams. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
        // Input text quoted in any message must not drive the terminal.
        PrintWriter err = new PrintWriter(Shown.escaping(new OutputStreamWriter(System.err, StandardCharsets.UTF_8)),
                true);
        // The launcher tells whether stderr is a terminal; Java cannot see it for stderr alone.
        boolean terminal = Boolean.getBoolean("policy.stderr.tty");
        System.exit(run(args, new Console(Inputs.standardInput(), stdout, out, err, System::nanoTime, terminal)));
    }

    /** Runs one command line with character streams and an empty standard input; returns its exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, Console.of(InputStream.nullInputStream(), out, err, System::nanoTime));
    }

    /** The page of docs/ each subcommand (and those under it) is documented on. */
    private static final java.util.Map<String, String> PAGES = java.util.Map.of("query", "asking.md",
            "score-questions", "asking.md", "fit-reading", "asking.md", "classify", "batch.md", "bench", "performance.md",
            "bench-query", "performance.md", "import-stats", "trends.md", "trends", "trends.md",
            "rules", "staff-guide.md", "serve", "api.md");

    private static void setFooter(CommandLine command, String page) {
        command.getSubcommands().forEach((name, sub) -> {
            String its = PAGES.getOrDefault(name, page);
            sub.getCommandSpec().usageMessage().footer(footer(its));
            setFooter(sub, its);
        });
    }

    /** The exit codes, then where the documentation is: {@code page} of docs/, or the folder for null. */
    private static String[] footer(String page) {
        String[] footer = java.util.Arrays.copyOf(ExitCode.HELP, ExitCode.HELP.length + 2);
        footer[footer.length - 2] = "";
        footer[footer.length - 1] = "Documentation: " + (page == null ? EngineOptions.readme() + ", then the pages of "
                + EngineOptions.docs(null) + "/" : EngineOptions.docs(page));
        return footer;
    }

    /**
     * The full model of a subcommand (its options, mixins and converters, read by reflection) is
     * built only when the command line may run it; the others get a spec with the name and
     * description of their {@code @Command}, all the root's help lists. The root has only options
     * without values, so its first other argument is the subcommand picocli will run. When that
     * argument names none (a typo, an {@code @file} of arguments), every model is built, as picocli
     * would: it then expands, parses and suggests as always. {@code question}: the query command,
     * when made before (to start loading early), else null.
     */
    private static void addSubcommands(CommandLine root, String named, QueryCommand question) {
        boolean known = named == null || PolicyCommand.SUBCOMMANDS.stream().anyMatch(c -> name(c).equals(named));
        for (Class<?> subcommand : PolicyCommand.SUBCOMMANDS) {
            String name = name(subcommand);
            Object command = subcommand == QueryCommand.class && question != null ? question : subcommand;
            root.addSubcommand(name, !known || name.equals(named) ? command : listed(subcommand));
        }
    }

    /** The subcommand the command line names (see {@link #addSubcommands}); null when none. */
    private static String named(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return null;
    }

    private static String name(Class<?> subcommand) {
        return subcommand.getAnnotation(Command.class).name();
    }

    /** What the root's help shows of a subcommand: its name, aliases, header and description. */
    private static CommandLine listed(Class<?> subcommand) {
        Command command = subcommand.getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.create().name(command.name()).aliases(command.aliases());
        spec.usageMessage().header(command.header()).description(command.description()).hidden(command.hidden());
        return new CommandLine(spec);
    }

    /** Runs one command line; returns its exit code (see {@link ExitCode}). */
    public static int run(String[] args, Console console) {
        String named = named(args);
        // A question's rules and facts start loading now, on threads of their own, while picocli builds its models.
        QueryCommand question = QueryCommand.NAME.equals(named)
                ? new QueryCommand(QueryCommand.startEarly(args)) : null;
        CommandLine cli = new CommandLine(new PolicyCommand(console));
        addSubcommands(cli, named, question);
        cli.setOut(console.out());
        cli.setErr(console.err());
        // --input-format csv names an enum constant CSV of the plain API.
        cli.getSubcommands().get("classify").setCaseInsensitiveEnumValuesAllowed(true);
        cli.getSubcommands().get("bench").setCaseInsensitiveEnumValuesAllowed(true);
        NumberConverters.register(cli);
        // One exit-code table, shown under every command's help.
        cli.getCommandSpec().usageMessage().footer(footer(null));
        setFooter(cli, null);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Rules, facts or files the user can fix: every problem, then the one code for it.
            if (e instanceof InvalidInputException invalid) {
                invalid.problems().forEach(p -> commandLine.getErr().println(Shown.escaped(p.toString())));
                return ExitCode.INVALID_INPUT;
            }
            commandLine.getErr().println("policy: internal error: " + e);
            return ExitCode.INTERNAL;
        });
        try {
            return cli.execute(args);
        } finally {
            console.out().flush();
            console.err().flush();
        }
    }
}
