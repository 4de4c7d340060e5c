package org.policyclassifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the bundled rules (and facts) in a temporary folder, to break on purpose. */
public final class RuleFolders {

    private RuleFolders() {
    }

    /** Copies every file of the bundled rules/ (not its subfolders) into {@code target}. */
    public static Path copyBundled(Path target) {
        return copyFiles(TestPaths.RULES, target);
    }

    /** Copies every file of the bundled facts/, and the words of every language, into {@code target}, to edit a facts file on purpose. */
    public static Path copyBundledFacts(Path target) {
        copyFiles(TestPaths.FACTS.resolve("words"), target.resolve("words"));
        return copyFiles(TestPaths.FACTS, target);
    }

    /** Copies {@code from} with all its subfolders into {@code to}, replacing files there. */
    public static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copyFiles(Path folder, Path target) {
        try (Stream<Path> files = Files.list(folder)) {
            Files.createDirectories(target);
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first occurrence of {@code from} in a rule file; fails if it is not there. */
    public static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain: " + from);
            }
            Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
                    java.util.regex.Matcher.quoteReplacement(to)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds {@code loop.drl}: a rule {@code ID} that inserts a flag for every flag it sees, so the rules
     * keep triggering each other for any offence case that gets a flag.
     */
    public static void addRuleFeedingItself(Path rules, String id) {
        try {
            Files.writeString(rules.resolve("loop.drl"), """
                    package policy.loop
                    import org.policyclassifier.classify.*;
                    rule "%s Keeps inserting"
                        @id("%s")
                        @source("Statistics:")
                    when
                        $f : Flag( code == "LOOP" || code == "REFER_TO_DEMAND_REDUCTION" )
                    then
                        insert(new Flag($f.caseId(), "LOOP", "again"));
                    end
                    """.formatted(id, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A rule file whose action would run {@code touch marker} (on line 10): a rule must never run a command. */
    public static String ruleRunningACommand(Path marker) {
        return """
                package policy.exec
                import org.policyclassifier.classify.*;

                rule "EXEC-001 Runs a command"
                    @id("EXEC-001")
                    @source("Statistics:")
                when
                    $c : Case( )
                then
                    Runtime.getRuntime().exec("touch %s");
                end
                """.formatted(marker);
    }
}
