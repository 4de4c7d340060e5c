package org.policyclassifier.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyclassifier.io.Json;
import org.policyclassifier.rules.RuleSet;
import org.policyclassifier.rules.RuleTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code policy rules list}: the table of rules that batch decisions name by id. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists every rule once: id, title, the profile sentence it rests on, its note and file:line."
                + " With `classify --explain rules` (the default) each decision names its rules by id only; this is"
                + " the table they refer to (also in classify's --summary-json).",
            "Exit 0, or 3 when the rules do not compile."})
final class RulesListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<RuleTable.Row> rows = RuleTable.of(RuleSet.compile(engine.rules, engine.settings()));
        if (output.json()) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
        } else {
            for (RuleTable.Row r : rows) {
                out.println(r.id() + "  " + r.title() + "  (" + r.file() + ":" + r.line() + ")");
                out.println("    profile: \"" + r.source() + "\"");
                if (r.note() != null) {
                    out.println("    note: " + r.note());
                }
            }
            out.println(rows.size() + " rules");
        }
        return ExitCode.OK;
    }
}
