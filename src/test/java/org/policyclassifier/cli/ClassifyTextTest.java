package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.io.Json;

/**
 * {@code policy classify} on records as people have them: a description in words instead of ids,
 * and their own column names ({@code --columns}). Each text must be read exactly as
 * {@code policy query} reads it: the same decision and match, the same refusal and candidates.
 */
class ClassifyTextTest {

    @TempDir
    Path dir;

    /** A municipal export as Excel in Belgium saves it: byte-order mark, ';', CRLF, a column of its own. */
    private static final String EXPORT = "\uFEFFDossiernummer;Gemeente;Omschrijving;Datum\r\n"
            + "D-1;Gent;spuitenruil;2018-03-01\r\n"
            + "D-2;Liège;échange de seringues;2018-04-02\r\n"
            + "D-3;Antwerpen;cocaine in the port of Antwerp;2018-05-03\r\n"
            + "D-4;Namur;drugs;2018-06-04\r\n"
            + "D-5;Eupen;Spritzentausch;2018-07-05\r\n"
            + "D-6;;Cannabisplantage in Lüttich;2018-08-06\r\n"
            + "D-7;Gent;spuitenruil;2018-09-07\r\n";

    private static final String MAPPING = "id=Dossiernummer,text=Omschrijving,place=Gemeente";

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(Json.MAPPER.readTree(line));
        }
        return nodes;
    }

    /** What {@code policy query TEXT [--place PLACE] --format json} answers. */
    private static JsonNode query(String text, String place) throws IOException {
        // In the run's language (English), which a question without --lang is answered in only when English.
        List<String> args = new ArrayList<>(List.of("query", text, "--format", "json", "--lang", "en"));
        if (place != null) {
            args.addAll(List.of("--place", place));
        }
        return Json.MAPPER.readTree(ClassifyCommandTest.run(args.toArray(String[]::new)).out());
    }

    @Test
    void aDutchExportIsReadThroughItsOwnColumnsAsQueryReadsEachText() throws Exception {
        Path export = write("export.csv", EXPORT);
        Path out = dir.resolve("out.jsonl");
        Path rejects = dir.resolve("rejects.jsonl");
        Path summary = dir.resolve("summary.json");
        ClassifyCommandTest.Run r = ClassifyCommandTest.run("classify", export.toString(), "--columns", MAPPING,
                "-o", out.toString(), "--rejects", rejects.toString(), "--summary-json", summary.toString(),
                "--explain", "full");
        assertEquals(ExitCode.NO_ANSWER_OR_REJECTED, r.exit(), r.err());

        Map<String, JsonNode> decisions = new LinkedHashMap<>();
        jsonLines(out).forEach(d -> decisions.put(d.get("id").asText(), d));
        assertEquals(List.of("D-1", "D-2", "D-3", "D-5", "D-6", "D-7"), List.copyOf(decisions.keySet()));
        assertEquals("needle_exchange", decisions.get("D-1").get("subject").asText());
        assertEquals("needle_exchange", decisions.get("D-2").get("subject").asText());
        assertEquals("federal", decisions.get("D-3").get("lead_level").asText());
        assertEquals("needle_exchange", decisions.get("D-5").get("subject").asText());
        assertEquals("cannabis_plantation_dismantling", decisions.get("D-6").get("subject").asText());
        assertEquals("Eupen", decisions.get("D-5").get("place").get("name").asText());
        // The text names the place when the record does not.
        assertEquals("Liège", decisions.get("D-6").get("place").get("name").asText());

        // Each decision is query's answer to the text, with the record's place as --place, and the record's id.
        String[][] asked = {{"D-1", "spuitenruil", "Gent"}, {"D-2", "échange de seringues", "Liège"},
            {"D-3", "cocaine in the port of Antwerp", "Antwerpen"}, {"D-5", "Spritzentausch", "Eupen"},
            {"D-6", "Cannabisplantage in Lüttich", null}};
        for (String[] a : asked) {
            JsonNode expected = query(a[1], a[2]);
            ((com.fasterxml.jackson.databind.node.ObjectNode) expected).put("id", a[0]);
            assertEquals(expected, decisions.get(a[0]), a[1]);
        }
        assertEquals(decisions.get("D-1").get("match"), decisions.get("D-7").get("match"));

        List<JsonNode> rejected = jsonLines(rejects);
        assertEquals(1, rejected.size());
        JsonNode vague = rejected.get(0);
        assertEquals(5, vague.get("line").asInt());
        assertEquals("D-4;Namur;drugs;2018-06-04", vague.get("raw").asText());
        assertTrue(vague.get("reason").asText().startsWith("field 'text': \"drugs\" fits several entries about"
                + " equally; say which one you mean; it may mean " + vague.get("candidates").get(0).get("entry").asText()
                + ", "), vague.toString());
        JsonNode refusal = query("drugs", "Namur");
        assertEquals(refusal.get("candidates"), vague.get("candidates"));
        assertTrue(vague.get("candidates").size() > 1, vague.toString());

        JsonNode s = Json.MAPPER.readTree(summary.toFile());
        assertEquals(7, s.get("read").asInt());
        assertEquals(s.get("read").asInt(), decisions.size() + rejected.size());
        assertEquals(List.of("Datum"), List.of(Json.MAPPER.treeToValue(s.get("ignored_columns"), String[].class)));
        assertEquals(7, s.get("text_records").asInt());
        assertEquals(6, s.get("text_readings").asInt(), "D-7 asks D-1's question again");
        assertTrue(r.err().contains("  texts: 7 records in words, 6 read (the others asked a question already read)\n"
                + "  columns ignored (not mapped by --columns): Datum\n"), r.err());
    }

    /** The export's rows as a workbook: a sheet of notes first, then the records on sheet "Dossiers". */
    private Path workbook(String name) throws IOException {
        Path file = dir.resolve(name);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.OutputStream out = Files.newOutputStream(file)) {
            book.createSheet("Notes").createRow(0).createCell(0).setCellValue("export of 2018");
            org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("Dossiers");
            String[] lines = EXPORT.substring(1).split("\r\n");
            for (int i = 0; i < lines.length; i++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(i);
                String[] cells = lines[i].split(";", -1);
                for (int j = 0; j < cells.length; j++) {
                    if (!cells[j].isEmpty()) { // Excel stores no empty cell
                        row.createCell(j).setCellValue(cells[j]);
                    }
                }
            }
            book.write(out);
        }
        return file;
    }

    @Test
    void theSameRecordsAsAWorkbookGetTheSameDecisionsAndRejectsNameTheSheetAndRow() throws Exception {
        Path csvOut = dir.resolve("csv.jsonl");
        ClassifyCommandTest.Run fromCsv = ClassifyCommandTest.run("classify", write("export.csv", EXPORT).toString(),
                "--columns", MAPPING, "-o", csvOut.toString());
        Path xlsxOut = dir.resolve("xlsx.jsonl");
        Path rejects = dir.resolve("rejects.jsonl");
        Path book = workbook("export.xlsx");
        ClassifyCommandTest.Run fromXlsx = ClassifyCommandTest.run("classify", book.toString(), "--sheet", "Dossiers",
                "--columns", MAPPING, "-o", xlsxOut.toString(), "--rejects", rejects.toString());
        assertEquals(ExitCode.NO_ANSWER_OR_REJECTED, fromXlsx.exit(), fromXlsx.err());
        assertEquals(Files.readString(csvOut), Files.readString(xlsxOut));
        List<JsonNode> rejected = jsonLines(rejects);
        assertEquals(1, rejected.size());
        assertEquals("Dossiers", rejected.get(0).get("sheet").asText());
        assertEquals(5, rejected.get(0).get("line").asInt());
        assertEquals("D-4,Namur,drugs,2018-06-04", rejected.get(0).get("raw").asText());
        assertTrue(rejected.get(0).get("candidates").size() > 1, rejected.toString());
        assertTrue(fromXlsx.err().contains("columns ignored (not mapped by --columns): Datum"), fromXlsx.err());
        assertTrue(fromCsv.err().contains(book.getParent().resolve("export.csv") + ":5: rejected: field 'text'"),
                fromCsv.err());

        ClassifyCommandTest.Run toStderr = ClassifyCommandTest.run("classify", book.toString(), "--sheet", "Dossiers",
                "--columns", MAPPING, "-o", dir.resolve("again.jsonl").toString());
        assertTrue(toStderr.err().startsWith(book + ": sheet Dossiers, row 5: rejected: field 'text': \"drugs\""),
                toStderr.err());
        ClassifyCommandTest.Run noSheet = ClassifyCommandTest.run("classify", book.toString(), "--sheet", "Cases",
                "--columns", MAPPING, "-o", dir.resolve("none.jsonl").toString());
        assertEquals(ExitCode.USAGE, noSheet.exit(), noSheet.err());
        assertEquals(book + ": --sheet names 'Cases', which the workbook lacks; its sheets are 'Notes', 'Dossiers';"
                + " nothing was read or written\n", noSheet.err());
        // The first sheet by default: its one cell is a header without the mapped columns.
        ClassifyCommandTest.Run first = ClassifyCommandTest.run("classify", book.toString(), "--columns", MAPPING);
        assertEquals(ExitCode.USAGE, first.exit(), first.err());
        assertTrue(first.err().startsWith(book + ":1: --columns names 'Dossiernummer', 'Omschrijving', 'Gemeente',"
                + " which the header row lacks; its columns are 'export of 2018'"), first.err());
        ClassifyCommandTest.Run notABook = ClassifyCommandTest.run("classify", write("fake.xlsx", EXPORT).toString());
        assertEquals(ExitCode.INVALID_INPUT, notABook.exit(), notABook.err());
        assertEquals(dir.resolve("fake.xlsx") + ": not an Excel workbook (.xlsx): it is not a zip file (a workbook"
                + " saved as CSV or text is read with --input-format csv)\n", notABook.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("again.jsonl", "csv.jsonl", "export.csv", "export.xlsx", "fake.xlsx", "rejects.jsonl",
                    "xlsx.jsonl"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aRepeatedTextIsReadOnce() throws Exception {
        StringBuilder csv = new StringBuilder("Dossiernummer;Omschrijving\n");
        for (int i = 0; i < 500; i++) {
            csv.append("N-").append(i).append(';').append(i % 2 == 0 ? "spuitenruil" : "drugs").append('\n');
        }
        Path summary = dir.resolve("summary.json");
        ClassifyCommandTest.Run r = ClassifyCommandTest.run("classify", write("n.csv", csv.toString()).toString(),
                "--columns", "id=Dossiernummer,text=Omschrijving", "-o", dir.resolve("out.csv").toString(),
                "--rejects", dir.resolve("r.jsonl").toString(), "--summary-json", summary.toString());
        assertEquals(ExitCode.NO_ANSWER_OR_REJECTED, r.exit(), r.err());
        List<String> rows = Files.readAllLines(dir.resolve("out.csv"));
        assertEquals(251, rows.size());
        assertTrue(rows.get(1).startsWith("N-0,intervention,needle_exchange,demand_reduction,tertiary,local,"),
                rows.get(1));
        JsonNode s = Json.MAPPER.readTree(summary.toFile());
        assertEquals(250, s.get("classified").asInt());
        assertEquals(250, s.get("rejected").asInt());
        assertEquals(500, s.get("text_records").asInt());
        // One chunk, one worker: each question once, a refused one too.
        assertEquals(2, s.get("text_readings").asInt());
        assertFalse(s.has("ignored_columns"), s.toString());
    }

    @Test
    void aMappedColumnTheFileLacksIsUsageErrorBeforeAnythingIsRead() throws Exception {
        Path export = write("export.csv", EXPORT);
        ClassifyCommandTest.Run r = ClassifyCommandTest.run("classify", export.toString(), "--columns",
                "id=Dossier,text=Omschrijving", "-o", dir.resolve("out.jsonl").toString());
        assertEquals(ExitCode.USAGE, r.exit(), r.err());
        assertEquals(export + ":1: --columns names 'Dossier', which the header row lacks; its columns are"
                + " 'Dossiernummer', 'Gemeente', 'Omschrijving', 'Datum'; nothing was read or written\n", r.err());
        assertEquals("", r.out());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(export), files.toList());
        }
    }

    @Test
    void aMappingThatCannotBeReadOrHasNoHeaderToMapIsUsageError() throws Exception {
        Path export = write("export.csv", EXPORT);
        ClassifyCommandTest.Run bad = ClassifyCommandTest.run("classify", export.toString(), "--columns",
                "id=Dossiernummer,tekst=Omschrijving,id=Gemeente");
        assertEquals(ExitCode.USAGE, bad.exit(), bad.err());
        assertTrue(bad.err().contains("'tekst' is not a field of a record; field 'id' is mapped twice; the fields are"
                + " id, kind, type, category, place, setting, actor, substances, text"), bad.err());
        Path jsonl = write("cases.jsonl", "{\"id\": \"a\", \"text\": \"spuitenruil\"}\n");
        ClassifyCommandTest.Run json = ClassifyCommandTest.run("classify", jsonl.toString(), "--columns", MAPPING);
        assertEquals(ExitCode.USAGE, json.exit(), json.err());
        assertTrue(json.err().contains("--columns maps the header row of CSV input or a workbook; " + jsonl
                + " is read as jsonl"),
                json.err());
    }

    @Test
    void inJsonLinesTheRecordsFieldsWinOverTheTextsWordsAndIdsWorkBesideTexts() throws Exception {
        Path cases = write("cases.jsonl", String.join("\n",
                "{\"id\": \"t1\", \"text\": \"needle exchange in Charleroi\", \"place\": \"Gent\"}",
                "{\"id\": \"t2\", \"text\": \"spuitenruil\", \"kind\": \"intervention\"}",
                "{\"id\": \"t3\", \"text\": \"  \"}",
                "{\"id\": \"t4\", \"text\": \"spuitenruil\", \"setting\": \"nowhere\"}",
                "{\"id\": \"i1\", \"kind\": \"intervention\", \"type\": \"needle_exchange\", \"place\": \"Gent\"}",
                ""));
        Path out = dir.resolve("out.jsonl");
        Path rejects = dir.resolve("rejects.jsonl");
        ClassifyCommandTest.Run r = ClassifyCommandTest.run("classify", cases.toString(), "-o", out.toString(),
                "--rejects", rejects.toString());
        assertEquals(ExitCode.NO_ANSWER_OR_REJECTED, r.exit(), r.err());
        List<JsonNode> decisions = jsonLines(out);
        assertEquals(2, decisions.size());
        JsonNode t1 = decisions.get(0);
        assertEquals("Ghent", t1.get("place").get("name").asText());
        assertEquals("place_option_wins", t1.get("match").get("note_details").get(0).get("code").asText());
        JsonNode i1 = decisions.get(1);
        assertNull(i1.get("match"));
        // Apart from the id and what was read of the text, the same case by ids gets the same decision.
        ((com.fasterxml.jackson.databind.node.ObjectNode) t1).remove("match");
        ((com.fasterxml.jackson.databind.node.ObjectNode) t1).put("id", "i1");
        assertEquals(i1, t1);
        List<String> reasons = jsonLines(rejects).stream().map(j -> j.get("line").asInt() + " "
                + j.get("reason").asText()).toList();
        assertEquals(3, reasons.size(), reasons.toString());
        assertEquals("2 field 'text': given with 'kind'; give either the case in words (text) or its kind with type or"
                + " category, not both", reasons.get(0));
        assertEquals("3 field 'text': empty; describe the case in words, or give kind with type or category",
                reasons.get(1));
        assertTrue(reasons.get(2).startsWith("4 field 'setting': "), reasons.get(2));
    }

    /** --columns-file: the same mapping from a file, one column a line (a name may hold a comma); its mistakes at their lines. */
    @Test
    void aMappingFileReadsTheExportAsTheOptionDoes() throws Exception {
        Path export = write("export.csv", EXPORT);
        Path mapping = write("columns.txt", "# our export\nid = Dossiernummer\n\ntext=Omschrijving\nplace=Gemeente\n");
        ClassifyCommandTest.Run byOption = ClassifyCommandTest.run("classify", export.toString(), "--columns", MAPPING,
                "-o", dir.resolve("option.jsonl").toString());
        ClassifyCommandTest.Run byFile = ClassifyCommandTest.run("classify", export.toString(), "--columns-file",
                mapping.toString(), "-o", dir.resolve("file.jsonl").toString());
        assertEquals(byOption.exit(), byFile.exit(), byFile.err());
        assertEquals(Files.readString(dir.resolve("option.jsonl")), Files.readString(dir.resolve("file.jsonl")));

        Path bad = write("bad.txt", "id=Dossiernummer\nomschrijving\ncolour=Kleur\n");
        ClassifyCommandTest.Run refused = ClassifyCommandTest.run("classify", export.toString(), "--columns-file",
                bad.toString(), "-o", dir.resolve("none.jsonl").toString());
        assertEquals(ExitCode.USAGE, refused.exit());
        assertTrue(refused.err().contains(bad + ":2: 'omschrijving' is not FIELD=COLUMN; " + bad
                + ":3: 'colour' is not a field of a record"), refused.err());
        assertEquals(ExitCode.USAGE, ClassifyCommandTest.run("classify", export.toString(), "--columns-file",
                dir.resolve("missing.txt").toString()).exit());
        ClassifyCommandTest.Run both = ClassifyCommandTest.run("classify", export.toString(), "--columns", MAPPING,
                "--columns-file", mapping.toString());
        assertEquals(ExitCode.USAGE, both.exit());
        assertTrue(both.err().contains("--columns and --columns-file both map the columns"), both.err());
    }
}
