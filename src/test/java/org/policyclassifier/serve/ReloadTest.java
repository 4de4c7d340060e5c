package org.policyclassifier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.io.Json;

/** Rules and facts edited while the server runs: taken when good, kept out when broken, never a failed request. */
class ReloadTest {

    static final String NEEDLE = "/v1/query?q=needle+exchange&place=Gent";

    /** The worked example of docs/staff-guide.md: needle exchange moved from tertiary to secondary prevention. */
    static void moveNeedleExchangeToSecondary(Path rules) throws Exception {
        Path table = rules.resolve("intervention-types.drl.csv");
        String text = Files.readString(table, StandardCharsets.UTF_8);
        String row = text.lines().filter(l -> l.startsWith("TYPE-007 ")).findFirst().orElseThrow();
        String edited = row.replace("is tertiary demand", "is secondary demand").replaceAll(",tertiary$", ",secondary");
        // Saved whole, as editors save: written beside the folder and moved in, so that the watcher
        // never sees the file truncated and half written (which made two reloads of one edit).
        Path saved = rules.resolveSibling("intervention-types.drl.csv.saving");
        Files.writeString(saved, text.replace(row, edited), StandardCharsets.UTF_8);
        Files.move(saved, table, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void aGoodEditIsTakenABrokenOneIsShownAndKeptOut(@TempDir Path dir) throws Exception {
        try (ServeFixture serve = ServeFixture.editable(dir)) {
            assertEquals("tertiary", ServeFixture.json(serve.get(NEEDLE)).get("tier").asText());

            int version = serve.engine.version();
            long checked = serve.engine.status().checkedAt().toEpochMilli();
            moveNeedleExchangeToSecondary(dir.resolve("rules"));
            serve.awaitReload(version, checked);
            assertEquals(version + 1, serve.engine.version(), serve.log.toString());
            // The one question asked so far was answered by the new rules before they were swapped in.
            assertTrue(serve.log.toString().contains("(version " + (version + 1) + "; 1 question answered ahead)"),
                    serve.log.toString());
            JsonNode moved = ServeFixture.json(serve.get(NEEDLE));
            assertEquals("secondary", moved.get("tier").asText());
            assertEquals("ok", ServeFixture.json(serve.get("/v1/health")).get("status").asText());

            Path scope = dir.resolve("rules/scope.drl");
            String good = Files.readString(scope);
            checked = serve.engine.status().checkedAt().toEpochMilli();
            Thread.sleep(5);
            Files.writeString(scope, good.replaceFirst("salience 50\\s*\\nwhen", "salience 50\nwhen ("));
            serve.awaitReload(version + 1, checked);
            JsonNode health = ServeFixture.json(serve.get("/v1/health"));
            assertEquals("edit_rejected", health.get("status").asText(), health.toString());
            assertEquals(version + 1, health.get("version").asInt(), "the last good rules stay in use");
            String problem = health.get("problems").get(0).get("text").asText();
            assertTrue(problem.matches(".*scope\\.drl:\\d+: .*"), problem);
            assertEquals("secondary", ServeFixture.json(serve.get(NEEDLE)).get("tier").asText());

            checked = serve.engine.status().checkedAt().toEpochMilli();
            Thread.sleep(5);
            Files.writeString(scope, good);
            serve.awaitReload(version + 1, checked);
            health = ServeFixture.json(serve.get("/v1/health"));
            assertEquals("ok", health.get("status").asText(), health.toString());
            assertEquals(0, health.get("problems").size());
        }
    }

    @Test
    void factsEditsAreTakenToo(@TempDir Path dir) throws Exception {
        try (ServeFixture serve = ServeFixture.editable(dir)) {
            String path = "/v1/query?q=needle+exchange&place=Gent-Testwijk-Zeventien";

            // A new other name for Ghent, however places.json is laid out.
            Path places = dir.resolve("facts/places.json");
            String good = Files.readString(places, StandardCharsets.UTF_8);
            ArrayNode all = (ArrayNode) Json.MAPPER.readTree(good);
            ObjectNode ghent = null;
            for (JsonNode place : all) {
                if (place.get("name").asText().equals("Ghent") || place.path("aliases").toString().contains("\"Gent\"")) {
                    ghent = (ObjectNode) place;
                }
            }
            HttpResponse<String> before = serve.get(path);
            assertTrue(before.statusCode() != 200 || !ServeFixture.json(before).at("/place/name").asText()
                    .equals(ghent.get("name").asText()), before.body());
            ((ArrayNode) ghent.get("aliases")).add("Gent-Testwijk-Zeventien");
            int version = serve.engine.version();
            long checked = serve.engine.status().checkedAt().toEpochMilli();
            Files.writeString(places, Json.MAPPER.writeValueAsString(all), StandardCharsets.UTF_8);
            serve.awaitReload(version, checked);
            JsonNode answer = ServeFixture.json(serve.get(path));
            assertEquals(ghent.get("name").asText(), answer.get("place").get("name").asText(), answer.toString());

            checked = serve.engine.status().checkedAt().toEpochMilli();
            Thread.sleep(5);
            Files.writeString(places, "[\n  {\"name\": \"Ghent\",\n", StandardCharsets.UTF_8);
            serve.awaitReload(version + 1, checked);
            JsonNode health = ServeFixture.json(serve.get("/v1/health"));
            assertEquals("edit_rejected", health.get("status").asText(), health.toString());
            assertTrue(health.get("problems").get(0).get("text").asText().contains("places.json:"), health.toString());
            assertEquals(ghent.get("name").asText(), ServeFixture.json(serve.get(path)).at("/place/name").asText(),
                    "the last good facts stay in use");
        }
    }

    /**
     * {@code mv rules rules.old; cp -r rules.old rules}: the file events went with the old folder,
     * so later edits were ignored while /v1/health said ok.
     */
    @Test
    void editsAreTakenAfterTheRulesFolderIsReplacedWhole(@TempDir Path dir) throws Exception {
        try (ServeFixture serve = ServeFixture.editable(dir)) {
            Path rules = dir.resolve("rules");
            Path old = dir.resolve("rules.old");
            Files.move(rules, old);
            org.policyclassifier.RuleFolders.copyTree(old, rules);
            int version = serve.engine.version();
            long checked = serve.engine.status().checkedAt().toEpochMilli();
            serve.awaitReload(version, checked); // the replaced folder is read again
            JsonNode health = ServeFixture.json(serve.get("/v1/health"));
            assertEquals("ok", health.get("status").asText(), health.toString());
            assertTrue(health.has("watched_at"), health.toString());

            version = serve.engine.version();
            checked = serve.engine.status().checkedAt().toEpochMilli();
            moveNeedleExchangeToSecondary(rules);
            serve.awaitReload(version, checked);
            assertEquals("secondary", ServeFixture.json(serve.get(NEEDLE)).get("tier").asText(), serve.log.toString());
        }
    }

    /** A short, bounded load with reloads under it: every request answered (no timing is asserted). */
    @Test
    void noRequestFailsWhileTheRulesAreReloaded() throws Exception {
        try (ServeFixture serve = ServeFixture.bundled()) {
            int before = serve.engine.version();
            LoadClient.Figures figures = LoadClient.run(URI.create(serve.base()),
                    LoadClient.questions(serve.engine.vocabulary()), 8, 6, 2, serve.engine::reload);
            assertEquals(0, figures.errors(), figures.describe());
            assertTrue(figures.requests() > 0 && figures.reloads() >= 2, figures.describe());
            assertTrue(serve.engine.version() >= before + 2, serve.log.toString());
        }
    }
}
