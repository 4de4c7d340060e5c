package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trends command where golden files cannot show it: the chart it writes. */
class TrendsCommandTest {

    @TempDir
    Path temp;

    static Cli run(String... args) {
        return Cli.run(args);
    }

    @Test
    void theChartIsWrittenBesideTheReportWhichItDoesNotChange() throws Exception {
        Path png = temp.resolve("trends.png");
        Cli withChart = run("trends", "--chart", png.toString());
        assertEquals(0, withChart.exit(), withChart.err());
        assertEquals(run("trends").out(), withChart.out());
        assertEquals("chart written to " + png + "\n", withChart.err());
        byte[] bytes = Files.readAllBytes(png);
        assertEquals("PNG", new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(png), files.toList(), "no temporary file left beside the chart");
        }
    }

    @Test
    void aChartThatCannotBeWrittenIsAnErrorNamingTheFile() {
        Path png = temp.resolve("no-such-folder/trends.png");
        Cli r = run("trends", "--chart", png.toString());
        assertEquals(3, r.exit());
        assertEquals(png + ": cannot be written (the folder " + png.getParent() + " does not exist)\n", r.err());
    }

    /** Issue 20, item 12: {@code --chart /dev/stdout > c.png} wrote the report and the PNG into one stream, exit 0. */
    @Test
    void aChartOnTheStandardOutputIsRefusedNotMixedIntoTheReport() throws Exception {
        for (String chart : List.of("/dev/stdout", "-")) {
            Cli r = run("trends", "--chart", chart);
            assertEquals(ExitCode.USAGE, r.exit(), r.err());
            assertEquals("policy trends: --chart " + chart + " is the standard output, which carries the report; give"
                    + " the chart a file of its own; nothing was written\n", r.err());
            assertEquals("", r.out());
        }
        // The same file under its own name, as the shell's redirection makes it: seen only by a process of its own.
        Path png = temp.resolve("c.png");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.policyclassifier.cli.Main", "trends", "--chart",
                png.toString()).redirectOutput(png.toFile()).redirectErrorStream(false).start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(ExitCode.USAGE, p.exitValue(), err);
        assertTrue(err.contains("--chart " + png + " is the standard output"), err);
        assertEquals(0, Files.size(png));
    }
}
