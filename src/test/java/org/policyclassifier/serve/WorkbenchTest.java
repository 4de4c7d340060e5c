package org.policyclassifier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench of {@code policy serve}: staff save a rule file and see it checked, tested and what it changes. */
class WorkbenchTest {

    @Test
    void anEditIsCheckedTestedAndItsChangesShownABrokenOneNamesItsLine(@TempDir Path dir) throws Exception {
        try (ServeFixture serve = ServeFixture.editable(dir)) {
            JsonNode before = ServeFixture.json(serve.get("/v1/workbench"));
            assertTrue(before.get("check").get("clean").asBoolean(), before.toString());
            assertEquals(0, before.get("tests").get("failed").asInt(), before.toString());
            assertTrue(before.get("tests").get("passed").asInt() > 400, before.toString());
            assertEquals(0, before.get("changed").asInt());

            int version = serve.engine.version();
            long checked = serve.engine.status().checkedAt().toEpochMilli();
            ReloadTest.moveNeedleExchangeToSecondary(dir.resolve("rules"));
            serve.awaitReload(version, checked);
            JsonNode moved = ServeFixture.json(serve.get("/v1/workbench"));
            assertEquals(version, moved.get("base").asInt());
            assertEquals(version + 1, moved.get("current").asInt());
            assertTrue(moved.get("changed").asInt() > 0, moved.toString());
            JsonNode change = moved.get("changes").get(0);
            assertEquals("tertiary", change.get("fields").get("tier").get(0).asText(), change.toString());
            assertEquals("secondary", change.get("fields").get("tier").get(1).asText(), change.toString());
            assertTrue(moved.get("tests").get("failed").asInt() > 0, "the agreed cases of needle exchanges fail");
            assertTrue(moved.get("tests").get("failures").get(0).get("test").asText().startsWith("rules/tests/"),
                    moved.get("tests").toString());
            assertEquals("[\"TYPE-007\"]", moved.get("rules_changed").toString());

            Path scope = dir.resolve("rules/scope.drl");
            checked = serve.engine.status().checkedAt().toEpochMilli();
            Thread.sleep(5);
            Files.writeString(scope, Files.readString(scope).replaceFirst("salience 50\\s*\\nwhen", "salience 50\nwhen ("));
            serve.awaitReload(version + 1, checked);
            JsonNode broken = ServeFixture.json(serve.get("/v1/workbench"));
            assertFalse(broken.get("check").get("clean").asBoolean());
            String problem = broken.get("check").get("problems").get(0).asText();
            assertTrue(problem.startsWith("rules/scope.drl:"), problem);
            assertFalse(broken.toString().contains(dir.toString()), "no path of the server's disk");

            String page = serve.get("/workbench").body();
            assertTrue(page.contains("<h1>Rules workbench</h1>") && page.contains("rules/scope.drl:"), page);
        }
    }

    /** The workbench shows the server's rules and their problems: only to this machine's loopback. */
    @Test
    void fromAnotherAddressTheWorkbenchIsForbidden(@TempDir Path dir) throws Exception {
        String other = ServeFixture.otherAddress();
        org.junit.jupiter.api.Assumptions.assumeTrue(other != null,
                "this test asks from an address of this machine other than loopback; it has none");
        try (ServeFixture serve = ServeFixture.editable(dir, "0.0.0.0")) {
            for (String path : new String[] {"/v1/workbench", "/workbench"}) {
                var refused = serve.getFrom(other, path);
                assertEquals(403, refused.statusCode(), path + ": " + refused.body());
                assertFalse(refused.body().contains("rules/"), refused.body());
                assertEquals(200, serve.get(path).statusCode(), path);
            }
            assertEquals(200, serve.getFrom(other, "/v1/health").statusCode(), "the rest of the server answers");
        }
    }

    /** {@code --workbench-from} opens it to the staff's own machines, and to them only. */
    @Test
    void anAddressTheServerIsToldOfMayOpenTheWorkbench(@TempDir Path dir) throws Exception {
        String other = ServeFixture.otherAddress();
        org.junit.jupiter.api.Assumptions.assumeTrue(other != null,
                "this test asks from an address of this machine other than loopback; it has none");
        try (ServeFixture serve = ServeFixture.editable(dir, "0.0.0.0", WorkbenchAccess.of(java.util.List.of(other + "/32")))) {
            var allowed = serve.getFrom(other, "/v1/workbench");
            assertEquals(200, allowed.statusCode(), allowed.body());
            assertTrue(ServeFixture.json(allowed).get("check").get("clean").asBoolean());
        }
    }
}
