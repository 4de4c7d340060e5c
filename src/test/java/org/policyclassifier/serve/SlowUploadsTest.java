package org.policyclassifier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * 250 connections sending a byte every 5 s to {@code POST /v1/classify} held every Jetty thread:
 * {@code /v1/health} timed out until they stopped. Bounded on 127.0.0.1; the figures are printed,
 * the bounds are generous (two shared cores): health answers at all within 2 s, queries keep half
 * their throughput. {@code policy serve --bench --slow-uploads 300} measures it precisely.
 */
class SlowUploadsTest {

    @Test
    void threeHundredSlowUploadsStarveNeitherHealthNorQueries() throws Exception {
        try (ServeFixture serve = ServeFixture.bundled()) {
            URI base = URI.create(serve.base());
            List<String> questions = LoadClient.questions(serve.engine.vocabulary());
            LoadClient.run(base, questions, 4, 4, 0, null); // every question answered once: cached from now on
            LoadClient.Figures alone = LoadClient.run(base, questions, 4, 3, 0, null);
            double[] health;
            LoadClient.Figures loaded;
            SlowUploads.Outcome outcome;
            String refusal;
            try (SlowUploads slow = SlowUploads.start(base, 300, 2_000)) {
                Thread.sleep(1_000);
                health = LoadClient.latencies(base, "/v1/health", 20, 50, 2_000);
                loaded = LoadClient.run(base, questions, 4, 3, 0, null);
                refusal = oneMoreUpload(serve.server.port());
                outcome = slow.outcome();
            }
            System.out.println(outcome.describe());
            System.out.printf(Locale.ROOT, "health under them: p50 %.1f ms, max %.1f ms (%d samples)%n",
                    health[health.length / 2], health[health.length - 1], health.length);
            System.out.printf(Locale.ROOT, "queries: %.0f/s alone, %.0f/s under them (%.0f%%)%n", alone.perSecond(),
                    loaded.perSecond(), 100 * loaded.perSecond() / alone.perSecond());

            assertTrue(health[health.length - 1] < 2_000, "health unanswered within 2 s: " + Arrays.toString(health));
            assertEquals(0, loaded.errors(), loaded.describe());
            assertTrue(loaded.perSecond() >= 0.5 * alone.perSecond(), alone.describe() + "\n" + loaded.describe());
            assertTrue(outcome.busy() > 0 && outcome.tooSlow() > 0, outcome.describe());
            assertTrue(refusal.startsWith("HTTP/1.1 503") && refusal.contains("Retry-After: 5"), refusal);
        }
    }

    /** The response head to one more upload while the slow ones hold every upload slot (a few tries: slots free up). */
    private static String oneMoreUpload(int port) throws Exception {
        String head = "";
        for (int attempt = 0; attempt < 5 && !head.startsWith("HTTP/1.1 503"); attempt++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(5_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[2048];
                int n = in.read(buffer);
                head = n > 0 ? new String(buffer, 0, n, StandardCharsets.US_ASCII) : "";
            } catch (java.net.SocketTimeoutException e) {
                head = "admitted (no answer within 5 s)";
            }
        }
        return head;
    }
}
