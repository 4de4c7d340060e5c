package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

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

    @Test
    void benchBoundsAreAUsageError() {
        Cli cli = Cli.run("serve", "--bench", "--seconds", "3600");
        assertEquals(ExitCode.USAGE, cli.exit());
        assertTrue(cli.err().contains("--seconds 1..120"), cli.err());
    }
}
