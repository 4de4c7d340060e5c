package org.policyclassifier.rules;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.template.parser.DecisionTableParseException;
import org.policyclassifier.errors.Problem;

/**
 * A Drools decision table kept as CSV ({@code *.drl.csv}), so that policy staff can edit a mapping
 * as a spreadsheet. Compiled to DRL; every generated line remembers the table row it comes from.
 */
final class DecisionTable {

    /** Drools marks each generated rule with the cell its values come from. */
    private static final Pattern VALUES_AT = Pattern.compile("^// rule values at ([A-Z]+)(\\d+)");
    private static final Pattern CELL = Pattern.compile("\\b([A-Z]{1,2})(\\d+)\\b");

    private final String drl;
    private final int[] rowOfDrlLine;
    /** The table's text, read into cells only to name a cell in an error. */
    private final String csv;

    private DecisionTable(String drl, int[] rowOfDrlLine, String csv) {
        this.drl = drl;
        this.rowOfDrlLine = rowOfDrlLine;
        this.csv = csv;
    }

    /** Compiles the CSV text; a table Drools cannot read is reported at the cell it names. */
    static DecisionTable compile(String file, String csv) throws TableException {
        String drl;
        try {
            drl = new SpreadsheetCompiler().compile(
                    new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), InputType.CSV);
        } catch (DecisionTableParseException | IllegalArgumentException | IllegalStateException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (message.startsWith("No RuleTable cells")) {
                message = "no cell reads 'RuleTable <name>', so there is no table to read";
            }
            Matcher cell = CELL.matcher(message);
            int row = cell.find() ? Integer.parseInt(cell.group(2)) : 0;
            throw new TableException(new Problem(file, row, "the decision table cannot be read: " + message));
        }
        return compiled(csv, drl);
    }

    /** The table whose CSV text Drools compiled to {@code drl} before (see {@link CompiledRules}). */
    static DecisionTable compiled(String csv, String drl) {
        String[] lines = drl.split("\n", -1);
        int[] rowOf = new int[lines.length];
        int row = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = VALUES_AT.matcher(lines[i]);
            if (m.find()) {
                row = Integer.parseInt(m.group(2));
            }
            rowOf[i] = row;
        }
        return new DecisionTable(drl, rowOf, csv);
    }

    String drl() {
        return drl;
    }

    int[] rowOfDrlLine() {
        return rowOfDrlLine.clone();
    }

    /**
     * The column of {@code row} whose cell text occurs in {@code message}, as {@code "column E"},
     * so an error points at the cell to fix; null when no cell can be told.
     */
    String columnNamed(int row, String message) {
        List<List<String>> rows = cells(csv);
        if (row < 1 || row > rows.size()) {
            return null;
        }
        List<String> cells = rows.get(row - 1);
        String best = null;
        int bestLength = 0;
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c).strip();
            if (cell.length() > bestLength && message.contains(cell)) {
                best = "column " + letter(c);
                bestLength = cell.length();
            }
        }
        return best;
    }

    private static String letter(int column) {
        return column < 26 ? String.valueOf((char) ('A' + column))
                : letter(column / 26 - 1) + (char) ('A' + column % 26);
    }

    /** The cells of each line, read by the same CSV parser Drools uses for the table itself. */
    private static List<List<String>> cells(String csv) {
        CsvLineParser parser = new CsvLineParser();
        List<List<String>> rows = new ArrayList<>();
        for (String line : csv.split("\r?\n", -1)) {
            rows.add(parser.parse(line));
        }
        return rows;
    }

    /** A table Drools could not read at all. */
    static final class TableException extends Exception {
        private final transient Problem problem;

        TableException(Problem problem) {
            super(problem.toString());
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }
}
