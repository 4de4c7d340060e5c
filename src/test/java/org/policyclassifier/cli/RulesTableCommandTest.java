package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;

/** {@code policy rules table export|import}: the decision table through Excel and back. */
class RulesTableCommandTest {

    @TempDir
    Path temp;

    private Path export() {
        Path workbook = temp.resolve("table.xlsx");
        Cli r = Cli.run("rules", "table", "export", "-o", workbook.toString());
        assertEquals(ExitCode.OK, r.exit(), r.err());
        return workbook;
    }

    @Test
    void anUneditedWorkbookGivesBackTheTableByteForByte() throws Exception {
        Path back = temp.resolve("back.csv");
        Cli r = Cli.run("rules", "table", "import", export().toString(), "-o", back.toString());
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertEquals(Files.readString(Path.of("rules/intervention-types.drl.csv")), Files.readString(back));
    }

    @Test
    void theWorkbookExplainsItsColumnsFreezesTheirTitlesAndOffersTheAllowedValues() throws Exception {
        try (InputStream in = Files.newInputStream(export()); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet table = book.getSheetAt(0);
            assertEquals("intervention-types", table.getSheetName());
            Row titles = table.getRow(8);
            assertEquals("Axis", titles.getCell(6).getStringCellValue());
            assertTrue(titles.getCell(6).getCellComment().getString().getString().contains("drop-down"));
            assertEquals(9, table.getPaneInformation().getHorizontalSplitTopRow());
            assertTrue(table.getDataValidations().stream().anyMatch(v -> v.getRegions().getCellRangeAddress(0)
                    .getFirstColumn() == 6 && v.getValidationConstraint().getFormula1().contains("Allowed values")),
                    "the axis column offers the axes");
            Sheet lists = book.getSheet("Allowed values");
            assertEquals("Axis", lists.getRow(0).getCell(2).getStringCellValue());
            assertEquals("demand_reduction", lists.getRow(1).getCell(2).getStringCellValue());
        }
    }

    @Test
    void anEditMadeInTheWorkbookIsWhatRulesDiffShows() throws Exception {
        Path workbook = export();
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet table = book.getSheetAt(0);
            Row needleExchange = table.getRow(15); // TYPE-007, row 16 of the CSV
            assertEquals("needle_exchange", needleExchange.getCell(4).getStringCellValue());
            needleExchange.getCell(7).setCellValue("secondary");
            try (OutputStream out = Files.newOutputStream(workbook)) {
                book.write(out);
            }
        }
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        Cli imported = Cli.run("rules", "table", "import", workbook.toString(), "-o",
                rules.resolve("intervention-types.drl.csv").toString());
        assertEquals(ExitCode.OK, imported.exit(), imported.err());
        assertEquals(ExitCode.OK, Cli.run("rules", "check", "--rules", rules.toString()).exit());
        Cli diff = Cli.run("rules", "diff", "--base", "rules", "--rules", rules.toString());
        assertTrue(diff.out().contains("\ntier:\n  tertiary → secondary: 24\n"), diff.out());
        assertTrue(diff.out().endsWith("Rules changed: TYPE-007\n"), diff.out());
    }

    @Test
    void aWorkbookInTheRulesFolderIsTheTableItHoldsAndAMistakeIsNamedAtItsRowAndColumn() throws Exception {
        Path workbook = export();
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        Files.delete(rules.resolve("intervention-types.drl.csv"));
        Path table = Files.copy(workbook, rules.resolve("intervention-types.drl.xlsx"));
        Cli checked = Cli.run("rules", "check", "--rules", rules.toString());
        assertEquals(ExitCode.OK, checked.exit(), checked.out() + checked.err());
        assertEquals(Cli.run("rules", "list").out().lines().filter(l -> !l.startsWith("TYPE-")).toList(),
                Cli.run("rules", "list", "--rules", rules.toString()).out().lines().filter(l -> !l.startsWith("TYPE-"))
                        .map(l -> l.replace(rules.toString(), "rules")).toList());
        Cli same = Cli.run("rules", "diff", "--base", "rules", "--rules", rules.toString());
        assertTrue(same.out().startsWith("0 of 1227 decisions changed\n"), same.out());

        try (InputStream in = Files.newInputStream(table); XSSFWorkbook book = new XSSFWorkbook(in)) {
            book.getSheetAt(0).getRow(7).getCell(0).setCellValue("stray"); // A8: above the titles, must stay blank
            try (OutputStream out = Files.newOutputStream(table)) {
                book.write(out);
            }
        }
        Cli broken = Cli.run("rules", "check", "--rules", rules.toString());
        assertEquals(ExitCode.INVALID_INPUT, broken.exit());
        assertTrue(broken.out().startsWith(table + ":8: [error] the decision table cannot be read: Unexpected content"
                + " \"stray\" in cell A8"), broken.out());
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedWithItsName() throws Exception {
        Path notABook = Files.writeString(temp.resolve("table.xlsx"), "RuleSet,policy.types\n");
        Cli r = Cli.run("rules", "table", "import", notABook.toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exit());
        assertTrue(r.err().startsWith(notABook + ": not an Excel workbook (.xlsx)"), r.err());
        Cli csv = Cli.run("rules", "table", "export", "-o", temp.resolve("table.csv").toString());
        assertEquals(ExitCode.USAGE, csv.exit());
        assertTrue(csv.err().contains("-o: a workbook's name ends in .xlsx"), csv.err());
    }
}
