package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.TestPaths;
import org.policyclassifier.io.Json;

/** {@code policy fit-reading}: the model in the jar is the one the labelled questions give. */
class FitReadingCommandTest {

    @Test
    void fittingAgainOnTheBundledQuestionsGivesTheModelInTheJar(@TempDir Path dir) throws Exception {
        List<String> args = new ArrayList<>(List.of("fit-reading", "--out", dir.resolve("model.json").toString()));
        try (Stream<Path> sets = Files.list(TestPaths.RULES.resolve("tests/blind"))) {
            sets.filter(p -> p.toString().endsWith(".jsonl")).sorted().map(Path::toString).forEach(args::add);
        }
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertEquals(0, cli.exit(), cli.err());
        assertTrue(cli.out().contains("right,") && cli.out().contains("wrong"), cli.out());
        JsonNode fitted = Json.MAPPER.readTree(dir.resolve("model.json").toFile());
        JsonNode bundled;
        try (InputStream in = org.policyclassifier.query.ReadingModel.class.getResourceAsStream("reading-model.json")) {
            bundled = Json.MAPPER.readTree(in);
        }
        assertEquals(bundled, fitted, "the bundled model is stale: run ./policy fit-reading rules/tests/blind/*.jsonl"
                + " --out src/main/resources/org/policyclassifier/query/reading-model.json");
    }

    @Test
    void aSetThatCannotBeReadIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"lang\":\"en\",\"question\":\"needle exchange\",\"expect\":\"refuse\"}\nnot json\n");
        Cli cli = Cli.run("fit-reading", bad.toString(), "--out", dir.resolve("model.json").toString());
        assertEquals(3, cli.exit(), cli.out());
        assertTrue(cli.err().contains("bad.jsonl:2"), cli.err());
        assertTrue(Files.notExists(dir.resolve("model.json")));
    }
}
