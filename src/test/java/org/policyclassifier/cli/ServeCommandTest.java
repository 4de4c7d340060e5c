package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;
import org.policyclassifier.serve.SharedFolders;

/** {@code policy serve --bench} through the real entry point: it serves, measures and stops (no timing asserted). */
class ServeCommandTest {

    @Test
    void benchServesMixedQuestionsAndPrintsItsFigures() {
        Cli cli = Cli.run("serve", "--bench", "--connections", "2", "--seconds", "1");
        assertEquals(0, cli.exit(), cli.err());
        assertTrue(cli.out().matches("(?s)\\d+ requests in [\\d.]+ s at 2 connections: \\d+ requests/s, 0 errors\\n"
                + "latency ms: p50 [\\d.]+, p90 [\\d.]+, p99 [\\d.]+, max [\\d.]+ \\(\\d+ distinct questions\\)\\n.*"),
                cli.out());
    }

    @Test
    void aTakenPortIsSaidInPlainWords() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli cli = Cli.run("serve", "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(ExitCode.USAGE, cli.exit(), cli.err());
            assertTrue(cli.err().contains(":" + taken.getLocalPort() + ": the port is in use"), cli.err());
        }
    }

    /** They were exit 4 with a Javalin exception. */
    @Test
    void aPortOutOfRangeIsAUsageError() {
        for (String port : new String[] {"-1", "70000"}) {
            Cli cli = Cli.run("serve", "--port", port);
            assertEquals(ExitCode.USAGE, cli.exit(), cli.err());
            assertTrue(cli.err().contains("--port must be 0..65535"), cli.err());
            assertFalse(cli.err().contains("Exception"), cli.err());
        }
    }

    /** A bad --bind address was reported as "the port is in use". */
    @Test
    void aBindAddressThatIsNotOfThisMachineIsSaidSo() {
        Cli foreign = Cli.run("serve", "--port", "0", "--bind", "192.0.2.7");
        assertEquals(ExitCode.USAGE, foreign.exit(), foreign.err());
        assertTrue(foreign.err().contains("192.0.2.7 is not an address of this machine"), foreign.err());
        Cli invalid = Cli.run("serve", "--port", "0", "--bind", "300.1.2.3");
        assertEquals(ExitCode.USAGE, invalid.exit(), invalid.err());
        assertTrue(invalid.err().contains("--bind 300.1.2.3: not an address"), invalid.err());
        assertFalse(foreign.err().contains("in use") || invalid.err().contains("in use"));
    }

    /** A rule file runs inside the server on every reload: the server watched folders anybody could write. */
    @Test
    void rulesOrFactsOthersMayWriteAreRefusedUnlessAllowed(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules");
        Path facts = dir.resolve("facts");
        RuleFolders.copyTree(Path.of("rules"), rules);
        RuleFolders.copyTree(Path.of("facts"), facts);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path scope = rules.resolve("scope.drl");
        Files.setPosixFilePermissions(scope, PosixFilePermissions.fromString("rw-rw-r--"));
        Cli group = Cli.run("serve", "--port", "0", "--rules", rules.toString(), "--facts", facts.toString());
        assertEquals(ExitCode.USAGE, group.exit(), group.err());
        assertTrue(group.err().contains(scope + ": its group may write it"), group.err());
        assertTrue(group.err().contains("--allow-shared-rules"), group.err());

        Files.setPosixFilePermissions(scope, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(facts, PosixFilePermissions.fromString("rwxrwxrwx"));
        Cli world = Cli.run("serve", "--port", "0", "--rules", rules.toString(), "--facts", facts.toString());
        assertEquals(ExitCode.USAGE, world.exit(), world.err());
        assertTrue(world.err().contains(facts + ": every user may write it"), world.err());

        Files.setPosixFilePermissions(facts, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(List.of(), SharedFolders.writableByOthers(List.of(rules, facts)), "mine alone: served");
    }

    @Test
    void benchBoundsAreAUsageError() {
        Cli cli = Cli.run("serve", "--bench", "--seconds", "3600");
        assertEquals(ExitCode.USAGE, cli.exit());
        assertTrue(cli.err().contains("--seconds 1..120"), cli.err());
    }
}
