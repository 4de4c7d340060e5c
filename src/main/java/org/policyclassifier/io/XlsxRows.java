package org.policyclassifier.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Collectors;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The rows of one sheet of an Excel workbook (.xlsx), read with Apache POI's streaming reader (the
 * sheet's XML parsed event by event, so a sheet of a million rows is never held whole), each as a
 * line of CSV text with its row number: cells as the sheet shows them, quoted the CSV way, so that
 * the header and the records are read as those of a CSV file. Cells a row leaves out (Excel does not
 * store trailing empty ones) are empty; rows without a value are skipped, as blank lines are. The
 * sheet is parsed on a thread of its own, its rows handed over through a bounded queue.
 */
public final class XlsxRows implements AutoCloseable {

    /** Rows parsed ahead of the reader. */
    private static final int AHEAD = 4_096;
    private static final Row END = new Row(-1, null, null);

    /** A row, or the end ({@link #END}), or what stopped the parse ({@code failure}). */
    private record Row(long number, String csv, Exception failure) {
    }

    private final Path copy;
    private final OPCPackage workbook;
    private final String sheet;
    private final BlockingQueue<Row> rows = new ArrayBlockingQueue<>(AHEAD);
    private final Thread parser;
    private boolean ended;

    private XlsxRows(Path copy, OPCPackage workbook, String sheet, InputStream xml, XSSFReader reader)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        this.copy = copy;
        this.workbook = workbook;
        this.sheet = sheet;
        XMLReader xmlReader = XMLHelper.newXMLReader();
        xmlReader.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(),
                new ReadOnlySharedStringsTable(workbook), new Cells(), new DataFormatter(Locale.ROOT), false));
        this.parser = new Thread(() -> parse(xmlReader, xml), "policy-xlsx");
        parser.setDaemon(true);
        parser.start();
    }

    /**
     * Opens sheet {@code sheet} of the workbook {@code in} holds (its first sheet when null). The
     * workbook is copied to a file in {@code tempDir} first (a zip file is read from its end), removed
     * on {@link #close}. Throws {@link NotInInputException} when the workbook has no such sheet, and
     * {@link InvalidInputException} when {@code in} is no workbook.
     */
    public static XlsxRows open(String name, InputStream in, String sheet, Path tempDir)
            throws IOException, InvalidInputException {
        Path copy = Files.createTempFile(tempDir, "policy-workbook-", ".xlsx");
        OPCPackage workbook = null;
        try {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            if (!zip(copy)) {
                // Said here in plain words, before POI would warn of a broken zip file and fail.
                throw new InvalidInputException(new Problem(name, 0, "not an Excel workbook (.xlsx): it is not a zip"
                        + " file (a workbook saved as CSV or text is read with --input-format csv)"));
            }
            workbook = OPCPackage.open(copy.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(workbook);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            List<String> names = new ArrayList<>();
            while (sheets.hasNext()) {
                InputStream xml = sheets.next();
                names.add(sheets.getSheetName());
                if (sheet == null || sheets.getSheetName().equals(sheet)) {
                    return new XlsxRows(copy, workbook, sheets.getSheetName(), xml, reader);
                }
                xml.close();
            }
            String found = names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
            throw names.isEmpty() ? new InvalidInputException(new Problem(name, 0, "the workbook has no sheet"))
                    : new NotInInputException(new Problem(name, 0, "--sheet names '" + sheet + "', which the workbook"
                            + " lacks; its sheets are " + found));
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            // POI's words for a file that is no workbook (a CSV file named .xlsx, a cut zip) are its own.
            close(workbook, copy);
            throw new InvalidInputException(new Problem(name, 0, "not an Excel workbook (.xlsx) that can be read: "
                    + Shown.cut(String.valueOf(e.getMessage()))));
        } catch (IOException | InvalidInputException e) {
            close(workbook, copy);
            throw e;
        }
    }

    /** Whether the file starts as a zip file does (a workbook is one). */
    private static boolean zip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    /** The name of the sheet read. */
    public String sheet() {
        return sheet;
    }

    /** The next row with a value, or null at the end. */
    public LineReader.Line next() throws IOException {
        if (ended) {
            return null;
        }
        Row row;
        try {
            row = rows.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (row == END) {
            ended = true;
            return null;
        }
        if (row.failure() != null) {
            ended = true;
            throw new IOException("sheet '" + sheet + "' cannot be read: " + Shown.cut(String.valueOf(row.failure()
                    .getMessage())), row.failure());
        }
        byte[] bytes = row.csv().getBytes(StandardCharsets.UTF_8);
        return new LineReader.Line(row.number(), bytes, bytes.length);
    }

    private void parse(XMLReader xmlReader, InputStream xml) {
        try (xml) {
            try {
                xmlReader.parse(new InputSource(xml));
                rows.put(END);
            } catch (IOException | SAXException | RuntimeException e) {
                rows.put(new Row(0, null, e));
            }
        } catch (InterruptedException | IOException e) {
            // closed: nobody reads on
        }
    }

    /** Puts each row's cells in their columns and hands the row over as CSV text. */
    private final class Cells implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<String> cells = new ArrayList<>();
        /** The header's width, once read: later rows are filled up to it. */
        private int width = -1;

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            if (width < 0) {
                width = cells.size();
            }
            while (cells.size() < width) {
                cells.add("");
            }
            try {
                rows.put(new Row(rowNum + 1L, cells.stream().map(XlsxRows::csvCell).collect(Collectors.joining(",")),
                        null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("closed");
            }
        }
    }

    /** A cell as CSV writes it: quoted, its quotes doubled, when it holds a separator, a quote or a line break. */
    static String csvCell(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    @Override
    public void close() throws IOException {
        parser.interrupt();
        close(workbook, copy);
    }

    private static void close(OPCPackage workbook, Path copy) throws IOException {
        if (workbook != null) {
            workbook.revert(); // read only: nothing to save
        }
        Files.deleteIfExists(copy);
    }
}
