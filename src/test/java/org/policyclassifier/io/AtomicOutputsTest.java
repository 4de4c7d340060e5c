package org.policyclassifier.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs replaced together or not at all, and failures named by the file the user gave. */
class AtomicOutputsTest {

    @TempDir
    Path dir;

    @Test
    void anOutputFolderRemovedDuringTheRunIsNamedByTheRealFileAndNoOtherOutputIsReplaced() throws Exception {
        Path kept = dir.resolve("kept.jsonl");
        Files.writeString(kept, "previous\n");
        Path folder = Files.createDirectories(dir.resolve("gone"));
        Path vanishing = folder.resolve("rejects.jsonl");
        IOException e;
        try (AtomicOutputs outputs = new AtomicOutputs()) {
            outputs.add(kept).stream().write("new\n".getBytes(StandardCharsets.UTF_8));
            outputs.add(vanishing).stream().write("new\n".getBytes(StandardCharsets.UTF_8));
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(folder);
            e = assertThrows(IOException.class, outputs::commit);
        }
        assertEquals(vanishing.toAbsolutePath() + ": cannot be written (the folder " + folder.toAbsolutePath()
                + " does not exist)", e.getMessage());
        assertFalse(e.getMessage().contains(".partial"), e.getMessage());
        assertEquals("previous\n", Files.readString(kept));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "a temporary file was left behind");
        }
    }
}
