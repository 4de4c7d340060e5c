package org.policyclassifier.io;

/**
 * Text cells of the CSV this tool writes, made safe to open in a spreadsheet: a cell that begins
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be run as a
 * formula ({@code =HYPERLINK(...)} in a case id), so it gets a leading {@code '}, as OWASP advises
 * against CSV injection. A spreadsheet shows the text; a program reading the file sees the quote.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** {@code text}, with a leading {@code '} when a spreadsheet would read it as a formula; null stays null. */
    public static String neutralised(String text) {
        return text != null && startsFormula(text) ? "'" + text : text;
    }

    /** True when a spreadsheet would read {@code text} as a formula. */
    public static boolean startsFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
