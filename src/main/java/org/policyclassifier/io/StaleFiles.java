package org.policyclassifier.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Temporary files and folders this tool names after the process that made them
 * ({@code PREFIX<pid>-<random>SUFFIX}), and the removal of those a killed run left behind: only
 * when their process is gone, they belong to this user and are older than this run.
 */
public final class StaleFiles {

    private static final long PID = ProcessHandle.current().pid();
    private static final long STARTED = ProcessHandle.current().info().startInstant()
            .map(java.time.Instant::toEpochMilli).orElse(System.currentTimeMillis());

    private StaleFiles() {
    }

    /** The part of a temporary name that says which process made it. */
    public static String owner() {
        return PID + "-";
    }

    /**
     * Removes the files or folders in {@code folder} whose name is {@code prefix<pid>-...suffix}
     * and that a run no longer alive left behind. Best effort: what cannot be removed stays.
     */
    public static void removeLeftovers(Path folder, String prefix, String suffix) {
        Pattern name = Pattern.compile(Pattern.quote(prefix) + "(\\d+)-[0-9a-z]+" + Pattern.quote(suffix));
        UserPrincipal me;
        try {
            String user = System.getProperty("user.name");
            me = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, prefix + "*")) {
            for (Path entry : entries) {
                Matcher m = name.matcher(entry.getFileName().toString());
                if (m.matches() && isLeftover(entry, Long.parseLong(m.group(1)), me)) {
                    deleteTree(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Only housekeeping: the run itself does not depend on it.
        }
    }

    private static boolean isLeftover(Path entry, long pid, UserPrincipal me) throws IOException {
        if (pid == PID || ProcessHandle.of(pid).isPresent()) {
            return false;
        }
        return me.equals(Files.getOwner(entry))
                && Files.getLastModifiedTime(entry).toMillis() < STARTED;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
