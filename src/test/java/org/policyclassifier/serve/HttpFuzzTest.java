package org.policyclassifier.serve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing (Jazzer) of the HTTP request handling of {@code GET /v1/query} and
 * {@code POST /v1/classify}, through a real server and its real handlers: the first byte picks the
 * request and its content type, the rest is the query string or the body. Whatever comes, the
 * answer is never a 500 internal error and nothing escapes a handler (the server log has no
 * internal error).
 *
 * <p>{@code mvn verify} replays the seeds in
 * {@code src/test/resources/org/policyclassifier/serve/HttpFuzzTestInputs/} as a plain test, and
 * fuzzes for a bounded time with {@code JAZZER_FUZZ=1} (the {@code fuzz} profile of the pom).
 */
class HttpFuzzTest {

    private static final List<String> CONTENT_TYPES = List.of("application/x-ndjson", "application/json", "text/csv",
            "TEXT/CSV; charset=utf-16", "");
    private static ServeFixture serve;

    @BeforeAll
    static void start() throws Exception {
        serve = ServeFixture.bundled();
    }

    @AfterAll
    static void stop() throws Exception {
        serve.close();
    }

    @FuzzTest(maxDuration = "20s")
    void requestsAreAnsweredWithoutInternalErrors(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        // The requests go to the test's own server only; Jazzer's SSRF check would take them for an attack.
        try (SilentCloseable own = BugDetectors.allowNetworkConnections((host, port) -> port == serve.server.port())) {
            request(Arrays.copyOfRange(input, 1, input.length), input[0] & 0xff);
        }
    }

    private static void request(byte[] data, int pick) throws Exception {
        int logBefore = serve.log.getBuffer().length();
        String response;
        if (pick % 2 == 0) {
            String method = pick % 4 == 0 ? "GET" : "HEAD";
            response = serve.raw(method + " /v1/query?" + queryString(data) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n");
        } else {
            String type = CONTENT_TYPES.get((pick / 2) % CONTENT_TYPES.size());
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(("POST /v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (type.isEmpty() ? "" : "Content-Type: " + type + "\r\n") + "Content-Length: " + data.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            request.write(data);
            response = serve.raw(request.toByteArray());
        }
        assertTrue(response.startsWith("HTTP/1.1 "), response);
        assertFalse(response.startsWith("HTTP/1.1 500") && response.contains("\"internal\""), response);
        String log = serve.log.getBuffer().substring(logBefore);
        assertFalse(log.contains("internal error") || log.contains("\tat "), log);
    }

    /** The bytes as a request target allows: printable ASCII as it is (a stray % included), the rest %-escaped. */
    private static String queryString(byte[] data) {
        StringBuilder query = new StringBuilder();
        for (byte b : data) {
            int c = b & 0xff;
            if (c > ' ' && c < 0x7f && c != '#') {
                query.append((char) c);
            } else {
                query.append('%').append(String.format("%02X", c));
            }
        }
        return query.toString();
    }
}
