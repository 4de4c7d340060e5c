package org.policyclassifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of {@code src/main} in layers, each using only those below it: the engine never
 * reaches up to the CLI or to the features built on it, and its settings are passed down, never
 * carried by system properties. A scan of the sources, so that no dependency is needed for it.
 */
class LayersTest {

    private static final Path MAIN = Path.of("src/main/java/org/policyclassifier");

    /** Bottom first; a package may use its own layer's packages only through lower ones. */
    private static final List<Set<String>> LAYERS = List.of(
            Set.of("errors", "cases"),
            Set.of("io"),
            Set.of("facts", "profile", "stats", "rules"),
            Set.of("classify", "trends"),
            Set.of("check", "diff", "query"),
            // A batch reads records given in words as a question is read.
            Set.of("batch"),
            Set.of("policytest"),
            // The workbench of the server runs the policy tests.
            Set.of("bench", "serve"),
            Set.of("cli"));

    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.policyclassifier\\.([a-z]+)\\.[A-Za-z*]");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern PROPERTY = Pattern.compile(
            "\\b(?:System\\.(set|get|clear)Property|Boolean\\.getBoolean|Integer\\.getInteger|Long\\.getLong)\\s*\\(\\s*([^,)]*)");

    @Test
    void everyPackageUsesOnlyTheLayersBelowIt() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = MAIN.relativize(file).getName(0).toString();
            int layer = layer(pkg);
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = REFERENCE.matcher(STRING.matcher(lines.get(i)).replaceAll("\"\""));
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(pkg) && layer(used) >= layer) {
                        wrong.add(file + ":" + (i + 1) + ": " + pkg + " uses " + used);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void noSystemPropertyCarriesEngineSettings() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path file : sources()) {
            boolean cli = MAIN.relativize(file).getName(0).toString().equals("cli");
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = PROPERTY.matcher(lines.get(i));
                while (m.find()) {
                    String key = m.group(2).strip();
                    // The JVM's own properties (java.home, user.name…) are fine; ours are the
                    // launcher's, read by the CLI alone and passed down as options are.
                    boolean literal = key.startsWith("\"");
                    boolean ours = !literal || key.startsWith("\"policy.");
                    boolean read = m.group(1) == null || m.group(1).equals("get");
                    if (ours && !(cli && literal && read)) {
                        wrong.add(file + ":" + (i + 1) + ": " + m.group().strip());
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The scan sees what it checks: a package missing from the layers fails rather than passes unseen. */
    @Test
    void everyPackageHasALayer() throws IOException {
        Set<String> packages;
        try (Stream<Path> dirs = Files.list(MAIN)) {
            packages = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> layered = LAYERS.stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(layered, packages);
        assertTrue(sources().size() > 100, "the sources are found from the project root");
    }

    private static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        throw new AssertionError("package " + pkg + " has no layer in " + LayersTest.class.getSimpleName()
                + ": place it above the packages it uses and below those that use it");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
