package org.policyclassifier.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.io.InputFormat;
import org.policyclassifier.io.OutputFormat;

/** Issue 10, item 5: spill folders of a killed run are removed by the next run. */
class SpillLeftoversTest {

    @TempDir
    Path spill;

    @Test
    void theSpillFolderOfAKilledRunIsRemovedAndTheRunsOwnIsGoneAfterIt() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path stale = Files.createDirectories(spill.resolve("policy-ids-" + ended.pid() + "-123456"));
        Files.writeString(stale.resolve("run-0"), "911 MB, once");
        Path living = Files.createDirectories(spill.resolve("policy-ids-1-654321")); // pid 1 is always running
        for (Path p : List.of(stale.resolve("run-0"), stale, living)) {
            Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(3600)));
        }
        String records = IntStream.range(0, 250).mapToObj(i -> "{\"id\": \"r" + i + "\", \"kind\": \"offence\","
                + " \"category\": \"trade\"}").collect(Collectors.joining("\n"));
        BatchClassifier.Settings defaults = BatchClassifier.Settings.defaults();
        BatchClassifier.Settings settings = new BatchClassifier.Settings(defaults.workers(), defaults.chunkSize(),
                defaults.cacheBytes(), defaults.maxLineBytes(), spill, 100); // spills twice
        BatchRun run = BatchRun.of(records.getBytes(StandardCharsets.UTF_8), InputFormat.JSONL, OutputFormat.JSONL,
                settings);
        assertEquals(250, run.summary().classified());
        assertFalse(Files.exists(stale), "the killed run's spill folder is still there");
        assertTrue(Files.exists(living), "a running process's spill folder was removed");
        try (Stream<Path> left = Files.list(spill)) {
            assertEquals(List.of(living), left.toList());
        }
    }
}
