package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
