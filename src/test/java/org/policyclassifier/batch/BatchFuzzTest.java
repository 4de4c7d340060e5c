package org.policyclassifier.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.policyclassifier.io.InputFormat;
import org.policyclassifier.io.Json;
import org.policyclassifier.io.OutputFormat;

/**
 * Garbled input: valid records mixed with random text, bytes that are not UTF-8, lines past the
 * length limit, records cut short, blank lines and a missing last newline. Whatever comes, the
 * run ends normally and accounts for every line: each non-blank line is read once, and is either
 * one decision in the output or one reject naming its line; every valid record is classified.
 */
class BatchFuzzTest {

    static final int MAX_LINE = 2_000;
    static final List<String> VALID = List.of(
            "{\"id\": \"%s\", \"kind\": \"intervention\", \"type\": \"needle_exchange\", \"place\": \"Charleroi\"}",
            "{\"id\": \"%s\", \"kind\": \"offence\", \"category\": \"possession\", \"substances\": [\"cannabis\"]}",
            "{\"id\": \"%s\", \"kind\": \"intervention\", \"type\": \"outpatient_treatment\", \"setting\": \"hospital\"}",
            "{\"id\": \"%s\", \"kind\": \"offence\", \"category\": \"import_export\", \"place\": \"Antwerpen\"}");

    enum Kind { VALID, GARBLED, NOT_UTF8, TOO_LONG, CUT, BLANK }

    @Provide
    Arbitrary<List<Tuple2<Kind, byte[]>>> lines() {
        Arbitrary<Tuple2<Kind, byte[]>> valid = Arbitraries.of(VALID).map(t -> Tuple.of(Kind.VALID,
                t.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Tuple2<Kind, byte[]>> garbled = Arbitraries.strings().all().ofMaxLength(80)
                .filter(s -> !s.isBlank() && s.indexOf('\n') < 0)
                .map(s -> Tuple.of(Kind.GARBLED, s.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Tuple2<Kind, byte[]>> notUtf8 = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40)
                .map(b -> {
                    byte[] line = new byte[b.length + 2];
                    line[0] = '{';
                    line[1] = (byte) 0xE9; // Latin-1 'é': never valid UTF-8 followed by '{'-free noise
                    for (int i = 0; i < b.length; i++) {
                        line[i + 2] = b[i] == '\n' || b[i] == '\r' ? (byte) 0xFF : b[i];
                    }
                    return Tuple.of(Kind.NOT_UTF8, line);
                });
        Arbitrary<Tuple2<Kind, byte[]>> tooLong = Arbitraries.integers().between(MAX_LINE + 1, 5 * MAX_LINE)
                .map(n -> Tuple.of(Kind.TOO_LONG, ("{\"id\": \"" + "x".repeat(n) + "\"}").getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Tuple2<Kind, byte[]>> cut = Arbitraries.of(VALID).flatMap(t -> Arbitraries.integers()
                .between(1, t.length() - 2).map(n -> Tuple.of(Kind.CUT, t.substring(0, n)
                        .getBytes(StandardCharsets.UTF_8))));
        Arbitrary<Tuple2<Kind, byte[]>> blank = Arbitraries.of("", " ", "\t", "  \r")
                .map(s -> Tuple.of(Kind.BLANK, s.getBytes(StandardCharsets.UTF_8)));
        return Arbitraries.frequencyOf(Tuple.of(6, valid), Tuple.of(2, garbled), Tuple.of(1, notUtf8),
                Tuple.of(1, tooLong), Tuple.of(2, cut), Tuple.of(1, blank)).list().ofMaxSize(60);
    }

    @Property(tries = 60)
    void everyLineIsAccountedFor(@ForAll("lines") List<Tuple2<Kind, byte[]>> lines,
            @ForAll boolean lastNewline, @ForAll boolean crlf) throws Exception {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        Set<Long> nonBlank = new HashSet<>();
        List<String> validIds = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            long number = i + 1;
            Kind kind = lines.get(i).get1();
            byte[] bytes = lines.get(i).get2();
            if (kind == Kind.VALID) {
                String id = "L" + number;
                validIds.add(id);
                bytes = new String(bytes, StandardCharsets.UTF_8).formatted(id).getBytes(StandardCharsets.UTF_8);
            }
            if (kind != Kind.BLANK) {
                nonBlank.add(number);
            }
            input.write(bytes);
            if (i < lines.size() - 1 || lastNewline) {
                input.write(crlf ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
            }
        }
        BatchClassifier.Settings d = BatchClassifier.Settings.defaults();
        BatchRun run = BatchRun.of(input.toByteArray(), InputFormat.JSONL, OutputFormat.JSONL,
                new BatchClassifier.Settings(2, 5, d.cacheBytes(), MAX_LINE, d.spillDir(), 7));

        assertEquals(nonBlank.size(), run.summary().read());
        assertEquals(run.summary().read(), run.summary().classified() + run.summary().rejected());
        assertEquals(run.summary().rejected(), run.rejects().size());
        assertEquals(run.summary().classified(), run.outputLines().size());
        Set<Long> rejected = new HashSet<>();
        for (Reject r : run.rejects()) {
            assertTrue(nonBlank.contains(r.line()), () -> "reject of line " + r.line() + ", which is blank or absent");
            assertTrue(rejected.add(r.line()), () -> "line " + r.line() + " rejected twice");
            assertTrue(!r.reason().isBlank());
        }
        List<String> outIds = new ArrayList<>();
        for (String line : run.outputLines()) {
            JsonNode decision = Json.MAPPER.readTree(line);
            outIds.add(decision.get("id").asText());
        }
        // Every valid record is classified, in input order, and nothing invented comes between.
        assertEquals(validIds, outIds.stream().filter(validIds::contains).toList());
        for (int i = 0; i < lines.size(); i++) {
            Kind kind = lines.get(i).get1();
            long number = i + 1;
            if (kind == Kind.NOT_UTF8 || kind == Kind.TOO_LONG || kind == Kind.CUT) {
                assertTrue(rejected.contains(number), () -> kind + " line " + number + " was not rejected");
            }
        }
    }

    @Property(tries = 40)
    void csvRowsOfAnyShapeAreClassifiedOrRejectedOneByOne(
            @ForAll("csvRows") List<String> rows) throws Exception {
        String text = "id,kind,category,place,substances\n" + String.join("\n", rows) + "\n";
        BatchRun run = BatchRun.of(text.getBytes(StandardCharsets.UTF_8), InputFormat.CSV, OutputFormat.CSV);
        long nonBlank = rows.stream().filter(r -> !r.isBlank()).count();
        assertEquals(nonBlank, run.summary().read());
        assertEquals(run.summary().read(), run.summary().classified() + run.summary().rejected());
        assertEquals(run.summary().classified() + 1, run.outputLines().size()); // the header row
        assertEquals(run.summary().rejected(), run.rejects().size());
    }

    @Provide
    Arbitrary<List<String>> csvRows() {
        Arbitrary<String> cell = Arbitraries.oneOf(Arbitraries.of("a1", "offence", "trade", "possession", "Gent",
                "cannabis;alcohol", "", "\"quoted, cell\"", "\"unclosed", "x\"y", "teleportation"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12));
        return cell.list().ofMinSize(1).ofMaxSize(7).map(cells -> String.join(",", cells)).list().ofMaxSize(40);
    }
}
