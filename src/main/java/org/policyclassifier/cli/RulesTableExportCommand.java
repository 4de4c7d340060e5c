package org.policyclassifier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.policyclassifier.facts.InterventionType;
import org.policyclassifier.facts.Objective;
import org.policyclassifier.facts.Vocabulary;
import org.policyclassifier.facts.Words;
import org.policyclassifier.io.AtomicOutput;
import org.policyclassifier.io.TextFiles;
import org.policyclassifier.rules.RuleSet;
import org.policyclassifier.rules.TableText;
import org.policyclassifier.rules.TableWorkbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code policy rules table export -o table.xlsx}: the decision table as a workbook staff can edit. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the decision table of the rules folder as an Excel workbook: every cell as in the CSV,"
                + " the column header frozen and explained, a drop-down of the allowed values (from the facts) in the"
                + " intervention type, objective, axis and tier columns. `rules table import` reads it back.",
            "Exit 0; 2 for a wrong option; 3 when the table cannot be read."})
final class RulesTableExportCommand implements Callable<Integer> {

    /** What each column of the table holds, shown as a comment on its title. */
    private static final Map<String, String> EXPLAINED = Map.of(
            "Rule", "The rule's name: its id, then what it says. Keep it in step with the row's values.",
            "Id", "The rule's stable id (TYPE-nnn). Never reuse an id; a new row takes the next number.",
            "Source (the profile sentence)", "The sentence of the profile the row rests on, word for word:"
                    + " `policy rules check` verifies it is in the profile.",
            "Note (where the rule reads or refines the profile)", "Where the row reads or refines the profile, and"
                    + " what it rests on beyond it. May be left empty.",
            "Intervention type", "An intervention type of facts/intervention-types.json (drop-down).",
            "Objective", "The objective the type has in facts/intervention-types.json: the row fires only when"
                    + " they agree (drop-down).",
            "Axis", "The policy axis the type belongs to (drop-down).",
            "Tier", "The prevention tier: primary, secondary or tertiary (drop-down).");

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "The workbook to write (.xlsx).")
    Path output;

    @Option(names = "--table", paramLabel = "FILE", description = "The decision table (a *" + RuleSet.TABLE
            + " file of the rules folder); default: the folder's only one.")
    Path table;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!output.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            throw new ParameterException(spec.commandLine(), "-o: a workbook's name ends in .xlsx, got " + output);
        }
        Path source = table != null ? table : onlyTable(spec, engine.rules);
        String csv = TableText.canonical(TextFiles.read(source));
        Vocabulary vocabulary = Vocabulary.load(engine.facts);
        Words words = vocabulary.words();
        Map<String, List<String>> lists = Map.of(
                "Intervention type", vocabulary.interventionTypes().stream().map(InterventionType::id).toList(),
                "Objective", vocabulary.objectives().stream().map(Objective::id).toList(),
                "Axis", List.copyOf(words.ids(Words.AXES)),
                "Tier", List.copyOf(words.ids(Words.TIERS)));
        String name = source.getFileName().toString();
        try (AtomicOutput file = AtomicOutput.create(output)) {
            TableWorkbook.write(csv, name.substring(0, name.length() - RuleSet.TABLE.length()), lists, EXPLAINED,
                    file.stream());
            file.commit();
        }
        out.println("wrote " + source + " to " + output + "; after editing: policy rules table import " + output
                + " -o " + source);
        return ExitCode.OK;
    }

    /** The rules folder's decision table, when it has exactly one. */
    static Path onlyTable(CommandSpec spec, Path rules) throws IOException {
        List<Path> tables;
        try (Stream<Path> files = Files.list(rules)) {
            tables = files.filter(p -> p.getFileName().toString().endsWith(RuleSet.TABLE)).sorted().toList();
        }
        if (tables.size() != 1) {
            throw new ParameterException(spec.commandLine(), rules + " holds " + tables.size() + " decision tables ("
                    + RuleSet.TABLE + "); say which with --table");
        }
        return tables.get(0);
    }
}
