package org.policyclassifier.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.exceptions.InvalidOperationException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A decision table as an Excel workbook, for staff who edit it in a spreadsheet: every cell of the
 * canonical CSV as text in the first sheet, the column header frozen and explained in a comment, a
 * drop-down of the allowed values in the columns that take a fixed list (from the facts), and the
 * lists on a second sheet. Read back, the first sheet gives the canonical CSV again, byte for byte
 * when nothing was edited, so the table kept in git stays a readable text.
 */
public final class TableWorkbook {

    /** The sheet that holds the lists the drop-downs offer. */
    static final String LISTS = "Allowed values";

    private TableWorkbook() {
    }

    /**
     * Writes the table {@code csv} (canonical) as a workbook. {@code lists}: per column title of
     * the table's header row, the values a cell of that column may take; {@code explained}: per
     * column title, what the column holds.
     */
    public static void write(String csv, String sheetName, Map<String, List<String>> lists, Map<String, String> explained,
            OutputStream out) throws IOException {
        List<List<String>> rows = TableText.rows(csv, ',');
        int header = headerRow(rows);
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(sheetName);
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrapped = book.createCellStyle();
            wrapped.setWrapText(true);
            for (int r = 0; r < rows.size(); r++) {
                List<String> cells = rows.get(r);
                if (cells.isEmpty()) {
                    continue;
                }
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells.size(); c++) {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(cells.get(c));
                    if (r == header) {
                        cell.setCellStyle(bold);
                    } else if (r > header) {
                        cell.setCellStyle(wrapped);
                    }
                }
            }
            if (header >= 0) {
                List<String> titles = rows.get(header);
                sheet.createFreezePane(1, header + 1);
                explain(book, sheet, header, titles, explained);
                dropDowns(book, sheet, header, rows.size(), titles, lists);
                for (int c = 0; c < titles.size(); c++) {
                    sheet.setColumnWidth(c, 256 * Math.min(60, Math.max(12, titles.get(c).length() + 4)));
                }
            }
            book.write(out);
        }
    }

    /** The canonical CSV of the workbook's first sheet: each row's cells up to its last, every cell as text. */
    public static String read(InputStream in) throws IOException {
        try (Workbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : format.formatCellValue(cell));
                    }
                }
                rows.add(cells);
            }
            return TableText.write(rows);
        } catch (NotOfficeXmlFileException | InvalidOperationException e) {
            throw new IOException("not an Excel workbook (.xlsx): " + e.getMessage(), e);
        }
    }

    /** The row that names the columns: the one after the row of code templates, which starts "Rule". */
    private static int headerRow(List<List<String>> rows) {
        for (int r = 0; r < rows.size(); r++) {
            if (!rows.get(r).isEmpty() && rows.get(r).get(0).equals("Rule") && rows.get(r).size() > 1) {
                return r;
            }
        }
        return -1;
    }

    private static void explain(Workbook book, Sheet sheet, int header, List<String> titles, Map<String, String> explained) {
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        for (int c = 0; c < titles.size(); c++) {
            String text = explained.get(titles.get(c));
            if (text == null) {
                continue;
            }
            ClientAnchor anchor = book.getCreationHelper().createClientAnchor();
            anchor.setCol1(c);
            anchor.setCol2(c + 3);
            anchor.setRow1(header);
            anchor.setRow2(header + 4);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(book.getCreationHelper().createRichTextString(text));
            sheet.getRow(header).getCell(c).setCellComment(comment);
        }
    }

    /** A drop-down for each column with a list, from the row under the header to the table's end and beyond. */
    private static void dropDowns(Workbook book, Sheet sheet, int header, int rows, List<String> titles,
            Map<String, List<String>> lists) {
        Sheet values = book.createSheet(LISTS);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int column = 0;
        for (int c = 0; c < titles.size(); c++) {
            List<String> allowed = lists.get(titles.get(c));
            if (allowed == null || allowed.isEmpty()) {
                continue;
            }
            for (int i = 0; i <= allowed.size(); i++) {
                Row row = values.getRow(i) != null ? values.getRow(i) : values.createRow(i);
                row.createCell(column).setCellValue(i == 0 ? titles.get(c) : allowed.get(i - 1));
            }
            String letter = CellReference.convertNumToColString(column);
            DataValidation validation = helper.createValidation(helper.createFormulaListConstraint(
                    "'" + LISTS + "'!$" + letter + "$2:$" + letter + "$" + (allowed.size() + 1)),
                    new CellRangeAddressList(header + 1, Math.max(rows, header + 1) + 200, c, c));
            validation.setShowErrorBox(true);
            validation.createErrorBox(titles.get(c), "Choose one of the values of the sheet '" + LISTS + "'.");
            sheet.addValidationData(validation);
            column++;
        }
    }
}
