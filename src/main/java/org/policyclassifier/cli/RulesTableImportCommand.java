package org.policyclassifier.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.policyclassifier.io.AtomicOutput;
import org.policyclassifier.rules.TableWorkbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code policy rules table import table.xlsx -o rules/intervention-types.drl.csv}: the workbook back to the table's CSV. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Reads the first sheet of a workbook written by `rules table export` (and edited) back into the"
                + " decision table's CSV, the file kept in git: the same bytes when nothing was changed. Then run"
                + " `policy rules check`, `rules test` and `rules diff`.",
            "Exit 0; 3 when the file is not a workbook."})
final class RulesTableImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WORKBOOK", description = "The workbook (.xlsx).")
    Path workbook;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "The table's CSV to write (e.g. rules/intervention-types.drl.csv); default: standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String csv;
        try (InputStream in = Files.newInputStream(workbook)) {
            csv = TableWorkbook.read(in);
        } catch (NoSuchFileException e) {
            err.println(workbook + ": file not found");
            return ExitCode.INVALID_INPUT;
        } catch (java.io.IOException e) {
            err.println(workbook + ": " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        if (output == null) {
            out.print(csv);
            return ExitCode.OK;
        }
        try (AtomicOutput file = AtomicOutput.create(output)) {
            file.stream().write(csv.getBytes(StandardCharsets.UTF_8));
            file.commit();
        }
        err.println("wrote " + output + " from " + workbook + "; check it: policy rules check");
        return ExitCode.OK;
    }
}
