package org.policyclassifier.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.facts.Vocabulary;
import org.policyclassifier.query.FactsCache;
import org.policyclassifier.query.QueryService;
import org.policyclassifier.rules.EngineSettings;
import org.policyclassifier.rules.RuleSet;
import org.policyclassifier.serve.LiveEngine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --rules} and {@code --facts}, shared by every command that runs the engine. */
public final class EngineOptions {

    /** Set by the {@code policy} launcher so that the bundled folders are found from any directory. */
    private static final Path HOME = Path.of(System.getProperty("policy.home", "."));

    @Option(names = "--rules", paramLabel = "DIR", description = "Folder of rule files (default: the bundled rules/).")
    Path rules = bundledRules();

    @Option(names = "--facts", paramLabel = "DIR", description = "Folder of facts files (default: the bundled facts/).")
    Path facts = bundledFacts();

    static Path bundledFacts() {
        return bundled("facts");
    }

    static Path bundledRules() {
        return bundled("rules");
    }

    static Path readme() {
        return bundled("README.md");
    }

    /** A page of the documentation beside the bundled rules ({@code docs/asking.md}), or the folder for null. */
    static Path docs(String page) {
        return bundled(page == null ? "docs" : "docs/" + page);
    }

    /** Relative to the working directory when inside it, so that messages read {@code rules/x.drl:12}. */
    private static Path bundled(String folder) {
        Path path = HOME.resolve(folder).toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return path.startsWith(here) ? here.relativize(path) : path;
    }

    /**
     * Set by {@code POLICY_JAVA_OPTS=-Dpolicy.rule.time.limit=SECONDS}: the default of
     * {@code --rule-time-limit}, read here and passed down like the option.
     */
    private static final Duration LAUNCHER_TIME_LIMIT = launcherTimeLimit();

    private Duration ruleTimeLimit = LAUNCHER_TIME_LIMIT;

    @Option(names = "--rule-time-limit", paramLabel = "SECONDS",
            description = "Stop a rule session that runs longer than this, naming the rule that was running (a"
                    + " rule whose action never ends). Default: 5.")
    void ruleTimeLimit(double seconds) {
        if (!(seconds > 0)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--rule-time-limit must be more than 0 seconds, got " + seconds);
        }
        ruleTimeLimit = timeLimit(seconds);
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** Set by the launcher: where compiled rules are kept between runs (none when unset). */
    private static final String RULES_CACHE = System.getProperty("policy.rules.cache");

    /** Set by the launcher: where snapshots of read facts are kept between runs (none when unset). */
    private static final String FACTS_CACHE = System.getProperty("policy.facts.cache");

    /** The settings of the engine these options run: the time limit of the options, the launcher's cache. */
    EngineSettings settings() {
        return new EngineSettings(ruleTimeLimit, rulesCache());
    }

    /** The settings before any option: those of a service started before the options are parsed. */
    static EngineSettings launcherSettings() {
        return new EngineSettings(LAUNCHER_TIME_LIMIT, rulesCache());
    }

    /** The rules and facts of the options; the facts from a question's snapshot of them when there is one. */
    Classifier loadClassifier() throws InvalidInputException {
        FactsCache cache = factsCache();
        return Classifier.load(rules, () -> cache == null ? Vocabulary.load(facts) : cache.vocabulary(facts),
                settings(), RuleSet.Part.ALL);
    }

    /** {@code early}: the service of the bundled folders, loading already (used if the options name those). */
    QueryService loadQueryService(QueryService.Early early) throws InvalidInputException {
        return QueryService.load(rules, facts, settings(), factsCache(), early);
    }

    /** Where snapshots of read facts are kept between runs; null when not set. */
    static FactsCache factsCache() {
        return FACTS_CACHE == null ? null : FactsCache.forRunningCode(Path.of(FACTS_CACHE));
    }

    /** Where compiled rules are kept between runs; null when not set. */
    private static Path rulesCache() {
        return RULES_CACHE == null ? null : Path.of(RULES_CACHE);
    }

    /** {@code useCache} false compiles every reload for real, as a benchmark of reloads must. */
    LiveEngine loadLiveEngine(PrintWriter log, boolean useCache) throws InvalidInputException {
        return LiveEngine.load(rules, facts, useCache ? settings() : settings().withRulesCache(null), log);
    }

    /** Whole milliseconds; a limit that rounds to none is the default, as a malformed property is. */
    private static Duration timeLimit(double seconds) {
        Duration limit = Duration.ofMillis(Math.round(1000 * seconds));
        return limit.isNegative() || limit.isZero() ? EngineSettings.DEFAULT_TIME_LIMIT : limit;
    }

    private static Duration launcherTimeLimit() {
        String seconds = System.getProperty("policy.rule.time.limit");
        try {
            return seconds == null ? EngineSettings.DEFAULT_TIME_LIMIT : timeLimit(Double.parseDouble(seconds));
        } catch (NumberFormatException e) {
            return EngineSettings.DEFAULT_TIME_LIMIT;
        }
    }
}
