package org.policyclassifier.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;

/**
 * Every command the README shows ({@code $ ...} in a code block) runs, in a copy of the bundled rules
 * and facts, with the exit code it shows ({@code # exit N} at the end of its line, else 0), and prints
 * what the README shows under it: line for line, where "..." alone skips lines and " ..." in a line
 * stands for the rest of it. {@code ./policy} is the tool as built for the tests.
 */
class ReadmeCommandsTest {

    private static final Pattern FENCE = Pattern.compile("^```[^\\n]*\\n(.*?)^```", Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern EXIT = Pattern.compile("#\\s*exit\\s+(\\d+)\\s*$");

    /** A command of the README and the lines it shows under it. */
    record Shown(String command, int exit, List<String> output) {
    }

    static List<Shown> commands(String markdown) {
        List<Shown> out = new ArrayList<>();
        Matcher block = FENCE.matcher(markdown);
        while (block.find()) {
            Shown current = null;
            for (String line : block.group(1).split("\n", -1)) {
                if (line.startsWith("$ ")) {
                    Matcher exit = EXIT.matcher(line);
                    current = new Shown(line.substring(2), exit.find() ? Integer.parseInt(exit.group(1)) : 0,
                            new ArrayList<>());
                    out.add(current);
                } else if (current != null) {
                    current.output().add(line);
                }
            }
        }
        return out;
    }

    /** Where the printed lines differ from the shown ones; null when they agree. */
    static String difference(List<String> shown, List<String> printed) {
        List<String> expected = new ArrayList<>(shown);
        while (!expected.isEmpty() && expected.get(expected.size() - 1).isBlank()) {
            expected.remove(expected.size() - 1);
        }
        int at = 0;
        boolean skipping = false;
        for (String line : expected) {
            if (line.strip().equals("...")) {
                skipping = true;
                continue;
            }
            int cut = line.indexOf(" ...");
            String prefix = cut < 0 ? null : line.substring(0, cut);
            boolean found = false;
            while (at < printed.size()) {
                String actual = printed.get(at++);
                if (prefix == null ? actual.equals(line) : actual.startsWith(prefix)) {
                    found = true;
                    break;
                }
                if (!skipping) {
                    return "shown \"" + line + "\", printed \"" + actual + "\"";
                }
            }
            if (!found) {
                return "shown \"" + line + "\", not printed";
            }
            skipping = false;
        }
        return null;
    }

    @Test
    void everyCommandOfTheReadmeRunsAndPrintsWhatItShows(@TempDir Path dir) throws Exception {
        List<Shown> commands = commands(Files.readString(Path.of("README.md")));
        assertFalse(commands.isEmpty(), "the README shows commands");
        RuleFolders.copyTree(Path.of("rules"), dir.resolve("rules"));
        RuleFolders.copyTree(Path.of("facts"), dir.resolve("facts"));
        Path policy = dir.resolve("policy");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Files.writeString(policy, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -cp '" + classPath + "' -Dpolicy.home='" + dir + "' org.policyclassifier.cli.Main \"$@\"\n");
        assertTrue(policy.toFile().setExecutable(true));
        List<String> failures = new ArrayList<>();
        for (Shown c : commands) {
            Process p = new ProcessBuilder("bash", "-c", c.command()).directory(dir.toFile()).redirectErrorStream(true)
                    .start();
            byte[] printed = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), c.command());
            List<String> lines = List.of(new String(printed, StandardCharsets.UTF_8).split("\n", -1));
            if (p.exitValue() != c.exit()) {
                failures.add(c.command() + ": exit " + p.exitValue() + ", the README shows " + c.exit() + "\n"
                        + String.join("\n", lines));
                continue;
            }
            String difference = difference(c.output(), lines);
            if (difference != null) {
                failures.add(c.command() + ": " + difference);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void aChangedOutputOrExitIsFound() {
        List<String> printed = List.of("122 rules checked: no problems", "fields: kind", "474 passed, 0 failed", "");
        assertEquals(null, difference(List.of("122 rules checked: no problems", "...", "474 passed, 0 failed"), printed));
        assertEquals(null, difference(List.of("122 rules checked: no ...", "..."), printed));
        assertEquals("shown \"463 passed, 11 failed\", not printed",
                difference(List.of("...", "463 passed, 11 failed"), printed));
        assertEquals("shown \"121 rules checked: no problems\", printed \"122 rules checked: no problems\"",
                difference(List.of("121 rules checked: no problems"), printed));
        List<Shown> shown = commands("text\n```\n$ ./policy rules test --rules my-rules  # exit 1\n...\n"
                + "463 passed, 11 failed\n```\n");
        assertEquals(1, shown.size());
        assertEquals(1, shown.get(0).exit());
        assertEquals(List.of("...", "463 passed, 11 failed", ""), shown.get(0).output());
    }
}
