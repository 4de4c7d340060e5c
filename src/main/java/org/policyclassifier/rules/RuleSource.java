package org.policyclassifier.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule file as Drools compiles it: DRL text, written by hand or generated from a decision
 * table, and the way back from a line of that text to the line of the file the user edits.
 */
final class RuleSource {

    private static final Pattern RULE_LINE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    /** Drools' package of a file that names none. */
    private static final String DEFAULT_PACKAGE = "defaultpkg";

    private final String file;
    private final String kjarPath;
    private final String pkg;
    private final String drl;
    private final String[] drlLines;
    private final int[] fileLineOfDrlLine;
    private final Map<String, Integer> ruleLines = new HashMap<>();
    /** The 1-based DRL line where each rule starts. */
    private final Map<String, Integer> ruleDrlLines = new HashMap<>();
    private final DecisionTable table;

    private RuleSource(String file, String kjarName, String drl, int[] fileLineOfDrlLine, DecisionTable table) {
        this.file = file;
        this.drl = drl;
        this.drlLines = drl.split("\n", -1);
        this.fileLineOfDrlLine = fileLineOfDrlLine;
        this.table = table;
        Matcher pkg = PACKAGE.matcher(drl);
        this.pkg = pkg.find() ? pkg.group(1) : DEFAULT_PACKAGE;
        // Drools warns when a file's folder differs from its package; the folder follows the package.
        this.kjarPath = "src/main/resources/" + (this.pkg.equals(DEFAULT_PACKAGE) ? "" : this.pkg.replace('.', '/') + "/")
                + kjarName;
        for (int i = 0; i < drlLines.length; i++) {
            Matcher m = RULE_LINE.matcher(drlLines[i]);
            if (m.find()) {
                ruleLines.putIfAbsent(m.group(1), fileLine(i + 1));
                ruleDrlLines.putIfAbsent(m.group(1), i + 1);
            }
        }
    }

    /** A hand-written DRL file: its lines are the file's lines. */
    static RuleSource drl(String file, String kjarName, String text) {
        return new RuleSource(file, kjarName, text, null, null);
    }

    /** A decision table, compiled to DRL; lines map back to the table's rows. */
    static RuleSource table(String file, String kjarName, DecisionTable table) {
        return new RuleSource(file, kjarName, table.drl(), table.rowOfDrlLine(), table);
    }

    /** The file as the user named it, e.g. {@code rules/tiers.drl}. */
    String file() {
        return file;
    }

    String kjarPath() {
        return kjarPath;
    }

    /** The file's package, as Drools names the rules' packages. */
    String pkg() {
        return pkg;
    }

    String drl() {
        return drl;
    }

    /** The decision table behind this source, or null for a DRL file. */
    DecisionTable table() {
        return table;
    }

    /** The text of a 1-based line of the DRL; empty outside it. */
    String drlLine(int line) {
        return line >= 1 && line <= drlLines.length ? drlLines[line - 1] : "";
    }

    int drlLineCount() {
        return drlLines.length;
    }

    /** The line of the user's file that a 1-based DRL line comes from. */
    int fileLine(int drlLine) {
        if (fileLineOfDrlLine == null || drlLine <= 0) {
            return drlLine;
        }
        return fileLineOfDrlLine[Math.min(drlLine, fileLineOfDrlLine.length) - 1];
    }

    /** The line of the user's file where a rule starts, or 0. */
    int ruleLine(String ruleName) {
        return ruleLines.getOrDefault(ruleName, 0);
    }

    /** The DRL of a rule, from its {@code rule} line to its {@code end}. */
    String ruleText(String ruleName) {
        int start = ruleDrlLine(ruleName);
        if (start == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (int i = start; i <= drlLines.length; i++) {
            text.append(drlLines[i - 1]).append('\n');
            if (i > start && drlLines[i - 1].strip().equals("end")) {
                break;
            }
        }
        return text.toString();
    }

    /** The 1-based DRL line where a rule starts, or 0. */
    int ruleDrlLine(String ruleName) {
        return ruleDrlLines.getOrDefault(ruleName, 0);
    }
}
