package org.policyclassifier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policyclassifier.cli.Main;
import org.policyclassifier.io.Json;

/** The HTTP API against a real server over the bundled rules: the CLI's contract, its refusals, its limits. */
class PolicyServerTest {

    private static ServeFixture serve;

    @BeforeAll
    static void start() throws Exception {
        serve = ServeFixture.bundled();
    }

    @AfterAll
    static void stop() throws Exception {
        serve.close();
    }

    /** policy serve warms up before its first visitor: the page's examples in every language, then over HTTP. */
    @Test
    void theWarmUpAnswersTheExamplesInEveryLanguageAndTheServerItself() {
        serve.warmUp();
        String log = serve.log.toString();
        assertTrue(log.contains("warmed up (" + AnswerPage.EXAMPLES.size() * 4 + " example pages in 4 languages"), log);
        assertFalse(log.contains("warming up over HTTP failed"), log);
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void theAnswerIsWrittenInTheLanguageAskedForAndAnUnknownLanguageIsABadRequest() throws Exception {
        JsonNode fr = ServeFixture.json(expect(200, "/v1/query?q=spuitenruil&place=Gent&lang=fr"));
        JsonNode en = ServeFixture.json(expect(200, "/v1/query?q=spuitenruil&place=Gent&lang=en"));
        assertEquals(en.get("lead_level"), fr.get("lead_level"));
        assertEquals("Communauté flamande", fr.get("levels").get(1).get("entity").asText());
        assertEquals("autorités locales de Gand", fr.get("levels").get(0).get("entity").asText());
        assertEquals("Flemish Community", en.get("levels").get(1).get("entity").asText());
        // Without lang=, a Dutch question is answered in Dutch, as `policy query` answers it.
        JsonNode asked = ServeFixture.json(expect(200, "/v1/query?q=spuitenruil&place=Gent"));
        assertEquals("nl", asked.get("match").get("language").asText());
        assertEquals("lokale besturen van Gent", asked.get("levels").get(0).get("entity").asText());
        assertEquals("Algemene Cel Drugsbeleid",
                ServeFixture.json(expect(200, "/v1/query?q=spuitenruil&lang=NL")).get("coordination").asText());
        JsonNode unknown = ServeFixture.json(expect(400, "/v1/query?q=spuitenruil&lang=xx"));
        assertTrue(unknown.get("detail").asText().contains("lang=xx is not a language of the answers; expected one of"
                + " en, nl, fr, de"), unknown::toString);
    }

    @Test
    void queryAnswersWithTheCliDecisionPlusWhatWasMatched() throws Exception {
        HttpResponse<String> response = serve.get("/v1/query?q=spuitenruil&place=Gent");
        assertEquals(200, response.statusCode());
        JsonNode answer = ServeFixture.json(response);
        assertEquals("local", answer.get("lead_level").asText());
        assertEquals("needle_exchange", answer.get("match").get("entry").asText());

        // The same decision as `policy query --format json`, field for field.
        StringWriter out = new StringWriter();
        int exit = Main.run(new String[] {"query", "spuitenruil", "--place", "Gent", "--format", "json"},
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, exit);
        JsonNode cli = Json.MAPPER.readTree(out.toString());
        ((com.fasterxml.jackson.databind.node.ObjectNode) answer).remove(List.of("match", "rules_version", "profile"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) cli).remove("match");
        assertEquals(cli, answer);
    }

    @Test
    void everyAnswerCarriesTheRulesVersionAndTheProfileItIsCitedBy() throws Exception {
        int version = ServeFixture.json(expect(200, "/v1/health")).get("version").asInt();
        for (String path : List.of("/v1/query?q=needle+exchange&place=Charleroi", "/v1/query?q=possession+2016",
                "/v1/query?q=treatment")) {
            JsonNode answer = ServeFixture.json(serve.get(path));
            assertEquals(version, answer.get("rules_version").asInt(), path);
            JsonNode profile = answer.get("profile");
            assertEquals("Crime prevention policy", profile.get("title").asText(), path);
            assertEquals(2018, profile.get("year").asInt(), path);
            assertEquals("Belgium", profile.get("country").asText(), path);
        }
    }

    @Test
    void severalEqualMatchesAre422WithTheCandidates() throws Exception {
        HttpResponse<String> response = serve.get("/v1/query?q=treatment");
        assertEquals(422, response.statusCode());
        JsonNode body = ServeFixture.json(response);
        assertEquals("ambiguous", body.get("error").asText());
        assertTrue(body.get("candidates").size() >= 2, body.toString());
    }

    @Test
    void anUnknownSettingIs422NamingTheField() throws Exception {
        JsonNode body = ServeFixture.json(expect(422, "/v1/query?q=" + q("needle exchange") + "&setting=moonbase"));
        assertEquals("setting", body.get("field").asText());
        assertTrue(body.get("detail").asText().contains("moonbase"), body.toString());
    }

    @Test
    void refusalsAreJsonWithoutStackTraces() throws Exception {
        assertEquals("bad_request", ServeFixture.json(expect(400, "/v1/query")).get("error").asText());
        assertEquals("too_large", ServeFixture.json(expect(413, "/v1/query?q=" + "a".repeat(600))).get("error").asText());
        assertEquals("not_found", ServeFixture.json(expect(404, "/v1/rules/NO-SUCH-RULE")).get("error").asText());
        assertEquals("not_found", ServeFixture.json(expect(404, "/v1/nothing-here")).get("error").asText());
        assertEquals("bad_request", ServeFixture.json(expect(400, "/v1/trends?from=soon")).get("error").asText());
        assertEquals("bad_request", ServeFixture.json(expect(400, "/v1/trends?from=2016&to=2015")).get("error").asText());
        // Jetty closes the connection after this refusal: a client of its own keeps the shared pool clean.
        HttpResponse<String> longLine = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(serve.base() + "/v1/query?q=" + "a".repeat(20_000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(414, longLine.statusCode());
        assertEquals("too_large", ServeFixture.json(longLine).get("error").asText());
        HttpResponse<String> delete = serve.client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(serve.base() + "/v1/health")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, delete.statusCode());
        assertEquals("method_not_allowed", ServeFixture.json(delete).get("error").asText());
        for (String path : List.of("/v1/query", "/v1/nothing-here", "/v1/trends?from=soon")) {
            String body = serve.get(path).body();
            assertFalse(body.contains("at org.") || body.contains("Exception"), body);
        }
    }

    @Test
    void classifyStreamsDecisionsAndRejectsInInputOrder() throws Exception {
        String body = """
                {"id": "a", "kind": "intervention", "type": "needle_exchange", "place": "Charleroi"}
                not json
                {"id": "b", "kind": "offence", "category": "import_export"}
                {"id": "c", "kind": "offence", "category": "no_such_category"}
                """;
        HttpResponse<String> response = serve.post("/v1/classify", "application/x-ndjson", body);
        assertEquals(200, response.statusCode());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            lines.add(Json.MAPPER.readTree(line));
        }
        assertEquals(4, lines.size(), response.body());
        assertEquals("a", lines.get(0).get("id").asText());
        assertEquals(2, lines.get(1).get("line").asInt());
        assertTrue(lines.get(1).get("reason").asText().startsWith("not valid JSON"));
        assertEquals("b", lines.get(2).get("id").asText());
        assertEquals("federal", lines.get(2).get("lead_level").asText());
        assertEquals(4, lines.get(3).get("line").asInt());
    }

    @Test
    void classifyTakesAJsonArrayAndRefusesABrokenOne() throws Exception {
        HttpResponse<String> ok = serve.post("/v1/classify", "application/json",
                "[{\"id\": \"x\", \"kind\": \"offence\", \"category\": \"trade\"}]");
        assertEquals(200, ok.statusCode());
        assertEquals("x", Json.MAPPER.readTree(ok.body().strip()).get("id").asText());
        HttpResponse<String> broken = serve.post("/v1/classify", "application/json", "[{\"id\": \"x\"");
        assertEquals(400, broken.statusCode());
        assertEquals("bad_body", ServeFixture.json(broken).get("error").asText());
    }

    /**
     * Only the headers are sent: the server refuses the body by its declared length, before reading
     * a byte of it. (Sending the 4 MB it will never read races its close: a broken pipe, at random.)
     */
    @Test
    void classifyRefusesABodyOverTheLimit() throws Exception {
        URI uri = URI.create(serve.base());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/classify HTTP/1.1\r\nHost: " + uri.getAuthority()
                    + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: " + (PolicyServer.MAX_BODY_BYTES + 1)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder response = new StringBuilder();
            byte[] buffer = new byte[4096];
            for (int n; !response.toString().contains("too_large") && (n = in.read(buffer)) > 0; ) {
                response.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            assertTrue(response.toString().startsWith("HTTP/1.1 413"), response.toString());
            assertTrue(response.toString().contains("\"error\":\"too_large\""), response.toString());
        }
    }

    /** The duplicate-id check keeps every id in memory: a request never spills to disk. */
    @Test
    void classifyKeepsEveryRecordOfARepeatedId() throws Exception {
        String line = "{\"id\": \"same\", \"kind\": \"offence\", \"category\": \"trade\"}\n";
        HttpResponse<String> response = serve.post("/v1/classify", "application/x-ndjson", line.repeat(20_000));
        assertEquals(200, response.statusCode());
        String[] lines = response.body().split("\n");
        assertEquals(20_000, lines.length);
        assertEquals("same", Json.MAPPER.readTree(lines[19_999]).get("id").asText());
    }

    @Test
    void vocabularyHasEveryEntryInThreeLanguages() throws Exception {
        JsonNode body = ServeFixture.json(expect(200, "/v1/vocabulary"));
        JsonNode needle = null;
        for (JsonNode e : body.get("entries")) {
            if (e.get("id").asText().equals("needle_exchange")) {
                needle = e;
            }
        }
        assertEquals("spuitenruil", needle.get("labels").get("nl").asText().toLowerCase());
        assertTrue(needle.get("labels").get("fr").asText().contains("seringues"));
        assertTrue(body.get("settings").toString().contains("prison"));
    }

    @Test
    void placesByPrefixIgnoringCaseAndAccents() throws Exception {
        JsonNode places = ServeFixture.json(expect(200, "/v1/places?prefix=LIE")).get("places");
        assertTrue(places.toString().contains("Liège"), places.toString());
        for (JsonNode p : places) {
            String names = (p.get("name").asText() + " " + p.get("aliases")).toLowerCase();
            assertTrue(names.contains("lie") || names.contains("liè"), p.toString());
        }
    }

    @Test
    void placesByPostcodePrefix() throws Exception {
        JsonNode places = ServeFixture.json(expect(200, "/v1/places?prefix=230")).get("places");
        assertFalse(places.isEmpty());
        for (JsonNode p : places) {
            assertTrue(p.get("postcodes").toString().contains("\"230"), p.toString());
        }
        assertTrue(ServeFixture.json(expect(200, "/v1/places?prefix=2300")).get("places").toString()
                .contains("Turnhout"));
    }

    @Test
    void aRuleCarriesItsSourceAndWhereItSitsInTheProfile() throws Exception {
        JsonNode rule = ServeFixture.json(expect(200, "/v1/rules/TYPE-007"));
        assertEquals("rules/intervention-types.drl.csv", rule.get("file").asText());
        JsonNode sentences = ServeFixture.json(expect(200, "/v1/profile")).get("sentences");
        int at = rule.get("profile_sentences").get(0).asInt();
        assertTrue(sentences.get(at).asText().contains(rule.get("source").asText()), sentences.get(at).asText());
        assertEquals(ServeFixture.json(expect(200, "/v1/rules")).get("rules").size(),
                ServeFixture.json(expect(200, "/v1/health")).get("rules").asInt());
    }

    @Test
    void whoDoesWhatHasEveryInterventionTypeByLevel() throws Exception {
        JsonNode table = ServeFixture.json(expect(200, "/v1/who-does-what"));
        assertEquals("[\"federal\",\"regional\",\"local\"]", table.get("levels").toString());
        JsonNode vocabulary = ServeFixture.json(expect(200, "/v1/vocabulary")).get("entries");
        long types = 0;
        for (JsonNode e : vocabulary) {
            types += e.get("kind").asText().equals("intervention") ? 1 : 0;
        }
        assertEquals(types, table.get("rows").size());
        for (JsonNode row : table.get("rows")) {
            if (row.get("type").asText().equals("needle_exchange")) {
                assertEquals("local", row.get("lead_level").asText());
                assertFalse(row.get("roles").get("local").isEmpty());
            }
        }
    }

    @Test
    void trendsReportAndChart() throws Exception {
        JsonNode report = ServeFixture.json(expect(200, "/v1/trends?from=2016&to=2017"));
        assertEquals(2016, report.get("from").asInt());
        assertFalse(report.get("flags").isEmpty());
        HttpResponse<byte[]> chart = serve.client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(serve.base() + "/v1/trends/chart.png")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("image/png", chart.headers().firstValue("Content-Type").orElse(""));
        assertEquals((byte) 0x89, chart.body()[0]);
        assertEquals('P', chart.body()[1]);
    }

    @Test
    void thePageAndItsScriptsComeFromTheServerWithACsp() throws Exception {
        HttpResponse<String> page = expect(200, "/");
        assertTrue(page.body().contains("<script src=\"/app.js\""));
        assertFalse(page.body().contains("http://") || page.body().contains("https://"), "nothing from elsewhere");
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("default-src 'none'"), csp);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals(200, serve.get("/app.js").statusCode());
        assertEquals(200, serve.get("/style.css").statusCode());
    }

    @Test
    void openApiDescribesEveryRoute() throws Exception {
        JsonNode paths = ServeFixture.json(expect(200, "/openapi.json")).get("paths");
        for (String route : serve.server.routes()) {
            String method = route.substring(0, route.indexOf(' ')).toLowerCase();
            String path = route.substring(route.indexOf(' ') + 1);
            assertTrue(paths.has(path) && paths.get(path).has(method), route + " is not in /openapi.json");
        }
        assertEquals(serve.server.routes().size(), paths.size());
    }

    /** docs/api.md documents every route, as "GET /v1/query", so the page and /openapi.json stay in step. */
    @Test
    void theApiPageDocumentsEveryRoute() throws Exception {
        String page = java.nio.file.Files.readString(java.nio.file.Path.of("docs/api.md"));
        List<String> missing = serve.server.routes().stream().filter(route -> !page.contains(route)).toList();
        assertEquals(List.of(), missing, "routes docs/api.md does not show");
    }

    /** The format was sniffed through a mark of 4 KiB: more blank space before the first record was a 500. */
    @Test
    void classifyAfterEightKilobytesOfBlankLinesAnswersWithTheLinesNumbered() throws Exception {
        String body = "\n".repeat(5_000) + " \r\n".repeat(3_000)
                + "{\"id\": \"a\", \"kind\": \"offence\", \"category\": \"trade\"}\nnot json\n";
        HttpResponse<String> response = serve.post("/v1/classify", "application/x-ndjson", body);
        assertEquals(200, response.statusCode(), response.body());
        String[] lines = response.body().split("\n");
        assertEquals("a", Json.MAPPER.readTree(lines[0]).get("id").asText());
        assertEquals(8_002, Json.MAPPER.readTree(lines[1]).get("line").asInt(), "the blank lines are counted");
        HttpResponse<String> array = serve.post("/v1/classify", "application/json",
                " \n".repeat(10_000) + "[{\"id\": \"x\", \"kind\": \"offence\", \"category\": \"trade\"}]");
        assertEquals("x", Json.MAPPER.readTree(array.body().strip()).get("id").asText(), array.body());
    }

    /** As Excel saves "Unicode text": UTF-16 with a byte-order mark; the CLI read it, the server said 400. */
    @Test
    void classifyReadsAUtf16CsvWithItsByteOrderMarkAsTheCliDoes() throws Exception {
        byte[] csv = "id,kind,category\r\nz,offence,trade\r\n".getBytes(StandardCharsets.UTF_16); // BOM first
        HttpResponse<String> response = serve.client.send(java.net.http.HttpRequest.newBuilder(
                URI.create(serve.base() + "/v1/classify")).header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(csv)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("z", Json.MAPPER.readTree(response.body().strip()).get("id").asText(), response.body());
    }

    /**
     * Gzip, as the CLI reads it; the duplicate-id check was sized by the declared (compressed) length,
     * and ran out of room at the first record past it (a 500). The limit holds after decompression.
     */
    @Test
    void classifyReadsAGzipBodyThatUnpacksPastItsDeclaredLength() throws Exception {
        String line = "{\"id\": \"same\", \"kind\": \"offence\", \"category\": \"trade\"}\n";
        HttpResponse<String> response = postGzip(line.repeat(20_000));
        assertEquals(200, response.statusCode(), response.body().lines().reduce((a, b) -> b).orElse(""));
        assertEquals(20_000, response.body().split("\n").length);
        HttpResponse<String> bomb = postGzip(" ".repeat((int) PolicyServer.MAX_BODY_BYTES + 1));
        assertEquals(413, bomb.statusCode(), bomb.body());
        assertEquals("too_large", ServeFixture.json(bomb).get("error").asText());
    }

    private static HttpResponse<String> postGzip(String text) throws Exception {
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return serve.client.send(java.net.http.HttpRequest.newBuilder(URI.create(serve.base() + "/v1/classify"))
                .header("Content-Type", "application/x-ndjson")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(gz.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Media types are case-insensitive and may carry parameters; TEXT/CSV was read as JSON Lines. */
    @Test
    void classifyTakesCsvWhateverTheCaseAndParametersOfItsContentType() throws Exception {
        for (String type : List.of("TEXT/CSV", "text/csv; charset=utf-8", "Text/Csv;header=present")) {
            HttpResponse<String> response = serve.post("/v1/classify", type, "id,kind,category\nz,offence,trade\n");
            assertEquals(200, response.statusCode(), type + " → " + response.body());
            assertEquals("trade", Json.MAPPER.readTree(response.body().strip()).get("subject").asText(), type);
        }
    }

    /** The API's words name its query parameters; they named the CLI's flags, or the wrong problem. */
    @Test
    void apiMessagesNameQueryParametersNeverCliFlags() throws Exception {
        String setting = ServeFixture.json(expect(422, "/v1/query?q=spuitenruil&setting=moon")).get("detail").asText();
        assertTrue(setting.startsWith("setting=moon is unknown"), setting);
        String window = ServeFixture.json(expect(400, "/v1/trends?from=2016&to=2015")).get("detail").asText();
        assertTrue(window.contains("from=2016 to=2015"), window);
        String year = ServeFixture.json(expect(400, "/v1/trends?to=soon")).get("detail").asText();
        assertTrue(year.startsWith("to=soon:"), year);
        String bad = serve.raw("GET /v1/query?q=%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertTrue(bad.startsWith("HTTP/1.1 400"), bad);
        String escape = Json.MAPPER.readTree(bad.substring(bad.indexOf("\r\n\r\n") + 4)).get("detail").asText();
        assertTrue(escape.contains("%ZZ") && escape.contains("%25"), escape);
        for (String detail : List.of(setting, window, year, escape)) {
            assertFalse(detail.contains("--"), detail);
        }
        assertTrue(serve.raw("GET /v1/places?prefix=ab%2 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .startsWith("HTTP/1.1 400"));
        // An unknown place is answered and flagged, as by policy query (docs/api.md says so now).
        JsonNode unknown = ServeFixture.json(expect(200, "/v1/query?q=spuitenruil&place=Nowhereville"));
        assertTrue(unknown.get("flags").toString().contains("UNKNOWN_PLACE"), unknown.toString());
    }

    /** HEAD answered 200 text/plain where GET said 404 or 400. */
    @Test
    void headGivesTheStatusAndHeadersOfGetWithoutABody() throws Exception {
        for (String path : List.of("/v1/rules/NO-SUCH-RULE", "/v1/query", "/v1/health", "/v1/query?q=spuitenruil",
                "/v1/nothing-here")) {
            HttpResponse<String> get = serve.get(path);
            HttpResponse<String> head = serve.client.send(java.net.http.HttpRequest.newBuilder(
                    URI.create(serve.base() + path)).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(get.statusCode(), head.statusCode(), path);
            assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"), path);
            assertEquals("", head.body(), path);
        }
    }

    /** Any Host was answered: a page of another site whose name resolves to 127.0.0.1 could read the API. */
    @Test
    void aHostNameTheServerWasNotGivenIsRefused() throws Exception {
        String refused = serve.raw("GET /v1/health HTTP/1.1\r\nHost: attacker.example:" + serve.server.port()
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(refused.startsWith("HTTP/1.1 421"), refused);
        assertTrue(refused.contains("\"error\":\"unknown_host\"") && refused.contains("--host"), refused);
        for (String host : List.of("127.0.0.1", "localhost", "LOCALHOST:1234", "[::1]:8080")) {
            String ok = serve.raw("GET /v1/health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertTrue(ok.startsWith("HTTP/1.1 200"), host + " → " + ok);
        }
        try (ServeFixture named = ServeFixture.bundled(List.of("policy.example.org"))) {
            String ok = named.raw("GET /v1/health HTTP/1.1\r\nHost: Policy.Example.org:80\r\nConnection: close\r\n\r\n");
            assertTrue(ok.startsWith("HTTP/1.1 200"), ok);
        }
    }

    private static HttpResponse<String> expect(int status, String path) throws Exception {
        HttpResponse<String> response = serve.get(path);
        assertEquals(status, response.statusCode(), path + " → " + response.body());
        return response;
    }
}
