package org.policyclassifier.cli;

import java.io.PrintWriter;
import java.text.DecimalFormat;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bar of a classify run on stderr (records done, rate, and an ETA when the input's
 * size is known), drawn only when stderr is a terminal; otherwise it does nothing.
 */
final class Progress implements AutoCloseable {

    private static final int WIDTH = 100;

    private final ProgressBar bar;
    private final PrintWriter err;
    private final long inputBytes;

    private Progress(ProgressBar bar, PrintWriter err, long inputBytes) {
        this.bar = bar;
        this.err = err;
        this.inputBytes = inputBytes;
    }

    static Progress start(Console console, long inputBytes) {
        if (!console.stderrIsTerminal()) {
            return new Progress(null, null, inputBytes);
        }
        PrintWriter err = console.err();
        ProgressBarConsumer consumer = new ProgressBarConsumer() {
            @Override
            public int getMaxRenderedLength() {
                return WIDTH;
            }

            @Override
            public void accept(String rendered) {
                err.print('\r' + rendered);
                err.flush();
            }

            @Override
            public void close() {
                err.println();
            }
        };
        ProgressBar bar = new ProgressBarBuilder().setTaskName("classify").setInitialMax(-1)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" records", 1).showSpeed(new DecimalFormat("#,##0")).setUpdateIntervalMillis(250)
                .setConsumer(consumer).build();
        return new Progress(bar, err, inputBytes);
    }

    void update(long records, long bytesRead) {
        if (bar == null) {
            return;
        }
        if (inputBytes > 0 && bytesRead > 0) {
            // Records to come, estimated from the share of the file read so far: enough for an ETA.
            bar.maxHint(Math.max(records, Math.round(records * (double) inputBytes / bytesRead)));
        }
        bar.stepTo(records);
    }

    /** Lets a diagnostic line start at the left margin while the bar is drawn. */
    void clearLine() {
        if (bar != null) {
            err.print('\r' + " ".repeat(WIDTH) + '\r');
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
