package org.policyclassifier.cli;

import java.nio.file.Path;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.errors.InvalidInputException;
import picocli.CommandLine.Option;

/** {@code --rules} and {@code --facts}, shared by every command that runs the engine. */
public final class EngineOptions {

    /** Set by the {@code policy} launcher so that the bundled folders are found from any directory. */
    private static final String HOME = System.getProperty("policy.home", ".");

    @Option(names = "--rules", paramLabel = "DIR", description = "Folder of rule files (default: the bundled rules/).")
    Path rules = Path.of(HOME, "rules").normalize();

    @Option(names = "--facts", paramLabel = "DIR", description = "Folder of facts files (default: the bundled facts/).")
    Path facts = Path.of(HOME, "facts").normalize();

    /** Set by the launcher: where compiled rules are kept between runs (none when unset). */
    private static final String RULES_CACHE = System.getProperty("policy.rules.cache");

    Classifier loadClassifier() throws InvalidInputException {
        return Classifier.load(rules, facts, RULES_CACHE == null ? null : Path.of(RULES_CACHE));
    }
}
