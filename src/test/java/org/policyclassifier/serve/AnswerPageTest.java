package org.policyclassifier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page as a client without JavaScript gets it (curl, a link preview): the answer written on
 * the server, in the question's language or the one chosen, with a title that names it.
 */
class AnswerPageTest {

    private static ServeFixture serve;

    @BeforeAll
    static void start() throws Exception {
        serve = ServeFixture.bundled();
    }

    @AfterAll
    static void stop() throws Exception {
        serve.close();
    }

    private static String page(String q, String place, String more) throws Exception {
        String path = "/?q=" + encode(q) + (place == null ? "" : "&place=" + encode(place)) + more;
        HttpResponse<String> response = serve.get(path);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        return response.body();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String first(String html, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), regex + " not in the page");
        return m.group(1);
    }

    private static String title(String html) {
        return first(html, "<title>([^<]*)</title>");
    }

    private static String sentence(String html) {
        return first(html, "<p id=\"answer-sentence\"[^>]*>([^<]*)</p>");
    }

    @Test
    void aDutchQuestionIsAnsweredInDutchInTheHtml() throws Exception {
        String nl = page("spuitenruil", "Gent", "");
        assertTrue(nl.contains("<html lang=\"nl\">"), nl);
        assertEquals("spuitenruil in Gent: het lokale niveau leidt — policy-classifier", title(nl));
        assertTrue(nl.contains("<meta property=\"og:title\" content=\"" + title(nl) + "\">"));
        assertTrue(sentence(nl).startsWith("Het lokale niveau leidt. Wie handelt: "), sentence(nl));
        assertTrue(sentence(nl).contains("Vlaamse Gemeenschap (regionaal)"), sentence(nl));
        assertTrue(first(nl, "<meta property=\"og:description\" content=\"([^\"]*)\"").contains("Vlaamse Gemeenschap"));
        assertTrue(nl.contains("<label>Vraag "), "the page's own words are Dutch too");
    }

    @Test
    void aFrenchQuestionInLiegeNamesTheWalloonBody() throws Exception {
        String fr = page("échange de seringues", "Liège", "");
        assertTrue(fr.contains("<html lang=\"fr\">"));
        assertEquals("échange de seringues à Liège : le niveau local pilote — policy-classifier", title(fr));
        assertTrue(sentence(fr).contains("Communauté française / Région wallonne (régional)"), sentence(fr));
    }

    @Test
    void aGermanQuestionInEupenNamesTheGermanSpeakingCommunity() throws Exception {
        String de = page("Drogenprävention an Schulen", "Eupen", "");
        assertTrue(de.contains("<html lang=\"de\">"));
        assertTrue(sentence(de).contains("Deutschsprachige Gemeinschaft"), sentence(de));
        assertTrue(title(de).endsWith(" in Eupen: die regionale Ebene ist federführend — policy-classifier"), title(de));
    }

    @Test
    void titlesNameEachAnswer() throws Exception {
        String needle = title(page("needle exchange", "Gent", ""));
        String driving = title(page("drug driving", null, ""));
        assertNotEquals(needle, driving);
        assertEquals("needle exchange in Gent: the local level leads — policy-classifier", needle);
        assertEquals("driving under the influence of drugs: the federal level leads — policy-classifier", driving);
        assertEquals(title(page("needle exchange", "Gent", "")), needle, "the cached page is the same page");
    }

    @Test
    void langChoosesTheLanguageAndTheSwitchKeepsTheQuestion() throws Exception {
        String fr = page("spuitenruil", "Gent", "&setting=community&lang=fr");
        assertTrue(fr.contains("<html lang=\"fr\">"));
        assertTrue(sentence(fr).contains("Communauté flamande"), sentence(fr));
        // The switch: every language, the question, place and setting kept; the chosen language stays in the form.
        for (String lang : new String[] {"en", "nl", "fr", "de"}) {
            assertTrue(fr.contains("<a href=\"/?q=spuitenruil&amp;place=Gent&amp;setting=community&amp;lang=" + lang
                    + "\" lang=\"" + lang + "\""), lang);
        }
        assertTrue(fr.contains("aria-current=\"true\">FR</a>"));
        assertTrue(fr.contains("<input type=\"hidden\" name=\"lang\" value=\"fr\">"));
        assertTrue(fr.contains("<option value=\"community\" selected=\"\">quartier ou services de la ville</option>"));
        assertEquals(400, serve.get("/?q=spuitenruil&lang=xx").statusCode());
    }

    @Test
    void theAnswerComesFirstThenItsCaveatsThenTheLevelsAndWhyFolded() throws Exception {
        String html = page("drug driving", null, "&lang=nl");
        int sentence = html.indexOf("id=\"answer-sentence\"");
        int caveats = html.indexOf("id=\"caveats\"");
        int levels = html.indexOf("id=\"levels\"");
        int why = html.indexOf("<details id=\"why-details\"><summary>Waarom");
        assertTrue(0 < sentence && sentence < caveats && caveats < levels && levels < why,
                sentence + " " + caveats + " " + levels + " " + why);
        String caveat = first(html, "<section id=\"caveats\".*?<li data-flag=\"NOT_IN_PROFILE\">([^<]*)</li>");
        assertTrue(caveat.startsWith("het profiel"), caveat);
        assertFalse(html.substring(0, why).contains("BEY-005"), "rule ids only inside Why");
        assertTrue(html.substring(why).contains(">BEY-005</a>"));
        // The profile's sentence stays English, marked as such.
        assertTrue(html.substring(why).contains("Het profiel zegt: <q lang=\"en\">"));
    }

    @Test
    void anAnswerIsCitedByTheRulesVersionAndTheProfile() throws Exception {
        String html = page("spuitenruil", "Gent", "");
        String cited = first(html, "<p id=\"cited\"[^>]*>(.*?)</p>");
        assertEquals("Beantwoord met versie " + serve.engine.version() + " van de regels, op basis van het profiel"
                + " <cite lang=\"en\">Crime prevention policy</cite> (2018).", cited);
        assertTrue(html.contains("<a id=\"share-link\" href=\"/?q=spuitenruil&amp;place=Gent&amp;lang=nl\">"));
    }

    @Test
    void aRefusalListsItsCandidatesAsLinksThatKeepThePlaceAndSetting() throws Exception {
        String html = page("drugs in Gent", null, "&setting=street");
        for (String list : List.of("refusal-candidates", "refusal-examples")) {
            String links = first(html, "<ul id=\"" + list + "\"[^>]*>(.*?)</ul>");
            Matcher link = Pattern.compile("<a href=\"([^\"]*)\">").matcher(links);
            int n = 0;
            while (link.find()) {
                assertTrue(link.group(1).contains("&amp;place=Gent&amp;setting=street"), link.group(1));
                n++;
            }
            assertTrue(n >= 2, links);
        }
        assertTrue(html.contains("<a href=\"/?q=needle%20exchange&amp;place=Gent&amp;setting=street\">needle exchange</a>"),
                "the examples are asked in the page's language");
        assertFalse(html.contains("id=\"answer\""));
    }

    @Test
    void aPlaceAloneShowsWhoDoesWhatThereWithItsBodies() throws Exception {
        String html = serve.get("/?place=Charleroi&lang=fr").body();
        assertTrue(html.contains("<h2 id=\"place-title\" tabindex=\"-1\">Qui fait quoi à Charleroi</h2>"), html);
        String needles = first(html, "<tr data-type=\"needle_exchange\">(.*?)</tr>");
        assertTrue(needles.contains(">échange de seringues</a>")
                && needles.contains("<td class=\"lead\" data-level=\"local\" data-label=\"Niveau qui dirige\">local</td>")
                && needles.contains("Communauté française / Région wallonne"), needles);
        assertTrue(needles.contains("href=\"/?q=%C3%A9change%20de%20seringues&amp;place=Charleroi&amp;lang=fr\""), needles);
        assertTrue(html.contains("<title>Qui fait quoi à Charleroi — policy-classifier</title>"));

        // A question that names only a place is answered the same way; a place the facts do not know says so.
        assertTrue(page("Antwerpen", null, "").contains("id=\"place-title\" tabindex=\"-1\">Who does what in Antwerpen</h2>"));
        String atlantis = serve.get("/?place=Atlantis").body();
        assertTrue(atlantis.contains("Atlantis is not a Belgian place the facts know"), atlantis);
        assertFalse(first(atlantis, "<tr data-type=\"needle_exchange\">(.*?)</tr>").contains("class=\"body\""));
    }

    @Test
    void aHostileQuestionIsTextNotMarkup() throws Exception {
        String hostile = "\"><script>alert(1)</script><img src=x onerror=alert(2)>'";
        String html = page(hostile, "<b>Gent</b>", "");
        assertFalse(html.contains("<script>alert") || html.contains("<img src=x") || html.contains("<b>Gent"), html);
        assertEquals(1, html.split("<script", -1).length - 1, "only the page's own script");
        assertTrue(html.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&#39;\""));
    }

    @Test
    void theTableOfWhoDoesWhatIsWrittenOnTheServerInAPlaceItsFlagsExplained() throws Exception {
        String html = serve.get("/?view=table&place=Eupen&lang=de").body();
        String needles = first(html, "<tr data-type=\"needle_exchange\">(.*?)</tr>");
        assertTrue(needles.contains(">Spritzentausch</a>") && needles.contains("Deutschsprachige Gemeinschaft"), needles);
        assertTrue(html.contains("<h3 id=\"table-place-title\">Wer macht was in Eupen</h3>"));
        String legend = first(html, "<dl class=\"legend\" id=\"who-table-flags\">(.*?)</dl>");
        assertTrue(legend.contains("<dt class=\"flag-code\">NO_SINGLE_LEAD</dt><dd>Zusammenarbeit der Regierungen"), legend);
        assertTrue(html.contains("<p id=\"table-cited\" class=\"cited\">Version " + serve.engine.version() + " der Regeln, geladen am "));

        // The same table as CSV, for a spreadsheet.
        assertTrue(html.contains("<a id=\"table-csv\" download=\"\" href=\"/v1/who-does-what.csv?place=Eupen&amp;lang=de\">"), html);
        HttpResponse<String> csv = serve.get("/v1/who-does-what.csv?place=Eupen&lang=de");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals("type,name,axis,tier,lead_level,flags,federal_role,federal_bodies,regional_role,regional_bodies,"
                + "local_role,local_bodies", lines.get(0));
        String needle = lines.stream().filter(l -> l.startsWith("needle_exchange,")).findFirst().orElseThrow();
        assertTrue(needle.startsWith("needle_exchange,Spritzentausch,demand_reduction,tertiary,local,,") && needle.contains(
                "Deutschsprachige Gemeinschaft"), needle);
        assertEquals(400, serve.get("/v1/who-does-what.csv?lang=xx").statusCode());
    }

    @Test
    void figuresTrendsAndTheLawAreWrittenOnTheServerInThePagesLanguage() throws Exception {
        String figure = page("hoeveel drugsdelicten waren er in 2015?", null, "&lang=nl");
        assertTrue(figure.contains("<h2 id=\"fact-title\" tabindex=\"-1\">Geregistreerde drugsmisdrijven: TOTAL</h2>"), figure);
        assertTrue(figure.contains("<tr><th scope=\"row\">2015</th><td class=\"number\">52.439</td></tr>"), figure);
        assertTrue(figure.contains("Bron: het profiel, <span lang=\"en\">Recent overview of statistics"), figure);

        String trend = page("did trade offences rise?", null, "&lang=fr");
        String sentence = first(trend, "<p id=\"fact-sentence\" class=\"sentence\">([^<]*)</p>");
        assertTrue(sentence.matches("Stable : de 7.734 en 2014 à 7.521 en 2017 \\(-2,75 %\\), dans la marge de stabilité de ±5,00 %\\."),
                sentence);

        String law = page("is cannabis use legal?", null, "");
        assertTrue(law.contains("<p id=\"fact-sentence\" class=\"sentence\">Possession and use of drugs are"
                + " prohibited in Belgium.</p>"), law);
        String wet = page("is cannabisgebruik legaal?", null, "&lang=nl");
        assertTrue(wet.contains("<p id=\"fact-sentence\" class=\"sentence\">Bezit en gebruik van drugs zijn verboden in"
                + " België.</p>"), wet);
        assertTrue(wet.contains("Het profiel zegt: <q lang=\"en\">Nevertheless, possession and use of drugs are prohibited.</q>"),
                wet);
        assertTrue(law.contains("The profile says: <q lang=\"en\">Nevertheless, possession and use of drugs are prohibited.</q>"));
    }

    @Test
    void thePageWithoutAQuestionIsInTheLanguageChosen() throws Exception {
        HttpResponse<String> de = serve.get("/?lang=de&view=table");
        assertTrue(de.body().contains("<html lang=\"de\">"), de.body());
        assertTrue(de.body().contains("<section id=\"view-table\"><h2>Wer macht was"), "the view asked for is shown");
        assertTrue(de.body().contains("<section id=\"view-ask\" hidden=\"\">"));
        assertEquals(200, serve.get("/").statusCode());
        assertTrue(serve.get("/").body().contains("<html lang=\"en\">"));
    }
}
