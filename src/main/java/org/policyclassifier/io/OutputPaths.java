package org.policyclassifier.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The outputs of one command checked against its inputs and each other before anything is
 * written: an output that is an input would destroy it, and two outputs on one path would leave
 * only the last one written.
 */
public final class OutputPaths {

    /** A sink that may take several outputs at once. */
    private static final Path DEV_NULL = Path.of("/dev/null");
    private static final Path STDOUT = Path.of("/dev/stdout");

    private final Map<String, Path> outputs = new LinkedHashMap<>();
    private final List<Path> inputs = new ArrayList<>();

    /** An output, named by its option ({@code -o}, {@code --rejects}); null when not given. */
    public OutputPaths output(String option, Path path) {
        if (path != null) {
            outputs.put(option, path);
        }
        return this;
    }

    /** A file the command reads; null when none. */
    public OutputPaths input(Path path) {
        if (path != null) {
            inputs.add(path);
        }
        return this;
    }

    /** Every file of these folders (rules, facts) as an input: no output may replace one. */
    public static OutputPaths ofFolders(Path... folders) throws IOException {
        OutputPaths paths = new OutputPaths();
        for (Path folder : folders) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.filter(Files::isRegularFile).forEach(paths::input);
                }
            }
        }
        return paths;
    }

    /** Why the command must not run, or empty when every output is safe to write. */
    public Optional<String> problem() throws IOException {
        List<Map.Entry<String, Path>> list = new ArrayList<>(outputs.entrySet());
        for (int i = 0; i < list.size(); i++) {
            Path a = list.get(i).getValue();
            for (Path in : inputs) {
                if (same(a, in)) {
                    return Optional.of(list.get(i).getKey() + " " + a + " is an input file of this command; an input"
                            + " is never overwritten: write to another file");
                }
            }
            for (int j = i + 1; j < list.size(); j++) {
                Path b = list.get(j).getValue();
                if (same(a, b) && !a.toAbsolutePath().normalize().equals(DEV_NULL)) {
                    return Optional.of(list.get(i).getKey() + " and " + list.get(j).getKey() + " both name " + a
                            + "; each output needs a file of its own");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * True when {@code path} is {@code -} or the file this process's standard output goes to
     * ({@code /dev/stdout}, or {@code c.png} in {@code > c.png}): an output there would be mixed
     * into what the command prints. {@code /dev/null} takes both.
     */
    public static boolean isStandardOutput(Path path) throws IOException {
        if (path.toString().equals("-")) {
            return true;
        }
        return !path.toAbsolutePath().normalize().equals(DEV_NULL) && Files.exists(STDOUT) && Files.exists(path)
                && Files.isSameFile(path, STDOUT);
    }

    private static boolean same(Path a, Path b) throws IOException {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    }
}
