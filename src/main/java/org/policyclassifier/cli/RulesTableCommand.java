package org.policyclassifier.cli;

import picocli.CommandLine.Command;

/** {@code policy rules table}: the decision table as an Excel workbook, and back. */
@Command(name = "table", mixinStandardHelpOptions = true,
        description = "Edit the decision table in Excel: export it as a workbook, import the workbook back to the"
                + " table's CSV (the file kept in git). Excel's own CSV (with ; or as Unicode text) is read as it is.",
        subcommands = {RulesTableExportCommand.class, RulesTableImportCommand.class})
final class RulesTableCommand extends CommandGroup {
}
