package org.policyclassifier.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;
import org.policyclassifier.TestPaths;
import org.policyclassifier.classify.Case;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.Decision;
import org.policyclassifier.classify.DecisionWording;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.facts.Words;
import org.policyclassifier.io.InputFormat;
import org.policyclassifier.io.Json;
import org.policyclassifier.io.OutputFormat;
import org.policyclassifier.query.Question;
import org.policyclassifier.query.QueryService;
import org.policyclassifier.rules.FieldReads;

/** The batch pipeline through the real engine, on the bundled sample and on made-up inputs. */
class BatchClassifierTest {

    static final byte[] SAMPLE = read("cases-sample.jsonl");

    static byte[] read(String name) {
        try {
            return Files.readAllBytes(TestPaths.FACTS.resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> sampleLines() {
        return List.of(new String(SAMPLE, StandardCharsets.UTF_8).split("\n"));
    }

    @Test
    void everySampleLineIsClassifiedOrRejectedAndTheRejectsAreExactlyTheBadLines() throws Exception {
        BatchRun run = BatchRun.of(SAMPLE, InputFormat.JSONL, OutputFormat.JSONL);
        List<String> lines = sampleLines();
        long nonBlank = lines.stream().filter(l -> !l.isBlank()).count();
        assertEquals(nonBlank, run.summary().read());
        assertEquals(run.summary().read(), run.summary().classified() + run.summary().rejected());
        assertEquals(run.summary().classified(), run.outputLines().size());
        // The bad lines of the sample are the ones whose id is 2017-095x, or that have no id.
        Map<Long, String> expected = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.isBlank() && (l.contains("2017-095") || l.contains("2017955") || !l.contains("\"id\""))) {
                expected.put(i + 1L, l);
            }
        }
        Map<Long, String> actual = new TreeMap<>();
        run.rejects().forEach(r -> actual.put(r.line(), r.raw()));
        assertEquals(expected, actual);
        assertTrue(run.rejects().stream().allMatch(r -> !r.reason().isBlank()));
    }

    @Test
    void decisionsComeInInputOrderAndAreTheClassifiersOwn() throws Exception {
        BatchRun run = BatchRun.of(SAMPLE, InputFormat.JSONL, OutputFormat.JSONL);
        List<String> out = run.outputLines();
        int next = 0;
        for (String line : sampleLines()) {
            CaseRecord record;
            try {
                record = Json.MAPPER.readValue(line, CaseRecord.class);
            } catch (Exception e) {
                continue;
            }
            if (record.id() == null || !isClassified(record)) {
                continue;
            }
            assertEquals(Json.MAPPER.writeValueAsString(BatchRun.classifier().classify(record)), out.get(next++),
                    line);
        }
        assertEquals(out.size(), next);
    }

    private static boolean isClassified(CaseRecord record) {
        try {
            BatchRun.classifier().classify(record);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * In every language, format and explain level, with every Belgian place: a cached decision,
     * its municipality filled in per record, is written as the rules run on that record write it.
     */
    @Test
    void theCacheChangesNoByteOfTheOutput() throws Exception {
        Classifier classifier = BatchRun.classifier();
        for (Words.Language language : classifier.vocabulary().words().languages()) {
            for (byte[] input : List.of(SAMPLE, everyPlace())) {
                for (OutputFormat format : OutputFormat.values()) {
                    for (Explain explain : Explain.values()) {
                        String run = language.id() + " " + format + " " + explain;
                        BatchRun cached = BatchRun.of(classifier, input, InputFormat.JSONL, format, explain,
                                BatchClassifier.Settings.defaults(), language.id());
                        BatchRun ruled = BatchRun.of(classifier, input, InputFormat.JSONL, format, explain,
                                BatchClassifier.Settings.defaults().withCacheBytes(0), language.id());
                        assertEquals(ruled.output(), cached.output(), run);
                        assertEquals(ruled.rejects(), cached.rejects(), run);
                    }
                }
            }
        }
    }

    /**
     * A rule that tests the municipality's name (not only copies it) keeps each municipality's
     * decision apart: the cache then gives the same bytes as the rules run for every record, and
     * the rule's flag reaches Ghent's records only.
     */
    @Test
    void rulesThatTestTheMunicipalityGetEachMunicipalityItsOwnDecision(@TempDir Path temp) throws Exception {
        Classifier gent = withFlagRule(temp, "municipality == \"Ghent\"", "IN_GENT");
        assertEquals(FieldReads.Read.COMPARED, gent.rules().fieldReads(Case.class).read("municipality"));
        byte[] input = everyPlace();
        for (Explain explain : Explain.values()) {
            BatchRun cached = cachedAsRuled(gent, input, explain, null);
            List<String> flagged = cached.outputLines().stream().filter(l -> l.contains("IN_GENT")).toList();
            assertFalse(flagged.isEmpty());
            flagged.forEach(l -> assertTrue(l.contains("\"municipality\":\"Ghent\"") || l.contains("\"name\":\"Ghent\""), l));
        }
    }

    /**
     * Issue 23's case: a rule that reads the place's own name. Deurne is a locality of Antwerp, so
     * the two share a municipality; keyed on what the rules read, each Deurne and Antwerp record
     * gets what the rules give it when run on that record alone (the cache off), and the rule's
     * flag reaches Deurne's records only. And in every language, each record's decision is the one
     * {@code policy query} gives when asked about its case with its place.
     */
    @Test
    void aRuleOnThePlaceKeepsDeurneApartFromAntwerp(@TempDir Path temp) throws Exception {
        Classifier deurne = withFlagRule(temp, "place == \"Deurne\"", "IN_DEURNE");
        assertEquals(FieldReads.Read.COMPARED, deurne.rules().fieldReads(Case.class).read("place"));
        Map<String, String> asked = Map.of("needle_exchange", "needle exchange", "school_prevention",
                "school prevention programme");
        List<CaseRecord> cases = new ArrayList<>();
        for (String place : List.of("Deurne", "2100", "Antwerpen", "Antwerp", "2000", "Anvers", "Berchem", "Deurne",
                "2100", "Antwerpen")) {
            for (String type : List.of("needle_exchange", "school_prevention")) {
                cases.add(CaseRecord.of("r" + cases.size(), "intervention", type, place, null, null, null));
            }
        }
        StringBuilder records = new StringBuilder();
        for (CaseRecord r : cases) {
            records.append(Json.MAPPER.writeValueAsString(r)).append('\n');
        }
        byte[] input = records.toString().getBytes(StandardCharsets.UTF_8);
        for (Explain explain : Explain.values()) {
            BatchRun cached = cachedAsRuled(deurne, input, explain, null);
            assertEquals(List.of(), cached.rejects());
            for (String line : cached.outputLines()) {
                boolean inDeurne = line.contains("\"name\":\"Deurne\"");
                assertEquals(inDeurne, line.contains("IN_DEURNE"), line);
            }
            assertTrue(cached.outputLines().stream().anyMatch(l -> l.contains("IN_DEURNE")));
        }
        QueryService query = new QueryService(deurne);
        DecisionWording wording = new DecisionWording(deurne.vocabulary().words());
        for (Words.Language language : deurne.vocabulary().words().languages()) {
            List<String> lines = cachedAsRuled(deurne, input, Explain.FULL, language.id()).outputLines();
            for (int i = 0; i < cases.size(); i++) {
                CaseRecord r = cases.get(i);
                Decision answer = query.ask(new Question(asked.get(r.type()), r.place(), null, null, null)).decision();
                assertEquals(r.type(), answer.subject(), r.toString());
                ObjectNode expected = Json.MAPPER.valueToTree(wording.in(answer, language.id()).withMatch(null));
                expected.put("id", r.id());
                assertEquals(expected, Json.MAPPER.readTree(lines.get(i)), language.id() + " " + r);
            }
        }
    }

    /** The bundled rules and one more that flags the cases whose {@code Case} matches {@code condition}. */
    private static Classifier withFlagRule(Path temp, String condition, String flag) throws Exception {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        Files.writeString(rules.resolve("flag.drl"), """
                package policy.flag
                import org.policyclassifier.classify.*;
                rule "FLAG-001 A test rule"
                    @id("FLAG-001")
                    @source("On local level")
                when
                    Case( $id : caseId, %s )
                then
                    insert(new Flag($id, "%s", "no_lead"));
                end
                """.formatted(condition, flag));
        return Classifier.load(rules, TestPaths.FACTS);
    }

    /**
     * The batch run with the cache, in {@code language} (null: the default), having checked that it
     * writes the bytes of the rules run for every record.
     */
    private static BatchRun cachedAsRuled(Classifier classifier, byte[] input, Explain explain, String language)
            throws Exception {
        BatchRun cached = BatchRun.of(classifier, input, InputFormat.JSONL, OutputFormat.JSONL, explain,
                BatchClassifier.Settings.defaults(), language);
        BatchRun ruled = BatchRun.of(classifier, input, InputFormat.JSONL, OutputFormat.JSONL, explain,
                BatchClassifier.Settings.defaults().withCacheBytes(0), language);
        assertEquals(ruled.output(), cached.output(), explain.toString());
        return cached;
    }

    /**
     * Every place of the vocabulary once, by name and by postcode, with the sample's subjects,
     * settings and substances in turn, plus an unknown and an ambiguous place: places share cached
     * decisions, and each must still get its own place entry.
     */
    static byte[] everyPlace() throws Exception {
        return everyPlace(true);
    }

    /** As {@link #everyPlace()}; {@code mixed} false: every record the sample's first (an offence of one category). */
    static byte[] everyPlace(boolean mixed) throws Exception {
        List<CaseRecord> sample = new ArrayList<>();
        for (String line : sampleLines()) {
            try {
                CaseRecord r = Json.MAPPER.readValue(line, CaseRecord.class);
                if (r != null && r.id() != null && isClassified(r)) {
                    sample.add(r);
                }
            } catch (Exception e) {
                // a bad line of the sample
            }
        }
        StringBuilder out = new StringBuilder();
        int n = 0;
        List<String> texts = new ArrayList<>();
        for (org.policyclassifier.facts.Place p : BatchRun.classifier().vocabulary().places()) {
            texts.add(p.name());
            if (!p.postcodes().isEmpty()) {
                texts.add(p.postcodes().get(0));
            }
        }
        texts.addAll(List.of("Atlantis", "Deurne", "Saint-Nicolas", "Beveren"));
        for (String place : texts) {
            CaseRecord r = sample.get(mixed ? n % sample.size() : 0);
            out.append(Json.MAPPER.writeValueAsString(new CaseRecord("p" + n, r.kind(), r.type(), r.category(), place,
                    r.setting(), r.actor(), r.substances()))).append('\n');
            n++;
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void placesShareCachedDecisionsYetEachRecordKeepsItsOwnPlace() throws Exception {
        byte[] input = everyPlace(false);
        BatchClassifier batch = new BatchClassifier(BatchRun.classifier(), BatchClassifier.Settings.defaults());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Summary summary = batch.run(new BatchClassifier.Input("places", new java.io.ByteArrayInputStream(input),
                InputFormat.JSONL), out, OutputFormat.JSONL, Explain.RULES, BatchRun.NO_REPORTS, System::nanoTime);
        assertEquals(0, summary.rejected());
        // The rules read a place through its region and language area, and copy its municipality's
        // name (whose authorities act): one run per region and language area (and per name that
        // several places share), not per municipality (589), place name or postcode (over 5,000 texts).
        assertTrue(summary.classified() > 5_000, summary.toString());
        assertTrue(batch.rulesRanOn() < 100, batch.rulesRanOn() + " of " + summary.classified());
        List<String> in = new String(input, StandardCharsets.UTF_8).lines().toList();
        List<String> decisions = out.toString(StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < in.size(); i++) {
            CaseRecord r = Json.MAPPER.readValue(in.get(i), CaseRecord.class);
            JsonNode expected = Json.MAPPER.valueToTree(BatchRun.classifier().classify(r));
            JsonNode got = Json.MAPPER.readTree(decisions.get(i));
            assertEquals(expected.get("place"), got.get("place"), in.get(i));
            assertEquals(expected.get("levels"), got.get("levels"), in.get(i));
            assertEquals(expected.get("flag_details"), got.get("flag_details"), in.get(i));
        }
    }

    @Test
    void explainRulesNamesTheRulesOfTheFullExplanationAndNoneLeavesItOut() throws Exception {
        List<String> full = BatchRun.of(SAMPLE, InputFormat.JSONL, OutputFormat.JSONL, Explain.FULL,
                BatchClassifier.Settings.defaults()).outputLines();
        List<String> rules = BatchRun.of(SAMPLE, InputFormat.JSONL, OutputFormat.JSONL, Explain.RULES,
                BatchClassifier.Settings.defaults()).outputLines();
        List<String> none = BatchRun.of(SAMPLE, InputFormat.JSONL, OutputFormat.JSONL, Explain.NONE,
                BatchClassifier.Settings.defaults()).outputLines();
        assertEquals(full.size(), rules.size());
        assertEquals(full.size(), none.size());
        for (int i = 0; i < full.size(); i++) {
            com.fasterxml.jackson.databind.node.ObjectNode f = (com.fasterxml.jackson.databind.node.ObjectNode)
                    Json.MAPPER.readTree(full.get(i));
            JsonNode r = Json.MAPPER.readTree(rules.get(i));
            List<String> ids = new ArrayList<>();
            f.get("explanation").forEach(e -> ids.add(e.get("rule").asText()));
            List<String> named = new ArrayList<>();
            r.get("explanation").forEach(e -> {
                assertEquals(1, e.size(), e.toString());
                named.add(e.get("rule").asText());
            });
            assertEquals(ids, named);
            f.remove("explanation");
            assertEquals(f, Json.MAPPER.readTree(none.get(i)));
            assertTrue(!ids.isEmpty());
        }
    }

    @Test
    void smallChunksOnManyWorkersKeepTheOrder() throws Exception {
        BatchClassifier.Settings d = BatchClassifier.Settings.defaults();
        BatchRun one = BatchRun.of(SAMPLE, InputFormat.JSONL, OutputFormat.CSV, d);
        BatchRun many = BatchRun.of(SAMPLE, InputFormat.JSONL, OutputFormat.CSV,
                new BatchClassifier.Settings(4, 7, d.cacheBytes(), d.maxLineBytes(), d.spillDir(), 5));
        assertEquals(one.output(), many.output());
        assertEquals(one.rejects(), many.rejects());
        assertEquals(one.duplicates(), many.duplicates());
    }

    @Test
    void csvAndJsonArrayInputGiveTheSameDecisionsAsJsonLines() throws Exception {
        List<CaseRecord> records = new ArrayList<>();
        for (String line : sampleLines()) {
            try {
                CaseRecord r = Json.MAPPER.readValue(line, CaseRecord.class);
                if (r.id() != null) {
                    records.add(r);
                }
            } catch (Exception e) {
                // a bad line of the sample: not part of this comparison
            }
        }
        StringBuilder jsonl = new StringBuilder();
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (CaseRecord r : records) {
            jsonl.append(Json.MAPPER.writeValueAsString(r)).append('\n');
            array.add(Json.MAPPER.valueToTree(r));
        }
        CsvMapper csv = new CsvMapper();
        CsvSchema schema = CsvSchema.builder().addColumn("id").addColumn("kind").addColumn("type")
                .addColumn("category").addColumn("place").addColumn("setting").addColumn("actor")
                .addArrayColumn("substances", ";").addColumn("text").build().withHeader();
        String csvText = csv.writer(schema).writeValueAsString(records);
        String pretty = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array);

        BatchRun fromJsonl = BatchRun.of(jsonl.toString().getBytes(StandardCharsets.UTF_8), InputFormat.JSONL,
                OutputFormat.JSONL);
        BatchRun fromCsv = BatchRun.of(csvText.getBytes(StandardCharsets.UTF_8), InputFormat.CSV, OutputFormat.JSONL);
        BatchRun fromArray = BatchRun.of(pretty.getBytes(StandardCharsets.UTF_8), InputFormat.JSON,
                OutputFormat.JSONL);
        assertEquals(fromJsonl.output(), fromCsv.output());
        assertEquals(fromJsonl.output(), fromArray.output());
        assertEquals(fromJsonl.summary().rejected(), fromCsv.summary().rejected());
    }

    @Test
    void gzipIsReadByItsContent() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(SAMPLE);
        }
        var opened = org.policyclassifier.io.Inputs.open("-", new java.io.ByteArrayInputStream(zipped.toByteArray()));
        BatchRun plain = BatchRun.of(SAMPLE, InputFormat.JSONL, OutputFormat.JSONL);
        BatchRun unzipped = BatchRun.of(opened.stream().readAllBytes(), InputFormat.JSONL, OutputFormat.JSONL);
        assertEquals(plain.output(), unzipped.output());
    }

    @Test
    void everyDuplicatedIdIsFoundAcrossSpilledRuns() throws Exception {
        StringBuilder in = new StringBuilder();
        // 200 records; ids repeat every 70 lines, so ids 0..59 appear 3 times and 60..69 twice.
        IntStream.range(0, 200).forEach(i -> in.append("{\"id\": \"d").append(i % 70)
                .append("\", \"kind\": \"offence\", \"category\": \"trade\"}\n"));
        BatchClassifier.Settings d = BatchClassifier.Settings.defaults();
        BatchRun run = BatchRun.of(in.toString().getBytes(StandardCharsets.UTF_8), InputFormat.JSONL,
                OutputFormat.CSV, new BatchClassifier.Settings(2, 16, d.cacheBytes(), d.maxLineBytes(),
                        d.spillDir(), 9));
        assertEquals(70, run.duplicates().size());
        assertEquals(70, run.summary().duplicateIds());
        assertEquals(200, run.summary().duplicateRecords());
        Duplicate d5 = run.duplicates().stream().filter(x -> x.id().equals("d5")).findFirst().orElseThrow();
        assertEquals(new Duplicate("d5", 3, List.of(6L, 76L, 146L)), d5);
        assertEquals(200, run.summary().classified());
    }

    @Test
    void aCsvHeaderWithoutTheRequiredColumnsMakesTheInputUnusable() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> BatchRun.of(
                "id,type\nc1,needle_exchange\n".getBytes(StandardCharsets.UTF_8), InputFormat.CSV, OutputFormat.CSV));
        assertEquals(1, e.problems().get(0).line());
        assertTrue(e.problems().get(0).message().contains("required column 'kind' or 'text' is missing"), e.getMessage());
    }

    @Test
    void aBrokenElementOfAJsonArrayIsRejectedWithItsLineAndTheRunGoesOn() throws Exception {
        String text = "[\n {\"id\": \"a\", \"kind\": \"offence\", \"category\": \"trade\"},\n {\"id\": \"b\",,},\n"
                + " {\"id\": \"c\", \"kind\": \"offence\", \"category\": \"use\"}\n]";
        BatchRun run = BatchRun.of(text.getBytes(StandardCharsets.UTF_8), InputFormat.JSON, OutputFormat.JSONL);
        assertEquals(2, run.summary().classified());
        assertEquals(1, run.rejects().size());
        assertEquals(3, run.rejects().get(0).line());
        assertTrue(run.rejects().get(0).reason().startsWith("not valid JSON"), run.rejects().get(0).reason());
    }

    @Test
    void aJsonArrayThatIsNotClosedStopsTheRunAtItsEnd() {
        String text = "[\n {\"id\": \"a\", \"kind\": \"offence\", \"category\": \"trade\"},\n {\"id\": \"b\"";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> BatchRun.of(
                text.getBytes(StandardCharsets.UTF_8), InputFormat.JSON, OutputFormat.JSONL));
        assertEquals(3, e.problems().get(0).line());
        assertTrue(e.getMessage().contains("not closed"), e.getMessage());
    }

    @Test
    void csvCellsWithWrongCountsAndListsAreJudgedPerRow() throws Exception {
        String text = "id,kind,category,substances\n"
                + "a,offence,trade,cannabis;cocaine\n"
                + "b,offence,trade\n"
                + "c,offence,trade,,extra\n"
                + "\"d,1\",offence,use,\n";
        BatchRun run = BatchRun.of(text.getBytes(StandardCharsets.UTF_8), InputFormat.CSV, OutputFormat.JSONL);
        assertEquals(List.of(3L, 4L), run.rejects().stream().map(Reject::line).toList());
        assertEquals("the row has fewer cells than the header's 4 columns", run.rejects().get(0).reason());
        assertEquals("the row has more cells than the header's 4 columns", run.rejects().get(1).reason());
        List<JsonNode> out = new ArrayList<>();
        for (String l : run.outputLines()) {
            out.add(Json.MAPPER.readTree(l));
        }
        assertEquals(List.of("a", "d,1"), out.stream().map(n -> n.get("id").asText()).toList());
    }
}
