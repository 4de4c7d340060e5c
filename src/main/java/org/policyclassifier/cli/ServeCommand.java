package org.policyclassifier.cli;

import io.javalin.util.JavalinBindException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.policyclassifier.serve.LiveEngine;
import org.policyclassifier.serve.LoadClient;
import org.policyclassifier.serve.PolicyServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port to listen on (0: any free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
    String bind;

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

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (bench && (connections < 1 || connections > LoadClient.MAX_CONNECTIONS || seconds < 1
                || seconds > LoadClient.MAX_SECONDS || reloadEvery < 0)) {
            err.println("policy serve --bench: --connections 1.." + LoadClient.MAX_CONNECTIONS + ", --seconds 1.."
                    + LoadClient.MAX_SECONDS + ", --reload-every 0 or more");
            return ExitCode.USAGE;
        }
        LiveEngine live = engine.loadLiveEngine(err, !bench);
        if (bench) {
            return bench(live, spec.commandLine().getOut(), err);
        }
        PolicyServer server;
        try {
            server = PolicyServer.start(live, bind, port, err);
        } catch (JavalinBindException e) {
            err.println("policy serve: cannot listen on " + bind + ":" + port + ": the port is in use; choose another"
                    + " with --port");
            return ExitCode.USAGE;
        }
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

    private int bench(LiveEngine live, PrintWriter out, PrintWriter err) throws InterruptedException {
        try (PolicyServer server = PolicyServer.start(live, "127.0.0.1", 0, err)) {
            URI base = URI.create("http://127.0.0.1:" + server.port());
            List<String> questions = LoadClient.questions(live.vocabulary());
            err.println("policy serve --bench: warming up for 3 s...");
            err.flush();
            LoadClient.run(base, questions, connections, 3, 0, null);
            LoadClient.Figures figures = LoadClient.run(base, questions, connections, seconds, reloadEvery, live::reload);
            out.println(figures.describe());
            out.printf("%d cores, Java %s%n", Runtime.getRuntime().availableProcessors(), Runtime.version());
            return figures.errors() == 0 ? ExitCode.OK : ExitCode.NO_ANSWER_OR_REJECTED;
        }
    }
}
