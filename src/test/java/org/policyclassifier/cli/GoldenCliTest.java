package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the real command line on every case folder under {@code src/test/resources/golden}: the
 * file {@code cmd} holds the arguments, one per line; {@code stdout}, {@code stderr} and
 * {@code exit} what the run must print and return; input files end in .jsonl, .csv or .json, and
 * one named {@code stdin.*} is fed to standard input. A folder with a missing or an unknown file
 * fails. The clock reads 0 at the first call and one second ever after, so timings are stable.
 * Run with {@code -Dgolden.update=true} to rewrite the expected files after a deliberate change,
 * then review the diff.
 */
class GoldenCliTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final Set<String> EXPECTED_FILES = Set.of("cmd", "stdout", "stderr", "exit");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(GOLDEN)) {
            cases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(cases.isEmpty(), "no golden cases found");
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> run(dir)));
    }

    static void run(Path dir) throws IOException {
        Set<String> present;
        try (Stream<Path> files = Files.list(dir)) {
            present = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".jsonl") && !n.endsWith(".csv") && !n.endsWith(".json"))
                    .collect(Collectors.toSet());
        }
        if (!UPDATE) {
            assertEquals(EXPECTED_FILES, present, dir + ": a golden case needs exactly cmd, stdout, stderr and exit "
                    + "(input files may end in .jsonl, .csv or .json)");
        }
        String[] args = Files.readAllLines(dir.resolve("cmd"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isEmpty()).toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try (InputStream stdin = stdin(dir)) {
            exit = Main.run(args, Console.of(stdin, new PrintWriter(out), new PrintWriter(err), oneSecondClock()));
        }
        if (UPDATE) {
            Files.writeString(dir.resolve("stdout"), out.toString());
            Files.writeString(dir.resolve("stderr"), err.toString());
            Files.writeString(dir.resolve("exit"), exit + "\n");
            return;
        }
        assertAll(
                () -> assertEquals(Files.readString(dir.resolve("stdout")), out.toString(), "stdout"),
                () -> assertEquals(Files.readString(dir.resolve("stderr")), err.toString(), "stderr"),
                () -> assertEquals(Files.readString(dir.resolve("exit")).strip(), String.valueOf(exit), "exit code"));
    }

    private static InputStream stdin(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith("stdin.")).findFirst().orElse(null);
            return file == null ? InputStream.nullInputStream() : Files.newInputStream(file);
        }
    }

    /** 0 at the first reading, one second at every later one. */
    static LongSupplier oneSecondClock() {
        long[] calls = {0};
        return () -> calls[0]++ == 0 ? 0 : 1_000_000_000L;
    }
}
