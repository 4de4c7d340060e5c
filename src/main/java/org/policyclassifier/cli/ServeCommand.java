package org.policyclassifier.cli;

import io.javalin.util.JavalinBindException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.policyclassifier.serve.LiveEngine;
import org.policyclassifier.serve.LoadClient;
import org.policyclassifier.serve.PolicyServer;
import org.policyclassifier.serve.WorkbenchAccess;
import org.policyclassifier.serve.SharedFolders;
import org.policyclassifier.serve.SlowUploads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code policy serve [--port 8080] [--bind 127.0.0.1]}: the API and the web page, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the HTTP API and the web page, reloading edited rules and facts.",
            "The API (/v1/...) and the page (/) use the same engine as the other commands. A file changed under"
                    + " the rules or facts folder is compiled aside and swapped in; a broken edit keeps the last good"
                    + " rules and shows its problems on /v1/health and the page. Stop with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    int port = 8080;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port to listen on, 0..65535 (0: any free one). Default: ${DEFAULT-VALUE}.")
    void port(int value) {
        if (value < 0 || value > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0..65535 (0: any free one), got " + value);
        }
        port = value;
    }

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address of this machine to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
    String bind;

    @Option(names = "--host", paramLabel = "NAME",
            description = "A name clients use for this server (repeatable). Requests whose Host header is not the"
                    + " bind address, localhost, 127.0.0.1, [::1] or such a name are refused (421).")
    List<String> hostNames = new ArrayList<>();

    @Option(names = "--workbench-from", paramLabel = "ADDRESS[/BITS]", split = ",",
            description = "Addresses or networks (10.1.2.3, 10.1.0.0/16; repeatable or comma-separated) that may"
                    + " open the rules workbench (/workbench, /v1/workbench) besides this machine. Default: this"
                    + " machine only.")
    List<String> workbenchFrom = new ArrayList<>();

    @Option(names = "--allow-shared-rules", description = "Serve rules and facts folders that other users may write"
            + " (refused by default: a rule file runs inside the server on every reload).")
    boolean allowSharedRules;

    @Option(names = "--bench", description = "Measure instead of serving: start on a free loopback port, send mixed"
            + " questions to GET /v1/query, print the figures and stop.")
    boolean bench;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "32",
            description = "With --bench: requests in flight (1.." + LoadClient.MAX_CONNECTIONS + "). Default: ${DEFAULT-VALUE}.")
    int connections;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "20",
            description = "With --bench: how long (1.." + LoadClient.MAX_SECONDS + "). Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Option(names = "--reload-every", paramLabel = "S", defaultValue = "0",
            description = "With --bench: recompile and swap the rules every S seconds during the run (0: never).")
    int reloadEvery;

    @Option(names = "--slow-uploads", paramLabel = "N", defaultValue = "0",
            description = "With --bench: measure twice, the second time with N uploads in flight that each send a byte"
                    + " every 2 s (0.." + SlowUploads.MAX + "), and print the throughput kept and /v1/health's latency.")
    int slowUploads;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        WorkbenchAccess workbench;
        try {
            workbench = WorkbenchAccess.of(workbenchFrom);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--workbench-from: " + e.getMessage());
        }
        if (bench && (connections < 1 || connections > LoadClient.MAX_CONNECTIONS || seconds < 1
                || seconds > LoadClient.MAX_SECONDS || reloadEvery < 0 || slowUploads < 0
                || slowUploads > SlowUploads.MAX)) {
            err.println("policy serve --bench: --connections 1.." + LoadClient.MAX_CONNECTIONS + ", --seconds 1.."
                    + LoadClient.MAX_SECONDS + ", --reload-every 0 or more, --slow-uploads 0.." + SlowUploads.MAX);
            return ExitCode.USAGE;
        }
        if (!bench) {
            String refusal = localAddressProblem(bind);
            if (refusal == null && !allowSharedRules) {
                refusal = sharedFoldersProblem();
            }
            if (refusal != null) {
                err.println("policy serve: " + refusal);
                return ExitCode.USAGE;
            }
        }
        LiveEngine live = engine.loadLiveEngine(err, !bench);
        if (bench) {
            return bench(live, spec.commandLine().getOut(), err);
        }
        // Warm before listening: the first visitor gets an answer as fast as the next one.
        live.warmUp();
        PolicyServer server;
        try {
            server = PolicyServer.start(live, bind, port, hostNames, workbench, err);
        } catch (JavalinBindException e) {
            boolean privileged = String.valueOf(e.getMessage()).contains("elevated privileges");
            err.println("policy serve: cannot listen on " + bind + ":" + port + ": " + (privileged
                    ? "ports below 1024 need administrator rights" : "the port is in use") + "; choose another with --port");
            return ExitCode.USAGE;
        }
        server.warmUp(bind);
        live.watch();
        String shown = bind.contains(":") ? "[" + bind + "]" : bind;
        err.printf("policy serve: http://%s:%d/ (%s/ and %s/ are reloaded on change; Ctrl-C stops)%n",
                shown, server.port(), engine.rules, engine.facts);
        if (!InetAddress.getByName(bind).isLoopbackAddress()) {
            err.println("policy serve: WARNING: bound to " + bind + ", so other machines can reach the server;"
                    + " it has no authentication. Use --bind 127.0.0.1 unless that is what you want.");
        }
        err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return ExitCode.OK;
    }

    /**
     * The same run under {@link #slowUploads} slow uploads, with /v1/health sampled every 100 ms
     * meanwhile, then alone again: the throughput kept is against the mean of the runs alone before
     * and after, as the server still warms up from one run to the next.
     */
    private LoadClient.Figures underSlowUploads(URI base, List<String> questions, LoadClient.Figures first,
            PrintWriter out) throws InterruptedException, java.io.IOException {
        LoadClient.Figures loaded;
        double[][] health = new double[1][];
        String outcome;
        try (SlowUploads slow = SlowUploads.start(base, slowUploads, 2_000)) {
            Thread.sleep(2_000); // every upload slot taken, the refusals under way
            Thread probe = new Thread(() -> {
                try {
                    health[0] = LoadClient.latencies(base, "/v1/health", seconds * 10, 100, 2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "health-probe");
            probe.start();
            loaded = LoadClient.run(base, questions, connections, seconds, 0, null);
            probe.join();
            outcome = slow.outcome().describe();
        }
        LoadClient.Figures again = LoadClient.run(base, questions, connections, seconds, 0, null);
        double alone = (first.perSecond() + again.perSecond()) / 2;
        out.println("under slow uploads: " + loaded.describe());
        out.println(outcome);
        out.println("alone again: " + again.describe());
        double[] h = health[0];
        out.printf(Locale.ROOT, "queries keep %.0f%% of their throughput alone (mean of before and after); /v1/health under the slow uploads: p50"
                + " %.1f ms, p99 %.1f ms, max %.1f ms (%d samples, every 100 ms)%n", 100 * loaded.perSecond() / alone,
                h[h.length / 2], h[(int) Math.ceil(0.99 * h.length) - 1], h[h.length - 1], h.length);
        return new LoadClient.Figures(loaded.connections(), loaded.seconds(), loaded.requests(),
                loaded.errors() + again.errors() + Arrays.stream(h).filter(Double::isInfinite).count(),
                loaded.perSecond(), loaded.p50(), loaded.p90(), loaded.p99(), loaded.max(), loaded.distinctQuestions(), 0);
    }

    /** Why {@code --bind} cannot be listened on (not an address, or not one of this machine), or null. */
    private static String localAddressProblem(String bind) throws SocketException {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            return "--bind " + bind + ": not an address (nor a name that resolves to one); give an address of this"
                    + " machine, such as 127.0.0.1";
        }
        if (!address.isAnyLocalAddress() && !address.isLoopbackAddress()
                && NetworkInterface.getByInetAddress(address) == null) {
            return "--bind " + bind + ": " + address.getHostAddress() + " is not an address of this machine; give one"
                    + " of its own, such as 127.0.0.1, or 0.0.0.0 for all";
        }
        return null;
    }

    /** Why the rules and facts folders cannot be watched (others may write them), or null. */
    private String sharedFoldersProblem() throws java.io.IOException {
        List<String> found = SharedFolders.writableByOthers(List.of(engine.rules, engine.facts));
        if (found.isEmpty()) {
            return null;
        }
        int shown = Math.min(found.size(), 10);
        return "will not serve rules and facts that other users may change: a rule file runs inside the server on"
                + " every reload, so whoever may write it may run code as you.\n  "
                + String.join("\n  ", found.subList(0, shown))
                + (found.size() > shown ? "\n  and " + (found.size() - shown) + " more" : "")
                + "\nMake them yours alone (chmod -R go-w " + engine.rules + " " + engine.facts + "), or start with"
                + " --allow-shared-rules if every user who may write them may run code as you.";
    }

    private int bench(LiveEngine live, PrintWriter out, PrintWriter err) throws InterruptedException, java.io.IOException {
        try (PolicyServer server = PolicyServer.start(live, "127.0.0.1", 0, err)) {
            URI base = URI.create("http://127.0.0.1:" + server.port());
            List<String> questions = LoadClient.questions(live.vocabulary());
            // Comparisons under slow uploads need a server as warm as it gets: a whole run's worth.
            int warmUp = slowUploads > 0 ? seconds : 3;
            err.println("policy serve --bench: warming up for " + warmUp + " s...");
            err.flush();
            LoadClient.run(base, questions, connections, warmUp, 0, null);
            LoadClient.Figures figures = LoadClient.run(base, questions, connections, seconds, reloadEvery, live::reload);
            out.println(figures.describe());
            if (slowUploads > 0) {
                figures = underSlowUploads(base, questions, figures, out);
            }
            out.printf("%d cores, Java %s%n", Runtime.getRuntime().availableProcessors(), Runtime.version());
            return figures.errors() == 0 ? ExitCode.OK : ExitCode.NO_ANSWER_OR_REJECTED;
        }
    }
}
