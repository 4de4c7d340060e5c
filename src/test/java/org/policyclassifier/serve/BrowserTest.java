package org.policyclassifier.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
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

    @TempDir
    static Path dir;

    private static ServeFixture serve;
    private ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium"
                        + " chromium-driver (.ci/run installs them)");
        // Selenium Manager would otherwise look for, and may fetch, a driver of its own.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        System.setProperty("SE_OFFLINE", "true");
        Files.createDirectories(SHOTS);
        serve = ServeFixture.editable(dir);
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
                .filter(e -> !e.getMessage().contains("the server responded with a status of 422")).toList();
        browser.quit();
        assertEquals(List.of(), severe.stream().map(LogEntry::getMessage).toList(), "errors in the browser console");
    }

    private void load(String path) {
        browser.get(serve.base() + path);
        awaitReady();
    }

    private void awaitReady() {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "true".equals(
                d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
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
        browser.findElement(By.id("ask-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("answer")).isDisplayed());
        awaitReady();
        assertEquals("nl", browser.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertTrue(text("answer-sentence").startsWith("Het lokale niveau leidt."), text("answer-sentence"));
        assertTrue(text("levels").contains("Vlaamse Gemeenschap"), text("levels"));
        assertEquals("spuitenruil in Gent: het lokale niveau leidt — policy-classifier", browser.getTitle());
        assertTrue(browser.getCurrentUrl().endsWith("/?q=spuitenruil&place=Gent"), browser.getCurrentUrl());
        screenshot("answer");
    }

    @Test
    void aSharedLinkOpensItsAnswerInTheQuestionsLanguageAndTheSwitchChangesIt() throws Exception {
        load("/?q=%C3%A9change+de+seringues&place=Charleroi");
        assertEquals("fr", browser.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertEquals("tertiaire", text("tier"));
        assertTrue(text("levels").contains("Communauté française / Région wallonne"), text("levels"));
        assertEquals("échange de seringues", browser.findElement(By.id("q")).getDomProperty("value"));
        screenshot("shared-link");

        browser.findElement(By.cssSelector("nav.languages a[lang='de']")).click();
        awaitReady();
        assertEquals("de", browser.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertTrue(text("levels").contains("Französische Gemeinschaft / Wallonische Region"), text("levels"));
        assertEquals("Charleroi", browser.findElement(By.id("place")).getDomProperty("value"));
        assertTrue(browser.getCurrentUrl().endsWith("&lang=de"), browser.getCurrentUrl());
    }

    @Test
    void aQuestionWithoutASingleAnswerListsTheCandidatesKeepingThePlace() throws Exception {
        load("/?q=treatment&place=Gent");
        assertTrue(browser.findElement(By.id("refusal")).isDisplayed());
        assertTrue(browser.findElements(By.id("answer")).isEmpty());
        List<WebElement> candidates = browser.findElements(By.cssSelector("#refusal-candidates a"));
        assertTrue(candidates.size() >= 2);
        screenshot("candidates");
        candidates.get(0).click();
        awaitReady();
        assertTrue(browser.findElement(By.id("answer")).isDisplayed());
        assertEquals("Gent", browser.findElement(By.id("place")).getDomProperty("value"));
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
        // The form works without the script too.
        browser.findElement(By.id("q")).clear();
        browser.findElement(By.id("q")).sendKeys("Drogenprävention an Schulen");
        browser.findElement(By.id("place")).clear();
        browser.findElement(By.id("place")).sendKeys("Eupen");
        browser.findElement(By.id("ask-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "de".equals(
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

        // A sentence is addressable by its index, as /v1/profile numbers them.
        String sentence = marked.get(0).getText();
        int index = ServeFixture.json(serve.get("/v1/rules/TYPE-007")).get("profile_sentences").get(0).asInt();
        load("/?view=profile&sentence=" + index);
        assertEquals(sentence, browser.findElement(By.cssSelector("#profile li.highlight")).getText());
    }

    @Test
    void theWhoDoesWhatTableHasEveryTypeAndLinksToItsAnswer() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 2200));
        load("/?view=table");
        List<WebElement> rows = browser.findElements(By.cssSelector("#who-table tbody tr"));
        int types = ServeFixture.json(serve.get("/v1/who-does-what")).get("rows").size();
        assertEquals(types, rows.size());
        WebElement needle = browser.findElement(By.cssSelector("#who-table tr[data-type='needle_exchange']"));
        assertEquals("local", needle.findElement(By.cssSelector("td.lead")).getDomAttribute("data-level"));
        screenshot("who-does-what");
        needle.findElement(By.cssSelector("td[data-level='regional'] a")).click();
        awaitReady();
        assertTrue(browser.findElement(By.id("answer")).isDisplayed());
        assertTrue(text("answer-sentence").startsWith("The local level leads."), text("answer-sentence"));
    }

    @Test
    void theTrendsShowTheChartAndTheFlags() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1800));
        load("/?view=trends");
        WebElement chart = browser.findElement(By.id("trend-chart"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d ->
                ((Number) browser.executeScript("return arguments[0].naturalWidth", chart)).intValue() > 0);
        assertFalse(browser.findElements(By.cssSelector("#trend-flags tbody tr")).isEmpty());
        screenshot("trends");
    }

    @Test
    void anEditedRuleChangesTheAnswerAndABrokenOneIsShown() throws Exception {
        load("/?q=needle+exchange&place=Gent");
        assertEquals("tertiary", text("tier"));

        int version = serve.engine.version();
        long checked = serve.engine.status().checkedAt().toEpochMilli();
        Path rules = dir.resolve("rules");
        Path table = rules.resolve("intervention-types.drl.csv");
        String original = Files.readString(table);
        try {
            ReloadTest.moveNeedleExchangeToSecondary(rules);
            serve.awaitReload(version, checked);
            browser.navigate().refresh();
            awaitReady();
            assertEquals("secondary", text("tier"));

            Path scope = rules.resolve("scope.drl");
            String good = Files.readString(scope);
            checked = serve.engine.status().checkedAt().toEpochMilli();
            Thread.sleep(5);
            Files.writeString(scope, good.replaceFirst("salience 50\\s*\\nwhen", "salience 50\nwhen ("));
            serve.awaitReload(version + 1, checked);
            browser.navigate().refresh();
            awaitReady();
            assertTrue(browser.findElement(By.id("health")).isDisplayed());
            assertTrue(text("health-problems").contains("scope.drl:"), text("health-problems"));
            assertEquals("secondary", text("tier"), "the last good rules still answer");
            screenshot("broken-edit");

            Files.writeString(scope, good);
        } finally {
            // The other tests of this class expect the rules as bundled: restore them and wait until they are in use.
            int edited = serve.engine.version();
            Files.writeString(table, original);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while ((serve.engine.version() == edited || !serve.engine.status().problems().isEmpty())
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
    }
}
