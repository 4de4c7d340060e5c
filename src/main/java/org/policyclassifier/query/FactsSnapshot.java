package org.policyclassifier.query;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.policyclassifier.facts.Vocabulary;
import org.policyclassifier.io.AtomicFiles;

/**
 * The facts of one folder as read and checked, with the analysis of their vocabulary, kept on disk
 * for the next question: reading them costs Jackson's first use, the checks and Lucene's analysis of
 * every term, most of a question's start-up, where this file reads in a few milliseconds. It holds
 * the exact bytes of every facts file it was made from and the build of the code that made it (see
 * {@link FactsCache}): a snapshot whose bytes or build differ from the folder's and the running
 * code's is never used, so an edited facts file is read and checked afresh. The file is named by
 * checksums of the build and of those bytes, so that folders of different contents keep files of
 * their own (the bytes inside decide), and those of other builds, which can never be used again,
 * are deleted. A cache only: anything unreadable is ignored and made again. The questions
 * themselves are always analysed by Lucene.
 */
final class FactsSnapshot {

    private static final String FORMAT = "policy-classifier facts snapshot 3";

    private final Path factsDir;
    private final String build;
    /** Each facts file's bytes, in the order of {@link Vocabulary#files}. */
    private final List<byte[]> files;
    /** The start of the name of every snapshot of this build: those of other builds can never be used again. */
    private final String buildPrefix;
    private final Path file;

    private FactsSnapshot(FactsCache cache, Path factsDir, List<byte[]> files) {
        this.factsDir = factsDir;
        this.build = cache.build();
        this.files = files;
        this.buildPrefix = crc(List.of(build.getBytes(StandardCharsets.UTF_8))) + "-";
        this.file = cache.dir().resolve(buildPrefix + crc(files) + ".facts");
    }

    /** The snapshot of a facts folder in a cache; null when a facts file cannot be read (reading the folder says why). */
    static FactsSnapshot of(FactsCache cache, Path factsDir) {
        List<byte[]> files = read(factsDir);
        return files == null ? null : new FactsSnapshot(cache, factsDir, files);
    }

    private static List<byte[]> read(Path factsDir) {
        List<byte[]> files = new ArrayList<>(Vocabulary.FILES.size());
        try {
            for (Path file : Vocabulary.files(factsDir)) {
                files.add(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            return null;
        }
        return files;
    }

    private static String crc(List<byte[]> bytes) {
        CRC32 crc = new CRC32();
        bytes.forEach(crc::update);
        return Long.toHexString(crc.getValue());
    }

    private static boolean same(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The reader the snapshot holds, with {@code analysis} for the questions; null when there is none for these files. */
    Reader read(Analysis analysis) {
        try (DataInputStream in = open()) {
            if (in == null) {
                return null;
            }
            Vocabulary vocabulary = Vocabulary.read(in);
            int n = in.readInt();
            Map<String, List<String>> analysed = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                String key = in.readUTF();
                String[] words = new String[in.readInt()];
                for (int w = 0; w < words.length; w++) {
                    words[w] = in.readUTF();
                }
                analysed.put(key, List.of(words));
            }
            return new Reader(vocabulary, analysis, analysed);
        } catch (IOException | RuntimeException e) {
            return null; // damaged, or of another format: read the files
        }
    }

    /** The facts the snapshot holds, without their analysis (for classifying); null when there are none for these files. */
    Vocabulary vocabulary() {
        try (DataInputStream in = open()) {
            return in == null ? null : Vocabulary.read(in);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The snapshot's contents after the files it was made from, when they are these files and this build's; else null. */
    private DataInputStream open() throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)));
        if (!FORMAT.equals(in.readUTF()) || !build.equals(in.readUTF())) {
            return null;
        }
        List<byte[]> kept = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            kept.add(new byte[in.readInt()]);
            in.readFully(kept.get(i));
        }
        // Else another folder's, whose bytes happen to have the same checksum.
        return same(kept, files) ? in : null;
    }

    /**
     * Keeps the reader made from this snapshot's files for the next run, unless a file changed while
     * it was read; a failure only costs the next run its speed-up.
     */
    void store(Reader reader) {
        List<byte[]> now = read(factsDir);
        if (now == null || !same(now, files)) {
            return;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(FORMAT);
                out.writeUTF(build);
                for (byte[] f : files) {
                    out.writeInt(f.length);
                    out.write(f);
                }
                reader.vocabulary().write(out);
                out.writeInt(reader.analysed().size());
                for (Map.Entry<String, List<String>> e : reader.analysed().entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().size());
                    for (String word : e.getValue()) {
                        out.writeUTF(word);
                    }
                }
            }
            Files.createDirectories(file.getParent());
            AtomicFiles.writeReadableByAll(file, bytes.toByteArray());
            try (Stream<Path> kept = Files.list(file.getParent())) {
                for (Path other : kept.filter(f -> f.toString().endsWith(".facts")
                        && !f.getFileName().toString().startsWith(buildPrefix)).toList()) {
                    Files.deleteIfExists(other);
                }
            }
        } catch (IOException | RuntimeException e) {
            // The next run reads the files again.
        }
    }
}
