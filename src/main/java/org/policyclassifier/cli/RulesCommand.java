package org.policyclassifier.cli;

import picocli.CommandLine.Command;

/** {@code policy rules}: the tools for policy staff who edit the rules. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Check, test and compare the rules after an edit.",
        subcommands = {RulesCheckCommand.class, RulesTestCommand.class, RulesDiffCommand.class, RulesListCommand.class,
            RulesTableCommand.class})
final class RulesCommand extends CommandGroup {
}
