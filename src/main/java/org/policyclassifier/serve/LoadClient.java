package org.policyclassifier.serve;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.policyclassifier.facts.InterventionType;
import org.policyclassifier.facts.Labels;
import org.policyclassifier.facts.OffenceCategory;
import org.policyclassifier.facts.Vocabulary;

/**
 * A small load client for {@code policy serve --bench}: keeps {@code connections} requests in
 * flight against a server on this machine for a bounded time, cycling through mixed questions, and
 * measures throughput and latency. Loopback only; never part of a timed test.
 */
public final class LoadClient {

    /** Upper bounds, so that a typo cannot start an hour-long run or a thousand threads. */
    public static final int MAX_CONNECTIONS = 256;
    public static final int MAX_SECONDS = 120;

    /**
     * What a run measured; latencies in milliseconds.
     *
     * @param reloads reloads completed during the run (0 when none were asked for)
     */
    public record Figures(int connections, double seconds, long requests, long errors, double perSecond,
            double p50, double p90, double p99, double max, int distinctQuestions, int reloads) {

        public String describe() {
            return String.format(Locale.ROOT, "%d requests in %.1f s at %d connections: %.0f requests/s, %d errors%n"
                    + "latency ms: p50 %.2f, p90 %.2f, p99 %.2f, max %.2f (%d distinct questions%s)",
                    requests, seconds, connections, perSecond, errors, p50, p90, p99, max, distinctQuestions,
                    reloads > 0 ? ", " + reloads + " rules reloads during the run" : "");
        }
    }

    private LoadClient() {
    }

    /**
     * Mixed questions: every label of the vocabulary in English, Dutch and French, each alone and
     * with a place of each region, some in prison; as paths of {@code GET /v1/query}.
     */
    public static List<String> questions(Vocabulary vocabulary) {
        List<Labels> labels = new ArrayList<>();
        vocabulary.interventionTypes().stream().map(InterventionType::labels).forEach(labels::add);
        vocabulary.offenceCategories().stream().map(OffenceCategory::labels).forEach(labels::add);
        List<String> places = List.of("", "Gent", "Charleroi", "Brussel", "Eupen", "Antwerpen", "Namur");
        List<String> paths = new ArrayList<>();
        int i = 0;
        for (Labels l : labels) {
            for (String text : java.util.stream.Stream.of(l.en(), l.nl(), l.fr(), l.de()).filter(java.util.Objects::nonNull).toList()) {
                for (String place : places) {
                    String setting = i++ % 5 == 0 ? "&setting=prison" : "";
                    paths.add("/v1/query?q=" + encode(text) + (place.isEmpty() ? "" : "&place=" + encode(place)) + setting);
                }
            }
        }
        return paths;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * Sends {@code paths} round-robin from {@code connections} threads for {@code seconds}; while
     * it runs, calls {@code reload} every {@code reloadEverySeconds} (0: never). Any status but
     * 200 or 422 (a question without a single answer is an answer) counts as an error.
     */
    public static Figures run(URI base, List<String> paths, int connections, int seconds, int reloadEverySeconds,
            Runnable reload) throws InterruptedException {
        if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost())) {
            throw new IllegalArgumentException("the load client only runs against this machine (127.0.0.1)");
        }
        if (connections < 1 || connections > MAX_CONNECTIONS || seconds < 1 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("connections 1.." + MAX_CONNECTIONS + " and seconds 1.." + MAX_SECONDS);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<HttpRequest> requests = paths.stream()
                .map(p -> HttpRequest.newBuilder(base.resolve(p)).timeout(Duration.ofSeconds(10)).GET().build()).toList();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        AtomicInteger next = new AtomicInteger();
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        long[] finished = new long[connections];
        long[] errors = new long[connections];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            int me = t;
            Thread thread = new Thread(() -> {
                long[] mine = new long[1 << 14];
                int n = 0;
                while (System.nanoTime() < end) {
                    HttpRequest request = requests.get(Math.floorMod(next.getAndIncrement(), requests.size()));
                    long sent = System.nanoTime();
                    try {
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 200 && status != 422) {
                            errors[me]++;
                        }
                    } catch (IOException e) {
                        errors[me]++;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - sent;
                }
                latencies[me] = mine;
                counts[me] = n;
                finished[me] = System.nanoTime();
            }, "load-" + t);
            threads.add(thread);
            thread.start();
        }
        int reloads = 0;
        if (reloadEverySeconds > 0) {
            for (long at = start + reloadEverySeconds * 1_000_000_000L; at < end; at += reloadEverySeconds * 1_000_000_000L) {
                Thread.sleep(Math.max(0, (at - System.nanoTime()) / 1_000_000));
                reload.run();
                reloads++;
            }
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // Until the last request ended: a reload still compiling at the end does not stretch the run.
        double elapsed = (Arrays.stream(finished).max().orElse(end) - start) / 1e9;
        long total = Arrays.stream(counts).asLongStream().sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (int t = 0; t < connections; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Figures(connections, elapsed, total, Arrays.stream(errors).sum(), total / elapsed,
                percentile(all, 50), percentile(all, 90), percentile(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, paths.size(), reloads);
    }

    /**
     * The latencies in milliseconds, sorted, of {@code samples} requests of {@code path} sent one
     * at a time every {@code everyMillis}; one not answered 200 within {@code timeoutMillis} counts as infinite.
     */
    public static double[] latencies(URI base, String path, int samples, long everyMillis, long timeoutMillis)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(timeoutMillis)).build();
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMillis(timeoutMillis))
                .GET().build();
        double[] ms = new double[samples];
        for (int i = 0; i < samples; i++) {
            long sent = System.nanoTime();
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                ms[i] = status == 200 ? (System.nanoTime() - sent) / 1e6 : Double.POSITIVE_INFINITY;
            } catch (IOException e) {
                ms[i] = Double.POSITIVE_INFINITY;
            }
            Thread.sleep(everyMillis);
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
