package org.policyclassifier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;

/**
 * Issue 20, items 1, 3 and 8 on the server: a rule that would run a command is refused by the
 * automatic reload, which keeps the last good rules, and a reload's problems name the rule file
 * and line, never a Java exception or the folder.
 */
class RefusedRulesReloadTest {

    @Test
    void aRuleThatRunsACommandIsRefusedByTheReloadAndNeverRuns(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("the-command-ran");
        try (ServeFixture serve = ServeFixture.editable(dir)) {
            assertEquals("tertiary", ServeFixture.json(serve.get(ReloadTest.NEEDLE)).get("tier").asText());
            int version = serve.engine.version();
            long checked = serve.engine.status().checkedAt().toEpochMilli();
            Path exec = dir.resolve("rules/exec.drl");
            Files.writeString(exec, RuleFolders.ruleRunningACommand(marker));
            serve.awaitReload(version, checked);

            JsonNode health = ServeFixture.json(serve.get("/v1/health"));
            assertEquals("edit_rejected", health.get("status").asText(), health.toString());
            assertEquals(version, health.get("version").asInt(), "the last good rules stay in use");
            String problem = health.get("problems").get(0).get("text").asText();
            assertTrue(problem.contains("exec.drl:10: rule \"EXEC-001 Runs a command\": calling Runtime.getRuntime(...)"
                    + " is not allowed"), problem);
            assertEquals("tertiary", ServeFixture.json(serve.get(ReloadTest.NEEDLE)).get("tier").asText());
            assertFalse(Files.exists(marker), "the rule's command ran");
        }
    }

    @Test
    void rulesThatFailOnTheQuestionsAnsweredAheadAreReportedAtTheirFileAndLine(@TempDir Path dir) throws Exception {
        try (ServeFixture serve = ServeFixture.editable(dir)) {
            assertEquals(200, serve.get(ReloadTest.NEEDLE).statusCode());
            int version = serve.engine.version();
            long checked = serve.engine.status().checkedAt().toEpochMilli();
            // Compiles, then keeps inserting flags for every case: the reload's first question fails.
            Files.writeString(dir.resolve("rules/feeding.drl"), """
                    package policy.feeding
                    import org.policyclassifier.classify.*;

                    rule "FEED-001 Keeps inserting"
                        @id("FEED-001")
                        @source("Statistics:")
                    when
                        $f : Flag( code == "AGAIN" )
                    then
                        insert(new Flag($f.caseId(), "AGAIN", "again"));
                    end

                    rule "FEED-002 Starts"
                        @id("FEED-002")
                        @source("Statistics:")
                    when
                        $c : Case( $id : caseId )
                    then
                        insert(new Flag($id, "AGAIN", "first"));
                    end
                    """);
            serve.awaitReload(version, checked);

            JsonNode health = ServeFixture.json(serve.get("/v1/health"));
            assertEquals("edit_rejected", health.get("status").asText(), health.toString());
            String problem = health.get("problems").get(0).get("text").asText();
            assertTrue(problem.startsWith("rules/feeding.drl:4: the rules fired more than"), problem);
            assertTrue(problem.contains("FEED-001 (feeding.drl:4)") && !problem.contains(dir.toString()), problem);
            assertFalse(problem.contains("Exception"), problem);
            assertEquals(version, serve.engine.version(), "the last good rules stay in use");
        }
    }
}
