package org.policyclassifier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.io.OutputPaths;
import org.policyclassifier.stats.ProfileTableReader;
import org.policyclassifier.stats.StatisticsFile;
import org.policyclassifier.stats.StatisticsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code policy import-stats PROFILE.txt -o facts/offence-statistics.json}: the profile's table as facts. */
@Command(name = "import-stats", mixinStandardHelpOptions = true,
        description = "Reads the offence statistics table out of a profile text (a header row of years, one row per"
                + " category, a TOTAL row), checks that the TOTAL is the sum of the categories in every year, and"
                + " writes it as the statistics facts file (JSON).")
final class ImportStatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PROFILE", description = "The profile as UTF-8 text, e.g. facts/profile.txt.")
    Path profile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the facts file here (it appears only once complete) instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> clash = new OutputPaths().input(profile).output("-o", output).problem();
        if (clash.isPresent()) {
            err.println("policy import-stats: " + clash.get() + "; nothing was written");
            return ExitCode.USAGE;
        }
        StatisticsTable table;
        try {
            table = ProfileTableReader.read(profile);
        } catch (InvalidInputException e) {
            e.problems().forEach(err::println);
            return ExitCode.INVALID_INPUT;
        }
        if (output == null) {
            spec.commandLine().getOut().print(StatisticsFile.toJson(table));
        } else {
            try {
                StatisticsFile.write(table, output);
            } catch (IOException e) {
                err.println(e.getMessage());
                return ExitCode.INVALID_INPUT;
            }
        }
        List<Integer> years = table.years();
        err.printf("%s: %s, profile %d: %d categories and %s, %d–%d%s%n", profile, table.country(),
                table.profileYear(), table.categories().size(), table.total().name(), years.get(0),
                years.get(years.size() - 1), output == null ? "" : "; written to " + output);
        return ExitCode.OK;
    }
}
