package org.policyclassifier.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.policyclassifier.batch.BatchClassifier;
import org.policyclassifier.batch.Duplicate;
import org.policyclassifier.batch.Reject;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.facts.InterventionType;
import org.policyclassifier.facts.OffenceCategory;
import org.policyclassifier.facts.Place;
import org.policyclassifier.facts.Vocabulary;
import org.policyclassifier.facts.Words;
import org.policyclassifier.io.Json;
import org.policyclassifier.io.OutputFormat;
import org.policyclassifier.query.Question;
import org.policyclassifier.rules.RuleInfo;
import org.policyclassifier.trends.TrendAnalysis;
import org.policyclassifier.trends.TrendChart;
import org.policyclassifier.trends.TrendReport;
import org.policyclassifier.trends.TrendsCsv;
import org.policyclassifier.trends.Window;

/**
 * {@code policy serve}: the engine behind an HTTP API and the web page. A thin front, like the
 * CLI: each handler calls the engine API and writes its answer with the CLI's JSON contract.
 * Javalin (Jetty underneath) keeps the routing and the server small.
 */
public final class PolicyServer implements AutoCloseable {

    /** A question longer than this is not a question (the longest vocabulary term is ~60 characters). */
    static final int MAX_QUESTION_CHARS = 500;
    /** A classify body above this is refused; about 40,000 records. */
    static final long MAX_BODY_BYTES = 4L << 20;
    /** The whole request line and headers; Jetty refuses longer ones before any handler runs. */
    static final int MAX_HEADER_BYTES = 16 * 1024;
    /** Places returned for one prefix: enough for an autocomplete list. */
    static final int MAX_PLACES = 20;
    /**
     * Uploads classified at once; one more is told 503 and when to come back. Each holds a thread
     * while its body arrives, so this bound keeps threads free for every other request.
     */
    static final int MAX_UPLOADS = 16;
    static final int RETRY_AFTER_SECONDS = 5;
    /** In all, the time the server may wait for a body's bytes (not counting its own work between reads). */
    static final long MAX_BODY_WAIT_MILLIS = 60_000;
    /** A body must arrive at this rate at least, in bytes per second of waiting for it (after a second's grace). */
    static final long MIN_BODY_BYTES_PER_SECOND = 1024;
    /** A read or write that makes no progress for this long ends the request (Jetty's own stream idle timeout). */
    static final long IDLE_MILLIS = 10_000;

    /** Only the page's own scripts, styles and images; no framing, no plugins, no foreign forms. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final LiveEngine engine;
    private final Workbench workbench;
    private final PrintWriter log;
    private final AllowedHosts hosts;
    private final Semaphore uploads = new Semaphore(MAX_UPLOADS);
    private final Javalin app;
    /** Every API route as "METHOD /path", as registered: /openapi.json must describe each. */
    private final List<String> routes = new ArrayList<>();

    private PolicyServer(LiveEngine engine, AllowedHosts hosts, WorkbenchAccess workbenchAccess, PrintWriter log) {
        this.engine = engine;
        this.workbench = new Workbench(engine, workbenchAccess);
        this.hosts = hosts;
        this.log = log;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(MAX_HEADER_BYTES);
                http.setSendServerVersion(false);
                http.setIdleTimeout(IDLE_MILLIS);
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });
            config.routes.before(ctx -> {
                checkHost(ctx);
                checkQueryString(ctx.queryString());
                ctx.header("Content-Security-Policy", CSP);
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("X-Frame-Options", "DENY");
                ctx.header("Cache-Control", "no-store");
            });
            // The page is not part of the API (/openapi.json leaves it out), but answers HEAD as the routes do.
            config.routes.get("/", this::page);
            config.routes.head("/", this::page);
            route(config, "GET", "/v1/health", this::health);
            route(config, "GET", "/v1/query", this::query);
            route(config, "POST", "/v1/classify", this::classify);
            route(config, "GET", "/v1/vocabulary", this::vocabulary);
            route(config, "GET", "/v1/places", this::places);
            route(config, "GET", "/v1/rules", this::rules);
            route(config, "GET", "/v1/rules/{id}", this::rule);
            route(config, "GET", "/v1/who-does-what", this::whoDoesWhat);
            route(config, "GET", "/v1/who-does-what.csv", this::whoDoesWhatCsv);
            route(config, "GET", "/v1/trends", this::trends);
            route(config, "GET", "/v1/trends/chart.png", this::trendChart);
            route(config, "GET", "/v1/trends.csv", this::trendCsv);
            route(config, "GET", "/v1/profile", this::profile);
            route(config, "GET", "/v1/workbench", workbench::json);
            route(config, "GET", "/workbench", workbench::page);
            config.routes.exception(ApiError.class, (e, ctx) -> json(ctx, e.status(), e.body()));
            config.routes.exception(IOException.class, (e, ctx) -> clientGone(ctx));
            config.routes.exception(Exception.class, (e, ctx) -> {
                // The caller gets no stack trace; the operator's log gets the whole story.
                log.println("policy serve: internal error on " + ctx.method() + " " + ctx.path() + ": " + e);
                e.printStackTrace(log);
                log.flush();
                json(ctx, 500, new ApiError(500, "internal", "internal error; the server log has the details").body());
            });
            // Errors Jetty or Javalin raise themselves get the same JSON shape as the handlers' own.
            config.routes.error(404, ctx -> unlessJson(ctx, ApiError.notFound("no such address: " + ctx.path())));
            config.routes.error(405, ctx -> unlessJson(ctx,
                    new ApiError(405, "method_not_allowed", ctx.method() + " is not served at " + ctx.path())));
            config.routes.error(413, ctx -> unlessJson(ctx,
                    ApiError.tooLarge("the request body is larger than " + MAX_BODY_BYTES + " bytes")));
        });
    }

    /** A GET route answers HEAD too, through the same handler: the same status and headers, no body (Jetty drops it). */
    private void route(JavalinConfig config, String method, String path, Handler handler) {
        routes.add(method + " " + path);
        config.routes.addHttpHandler(HandlerType.findOrCreate(method), path, handler);
        if (method.equals("GET")) {
            config.routes.addHttpHandler(HandlerType.HEAD, path, handler);
        }
    }

    /** Refuses a Host header the server does not answer to (a page of another site, DNS rebinding). */
    private void checkHost(Context ctx) {
        if (!hosts.allows(ctx.header("Host"))) {
            throw new ApiError(421, "unknown_host", "this server answers to " + hosts.shown()
                    + "; a name pointing at it is accepted when the server is started with --host NAME");
        }
    }

    /** A query string with a broken %-escape cannot be read as the client meant it; Javalin would drop the parameter. */
    static void checkQueryString(String query) {
        if (query == null) {
            return;
        }
        for (int i = query.indexOf('%'); i >= 0; i = query.indexOf('%', i + 1)) {
            if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
                    || Character.digit(query.charAt(i + 2), 16) < 0) {
                throw ApiError.badRequest("the address has \"" + query.substring(i, Math.min(query.length(), i + 3))
                        + "\", which is not a %-escape (% and two hexadecimal digits); write % itself as %25");
            }
        }
    }

    List<String> routes() {
        return List.copyOf(routes);
    }

    /** Starts serving {@code engine} on {@code host:port} (port 0 picks a free one). */
    public static PolicyServer start(LiveEngine engine, String host, int port, PrintWriter log) {
        return start(engine, host, port, List.of(), log);
    }

    /** As {@link #start(LiveEngine, String, int, PrintWriter)}, answering also to the {@code Host} names given. */
    public static PolicyServer start(LiveEngine engine, String host, int port, List<String> hostNames, PrintWriter log) {
        return start(engine, host, port, hostNames, WorkbenchAccess.LOCAL, log);
    }

    /** As {@link #start(LiveEngine, String, int, List, PrintWriter)}, the workbench open to {@code workbench} too. */
    public static PolicyServer start(LiveEngine engine, String host, int port, List<String> hostNames,
            WorkbenchAccess workbench, PrintWriter log) {
        PolicyServer server = new PolicyServer(engine, AllowedHosts.of(host, hostNames), workbench, log);
        server.app.start(host, port);
        return server;
    }

    public int port() {
        return app.port();
    }

    /**
     * Asks this server for its page and its health once, through HTTP, from this machine: the
     * first visitor then does not pay for the HTTP stack's first request. A failure is logged, not
     * thrown: the server serves all the same.
     */
    public void warmUp(String bind) {
        String host = java.net.InetAddress.getLoopbackAddress().getHostAddress();
        try {
            java.net.InetAddress bound = java.net.InetAddress.getByName(bind);
            if (!bound.isAnyLocalAddress()) {
                host = bound.getHostAddress();
            }
            String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            for (String path : List.of("/", "/v1/health")) {
                client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path)).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
            }
        } catch (java.io.IOException e) {
            log.println("policy serve: warming up over HTTP failed (" + e.getMessage() + "); serving all the same");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        app.stop();
    }

    // ---- handlers ----

    private void health(Context ctx) {
        Snapshot s = engine.current();
        LiveEngine.Status status = engine.status();
        Map<String, Object> body = new LinkedHashMap<>();
        // Problems of an edit first; else whether edits are still being taken.
        body.put("status", !status.problems().isEmpty() ? "edit_rejected" : engine.watchStopped() ? "not_watching" : "ok");
        body.put("version", s.version);
        body.put("loaded_at", s.loadedAt.toString());
        body.put("checked_at", status.checkedAt().toString());
        if (engine.watchedAt() != null) {
            body.put("watched_at", engine.watchedAt().toString());
        }
        body.put("rules", s.rules.size());
        List<Map<String, Object>> problems = new ArrayList<>();
        for (Problem p : status.problems()) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("file", engine.shown(p.file()));
            problem.put("line", p.line());
            problem.put("message", p.message());
            problem.put("text", shown(p).toString());
            problems.add(problem);
        }
        body.put("problems", problems);
        json(ctx, 200, body);
    }

    private void query(Context ctx) {
        Snapshot snapshot = engine.current();
        Snapshot.Answer answer = snapshot.answer(question(ctx), chosenLanguage(ctx, snapshot.words()));
        ctx.status(answer.status()).contentType("application/json").result(answer.body());
    }

    /**
     * The page, with the answer to {@code q=} written in (in the language of {@code lang=}, else in
     * the question's own), so that a shared link shows it without JavaScript.
     */
    private void page(Context ctx) {
        Snapshot snapshot = engine.current();
        String q = ctx.queryParam("q");
        String view = ctx.queryParam("view");
        boolean asked = q != null && !q.isBlank();
        AnswerPage.Request request = new AnswerPage.Request(asked ? question(ctx) : null,
                asked ? null : blankToNull(ctx.queryParam("place")), chosenLanguage(ctx, snapshot.words()),
                view != null && AnswerPage.VIEWS.contains(view) ? view : AnswerPage.VIEWS.get(0));
        Snapshot.Page page = snapshot.page(request);
        // Every visitor learns that an edit was refused; only staff (who may open the workbench) see its files and messages.
        List<Problem> problems = engine.status().problems();
        String health = snapshot.health(page.language(), !problems.isEmpty(), workbench.allows(ctx)
                ? problems.stream().map(p -> shown(p).toString()).toList()
                : List.of());
        ctx.contentType("text/html; charset=utf-8").result(page.html().replace(AnswerPage.HEALTH, health));
    }

    /** A problem with its file named from the served folder's name down ({@code rules/scope.drl}), not the disk's path. */
    private Problem shown(Problem p) {
        return new Problem(engine.shown(p.file()), p.line(), p.message());
    }

    private static Question question(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw ApiError.badRequest("give the question as q, e.g. /v1/query?q=needle+exchange");
        }
        List<String> substances = ctx.queryParams("substance");
        int length = q.length() + lengthOf(ctx.queryParam("place")) + lengthOf(ctx.queryParam("setting"))
                + lengthOf(ctx.queryParam("actor")) + substances.stream().mapToInt(String::length).sum();
        if (length > MAX_QUESTION_CHARS) {
            throw ApiError.tooLarge("the question and its fields are " + length + " characters; at most "
                    + MAX_QUESTION_CHARS + " are read");
        }
        return new Question(q.strip(), blankToNull(ctx.queryParam("place")), blankToNull(ctx.queryParam("setting")),
                blankToNull(ctx.queryParam("actor")), substances.stream().allMatch(String::isBlank) ? null
                        : substances.stream().filter(v -> !v.isBlank()).toList());
    }

    /** The language of {@code lang=}, or the default one; a 400 for a language the facts do not have. */
    private static String language(Context ctx, Words words) {
        String chosen = chosenLanguage(ctx, words);
        return chosen != null ? chosen : words.defaultLanguage();
    }

    /** The language of {@code lang=}, null when none is given; a 400 for a language the facts do not have. */
    private static String chosenLanguage(Context ctx, Words words) {
        String lang = ctx.queryParam("lang");
        if (lang == null || lang.isBlank()) {
            return null;
        }
        return words.languageOf(lang).orElseThrow(() -> ApiError.badRequest("lang=" + lang.strip()
                + " is not a language of the answers; expected one of " + words.languageIds()));
    }

    private static int lengthOf(String value) {
        return value == null ? 0 : value.length();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Streams one decision per record, JSON Lines, in input order; a record that cannot be
     * classified gives its reject ({@code line}, {@code raw}, {@code reason}) in its place. At most
     * {@link #MAX_UPLOADS} at once: one more is told 503 with {@code Retry-After}.
     */
    private void classify(Context ctx) throws IOException {
        if (!uploads.tryAcquire()) {
            ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            json(ctx, 503, new ApiError(503, "busy", MAX_UPLOADS + " uploads are being classified already; send"
                    + " this one again in " + RETRY_AFTER_SECONDS + " s").body());
            return;
        }
        try {
            classifyBody(ctx);
        } finally {
            uploads.release();
        }
    }

    /** The input's name in the batch reader's problems: a problem of the body, not of the rules. */
    private static final String BODY = "body";

    private void classifyBody(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            throw ApiError.tooLarge("the body is " + declared + " bytes; at most " + MAX_BODY_BYTES + " are read");
        }
        OutputStream out = ctx.res().getOutputStream();
        long[] answered = {0};
        try {
            Upload body = Upload.of(ctx.contentType(), ctx.req().getInputStream(), declared, MAX_BODY_BYTES,
                    MAX_BODY_WAIT_MILLIS, MIN_BODY_BYTES_PER_SECOND);
            // One record per chunk keeps rejects in their place; every id stays in memory (never spilled to
            // disk), in room for as many records of 16 bytes as the content can hold.
            BatchClassifier batch = new BatchClassifier(engine.current().classifier, new BatchClassifier.Settings(
                    1, 1, 4L << 20, 1 << 20, null, (int) (body.contentBound / 16 + 1)));
            ctx.status(200).contentType("application/x-ndjson");
            batch.run(new BatchClassifier.Input(BODY, body.stream, body.format), out, OutputFormat.JSONL,
                    new BatchClassifier.Reports() {
                        @Override
                        public void rejected(Reject reject) throws IOException {
                            out.write(Json.MAPPER.writeValueAsBytes(reject));
                            out.write('\n');
                        }

                        @Override
                        public void duplicate(Duplicate duplicate) {
                            // Every record carrying a repeated id is classified and written; the caller sees them all.
                        }

                        @Override
                        public void progress(long records, long bytesRead) {
                            answered[0] = records;
                        }
                    }, System::nanoTime);
        } catch (IOException e) {
            if (causedBy(e, Upload.TooLarge.class)) {
                failStream(ctx, answered[0], ApiError.tooLarge("the body is larger than " + MAX_BODY_BYTES
                        + " bytes (after decompression)"));
                return;
            }
            if (!causedBy(e, Upload.TooSlow.class)) {
                throw e;
            }
            // A client too slow to keep one of the upload threads.
            log.println("policy serve: POST /v1/classify from " + ctx.ip() + ": the body arrived too slowly; refused");
            log.flush();
            failStream(ctx, answered[0], new ApiError(408, "too_slow", "the body arrived too slowly: it must"
                    + " keep coming at " + MIN_BODY_BYTES_PER_SECOND + " bytes/s and arrive within "
                    + MAX_BODY_WAIT_MILLIS / 1000 + " s of waiting in all"));
            return;
        } catch (InvalidInputException e) {
            if (e.problems().stream().allMatch(p -> BODY.equals(p.file()))) {
                failStream(ctx, answered[0], new ApiError(400, "bad_body", String.join("; ",
                        e.problems().stream().map(Problem::toString).toList())));
            } else {
                policyFault(ctx, answered[0], e);
            }
            return;
        }
        out.flush();
    }

    /** Readers may wrap the limits' exceptions in their own. */
    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A rule failed (it threw, looped or ran out of time): a fault of the policy, not of the body.
     * The operator's log names the rule and its file; the client is told how many records were
     * answered before it, and those stay in the answer.
     */
    private void policyFault(Context ctx, long answered, InvalidInputException e) throws IOException {
        log.println("policy serve: POST /v1/classify: a rule failed after " + answered + " records were answered:");
        e.problems().forEach(p -> log.println("  " + p));
        log.flush();
        failStream(ctx, answered, new ApiError(500, "policy_fault", "a rule of the server's policy failed while deciding"
                + " record " + (answered + 1) + " of the body: the " + answered + " before it are answered above, the"
                + " others were not classified; the server log names the rule", Map.of("answered", answered)));
    }

    /**
     * Ends an answer with {@code error}. When nothing was answered yet it is the whole answer, as
     * JSON with its status; after records were answered they stay, and the error is the stream's
     * last line (with the error's status if the answer has not started going out, else 200).
     */
    private static void failStream(Context ctx, long answered, ApiError error) throws IOException {
        if (!ctx.res().isCommitted()) {
            if (answered == 0) {
                ctx.res().resetBuffer();
                ctx.contentType("application/json");
            }
            ctx.status(error.status());
        }
        ctx.res().getOutputStream().write(bytes(error.body()));
        ctx.res().getOutputStream().write('\n');
        ctx.res().getOutputStream().flush();
    }

    /** A client that closed its connection mid-request: nobody to answer, and not a fault of the server. */
    private void clientGone(Context ctx) {
        log.println("policy serve: " + ctx.method() + " " + ctx.path() + " from " + ctx.ip()
                + ": the client closed the connection before the answer was complete");
        log.flush();
    }

    private void vocabulary(Context ctx) {
        Snapshot s = engine.current();
        json(ctx, 200, s.cached("vocabulary", k -> {
            var v = s.classifier.vocabulary();
            Map<String, Object> body = new LinkedHashMap<>();
            List<Map<String, Object>> entries = new ArrayList<>();
            for (InterventionType t : v.interventionTypes()) {
                entries.add(entry("intervention", t.id(), t.labels(), t.synonyms()));
            }
            for (OffenceCategory c : v.offenceCategories()) {
                entries.add(entry("offence", c.id(), c.labels(), c.synonyms()));
            }
            body.put("entries", entries);
            body.put("settings", v.settingIds());
            body.put("substances", v.substanceIds());
            body.put("actors", v.actorIds());
            body.put("levels", v.levels());
            return body;
        }));
    }

    private static Map<String, Object> entry(String kind, String id, Object labels, Object synonyms) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kind", kind);
        entry.put("id", id);
        entry.put("labels", labels);
        entry.put("synonyms", synonyms);
        return entry;
    }

    /**
     * Places whose name or another name starts with the prefix (case, accents and punctuation
     * aside) or, for digits, whose postcode does; at most {@link #MAX_PLACES}, names first.
     */
    private void places(Context ctx) {
        String prefix = Optional.ofNullable(ctx.queryParam("prefix")).orElse("").strip();
        if (prefix.length() > MAX_QUESTION_CHARS) {
            throw ApiError.tooLarge("the prefix is longer than " + MAX_QUESTION_CHARS + " characters");
        }
        Vocabulary vocabulary = engine.current().classifier.vocabulary();
        Set<Place> found = new LinkedHashSet<>();
        vocabulary.placesWithPrefix(prefix, MAX_PLACES).values().forEach(found::addAll);
        if (!prefix.isEmpty() && prefix.chars().allMatch(Character::isDigit)) {
            for (Place place : vocabulary.places()) {
                if (found.size() >= MAX_PLACES) {
                    break;
                }
                if (place.postcodes().stream().anyMatch(p -> p.startsWith(prefix))) {
                    found.add(place);
                }
            }
        }
        json(ctx, 200, Map.of("places", found.stream().limit(MAX_PLACES).toList()));
    }

    private void rules(Context ctx) {
        Snapshot s = engine.current();
        json(ctx, 200, Map.of("rules", s.rules.values().stream().map(r -> ruleBody(s, r)).toList()));
    }

    private void rule(Context ctx) {
        Snapshot s = engine.current();
        RuleInfo rule = s.rules.get(ctx.pathParam("id"));
        if (rule == null) {
            throw ApiError.notFound("no rule with id " + ctx.pathParam("id") + "; GET /v1/rules lists them");
        }
        json(ctx, 200, ruleBody(s, rule));
    }

    /** A rule's metadata and the profile sentences (indexes into /v1/profile) its source quotes. */
    private Map<String, Object> ruleBody(Snapshot s, RuleInfo r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", r.id());
        body.put("title", r.title());
        body.put("source", r.source());
        if (r.note() != null) {
            body.put("note", r.note());
        }
        body.put("file", engine.shown(r.file()));
        body.put("line", r.line());
        body.put("profile_sentences", s.sentencesOfRule.getOrDefault(r.id(), List.of()));
        return body;
    }

    private void whoDoesWhat(Context ctx) {
        Snapshot s = engine.current();
        json(ctx, 200, s.cached("who-does-what", k -> {
            try {
                return WhoDoesWhat.of(s.classifier);
            } catch (InvalidInputException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    /** The table of the page as CSV, in {@code lang=}, with the bodies of {@code place=} when given. */
    private void whoDoesWhatCsv(Context ctx) {
        Snapshot s = engine.current();
        String place = blankToNull(ctx.queryParam("place"));
        if (place != null && place.length() > MAX_QUESTION_CHARS) {
            throw ApiError.tooLarge("place= has " + place.length() + " characters; at most " + MAX_QUESTION_CHARS + " are read");
        }
        String language = language(ctx, s.words());
        ctx.header("Content-Disposition", "attachment; filename=\"who-does-what.csv\"").contentType("text/csv; charset=utf-8")
                .result(WhoDoesWhat.csv(s.inPlace(place, language), language));
    }

    private static TrendReport trendReport(Context ctx, Snapshot s) {
        Integer from = year(ctx, "from");
        Integer to = year(ctx, "to");
        Window window;
        try {
            window = Window.of(s.trends.statistics().years(), from, to);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(QueryAdapter.parameterWords(e.getMessage()));
        }
        return s.cached(window, w -> {
            try {
                return new TrendAnalysis(s.classifier.rules()).analyse(s.trends, w, s.trends.stableBandPercent());
            } catch (InvalidInputException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Integer year(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + "=" + value + ": expected a year such as 2016");
        }
    }

    /** The report of {@code policy trends --format json}, in {@code lang=}. */
    private void trends(Context ctx) {
        Snapshot s = engine.current();
        json(ctx, 200, s.trendWording().in(trendReport(ctx, s), language(ctx, s.words())));
    }

    /** The chart of {@code policy trends --chart}, in {@code lang=}. */
    private void trendChart(Context ctx) throws IOException {
        Snapshot s = engine.current();
        TrendReport report = trendReport(ctx, s);
        String language = language(ctx, s.words());
        byte[] png = s.cached(List.of("chart", report.from(), report.to(), language), k -> {
            try {
                return TrendChart.png(report, s.trendWording(), language);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        ctx.contentType("image/png").result(png);
    }

    /**
     * The report as {@code policy trends --format csv} prints it, in {@code lang=},
     * as a download named by its window.
     */
    private void trendCsv(Context ctx) {
        Snapshot s = engine.current();
        TrendReport report = trendReport(ctx, s);
        StringWriter csv = new StringWriter();
        TrendsCsv.print(report, s.trendWording(), language(ctx, s.words()), new PrintWriter(csv));
        ctx.header("Content-Disposition", "attachment; filename=\"trends-" + report.from() + "-" + report.to() + ".csv\"")
                .contentType("text/csv; charset=utf-8").result(csv.toString());
    }

    private void profile(Context ctx) {
        Snapshot s = engine.current();
        json(ctx, 200, s.cached("profile", k -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("sentences", s.profile.sentences());
            return body;
        }));
    }

    // ---- output ----

    private static void unlessJson(Context ctx, ApiError error) {
        String type = ctx.res().getContentType();
        if (type == null || !type.startsWith("application/json")) {
            json(ctx, error.status(), error.body());
        }
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(bytes(body));
    }

    static byte[] bytes(Object body) {
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
