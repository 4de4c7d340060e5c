package org.policyclassifier.cli;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * What a command may touch of the world it runs in, injected so that tests run commands
 * in-process: standard input, standard output as bytes (for bulk output) and as text, standard
 * error, a clock, and whether standard error is a terminal (the progress bar is drawn only then).
 */
public record Console(InputStream in, OutputStream stdout, PrintWriter out, PrintWriter err, LongSupplier nanoClock,
        boolean stderrIsTerminal) {

    /**
     * A console over character streams only: bytes written to {@link #stdout} reach {@code out}
     * decoded as UTF-8 at each flush. Standard input is empty unless given.
     */
    public static Console of(InputStream in, PrintWriter out, PrintWriter err, LongSupplier nanoClock) {
        OutputStream bytes = new ByteArrayOutputStream() {
            @Override
            public synchronized void flush() {
                out.write(toString(StandardCharsets.UTF_8));
                out.flush();
                reset();
            }
        };
        return new Console(in, bytes, out, err, nanoClock, false);
    }
}
