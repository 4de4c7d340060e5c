package org.policyclassifier.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A decision table's text as staff save it, made canonical: cells separated by {@code ,}, lines
 * ended by LF, a cell quoted only when it must be. Excel saves a CSV with {@code ;} where the decimal
 * separator is a comma (Belgium), its "Unicode text" with tabs, and ends lines with CRLF; Drools
 * reads only the canonical form. Rows and columns stay where they were, so a cell Drools names
 * ("cell A8") is the cell the editor shows.
 */
public final class TableText {

    private static final char[] SEPARATORS = {',', ';', '\t'};

    private TableText() {
    }

    /** The canonical text of a table saved with any of the separators, told from its first line. */
    public static String canonical(String text) {
        char separator = separator(text);
        if (separator == ',' && text.indexOf('\r') < 0) {
            return text;
        }
        return write(rows(text, separator));
    }

    /** The cells of each line; a quoted cell may hold separators, quotes written twice, and line ends. */
    public static List<List<String>> rows(String text, char separator) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == separator) {
                row.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || cell.length() > 0) {
                    row.add(cell.toString());
                }
                rows.add(row);
                row = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(c);
                any = true;
            }
        }
        if (any || cell.length() > 0) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    /** Rows as canonical CSV: {@code ,} between cells, LF after every row. */
    public static String write(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                String cell = row.get(i);
                if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                    out.append('"').append(cell.replace("\"", "\"\"")).append('"');
                } else {
                    out.append(cell);
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The separator the first non-blank line uses most, outside quotes; {@code ,} when none. */
    static char separator(String text) {
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
            start++;
        }
        int end = start;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        char best = ',';
        int most = 0;
        for (char separator : SEPARATORS) {
            int count = 0;
            boolean quoted = false;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == separator && !quoted) {
                    count++;
                }
            }
            if (count > most) {
                most = count;
                best = separator;
            }
        }
        return best;
    }
}
