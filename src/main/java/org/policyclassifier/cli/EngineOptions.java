package org.policyclassifier.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.serve.LiveEngine;
import picocli.CommandLine.Option;

/** {@code --rules} and {@code --facts}, shared by every command that runs the engine. */
public final class EngineOptions {

    /** Set by the {@code policy} launcher so that the bundled folders are found from any directory. */
    private static final Path HOME = Path.of(System.getProperty("policy.home", "."));

    @Option(names = "--rules", paramLabel = "DIR", description = "Folder of rule files (default: the bundled rules/).")
    Path rules = bundled("rules");

    @Option(names = "--facts", paramLabel = "DIR", description = "Folder of facts files (default: the bundled facts/).")
    Path facts = bundled("facts");

    /** Relative to the working directory when inside it, so that messages read {@code rules/x.drl:12}. */
    private static Path bundled(String folder) {
        Path path = HOME.resolve(folder).toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return path.startsWith(here) ? here.relativize(path) : path;
    }

    /** Set by the launcher: where compiled rules are kept between runs (none when unset). */
    private static final String RULES_CACHE = System.getProperty("policy.rules.cache");

    Classifier loadClassifier() throws InvalidInputException {
        return Classifier.load(rules, facts, RULES_CACHE == null ? null : Path.of(RULES_CACHE));
    }

    /** {@code useCache} false compiles every reload for real, as a benchmark of reloads must. */
    LiveEngine loadLiveEngine(PrintWriter log, boolean useCache) throws InvalidInputException {
        return LiveEngine.load(rules, facts, RULES_CACHE == null || !useCache ? null : Path.of(RULES_CACHE), log);
    }
}
