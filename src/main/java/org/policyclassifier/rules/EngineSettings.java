package org.policyclassifier.rules;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the rule engine runs, as a command's options set it: passed down to every rule set a
 * command compiles, never read from process-wide state, so that two engines in one process (the
 * tests, the server's reloads) each run under their own.
 *
 * @param ruleTimeLimit how long one rule session may run before it is stopped as a fault of the rules
 * @param rulesCache where compiled rules are kept between runs (see {@link CompiledRules}); null for none
 */
public record EngineSettings(Duration ruleTimeLimit, Path rulesCache) {

    /**
     * Far above the milliseconds a session takes (a chunk of 1,000 records runs in about 30 ms).
     */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(5);

    /** The default time limit, no cache. */
    public static final EngineSettings DEFAULTS = new EngineSettings(DEFAULT_TIME_LIMIT, null);

    public EngineSettings {
        if (ruleTimeLimit.isNegative() || ruleTimeLimit.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive, got " + ruleTimeLimit);
        }
    }

    public EngineSettings withRulesCache(Path cache) {
        return new EngineSettings(ruleTimeLimit, cache);
    }

    public EngineSettings withRuleTimeLimit(Duration limit) {
        return new EngineSettings(limit, rulesCache);
    }
}
