package org.policyclassifier.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.io.Json;
import org.policyclassifier.io.LineReader;
import org.policyclassifier.io.Lines;

/**
 * The streaming read of plain records against the object mapper: whatever it reads, the mapper
 * reads the same; whatever the mapper would reject, it leaves to the mapper. Read in turn from a
 * chunk of lines by one parser, a record reads as its line alone.
 */
class PlainRecordsTest {

    @Provide
    Arbitrary<String> objects() {
        Arbitrary<String> name = Arbitraries.of("id", "kind", "type", "category", "place", "setting", "actor",
                "substances", "Id", "extra", "i\\u0064", "");
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(12).map(PlainRecordsTest::quoted);
        Arbitrary<String> scalar = Arbitraries.oneOf(text, text, Arbitraries.of("null", "5", "-1.5e3", "true", "false",
                "{}", "{\"a\": \"b\"}", "[]"));
        Arbitrary<String> list = scalar.list().ofMaxSize(3).map(l -> "[" + String.join(", ", l) + "]");
        Arbitrary<String> value = Arbitraries.oneOf(scalar, scalar, list);
        Arbitrary<String> member = Combinators.combine(name, value, Arbitraries.of("", " ", "\t"))
                .as((n, v, s) -> "\"" + n + "\"" + s + ":" + s + v);
        Arbitrary<String> object = member.list().ofMaxSize(9).map(m -> "{" + String.join(", ", m) + "}");
        Arbitrary<String> tail = Arbitraries.of("", "", "", " ", "x", " {}", ",", "]");
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, 3);
        return Combinators.combine(object, tail, cut).as((o, t, c) -> {
            String s = o + t;
            return c == 0 ? s.substring(0, s.length() / 2) : s;
        });
    }

    private static String quoted(String s) {
        try {
            return Json.MAPPER.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 3000)
    void whatItReadsTheMapperReadsAlike(@ForAll("objects") String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        CaseRecord plain = PlainRecords.read(bytes);
        Statistics.label("read without the mapper").collect(plain != null);
        if (plain != null) {
            CaseRecord mapped;
            try {
                mapped = Json.MAPPER.readValue(bytes, CaseRecord.class);
            } catch (Exception e) {
                throw new AssertionError("read " + plain + " where the mapper rejects " + json + ": " + e.getMessage());
            }
            assertEquals(mapped, plain, json);
        }
        // Enough of the generated objects must be plain for the property to say anything.
        Statistics.label("read without the mapper").coverage(c -> c.check(true).percentage(p -> p > 3));
    }

    /** Lines of a chunk: records as above, and pieces that a parser walking the chunk could join to them. */
    @Provide
    Arbitrary<List<String>> chunks() {
        Arbitrary<String> piece = Arbitraries.of("}", "\"kind\": \"offence\"}", "]", "{", ",", "\"x\"", "5",
                "  {\"id\": \"a\"}", "\t{}", "\u0000{}", "\uFEFF{\"id\": \"a\"}", "{\"id\": \"a\"}{}");
        return Arbitraries.oneOf(objects(), objects(), objects(), piece).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 2000)
    void recordsReadInTurnFromOneChunkReadAsEachLineAlone(@ForAll("chunks") List<String> texts, @ForAll long skipped)
            throws Exception {
        Lines lines = new Lines(1, 16);
        RecordSource source = RecordSource.lines(new LineReader(
                new ByteArrayInputStream(String.join("\n", texts).getBytes(StandardCharsets.UTF_8)), 1 << 20));
        while (source.next(lines)) {
            // all the lines in one chunk
        }
        PlainRecords.Chunk chunk = new PlainRecords.Chunk(lines);
        for (int i = 0; i < lines.count(); i++) {
            if ((skipped >>> (i % 64) & 1) == 1) {
                continue; // rejected before it is parsed (too long, not UTF-8)
            }
            CaseRecord read = chunk.read(i);
            Statistics.label("read in turn").collect(read != null);
            if (read != null) {
                assertEquals(PlainRecords.read(lines.copy(i)), read, String.join("\n", texts));
            }
        }
        Statistics.label("read in turn").coverage(c -> c.check(true).percentage(p -> p > 3));
    }

    @Test
    void theCommonRecordsAreReadWithoutTheMapper() {
        for (String json : List.of(
                "{\"id\":\"c1\",\"kind\":\"offence\",\"type\":null,\"category\":\"possession\",\"place\":\"Munte\","
                        + "\"setting\":null,\"actor\":null,\"substances\":[\"cocaine\",\"cannabis\"]}",
                "{\"id\": \"2017-0001\", \"kind\": \"intervention\", \"type\": \"needle_exchange\", \"place\": \"Liège\"}",
                "{\"id\": \"\\u00e9t\\u00e9\", \"kind\": \"offence\", \"substances\": []}")) {
            CaseRecord plain = PlainRecords.read(json.getBytes(StandardCharsets.UTF_8));
            assertNotNull(plain, json);
        }
    }

    @Test
    void whatTheMapperMustJudgeIsLeftToIt() {
        for (String json : List.of("{\"id\": \"a\", \"id\": \"b\"}", "{\"id\": 5}", "{\"substances\": [null]}",
                "{\"substances\": \"cannabis\"}", "{\"extra\": \"x\"}", "{\"id\": \"a\"} {}", "null", "[]",
                "{\"id\": \"a\"", "{\"kind\": true}")) {
            assertNull(PlainRecords.read(json.getBytes(StandardCharsets.UTF_8)), json);
        }
    }
}
