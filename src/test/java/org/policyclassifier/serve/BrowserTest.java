package org.policyclassifier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import com.deque.html.axecore.results.CheckedNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real browser: Debian's headless Chromium through Debian's chromedriver, named
 * by path so that Selenium never looks for or downloads a driver. Each test saves a screenshot
 * under target/screenshots/.
 */
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target/screenshots");
    /** A desktop and a phone. */
    private static final List<Integer> WIDTHS = List.of(1280, 390);
    private static final List<String> WCAG_21_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @TempDir
    static Path dir;

    private static ServeFixture serve;
    private ChromeDriver browser;
    /** Errors the browser's console may show in a test, as Chromium words them: a request to a server that is down. */
    private List<String> expectedConsoleErrors = List.of();

    @BeforeAll
    static void start() throws Exception {
        boolean browser = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "the browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium"
                + " chromium-driver (.ci/run installs them)";
        // CI requires them (.ci/run passes -Dbrowser.tests=required, which surefire hands to the tests); elsewhere they are skipped, saying why.
        if (!browser && !"required".equals(System.getProperty("browser.tests"))) {
            System.err.println("BrowserTest skipped: " + missing);
        }
        Assumptions.assumeTrue(browser || "required".equals(System.getProperty("browser.tests")), missing);
        assertTrue(browser, missing);
        // Selenium Manager would otherwise look for, and may fetch, a driver of its own.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        System.setProperty("SE_OFFLINE", "true");
        Files.createDirectories(SHOTS);
        // On every address, so that a visitor from another address than loopback can be played too.
        serve = ServeFixture.editable(dir, "0.0.0.0");
        serve.warmUp(); // as policy serve does: the first answer timed below is a visitor's first answer
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) {
            serve.close();
        }
    }

    @BeforeEach
    void open() {
        browser = chrome(true);
    }

    private static ChromeDriver chrome(boolean javaScript) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--lang=en");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        // A driver stops its service when it quits: one service per browser.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().window().setSize(new Dimension(1280, 1100));
        return chrome;
    }

    @AfterEach
    void close() {
        // The page's own scripts only: a CSP refusal or a script error would show in the console.
        // A 422 answer is logged by Chromium as a failed load, but it is the API's refusal, shown on the page.
        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("the server responded with a status of 422"))
                .filter(e -> expectedConsoleErrors.stream().noneMatch(e.getMessage()::contains)).toList();
        browser.quit();
        assertEquals(List.of(), severe.stream().map(LogEntry::getMessage).toList(), "errors in the browser console");
    }

    private void load(String path) {
        browser.get(serve.base() + path);
        awaitReady();
    }

    private void awaitReady() {
        // A page being left for another (an answer in another language is loaded whole) may be read
        // halfway: Chromium then says its body is stale or "does not belong to the document"; ask again.
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Types a question (and a place, or none) into the form and asks it. */
    private void ask(String question, String place) {
        browser.findElement(By.id("q")).clear();
        browser.findElement(By.id("q")).sendKeys(question);
        browser.findElement(By.id("place")).clear();
        browser.findElement(By.id("place")).sendKeys(place);
        browser.findElement(By.id("ask-button")).click();
        awaitReady();
    }

    private String focused() {
        return browser.switchTo().activeElement().getDomAttribute("id");
    }

    /**
     * Tab goes through the page's controls in the order of the page, which is the order they are
     * seen in: each next one below the last, or beside it to the right. No control takes a place of
     * its own in that order (tabindex above 0).
     */
    @SuppressWarnings("unchecked")
    private void assertNaturalKeyboardOrder() {
        assertEquals(0L, browser.executeScript("return document.querySelectorAll('[tabindex]:not([tabindex=\"0\"]):not([tabindex=\"-1\"])').length"));
        List<WebElement> controls = (List<WebElement>) browser.executeScript("return [...document.querySelectorAll("
                + "'a[href], button, input:not([type=hidden]), select, summary')].filter(e => e.checkVisibility())");
        browser.executeScript("arguments[0].focus()", controls.get(0));
        int stops = Math.min(controls.size(), 30);
        for (int i = 1; i < stops; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement now = browser.switchTo().activeElement();
            assertEquals(controls.get(i), now, "stop " + i + " of Tab: " + now.getAccessibleName());
            Map<String, Number> before = rect(controls.get(i - 1));
            Map<String, Number> after = rect(now);
            boolean below = after.get("top").doubleValue() >= before.get("top").doubleValue() - 1;
            boolean besideToTheRight = after.get("top").doubleValue() < before.get("bottom").doubleValue()
                    && after.get("left").doubleValue() >= before.get("left").doubleValue();
            assertTrue(below || besideToTheRight, "stop " + i + " of Tab (" + now.getAccessibleName() + ") is seen before the one it follows");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Number> rect(WebElement e) {
        return (Map<String, Number>) browser.executeScript("const r = arguments[0].getBoundingClientRect();"
                + " return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left};", e);
    }

    private void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * axe-core finds no violation of WCAG 2.1 A and AA in the page as it stands, at every width of
     * {@link #WIDTHS}; nor of target size (WCAG 2.2, 24 px), which those tags leave out. The window
     * gets its width back afterwards.
     */
    private void assertAccessible(String state) {
        Dimension size = browser.manage().window().getSize();
        List<String> found = new ArrayList<>();
        try {
            for (int width : WIDTHS) {
                browser.manage().window().setSize(new Dimension(width, size.getHeight()));
                List<Rule> violations = new ArrayList<>(new AxeBuilder().withTags(WCAG_21_A_AA).analyze(browser).getViolations());
                violations.addAll(new AxeBuilder().withOnlyRules(List.of("target-size")).analyze(browser).getViolations());
                for (Rule rule : violations) {
                    for (CheckedNode node : rule.getNodes()) {
                        found.add(width + " px, " + rule.getId() + ": " + node.getTarget() + " " + node.getHtml() + "\n    "
                                + node.getFailureSummary().replace("\n", "\n    "));
                    }
                }
            }
        } finally {
            browser.manage().window().setSize(size);
        }
        assertTrue(found.isEmpty(), "axe-core on " + state + ":\n" + String.join("\n", found));
    }

    @Test
    void aDutchQuestionTypedInTheBoxIsAnsweredInDutch() throws Exception {
        load("/");
        // Autocomplete offers the vocabulary in the four languages, and places as they are typed.
        List<String> terms = browser.findElements(By.cssSelector("#terms option")).stream()
                .map(o -> o.getDomAttribute("value")).toList();
        assertTrue(terms.contains("spuitenruil") && terms.contains("échange de seringues")
                && terms.contains("needle exchange") && terms.contains("Spritzentausch"), terms.toString());
        browser.findElement(By.id("q")).sendKeys("spuitenruil");
        browser.findElement(By.id("place")).sendKeys("Gen");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector("#places option"))
                .stream().anyMatch(o -> "Gent".equals(o.getDomAttribute("value"))));
        browser.findElement(By.id("place")).sendKeys("t");
        double first = timedAsk();
        awaitReady();
        // The figures the README gives (issue 24 asks for at most 100 ms); printed below, not asserted.
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long bytes = ((Number) js.executeScript("return performance.getEntriesByType('navigation').concat("
                + "performance.getEntriesByType('resource')).reduce((n, e) => n + (e.transferSize"
                + " || e.encodedBodySize || 0), 0)")).longValue();
        assertEquals("nl", browser.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertTrue(text("answer-sentence").startsWith("Het lokale niveau leidt."), text("answer-sentence"));
        assertTrue(text("levels").contains("Vlaamse Gemeenschap"), text("levels"));
        assertEquals("spuitenruil in Gent: het lokale niveau leidt — policy-classifier", browser.getTitle());
        assertTrue(browser.getCurrentUrl().endsWith("/?q=spuitenruil&place=Gent"), browser.getCurrentUrl());
        assertEquals("answer-title", focused(), "the answer's heading has the focus");
        screenshot("answer");
        assertAccessible("the answer");
        // A second question in the page's language replaces the answer in place.
        browser.findElement(By.id("q")).clear();
        browser.findElement(By.id("q")).sendKeys("drugpreventie op school");
        double next = timedAsk();
        awaitReady();
        assertTrue(text("answer-title").startsWith("preventieprogramma op school"), text("answer-title"));
        System.out.printf("BrowserTest: an answer on screen %.0f ms after the click on Ask, the first after the server"
                + " started and warmed up as policy serve does (a Dutch question on the English page, which loads the"
                + " Dutch page whole), %.0f ms for the"
                + " next (in place); timed in the browser to the first frame painted with it. The Dutch page and"
                + " its files transferred %,d bytes.%n", first, next, bytes);
    }

    /**
     * Clicks Ask and times, in the browser, the click to the first frame painted with the answer
     * shown; when the answer's language loads the page whole, to that page's first contentful paint
     * (the server writes the answer into it).
     */
    private double timedAsk() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("""
                window.shownAt = null;
                document.getElementById('ask-button').addEventListener('click', () => {
                  sessionStorage.setItem('askedAt', String(performance.timeOrigin + performance.now()));
                  const old = document.getElementById('answer');
                  const seen = () => { const a = document.getElementById('answer');
                    if (a && a !== old && a.getClientRects().length > 0) {
                      requestAnimationFrame(() => window.shownAt = performance.timeOrigin + performance.now()); }
                    else { requestAnimationFrame(seen); } };
                  requestAnimationFrame(seen);
                }, {capture: true, once: true});""");
        browser.findElement(By.id("ask-button")).click();
        String shownAt = """
                const paint = performance.getEntriesByName('first-contentful-paint')[0];
                return window.shownAt !== undefined ? window.shownAt
                  : paint ? performance.timeOrigin + paint.startTime : null;""";
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> js.executeScript(shownAt) != null);
        return ((Number) js.executeScript(shownAt)).doubleValue()
                - Double.parseDouble((String) js.executeScript("return sessionStorage.getItem('askedAt')"));
    }

    @Test
    void aSharedLinkOpensItsAnswerInTheQuestionsLanguageAndTheSwitchChangesIt() throws Exception {
        load("/?q=%C3%A9change+de+seringues&place=Charleroi");
        assertEquals("fr", browser.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertEquals("tertiaire", text("tier"));
        assertTrue(text("levels").contains("Communauté française / Région wallonne"), text("levels"));
        assertEquals("échange de seringues", browser.findElement(By.id("q")).getDomProperty("value"));
        screenshot("shared-link");
        assertAccessible("a shared link");

        browser.findElement(By.cssSelector("nav.languages a[lang='de']")).click();
        awaitReady();
        assertEquals("de", browser.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertTrue(text("levels").contains("Französische Gemeinschaft / Wallonische Region"), text("levels"));
        assertEquals("Charleroi", browser.findElement(By.id("place")).getDomProperty("value"));
        assertTrue(browser.getCurrentUrl().endsWith("&lang=de"), browser.getCurrentUrl());
        screenshot("answer-de");
        browser.findElement(By.cssSelector("nav.languages a[lang='en']")).click();
        awaitReady();
        assertEquals("en", browser.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertTrue(text("levels").contains("French Community / Walloon Region"), text("levels"));
        screenshot("answer-en");
    }

    @Test
    void anAnswerAskedOnThePageReplacesTheOldOneIsAnnouncedAndTakesTheFocus() throws Exception {
        load("/?q=needle+exchange&place=Gent");
        assertEquals("polite", browser.findElement(By.id("answer-region")).getDomAttribute("aria-live"));
        assertNaturalKeyboardOrder();
        ask("school prevention", "Gent");
        assertEquals("school prevention programme in Gent", text("answer-title"));
        assertEquals("answer-title", focused(), "the new answer's heading has the focus");
        assertTrue(browser.getCurrentUrl().endsWith("/?q=school%20prevention&place=Gent")
                || browser.getCurrentUrl().endsWith("/?q=school+prevention&place=Gent"), browser.getCurrentUrl());
        assertEquals(1, browser.findElements(By.id("answer")).size());
        assertTrue(browser.getTitle().startsWith("school prevention programme in Gent: "), browser.getTitle());
        assertAccessible("an answer asked on the page");
        // Back goes to the answer before, in place.
        browser.navigate().back();
        // The answer before is put back while this looks at the page: an element seen may be replaced at once.
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> text("answer-title").equals("needle exchange in Gent"));
    }

    @Test
    void whenTheServerIsDownTheOldAnswerGoesAndARetryAsksAgain() throws Exception {
        expectedConsoleErrors = List.of("net::ERR_CONNECTION_REFUSED");
        try (ServeFixture own = ServeFixture.bundled()) {
            browser.get(own.base() + "/?q=needle+exchange&place=Gent");
            awaitReady();
            own.stopServer();
            ask("school prevention", "Gent");
            assertTrue(browser.findElement(By.id("failure")).isDisplayed());
            assertTrue(browser.findElements(By.id("answer")).isEmpty(), "the old answer is gone");
            assertEquals("failure-title", focused());
            assertEquals("Try again", text("retry"));
            screenshot("server-down");
            assertAccessible("the server down");

            own.startAgain();
            browser.findElement(By.id("retry")).click();
            awaitReady();
            assertEquals("school prevention programme in Gent", text("answer-title"));
            assertFalse(browser.findElement(By.id("failure")).isDisplayed());
            assertEquals("answer-title", focused());
        }
    }

    @Test
    void aRefusalSaysWhyInPlainWordsAndItsCandidatesAndExamplesKeepThePlace() throws Exception {
        load("/?q=drugs+in+Gent&setting=street");
        assertTrue(browser.findElement(By.id("refusal")).isDisplayed());
        assertTrue(browser.findElements(By.id("answer")).isEmpty());
        assertTrue(text("refusal-detail").startsWith("Your question fits several things"), text("refusal-detail"));
        List<WebElement> candidates = browser.findElements(By.cssSelector("#refusal-candidates a"));
        assertTrue(candidates.size() >= 2);
        for (WebElement link : browser.findElements(By.cssSelector("#refusal a"))) {
            assertTrue(link.getDomAttribute("href").contains("&place=Gent&setting=street"), link.getDomAttribute("href"));
        }
        assertFalse(browser.findElements(By.cssSelector("#refusal-examples a")).isEmpty());
        screenshot("candidates");
        assertAccessible("candidates");
        candidates.get(0).click();
        awaitReady();
        assertTrue(browser.findElement(By.id("answer")).isDisplayed());
        assertEquals("answer-title", focused());
        assertEquals("Gent", browser.findElement(By.id("place")).getDomProperty("value"));
        assertTrue(text("answer-title").endsWith(" in Gent"), text("answer-title"));
    }

    @Test
    void aPlaceAloneShowsWhoDoesWhatThere() throws Exception {
        load("/?place=Charleroi");
        assertEquals("Who does what in Charleroi", text("place-title"));
        String needles = browser.findElement(By.cssSelector("#place-table tr[data-type='needle_exchange']")).getText();
        assertTrue(needles.contains("local authorities of Charleroi") && needles.contains("French Community"), needles);
        screenshot("place-alone");
        assertAccessible("a place alone");
        // A place typed as the question is one too.
        ask("Antwerpen", "");
        assertEquals("Who does what in Antwerpen", text("place-title"));
        assertEquals("place-title", focused());
        assertTrue(browser.findElement(By.cssSelector("#place-table tr[data-type='needle_exchange']")).getText()
                .contains("Flemish Community"));
    }

    @Test
    void withoutJavaScriptASharedLinkShowsItsAnswer() throws Exception {
        browser.quit();
        browser = chrome(false);
        browser.get(serve.base() + "/?q=spuitenruil&place=Gent");
        assertEquals(null, browser.findElement(By.tagName("body")).getDomAttribute("data-ready"), "no script ran");
        assertEquals("nl", browser.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertTrue(text("answer-sentence").contains("Vlaamse Gemeenschap"), text("answer-sentence"));
        assertEquals("spuitenruil in Gent: het lokale niveau leidt — policy-classifier", browser.getTitle());
        screenshot("no-javascript");
        assertAccessible("the page without JavaScript");
        // The form works without the script too.
        browser.findElement(By.id("q")).clear();
        browser.findElement(By.id("q")).sendKeys("Drogenprävention an Schulen");
        browser.findElement(By.id("place")).clear();
        browser.findElement(By.id("place")).sendKeys("Eupen");
        browser.findElement(By.id("ask-button")).click();
        // The form posts a new page: the old one's elements go stale while it loads.
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(WebDriverException.class).until(d -> "de".equals(
                d.findElement(By.tagName("html")).getDomAttribute("lang")));
        assertTrue(text("answer-sentence").contains("Deutschsprachige Gemeinschaft"), text("answer-sentence"));
    }

    @Test
    void clickingARuleOpensTheProfileAtItsSentenceHighlighted() throws Exception {
        load("/?q=needle+exchange&place=Gent");
        browser.findElement(By.cssSelector("#why-details summary")).click();
        WebElement rule = browser.findElement(By.cssSelector("#why a.rule"));
        assertEquals("TYPE-007", rule.getText());
        rule.click();
        awaitReady();
        assertTrue(browser.getCurrentUrl().endsWith("/?view=profile&rule=TYPE-007&lang=en"), browser.getCurrentUrl());
        List<WebElement> marked = browser.findElements(By.cssSelector("#profile li.highlight"));
        assertFalse(marked.isEmpty());
        assertTrue(marked.get(0).getText().contains("Reduce risks and damages associated with drug/alcohol use"),
                marked.get(0).getText());
        assertTrue(text("rule-where").contains("intervention-types.drl.csv:16 "), text("rule-where"));
        screenshot("rule-in-profile");
        assertAccessible("a rule in the profile");

        // A sentence is addressable by its index, as /v1/profile numbers them.
        String sentence = marked.get(0).getText();
        int index = ServeFixture.json(serve.get("/v1/rules/TYPE-007")).get("profile_sentences").get(0).asInt();
        load("/?view=profile&sentence=" + index);
        assertEquals(sentence, browser.findElement(By.cssSelector("#profile li.highlight")).getText());
    }

    @Test
    void theWhoDoesWhatTableHasEveryTypeFiltersItsRowsAndNamesThePlacesBodies() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 2200));
        load("/?view=table");
        List<WebElement> rows = browser.findElements(By.cssSelector("#who-table tbody tr"));
        int types = ServeFixture.json(serve.get("/v1/who-does-what")).get("rows").size();
        assertEquals(types, rows.size());
        WebElement needle = browser.findElement(By.cssSelector("#who-table tr[data-type='needle_exchange']"));
        assertEquals("local", needle.findElement(By.cssSelector("td.lead")).getText(), "the lead in words");
        assertEquals(1, needle.findElements(By.tagName("a")).size(), "one link per row");
        // Every flag shown is explained below the table.
        List<String> legend = browser.findElements(By.cssSelector("#who-table-flags dt")).stream().map(WebElement::getText).toList();
        for (WebElement flag : browser.findElements(By.cssSelector("#who-table .flag-code"))) {
            assertTrue(legend.contains(flag.getText()), flag.getText() + " not in " + legend);
        }
        assertTrue(text("table-cited").startsWith("Version " + serve.engine.version() + " of the rules, loaded on "));
        screenshot("who-does-what");
        assertAccessible("who does what");
        // On a phone the rows are cards: the page is no wider than the screen.
        browser.manage().window().setSize(new Dimension(390, 2200));
        // The resize is applied asynchronously: measure once the page has been laid out at the new width.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> ((Number) browser.executeScript(
                "return document.documentElement.clientWidth")).intValue() <= 390);
        assertTrue(((Number) browser.executeScript("return document.documentElement.scrollWidth")).intValue()
                <= ((Number) browser.executeScript("return document.documentElement.clientWidth")).intValue(), "wider than a phone");
        screenshot("who-does-what-phone");
        browser.manage().window().setSize(new Dimension(1280, 2200));

        browser.findElement(By.id("table-filter")).sendKeys("needle");
        List<WebElement> shown = browser.findElements(By.cssSelector("#who-table tbody tr")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertFalse(shown.isEmpty());
        shown.forEach(r -> assertTrue(r.getText().toLowerCase().contains("needle"), r.getText()));
        assertEquals(shown.size() + " of " + types + " rows", text("table-count"));

        browser.findElement(By.id("table-place-input")).sendKeys("Gent");
        browser.findElement(By.cssSelector("#table-place button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("place=Gent"));
        awaitReady();
        assertTrue(browser.getCurrentUrl().endsWith("/?view=table&place=Gent"), browser.getCurrentUrl());
        assertEquals("Who does what in Gent", text("table-place-title"));
        needle = browser.findElement(By.cssSelector("#who-table tr[data-type='needle_exchange']"));
        assertTrue(needle.getText().contains("Flemish Community"), needle.getText());
        assertAccessible("who does what in a place");
        needle.findElement(By.tagName("a")).click();
        awaitReady();
        assertTrue(text("answer-sentence").startsWith("The local level leads."), text("answer-sentence"));
        assertEquals("Gent", browser.findElement(By.id("place")).getDomProperty("value"));
    }

    @Test
    void theTrendsShowTheChartItsFiguresAsATableTheCsvAndSayWhenTheWindowIsReversed() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1800));
        load("/?view=trends&lang=fr");
        WebElement chart = browser.findElement(By.id("trend-chart"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d ->
                ((Number) browser.executeScript("return arguments[0].naturalWidth", chart)).intValue() > 0);
        assertFalse(browser.findElements(By.cssSelector("#trend-flags tbody tr")).isEmpty());
        JsonNode report = ServeFixture.json(serve.get("/v1/trends"));
        int from = report.get("from").asInt();
        int to = report.get("to").asInt();
        List<WebElement> rows = browser.findElements(By.cssSelector("#trend-table tbody tr"));
        assertEquals(report.get("series").size(), rows.size());
        JsonNode total = report.get("series").get(report.get("series").size() - 1);
        List<String> cells = rows.get(rows.size() - 1).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        long first = total.get("counts").get(String.valueOf(from)).asLong();
        long last = total.get("counts").get(String.valueOf(to)).asLong();
        assertEquals(String.valueOf(Math.round(100.0 * last / first)), cells.get(cells.size() - 1), "the index of the last year");
        assertEquals(java.text.NumberFormat.getIntegerInstance(java.util.Locale.FRENCH).format(first).replace('\u00a0', '\u202f'),
                cells.get(0).replace('\u00a0', '\u202f'), "counts in the page's language");
        assertTrue(browser.findElement(By.cssSelector("#trend-table thead")).getText()
                .endsWith("Indice " + to + " (" + from + " = 100)"));
        assertTrue(text("trend-source").startsWith("Source : Crime prevention policy (2018)"), text("trend-source"));
        assertTrue(text("trend-source").endsWith("années " + from + " à " + to + "."), text("trend-source"));
        screenshot("trends");
        assertAccessible("trends");

        String href = browser.findElement(By.id("trend-csv")).getDomAttribute("href");
        assertEquals("/v1/trends.csv?from=" + from + "&to=" + to + "&lang=fr", href);
        var csv = serve.get(href);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals("attachment; filename=\"trends-" + from + "-" + to + ".csv\"",
                csv.headers().firstValue("Content-Disposition").orElse(""));
        assertTrue(csv.body().startsWith("record,series,from,to,"), csv.body());
        assertTrue(csv.body().contains("détention de drogue"), "the CSV in the page's language: " + csv.body());

        // A first year after the last is said in the form's own words, and no chart or table stands for it.
        new Select(browser.findElement(By.id("trend-from"))).selectByValue(String.valueOf(to));
        new Select(browser.findElement(By.id("trend-to"))).selectByValue(String.valueOf(from));
        browser.findElement(By.cssSelector("#trend-window button")).click();
        awaitReady();
        assertTrue(text("trend-error").startsWith("La première année vient après la dernière."), text("trend-error"));
        assertFalse(browser.findElement(By.id("trend-result")).isDisplayed());
        assertEquals(String.valueOf(to), browser.findElement(By.id("trend-from")).getDomProperty("value"));
        assertAccessible("a reversed window of the trends");
    }

    @Test
    void anEditedRuleChangesTheAnswerAndABrokenOneIsShownItsProblemsOnlyToThisMachine() throws Exception {
        String other = ServeFixture.otherAddress();
        assumeTrue(other != null, "this test plays a visitor from an address of this machine other than loopback; it has none");
        load("/?q=needle+exchange&place=Gent");
        assertEquals("tertiary", text("tier"));

        int version = serve.engine.version();
        long checked = serve.engine.status().checkedAt().toEpochMilli();
        Path rules = dir.resolve("rules");
        Path table = rules.resolve("intervention-types.drl.csv");
        Path scope = rules.resolve("scope.drl");
        String original = Files.readString(table);
        String good = Files.readString(scope);
        try {
            ReloadTest.moveNeedleExchangeToSecondary(rules);
            serve.awaitReload(version, checked);
            browser.navigate().refresh();
            awaitReady();
            assertEquals("secondary", text("tier"));
            assertTrue(browser.findElements(By.id("health")).isEmpty(), "no notice while the last edit is in use");

            checked = serve.engine.status().checkedAt().toEpochMilli();
            Thread.sleep(5);
            Files.writeString(scope, good.replaceFirst("salience 50\\s*\\nwhen", "salience 50\nwhen ("));
            serve.awaitReload(version + 1, checked);
            browser.navigate().refresh();
            awaitReady();
            assertTrue(browser.findElement(By.id("health")).isDisplayed());
            assertTrue(text("health-problems").contains("rules/scope.drl:"), text("health-problems"));
            assertEquals("secondary", text("tier"), "the last good rules still answer");
            screenshot("broken-edit");
            assertAccessible("a broken edit");

            // A visitor from elsewhere learns that an edit was refused, not where or why.
            browser.get("http://" + other + ":" + serve.server.port() + "/?q=needle+exchange&place=Gent&lang=nl");
            awaitReady();
            String notice = text("health");
            assertTrue(notice.startsWith("De laatste wijziging van de regels of feiten is niet in gebruik"), notice);
            assertTrue(notice.contains("(versie " + (version + 1) + ")"), notice);
            assertTrue(browser.findElements(By.id("health-problems")).isEmpty());
            for (String hidden : List.of("scope.drl", ".drl:", "Exception", dir.toString())) {
                assertFalse(browser.getPageSource().contains(hidden), hidden + " shown to a visitor: " + notice);
            }
            assertEquals("secundair", text("tier"));
            assertAccessible("a broken edit, for a visitor");
        } finally {
            // The other tests of this class expect the rules as bundled: restore them and wait until they are in use.
            int edited = serve.engine.version();
            Files.writeString(scope, good);
            Files.writeString(table, original);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while ((serve.engine.version() == edited || !serve.engine.status().problems().isEmpty())
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
    }

    /**
     * Issue 21: staff save a rule and the workbench, open in their browser, shows it checked, tested and
     * what it changes, within 5 seconds of the save (the page looks again every 2); a broken edit shows
     * its file and line; the files put back show no change.
     */
    @Test
    void theWorkbenchShowsAnEditABrokenEditAndTheRulesPutBack(@TempDir Path own) throws Exception {
        try (ServeFixture bench = ServeFixture.editable(own)) {
            browser.get(bench.base() + "/workbench");
            WebDriverWait fiveSeconds = new WebDriverWait(browser, Duration.ofSeconds(5));
            fiveSeconds.ignoring(WebDriverException.class).until(d -> body().contains(" 0 failed"));
            assertEquals("Rules workbench", browser.findElement(By.tagName("h1")).getText());
            assertTrue(body().contains("no problems") && body().contains("\n0 of "), body());
            Path table = own.resolve("rules/intervention-types.drl.csv");
            Path scope = own.resolve("rules/scope.drl");
            String tableBefore = Files.readString(table);
            String scopeBefore = Files.readString(scope);

            ReloadTest.moveNeedleExchangeToSecondary(own.resolve("rules"));
            fiveSeconds.ignoring(WebDriverException.class).until(d -> !body().contains(" 0 failed")
                    && body().contains("rules/tests/") && !body().contains("\n0 of "));
            assertTrue(body().contains("tertiary") && body().contains("secondary"), body());
            screenshot("workbench-edit");

            Files.writeString(scope, scopeBefore.replaceFirst("salience 50\\s*\\nwhen", "salience 50\nwhen ("));
            fiveSeconds.ignoring(WebDriverException.class).until(d -> body().contains("rules/scope.drl:"));
            assertFalse(body().contains(own.toString()), "no path of the server's disk");

            Files.writeString(scope, scopeBefore);
            Files.writeString(table, tableBefore);
            fiveSeconds.ignoring(WebDriverException.class).until(d -> body().contains("no problems")
                    && body().contains(" 0 failed") && body().contains("\n0 of "));
        }
    }

    private String body() {
        return browser.findElement(By.tagName("body")).getText();
    }
}
