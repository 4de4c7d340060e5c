package org.policyclassifier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.io.Json;

/** Faults that are not the client's: a rule that fails, a client that leaves, where the folders sit. */
class ServerFaultsTest {

    /** Two rules that undo each other forever on a trade case: the session stops at its firing limit. */
    static final String LOOPING_RULES = """
            package policy.fault

            import org.policyclassifier.classify.*;

            rule "FAULT-001 A trade case is flagged again"
                @id("FAULT-001")
                @source("Reduce risks and damages associated with drug/alcohol use")
            when
                $c : Case( $id : caseId, subject == "trade" )
                not Flag( caseId == $id, code == "AGAIN" )
            then
                insert(new Flag($id, "AGAIN", "again"));
            end

            rule "FAULT-002 The flag is taken back"
                @id("FAULT-002")
                @source("Reduce risks and damages associated with drug/alcohol use")
            when
                $f : Flag( code == "AGAIN" )
            then
                delete($f);
            end
            """;

    /** It was 400 bad_body, blamed the client, showed the server's rule path and dropped the record before it. */
    @Test
    void aRuleThatFailsIsAPolicyFaultAndKeepsTheRecordsAnsweredBeforeIt(@TempDir Path dir) throws Exception {
        try (ServeFixture serve = ServeFixture.editable(dir)) {
            int version = serve.engine.version();
            long checked = serve.engine.status().checkedAt().toEpochMilli();
            Files.writeString(dir.resolve("rules/fault.drl"), LOOPING_RULES);
            serve.awaitReload(version, checked);
            assertEquals(version + 1, serve.engine.version(), serve.log.toString());

            HttpResponse<String> response = serve.post("/v1/classify", "application/x-ndjson", """
                    {"id": "good", "kind": "offence", "category": "possession"}
                    {"id": "bad", "kind": "offence", "category": "trade"}
                    {"id": "after", "kind": "offence", "category": "possession"}
                    """);
            assertEquals(500, response.statusCode(), response.body());
            String[] lines = response.body().split("\n");
            assertEquals(2, lines.length, response.body());
            assertEquals("good", Json.MAPPER.readTree(lines[0]).get("id").asText());
            JsonNode fault = Json.MAPPER.readTree(lines[1]);
            assertEquals("policy_fault", fault.get("error").asText(), response.body());
            assertEquals(1, fault.get("answered").asInt());
            assertFalse(response.body().contains(dir.toString()) || response.body().contains(".drl"), response.body());
            assertTrue(serve.log.toString().contains("fault.drl") || serve.log.toString().contains("FAULT-00"),
                    "the operator's log names the rule:\n" + serve.log);
        }
    }

    /** Every dropped upload was logged as an internal error with a 26-line stack trace. */
    @Test
    void aClientThatDropsItsUploadIsOneLineInTheLog() throws Exception {
        try (ServeFixture serve = ServeFixture.bundled()) {
            for (int i = 0; i < 3; i++) {
                try (Socket socket = new Socket("127.0.0.1", serve.server.port())) {
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson"
                            + "\r\nContent-Length: 100000\r\n\r\n{\"id\": \"a\", \"kind\": \"offence\", \"category\": \"trade\"}\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(300);
                }
            }
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (serve.log.toString().lines().count() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            String log = serve.log.toString();
            assertEquals(3, log.lines().count(), log);
            assertTrue(log.lines().allMatch(l -> l.contains("POST /v1/classify") && l.contains("closed the connection")), log);
            assertFalse(log.contains("internal error") || log.contains("\tat "), log);
            assertEquals(200, serve.get("/v1/health").statusCode());
        }
    }

    /** /v1/rules showed where the rules sit on the server (an absolute path). */
    @Test
    void rulesAndProblemsShowFilesFromTheServedFolderDown(@TempDir Path dir) throws Exception {
        try (ServeFixture serve = ServeFixture.editable(dir)) {
            String rules = serve.get("/v1/rules").body();
            assertFalse(rules.contains(dir.toString()), rules);
            assertEquals("rules/intervention-types.drl.csv",
                    ServeFixture.json(serve.get("/v1/rules/TYPE-007")).get("file").asText());

            int version = serve.engine.version();
            long checked = serve.engine.status().checkedAt().toEpochMilli();
            Files.writeString(dir.resolve("rules/broken.drl"), "package policy.broken\nrule \"X\" when then (\nend\n");
            serve.awaitReload(version, checked);
            String health = serve.get("/v1/health").body();
            assertTrue(health.contains("rules/broken.drl"), health);
            assertFalse(health.contains(dir.toString()), health);
        }
    }
}
