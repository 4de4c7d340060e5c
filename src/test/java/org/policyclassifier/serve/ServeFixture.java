package org.policyclassifier.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import org.policyclassifier.RuleFolders;
import org.policyclassifier.io.Json;
import org.policyclassifier.rules.EngineSettings;

/** A real server on a free loopback port, over the bundled rules and facts or over copies of them. */
final class ServeFixture implements AutoCloseable {

    final LiveEngine engine;
    PolicyServer server;
    final StringWriter log = new StringWriter();
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String bind;
    private final List<String> hostNames;
    private int stoppedPort;

    private ServeFixture(Path rules, Path facts, boolean watch, List<String> hostNames) throws Exception {
        this(rules, facts, watch, hostNames, "127.0.0.1");
    }

    private ServeFixture(Path rules, Path facts, boolean watch, List<String> hostNames, String bind) throws Exception {
        this(rules, facts, watch, hostNames, bind, WorkbenchAccess.LOCAL);
    }

    private ServeFixture(Path rules, Path facts, boolean watch, List<String> hostNames, String bind,
            WorkbenchAccess workbench) throws Exception {
        this.bind = bind;
        this.hostNames = hostNames;
        PrintWriter out = new PrintWriter(log, true);
        engine = LiveEngine.load(rules, facts, EngineSettings.DEFAULTS, out);
        if (watch) {
            engine.watch();
        }
        server = PolicyServer.start(engine, bind, 0, hostNames, workbench, out);
    }

    /** Serves the bundled rules/ and facts/, which no test changes. */
    static ServeFixture bundled() throws Exception {
        return new ServeFixture(Path.of("rules"), Path.of("facts"), false, List.of());
    }

    /** Serves the bundled folders, answering also to the Host names given. */
    static ServeFixture bundled(List<String> hostNames) throws Exception {
        return new ServeFixture(Path.of("rules"), Path.of("facts"), false, hostNames);
    }

    /** Serves copies of rules/ and facts/ under {@code dir}, watched, for tests that edit them. */
    static ServeFixture editable(Path dir) throws Exception {
        return editable(dir, "127.0.0.1");
    }

    /** As {@link #editable(Path)}, bound to {@code bind}: "0.0.0.0" is reached from another address of this machine too. */
    static ServeFixture editable(Path dir, String bind) throws Exception {
        RuleFolders.copyTree(Path.of("rules"), dir.resolve("rules"));
        RuleFolders.copyTree(Path.of("facts"), dir.resolve("facts"));
        return new ServeFixture(dir.resolve("rules"), dir.resolve("facts"), true, List.of(), bind);
    }

    /** As {@link #editable(Path, String)}, the workbench open to {@code workbench} besides this machine. */
    static ServeFixture editable(Path dir, String bind, WorkbenchAccess workbench) throws Exception {
        RuleFolders.copyTree(Path.of("rules"), dir.resolve("rules"));
        RuleFolders.copyTree(Path.of("facts"), dir.resolve("facts"));
        return new ServeFixture(dir.resolve("rules"), dir.resolve("facts"), true, List.of(), bind, workbench);
    }

    /** Stops the HTTP server, as if it went down; {@link #startAgain} brings it back on the same port. */
    void stopServer() {
        stoppedPort = server.port();
        server.close();
    }

    void startAgain() {
        server = PolicyServer.start(engine, bind, stoppedPort, hostNames, new PrintWriter(log, true));
    }

    /** An address of this machine other than loopback: a visitor from there is not staff on this machine; null for none. */
    static String otherAddress() throws java.net.SocketException {
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (java.net.InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                    if (a instanceof java.net.Inet4Address) {
                        return a.getHostAddress();
                    }
                }
            }
        }
        return null;
    }

    /** GET {@code path} from {@code address} of this machine (the server must be bound to it). */
    HttpResponse<String> getFrom(String address, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://" + address + ":" + server.port() + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Warms the engine and the HTTP stack as {@code policy serve} does before its first visitor. */
    void warmUp() {
        engine.warmUp();
        server.warmUp(bind);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends {@code request} as written (headers the HTTP client will not set, such as Host) on a
     * connection of its own and returns the whole response as text.
     */
    String raw(String request) throws IOException {
        return raw(request.getBytes(StandardCharsets.UTF_8));
    }

    String raw(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    /** Waits (at most 60 s) until the server has taken in an edit: a new version, or the edit's problems. */
    void awaitReload(int fromVersion, long fromChecks) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (engine.version() > fromVersion || engine.status().checkedAt().toEpochMilli() > fromChecks) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the server did not reload within 60 s; log:\n" + log);
    }

    @Override
    public void close() throws IOException {
        server.close();
        engine.close();
    }
}
