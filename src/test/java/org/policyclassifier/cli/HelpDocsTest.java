package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every command's help ends with the page of docs/ that documents it, and that page exists. */
class HelpDocsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "query|docs/asking.md",
        "score-questions|docs/asking.md",
        "classify|docs/batch.md",
        "bench|docs/performance.md",
        "bench-query|docs/performance.md",
        "import-stats|docs/trends.md",
        "trends|docs/trends.md",
        "rules|docs/staff-guide.md",
        "rules check|docs/staff-guide.md",
        "rules table export|docs/staff-guide.md",
        "serve|docs/api.md",
    })
    void eachCommandsHelpNamesItsPage(String command, String page) {
        List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        Cli r = Cli.run(args.toArray(new String[0]));
        assertEquals(0, r.exit(), r::err);
        String[] lines = r.out().strip().split("\n");
        assertEquals("Documentation: " + page, lines[lines.length - 1]);
        assertTrue(Files.isRegularFile(Path.of(page)), page);
    }

    @org.junit.jupiter.api.Test
    void theRootsHelpNamesTheReadmeAndTheDocsFolder() {
        Cli r = Cli.run("--help");
        String[] lines = r.out().strip().split("\n");
        assertEquals("Documentation: README.md, then the pages of docs/", lines[lines.length - 1]);
        assertTrue(Files.isDirectory(Path.of("docs")));
    }
}
