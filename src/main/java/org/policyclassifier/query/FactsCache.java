package org.policyclassifier.query;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.facts.Vocabulary;

/**
 * Where snapshots of read facts are kept between runs (see {@link FactsSnapshot}), and the build of
 * the code they are made by and for.
 *
 * @param build tells one build of the code from another: a snapshot made by another build is not used
 */
public record FactsCache(Path dir, String build) {

    /**
     * The facts of {@code factsDir}, from their snapshot when one of this build holds these files'
     * bytes (a question made it), else read and checked from the files. For commands that ask no
     * question: they need neither the analysis nor a snapshot of their own.
     */
    public Vocabulary vocabulary(Path factsDir) throws InvalidInputException {
        FactsSnapshot snapshot = FactsSnapshot.of(this, factsDir);
        Vocabulary kept = snapshot == null ? null : snapshot.vocabulary();
        return kept != null ? kept : Vocabulary.load(factsDir);
    }

    /**
     * The folder for the running code, whose build is its jar's path, size and time (the jar holds the
     * libraries too); null when the code is no jar: classes of a development build change unseen.
     */
    public static FactsCache forRunningCode(Path dir) {
        try {
            Path code = Path.of(FactsCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(code) ? new FactsCache(dir,
                    code + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis()) : null;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
