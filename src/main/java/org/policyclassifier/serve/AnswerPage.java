package org.policyclassifier.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import org.policyclassifier.facts.Labels;
import org.policyclassifier.facts.Vocabulary;
import org.policyclassifier.facts.Words;
import org.policyclassifier.io.Json;
import org.policyclassifier.profile.ProfileText;
import org.policyclassifier.query.Question;

/**
 * The page of {@code policy serve}, written on the server from the answer {@code /v1/query}
 * gives: a shared link shows its answer without JavaScript, in the language asked for. The answer
 * comes first as one plain sentence, then its caveats, its levels, and the rules behind it folded
 * away. Every word comes from the {@code page} section of {@code facts/words/} (and the sections the
 * answer's ids are worded in); the profile's own sentences and the rules' titles stay in English,
 * marked as such. The script only enhances the page (autocomplete, the other views).
 */
final class AnswerPage {

    /** The views of the page; the script fills all but the first. */
    static final List<String> VIEWS = List.of("ask", "table", "trends", "profile");
    private static final String PAGE = "page";
    private static final String SOURCE_LANGUAGE = "en";

    /** Where the page's {@link #health} section goes: it changes without the rules, so the cached page leaves it out. */
    static final String HEALTH = "<!--health-->";
    /** Asked for when a question fits nothing: one entry of each kind of prevention, care and enforcement. */
    static final List<String> EXAMPLES = List.of("needle_exchange", "school_prevention", "street_dealing_enforcement");

    /**
     * What the page is asked for: a question (or none), a place asked for alone (without a question;
     * else null), the language the visitor chose with {@code lang=} (or null: the question's own),
     * and the view.
     */
    record Request(Question question, String place, String chosenLanguage, String view) {
    }

    /** Who does what: the place as the visitor named it (null: everywhere), and the table of every type there. */
    record PlaceView(String place, WhoDoesWhat.Table table) {
    }

    private final Words words;
    private final Vocabulary vocabulary;
    private final ProfileText.Cover profile;
    private final int version;
    /** The day the rules were loaded (ISO 8601): a printed table is cited by it. */
    private final String loaded;

    AnswerPage(Vocabulary vocabulary, ProfileText.Cover profile, int version, Instant loadedAt) {
        this.loaded = DateTimeFormatter.ISO_LOCAL_DATE.format(loadedAt.atZone(ZoneOffset.UTC));
        this.words = vocabulary.words();
        this.vocabulary = vocabulary;
        this.profile = profile;
        this.version = version;
    }

    /**
     * The page for {@code request} in {@code language}; {@code answer} is the API's answer to its
     * question (a decision, a fact, or a refusal with its candidates), null without a question;
     * {@code place}, when not null, is shown instead of a refusal. The page holds {@link #HEALTH}
     * where {@link #health} goes.
     */
    String render(Request request, String language, JsonNode answer, PlaceView place) {
        return new Writer(request, language, answer, place).page();
    }

    /**
     * The notice of a broken edit of the rules or facts, in {@code language}: that the last good
     * rules still answer, and {@code problems} (as {@code rules check} words them, with files and
     * lines: given only to staff on this machine). Empty when the last edit is in use.
     */
    String health(String language, boolean rejected, List<String> problems) {
        if (!rejected) {
            return "";
        }
        Html html = new Html();
        html.open("section", "id", "health", "class", "problems", "aria-labelledby", "health-title")
                .element("h2", words.text(language, PAGE, "health_heading"), "id", "health-title")
                .element("p", words.text(language, PAGE, "health_text", List.of("version", String.valueOf(version))));
        if (!problems.isEmpty()) {
            html.element("p", words.text(language, PAGE, "health_fix")).raw("<ul id=\"health-problems\">");
            problems.forEach(p -> html.element("li", p));
            html.raw("</ul>");
        }
        return html.close("section").raw("\n").toString();
    }

    /** One rendering: the request and its language, kept together while the page is written. */
    private final class Writer {
        private final Request request;
        private final String lang;
        private final JsonNode answer;
        private final JsonNode decision;
        private final PlaceView place;
        private final Html html = new Html();

        Writer(Request request, String lang, JsonNode answer, PlaceView place) {
            this.request = request;
            this.lang = lang;
            this.answer = answer;
            this.place = place;
            JsonNode d = answer == null ? null : answer.has("answer_kind") ? answer.get("decision") : answer;
            this.decision = d == null || d.isNull() || !d.has("levels") ? null : d;
        }

        private String page(String id, String... args) {
            return words.text(lang, PAGE, id, List.of(args));
        }

        String page() {
            String sentence = decision == null ? null : sentence();
            String title = decision != null ? page("page_title", "answer",
                    page("title_answer", "subject", subjectInPlace(), "lead", lead()))
                    : place != null && place.place() != null
                            ? page("page_title", "answer", page("place_heading", "place", place.place()))
                    : page("site_title");
            html.raw("<!doctype html>\n").open("html", "lang", lang).raw("\n<head>\n")
                    .raw("<meta charset=\"utf-8\">\n")
                    .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .element("title", title).raw("\n")
                    .open("meta", "property", "og:title", "content", title).raw("\n")
                    .open("meta", "property", "og:description", "content", sentence != null ? sentence : page("heading"))
                    .raw("\n")
                    .open("meta", "name", "description", "content", sentence != null ? sentence : page("heading"))
                    .raw("\n")
                    .raw("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n")
                    .raw("<link rel=\"stylesheet\" href=\"/style.css\">\n")
                    .raw("<script src=\"/app.js\" defer></script>\n</head>\n")
                    .open("body", "data-view", request.view()).raw("\n");
            header();
            html.raw(HEALTH).raw("<main>\n");
            ask(sentence);
            otherViews();
            html.raw("</main>\n");
            footer();
            return html.raw("</body>\n</html>\n").toString();
        }

        private void header() {
            html.raw("<header>\n<div class=\"bar\">").open("h1").text(page("heading")).raw(" ")
                    .element("span", page("subheading", "year", String.valueOf(profile.year())), "class", "sub")
                    .close("h1");
            languages();
            html.raw("</div>\n").open("nav", "aria-label", page("views"));
            for (String view : VIEWS) {
                boolean current = view.equals(request.view());
                html.element("a", page("nav_" + view), "id", "nav-" + view, "href",
                        link(view.equals("ask") ? Map.of() : Map.of("view", view), lang), "class", current ? "current" : null,
                        "aria-current", current ? "page" : null);
                html.raw(" ");
            }
            html.close("nav").raw("\n</header>\n");
        }

        /** The language switch: the same address in each language, the question, place and setting kept. */
        private void languages() {
            html.open("nav", "class", "languages", "aria-label", page("languages")).raw("<ul>");
            for (Words.Language language : words.languages()) {
                boolean current = language.id().equals(lang);
                html.raw("<li>").element("a", language.id().toUpperCase(Locale.ROOT), "href", here(language.id()),
                        "lang", language.id(), "hreflang", language.id(), "title", language.name(),
                        "aria-current", current ? "true" : null).raw("</li>");
            }
            html.raw("</ul>").close("nav");
        }

        /** This page's address in {@code language}. */
        private String here(String language) {
            Map<String, String> params = questionParams();
            if (!"ask".equals(request.view())) {
                params.put("view", request.view());
            }
            return link(params, language);
        }

        private void ask(String sentence) {
            html.open("section", "id", "view-ask", "hidden", hiddenUnless("ask")).raw("\n");
            form();
            // What the script puts in place of an answer is announced, and a failed request replaces it.
            html.raw("<div id=\"answer-region\" aria-live=\"polite\">\n");
            if (place != null && place.place() != null && !"table".equals(request.view())) {
                place();
            } else if (answer != null && answer.has("error")) {
                refusal();
            }
            if (answer != null && answer.has("answer_kind")) {
                fact();
            }
            if (decision != null) {
                decision(sentence);
            }
            failure();
            html.raw("</div>\n").close("section").raw("\n");
        }

        private void form() {
            Question q = request.question();
            html.raw("<form id=\"ask\" action=\"/\" method=\"get\" autocomplete=\"off\">\n<label>").text(page("question"))
                    .raw(" ").element("small", page("question_hint"))
                    .open("input", "id", "q", "name", "q", "list", "terms", "maxlength", "300", "required", "",
                            "placeholder", page("question_example"), "value", q == null ? null : q.text())
                    .raw("</label>\n<datalist id=\"terms\"></datalist>\n<label>").text(page("place")).raw(" ")
                    .element("small", page("place_hint"))
                    .open("input", "id", "place", "name", "place", "list", "places", "maxlength", "100",
                            "placeholder", page("place_example"), "value", q == null ? request.place() : q.place())
                    .raw("</label>\n")
                    // The script names a suggested place's kind and region in the page's language.
                    .open("datalist", "id", "places", "data-kinds", wordsOf(Words.PLACE_KINDS), "data-regions",
                            wordsOf(Words.REGIONS)).raw("</datalist>\n<label>").text(page("setting"))
                    .raw("<select id=\"setting\" name=\"setting\">").element("option", page("any_setting"), "value", "");
            String chosen = q == null ? null : q.setting();
            for (String setting : vocabulary.settingIds()) {
                // A setting added to the facts without its words yet is shown by its id.
                html.element("option", words.has(PAGE, "setting_" + setting) ? page("setting_" + setting)
                        : setting.replace('_', ' '), "value", setting,
                        "selected", setting.equals(chosen) ? "" : null);
            }
            html.raw("</select></label>\n");
            if (request.chosenLanguage() != null) {
                html.open("input", "type", "hidden", "name", "lang", "value", request.chosenLanguage());
            }
            html.element("button", page("ask"), "id", "ask-button", "type", "submit").raw("\n</form>\n");
        }

        /** No single answer: the reason in plain words, and each candidate as a link that keeps the place and setting. */
        private void refusal() {
            String error = answer.path("error").asText();
            html.raw("<section id=\"refusal\" class=\"refusal\" aria-labelledby=\"refusal-title\">")
                    .element("h2", page("refusal_title"), "id", "refusal-title", "tabindex", "-1");
            if (words.has(PAGE, "refusal_" + error)) {
                html.element("p", page("refusal_" + error), "id", "refusal-detail");
            } else {
                html.element("p", answer.path("detail").asText(), "id", "refusal-detail", "lang", SOURCE_LANGUAGE);
            }
            Question q = request.question();
            String place = q.place() != null ? q.place() : text(answer, "place_from_question");
            String setting = q.setting() != null ? q.setting() : text(answer, "setting_from_question");
            List<String> candidates = new ArrayList<>();
            for (JsonNode c : answer.path("candidates")) {
                candidates.add(c.hasNonNull("term") ? c.get("term").asText() : c.path("label").asText());
            }
            questions("refusal-candidates", candidates, place, setting);
            List<String> examples = EXAMPLES.stream().flatMap(id -> vocabulary.interventionType(id).stream())
                    .map(t -> t.labels().in(lang)).toList();
            html.element("p", page("refusal_examples"));
            questions("refusal-examples", examples, place, setting);
            html.raw("</section>\n");
        }

        /** Questions as links that ask them with the place and setting of this one. */
        private void questions(String id, List<String> questions, String place, String setting) {
            html.open("ul", "id", id, "class", "questions");
            for (String question : questions) {
                html.raw("<li>").element("a", question, "href", link(params("q", question, "place", place, "setting", setting),
                        request.chosenLanguage())).raw("</li>");
            }
            html.close("ul");
        }

        /** A place alone: every intervention type there, who leads it and the bodies that act at each level. */
        private void place() {
            WhoDoesWhat.Table table = place.table();
            html.raw("<section id=\"place-view\" class=\"card\" aria-labelledby=\"place-title\">")
                    .element("h2", page("place_heading", "place", place.place()), "id", "place-title", "tabindex", "-1");
            boolean unknown = table.rows().stream().anyMatch(r -> r.flags().contains("UNKNOWN_PLACE"));
            html.element("p", page(unknown ? "place_unknown" : "place_intro", "place", place.place()), "id", "place-intro",
                    "class", unknown ? "caveats" : null);
            whoTable("place-table", table, place.place());
            html.raw("</section>\n");
        }

        /**
         * Who does what, one row per intervention type: its name (the one link of the row, to its
         * answer in {@code place}), the lead level in words, and at each level the bodies {@code place}
         * names and their roles; a row's flags under its name, explained below the table.
         */
        private void whoTable(String id, WhoDoesWhat.Table table, String place) {
            html.raw("<div class=\"scroll\">").open("table", "id", id, "class", "who").raw("<thead><tr>")
                    .element("th", page("intervention_type"), "scope", "col").element("th", page("lead_level"), "scope", "col");
            table.levels().forEach(level -> html.element("th", levelWord(level), "scope", "col"));
            html.raw("</tr></thead><tbody>");
            Set<String> flags = new TreeSet<>();
            for (WhoDoesWhat.Row row : table.rows()) {
                html.open("tr", "data-type", row.type()).open("th", "scope", "row")
                        .element("a", row.labels().in(lang), "href", link(params("q", row.labels().in(lang), "place",
                                place), request.chosenLanguage()));
                for (String flag : row.flags()) {
                    html.element("span", flag, "class", "flag-code");
                    flags.add(flag);
                }
                // On a phone a row is a card: each cell is labelled with its column (data-label).
                html.close("th").element("td", leadInWords(row), "class", "lead", "data-level", row.leadLevel(),
                        "data-label", page("lead_level"));
                for (String level : table.levels()) {
                    // The bodies the place names at this level, then what they do there.
                    html.open("td", "data-level", level, "data-label", levelWord(level));
                    List<String> bodies = row.bodies().getOrDefault(level, List.of());
                    if (!bodies.isEmpty()) {
                        html.element("span", String.join("; ", bodies), "class", "body");
                    }
                    html.element("span", String.join("; ", row.roles().getOrDefault(level, List.of())), "class", "role")
                            .close("td");
                }
                html.close("tr");
            }
            html.raw("</tbody></table></div>\n");
            if (!flags.isEmpty()) {
                html.element("h3", page("flags_legend")).open("dl", "class", "legend", "id", id + "-flags");
                for (String flag : flags) {
                    html.element("dt", flag, "class", "flag-code").element("dd", words.has(PAGE, "flag_" + flag)
                            ? page("flag_" + flag) : flag);
                }
                html.close("dl").raw("\n");
            }
        }

        /** A row's lead level; without one, why: several levels lead, or none (a subject outside the profile). */
        private String leadInWords(WhoDoesWhat.Row row) {
            if (row.leadLevel() != null) {
                return levelWord(row.leadLevel());
            }
            return row.flags().contains("NO_SINGLE_LEAD") || row.flags().contains("CONFLICT") ? page("no_single_lead")
                    : words.text(lang, Words.TEXT, "none");
        }

        /**
         * A figure, a trend or the law, as the table and the profile give them. The engine's own
         * sentences (the statement, notes, a claim's verdict) and the table's series names are
         * English, and marked so.
         */
        private void fact() {
            String kind = answer.path("answer_kind").asText();
            String series = answer.path("series").asText();
            html.raw("<article id=\"fact\" class=\"card\" aria-labelledby=\"fact-title\">");
            switch (kind) {
                case "figure" -> {
                    html.element("h2", page("fact_figure_title", "series", series), "id", "fact-title", "tabindex", "-1");
                    figures();
                }
                case "trend" -> {
                    html.element("h2", page("fact_trend_title", "series", series), "id", "fact-title", "tabindex", "-1")
                            .element("p", page("fact_trend_" + answer.path("direction").asText(), "first",
                                    number(answer.path("first")), "from", answer.path("from").asText(), "last",
                                    number(answer.path("last")), "to", answer.path("to").asText(), "percent",
                                    decimal(answer.path("percent")), "band", decimal(answer.path("stable_band_percent"))),
                                    "id", "fact-sentence", "class", "sentence");
                    figures();
                    for (JsonNode c : answer.path("claims")) {
                        html.open("p", "class", "quote").text(page("profile_says")).raw(" ").element("q", c.path("quote").asText(),
                                "lang", SOURCE_LANGUAGE).raw(" ").element("span", words.text(lang, Words.TEXT, "claim_verdict",
                                        List.of("verdict", words.text(lang, Words.TEXT, "verdict_"
                                                + c.path("verdict").asText().replace(' ', '_'), List.of()),
                                                "measured", words.text(lang, Words.TEXT, "direction_" + answer.path("direction").asText(),
                                                        List.of()), "caveat", c.path("caveat").asText())))
                                .close("p");
                    }
                }
                default -> {
                    String subject = vocabulary.offenceCategory(answer.path("subject").asText()).map(c -> c.labels().in(lang))
                            .orElse(answer.path("subject").asText());
                    html.element("h2", page("fact_legal_title", "subject", subject), "id", "fact-title", "tabindex", "-1")
                            .element("p", answer.path("statement").asText(), "id", "fact-sentence", "class", "sentence");
                    if (answer.hasNonNull("source")) {
                        html.open("p", "class", "quote").text(page("profile_says")).raw(" ")
                                .element("q", answer.get("source").asText(), "lang", SOURCE_LANGUAGE).close("p");
                    } else {
                        html.element("p", page("flag_NOT_IN_PROFILE"), "class", "caveats");
                    }
                    note(answer.path("note"));
                }
            }
            if (!"legal".equals(kind)) {
                html.open("p", "class", "cited").raw(Html.withMarkup(page("fact_source", "source", "\u0000source\u0000"),
                        Map.of("\u0000source\u0000", "<span lang=\"en\">" + Html.escape(answer.path("source").asText())
                                + "</span>"))).close("p");
            }
            answer.path("notes").forEach(this::note);
            html.raw("</article>\n");
        }

        /** The figures of a fact, a year and its count a row, counts written as the page's language writes numbers. */
        private void figures() {
            html.raw("<table id=\"fact-figures\"><thead><tr>").element("th", page("fact_year"), "scope", "col")
                    .element("th", page("fact_count"), "scope", "col").raw("</tr></thead><tbody>");
            for (JsonNode f : answer.path("figures")) {
                html.raw("<tr>").element("th", f.path("year").asText(), "scope", "row")
                        .element("td", number(f.path("value")), "class", "number").raw("</tr>");
            }
            html.raw("</tbody></table>\n");
        }

        /** A note of the engine (English), labelled in the page's language; nothing when there is none. */
        /** A note of the facts (a legal status's, in the profile's language) or, {@code worded}, of the answer, in the page's. */
        private void note(JsonNode note) {
            if (note != null && note.isTextual()) {
                html.open("p", "class", "note").text(words.text(lang, Words.TEXT, "note") + ": ").text(note.asText())
                        .close("p");
            }
        }

        private String number(JsonNode value) {
            return NumberFormat.getIntegerInstance(Locale.forLanguageTag(lang + "-BE")).format(value.asLong());
        }

        /** A percentage with its two decimals, as the page's language writes them (2,75 in French). */
        private String decimal(JsonNode value) {
            NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag(lang + "-BE"));
            format.setMinimumFractionDigits(2);
            format.setMaximumFractionDigits(2);
            return format.format(value.decimalValue());
        }

        /** Shown by the script in place of the answer when the server cannot be reached or fails. */
        private void failure() {
            html.raw("<section id=\"failure\" class=\"refusal\" aria-labelledby=\"failure-title\" hidden>")
                    .element("h2", page("failure_title"), "id", "failure-title", "tabindex", "-1")
                    .element("p", page("failure_text")).element("button", page("retry"), "id", "retry", "type", "button")
                    .raw("</section>\n");
        }

        private void decision(String sentence) {
            html.raw("<article id=\"answer\" class=\"card\" aria-labelledby=\"answer-title\">\n")
                    .element("h2", subjectInPlace(), "id", "answer-title", "tabindex", "-1").raw("\n")
                    .element("p", sentence, "id", "answer-sentence", "class", "sentence").raw("\n")
                    .element("p", page("read_as", "entry", label()), "id", "answer-match", "class", "match").raw("\n");
            caveats();
            levels();
            facts();
            why();
            cited();
            html.raw("</article>\n");
        }

        /** The flags, in the words of the rule that raised them: what a general reader should know first. */
        private void caveats() {
            JsonNode flags = decision.path("flag_details");
            if (flags.isEmpty()) {
                return;
            }
            html.raw("<section id=\"caveats\" class=\"caveats\" aria-labelledby=\"caveats-title\">")
                    .element("h3", page("caveats"), "id", "caveats-title").raw("<ul>");
            for (JsonNode f : flags) {
                html.element("li", f.path("detail").asText(), "data-flag", f.path("code").asText());
            }
            html.raw("</ul></section>\n");
        }

        private void levels() {
            String lead = text(decision, "lead_level");
            html.element("h3", page("levels")).raw("<table id=\"levels\"><thead><tr>")
                    .element("th", page("level"), "scope", "col").element("th", page("role"), "scope", "col")
                    .element("th", page("body"), "scope", "col").raw("</tr></thead><tbody>");
            for (JsonNode l : decision.path("levels")) {
                String level = l.path("level").asText();
                html.open("tr", "data-level", level, "class", level.equals(lead) ? "lead" : null).open("th", "scope", "row")
                        .text(levelWord(level));
                if (level.equals(lead)) {
                    html.raw(" ").element("strong", "(" + page("leads") + ")");
                }
                html.close("th").element("td", l.path("role").asText()).element("td", l.path("entity").asText(""))
                        .close("tr");
            }
            html.raw("</tbody></table>\n");
        }

        /** Axis, tier, coordination and actors, labelled as {@code policy query} labels them. */
        private void facts() {
            String none = words.text(lang, Words.TEXT, "none");
            String axis = text(decision, "axis");
            String tier = text(decision, "tier");
            html.raw("<dl class=\"facts\">")
                    .element("dt", words.text(lang, Words.TEXT, "axis"))
                    .element("dd", axis == null ? none : words.text(lang, Words.AXES, axis), "id", "axis")
                    .element("dt", words.text(lang, Words.TEXT, "tier"))
                    .element("dd", tier == null ? none : words.text(lang, Words.TIERS, tier), "id", "tier")
                    .element("dt", words.text(lang, Words.TEXT, "coordination"))
                    .element("dd", Optional.ofNullable(text(decision, "coordination")).orElse(none), "id", "coordination")
                    .element("dt", words.text(lang, Words.TEXT, "actors")).open("dd").raw("<ul id=\"actors\">");
            for (JsonNode a : decision.path("actors")) {
                html.element("li", page("body_at_level", "body", a.path("name").asText(),
                        "level", levelWord(a.path("level").asText())));
            }
            html.raw("</ul></dd></dl>\n");
        }

        /** The rules that decided, folded: their ids and the profile's sentences, in the profile's English. */
        private void why() {
            html.raw("<details id=\"why-details\">").element("summary", page("why")).raw("<ol id=\"why\">");
            for (JsonNode x : decision.path("explanation")) {
                String rule = x.path("rule").asText();
                html.raw("<li>").element("a", rule, "class", "rule", "href", link(params("view", "profile", "rule", rule), lang))
                        .raw(" ").element("span", x.path("title").asText(), "lang", SOURCE_LANGUAGE)
                        .open("span", "class", "quote").text(page("profile_says")).raw(" ")
                        .element("q", x.path("source").asText(), "lang", SOURCE_LANGUAGE).close("span");
                if (x.hasNonNull("note")) {
                    html.open("span", "class", "note").text(words.text(lang, Words.TEXT, "note") + ": ")
                            .element("span", x.get("note").asText(), "lang", SOURCE_LANGUAGE).close("span");
                }
                if (x.hasNonNull("overridden_by")) {
                    html.element("span", words.text(lang, Words.TEXT, "overridden_by",
                            List.of("rule", x.get("overridden_by").asText())), "class", "note");
                }
                html.raw("</li>");
            }
            html.raw("</ol></details>\n");
        }

        /** What the answer can be cited by: the rules' version, the profile and its year, and the link that pins the language. */
        private void cited() {
            String title = "\u0000title\u0000";
            html.open("p", "id", "cited", "class", "cited")
                    .raw(Html.withMarkup(page("cited", "version", String.valueOf(version), "title", title,
                            "year", String.valueOf(profile.year())), Map.of(title,
                            "<cite lang=\"en\">" + Html.escape(String.valueOf(profile.title())) + "</cite>")))
                    .close("p");
            String share = link(questionParams(), lang);
            html.open("p", "class", "share").text(page("share")).raw(" ").element("a", share, "id", "share-link", "href", share)
                    .raw("</p>\n");
        }

        private void otherViews() {
            html.open("section", "id", "view-table", "hidden", hiddenUnless("table")).element("h2", page("table_heading"))
                    .element("p", page("table_intro"));
            if ("table".equals(request.view())) {
                table();
            }
            html.raw("</section>\n");
            trends();
            html.open("section", "id", "view-profile", "hidden", hiddenUnless("profile"))
                    .open("div", "id", "rule-box", "class", "card", "hidden", "", "data-says", page("profile_says"), "data-note",
                            words.text(lang, Words.TEXT, "note"), "data-missing", page("rule_unknown", "rule", "{rule}"))
                    .raw("<h2 id=\"rule-title\"></h2><p id=\"rule-where\"></p><p id=\"rule-note\"></p></div>")
                    .element("h2", page("profile_heading")).raw("<ol id=\"profile\"></ol></section>\n");
        }

        /**
         * The trends view, filled by the script from {@code /v1/trends}: the window, the chart and its
         * figures as a table (the chart's text), the source, the CSV, and the flags. The words the
         * script needs stand in {@code data-words}, with the window's years as parameters it fills in.
         */
        private void trends() {
            html.open("section", "id", "view-trends", "hidden", hiddenUnless("trends")).element("h2", page("trends_heading"))
                    .raw("<form id=\"trend-window\" class=\"inline\"><label>").text(page("trends_from"))
                    .raw(" <select id=\"trend-from\" name=\"from\"></select></label> <label>").text(page("trends_to"))
                    .raw(" <select id=\"trend-to\" name=\"to\"></select></label> ")
                    .element("button", page("trends_show"), "type", "submit").raw("</form>")
                    .element("p", page("trends_window"), "id", "trend-error", "class", "refusal", "role", "alert", "hidden", "")
                    .raw("<div id=\"trend-result\">")
                    .open("img", "id", "trend-chart", "alt", page("trends_chart"))
                    .element("h3", page("trends_data"), "id", "trend-table-title")
                    // A table wider than a phone scrolls: by keyboard too, so its box takes the focus.
                    .raw("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"trend-table-title\">")
                    .open("table", "id", "trend-table", "aria-labelledby", "trend-table-title", "data-category",
                            page("trends_category"), "data-index", page("trends_index", "from", "{from}", "to", "{to}"))
                    .raw("<thead></thead><tbody></tbody></table></div>")
                    .element("p", "", "id", "trend-source", "class", "cited", "data-words", page("trends_source", "title",
                            String.valueOf(profile.title()), "year", String.valueOf(profile.year()), "from", "{from}", "to", "{to}"))
                    .open("p").element("a", page("trends_csv"), "id", "trend-csv", "href", "/v1/trends.csv", "download", "")
                    .close("p")
                    .element("h3", page("trends_flags")).open("table", "id", "trend-flags", "data-words", page("profile_says"))
                    .raw("<thead><tr>").element("th", page("flag"), "scope", "col").element("th", page("series"), "scope", "col")
                    .element("th", page("finding"), "scope", "col").element("th", page("rule_and_basis"), "scope", "col")
                    .raw("</tr></thead><tbody></tbody></table></div></section>\n");
        }

        /**
         * The table view: a place to name the bodies of (a form that works without the script), a
         * filter of the rows (the script's), the table, and what a printed copy is cited by.
         */
        private void table() {
            String where = place.place();
            html.raw("<form id=\"table-place\" action=\"/\" method=\"get\" class=\"inline\">")
                    .open("input", "type", "hidden", "name", "view", "value", "table").open("label").text(page("table_place"))
                    .open("input", "id", "table-place-input", "name", "place", "list", "places", "maxlength", "100",
                            "placeholder", page("place_example"), "value", where).close("label");
            if (request.chosenLanguage() != null) {
                html.open("input", "type", "hidden", "name", "lang", "value", request.chosenLanguage());
            }
            html.element("button", page("table_show"), "type", "submit").raw("</form>\n")
                    .raw("<p id=\"table-filter-box\" class=\"inline\" hidden>").open("label").text(page("table_filter"))
                    .open("input", "id", "table-filter", "type", "search", "maxlength", "100").close("label")
                    .open("span", "id", "table-count", "aria-live", "polite", "data-words", page("table_count"))
                    .close("span").raw("</p>\n");
            if (where != null) {
                html.element("h3", page("place_heading", "place", where), "id", "table-place-title");
                boolean unknown = place.table().rows().stream().anyMatch(r -> r.flags().contains("UNKNOWN_PLACE"));
                if (unknown) {
                    html.element("p", page("place_unknown", "place", where), "class", "caveats");
                }
            }
            whoTable("who-table", place.table(), where);
            html.open("p").element("a", page("table_csv"), "id", "table-csv", "download", "", "href",
                    link("/v1/who-does-what.csv", params("place", where), lang)).close("p");
            html.element("p", page("table_cited", "version", String.valueOf(version), "date", loaded, "title",
                    String.valueOf(profile.title()), "year", String.valueOf(profile.year())), "id", "table-cited", "class", "cited");
        }

        private void footer() {
            html.raw("<footer>").raw(Html.withMarkup(page("footer", "rules", "\u0000rules\u0000", "facts", "\u0000facts\u0000"),
                    Map.of("\u0000rules\u0000", "<code>rules/</code>", "\u0000facts\u0000", "<code>facts/</code>")))
                    .raw("; ").element("a", page("api"), "href", "/openapi.json").raw(" · ")
                    .element("a", page("health"), "href", "/v1/health").raw("</footer>\n");
        }

        /** A section of the words in this language as JSON (id: text), for the script. */
        private String wordsOf(String section) {
            Map<String, String> texts = new TreeMap<>();
            words.ids(section).forEach(id -> texts.put(id, words.text(lang, section, id)));
            try {
                return Json.MAPPER.writeValueAsString(texts);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private String hiddenUnless(String view) {
            return view.equals(request.view()) ? null : "";
        }

        // ---- the answer in words ----

        /**
         * Who leads, then the body that acts at each level where the rules know it:
         * "Het lokale niveau leidt. Wie handelt: lokale besturen van Gent (lokaal), Vlaamse Gemeenschap (regionaal)."
         */
        private String sentence() {
            String lead = lead();
            String first = lead.substring(0, lead.offsetByCodePoints(0, 1)).toUpperCase(Locale.forLanguageTag(lang))
                    + lead.substring(lead.offsetByCodePoints(0, 1)) + ".";
            StringJoiner bodies = new StringJoiner(", ");
            for (JsonNode l : decision.path("levels")) {
                if (l.hasNonNull("entity")) {
                    bodies.add(page("body_at_level", "body", l.get("entity").asText(), "level",
                            levelWord(l.path("level").asText())));
                }
            }
            return bodies.length() == 0 ? first : first + " " + page("who_acts", "bodies", bodies.toString());
        }

        private String lead() {
            String level = text(decision, "lead_level");
            if (level == null) {
                return page("no_single_lead");
            }
            return words.has(PAGE, "leads_" + level) ? page("leads_" + level) : levelWord(level);
        }

        private String levelWord(String level) {
            return words.has(Words.LEVELS, level) ? words.text(lang, Words.LEVELS, level) : level;
        }

        /** The entry in this language; a place as the visitor spelled it (Gent stays Gent), else as the place list names it. */
        private String subjectInPlace() {
            String place = request.question().place() != null && decision.hasNonNull("place") ? request.question().place()
                    : Optional.ofNullable(text(decision.path("match"), "place_from_question"))
                            .orElse(text(decision.path("place"), "name"));
            return place == null ? label() : page("subject_in_place", "subject", label(), "place", place);
        }

        private String label() {
            String id = text(decision, "subject");
            Optional<Labels> labels = "offence".equals(text(decision, "kind"))
                    ? vocabulary.offenceCategory(id).map(c -> c.labels())
                    : vocabulary.interventionType(id).map(t -> t.labels());
            return labels.map(l -> l.in(lang)).orElse(id);
        }

        /** Links of this page: its parameters, and the language when one is set. */
        private Map<String, String> questionParams() {
            Question q = request.question();
            return q == null ? params() : params("q", q.text(), "place", q.place(), "setting", q.setting(), "actor", q.actor());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Parameters in the order given: name, value, name, value... */
    private static Map<String, String> params(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }

    /** An address of the page: its parameters (null ones left out) and {@code lang} (when not null) last. */
    static String link(Map<String, String> params, String language) {
        return link("/", params, language);
    }

    /** An address of this server: {@code path} with the parameters as {@link #link(Map, String)} gives them. */
    static String link(String path, Map<String, String> params, String language) {
        List<String> pairs = new ArrayList<>();
        params.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                pairs.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        });
        if (language != null) {
            pairs.add("lang=" + language);
        }
        return pairs.isEmpty() ? path : path + "?" + String.join("&", pairs);
    }
}
