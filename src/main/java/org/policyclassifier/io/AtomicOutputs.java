package org.policyclassifier.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Several outputs of one run that replace their files together or not at all: every one is
 * finished first (where a full disk shows), and only when all are complete is any renamed. A
 * failure leaves every previous file as it was and names the file that failed.
 */
public final class AtomicOutputs implements AutoCloseable {

    private final List<AtomicOutput> outputs = new ArrayList<>();

    /** Opens one more output; null when {@code target} is null (the option was not given). */
    public AtomicOutput add(Path target) throws IOException {
        if (target == null) {
            return null;
        }
        AtomicOutput output = AtomicOutput.create(target);
        outputs.add(output);
        return output;
    }

    /**
     * Finishes every output, then renames each into place. A rename in the folder of its own
     * temporary file needs no space; what could still stop one (the folder removed during the
     * run) is looked for before the first rename.
     */
    public void commit() throws IOException {
        for (AtomicOutput output : outputs) {
            output.finish();
        }
        for (AtomicOutput output : outputs) {
            output.checkRenamable();
        }
        for (AtomicOutput output : outputs) {
            output.rename();
        }
    }

    /** Abandons every output not committed: their temporary files are removed. */
    @Override
    public void close() {
        outputs.forEach(AtomicOutput::close);
    }
}
