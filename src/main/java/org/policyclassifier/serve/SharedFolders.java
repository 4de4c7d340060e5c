package org.policyclassifier.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Who else may change what the server runs. A rule file is compiled and run inside the server on
 * every reload, with no request needed; so a folder (or a file in it, or a folder above it) that
 * another user may write lets that user run code as the server's user.
 */
public final class SharedFolders {

    private static final int GROUP_WRITE = 0020;
    private static final int OTHERS_WRITE = 0002;
    /** The sticky bit: in such a folder (as /tmp) only an entry's owner may rename or delete it. */
    private static final int STICKY = 01000;
    private static final int ROOT = 0;

    private SharedFolders() {
    }

    /**
     * Each folder or file under {@code folders}, and each folder above them, that a user other than
     * this process's may write, with why (e.g. {@code rules/scope.drl: its group may write it}); empty when
     * there is none, or when the file system does not tell owners and modes.
     */
    public static List<String> writableByOthers(List<Path> folders) throws IOException {
        Integer me = uidOf(Path.of("/proc/self"));
        if (me == null) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> inside = Files.walk(folder)) {
                for (Path path : inside.toList()) {
                    why(path, me, false).ifPresent(found::add);
                }
            }
            for (Path up = folder.toAbsolutePath().normalize().getParent(); up != null; up = up.getParent()) {
                why(up, me, true).ifPresent(found::add);
            }
        }
        return found.stream().distinct().toList();
    }

    /**
     * Why another user may change {@code path}, if one may. Above the served folder, a folder owned
     * by root or with the sticky bit (as /tmp) is fine: others may add entries there but not replace ours.
     */
    private static Optional<String> why(Path path, int me, boolean above) throws IOException {
        Map<String, Object> unix = Files.readAttributes(path, "unix:uid,mode");
        int uid = (Integer) unix.get("uid");
        int mode = (Integer) unix.get("mode");
        if (uid != me && !(above && uid == ROOT)) {
            return Optional.of(path + ": owned by another user (uid " + uid + ")");
        }
        if (above && (mode & STICKY) != 0) {
            return Optional.empty();
        }
        if ((mode & OTHERS_WRITE) != 0) {
            return Optional.of(path + ": every user may write it");
        }
        if ((mode & GROUP_WRITE) != 0) {
            return Optional.of(path + ": its group may write it");
        }
        return Optional.empty();
    }

    /** The owner's uid, or null where the file system has no unix attributes. */
    private static Integer uidOf(Path path) {
        try {
            return (Integer) Files.getAttribute(path, "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }
}
