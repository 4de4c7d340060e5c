package org.policyclassifier.io;

import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;

/**
 * {@code --columns} names a column the input's header row lacks: a mistake on the command line
 * (exit 2), found only once the header is read, before any record is.
 */
public final class MissingColumnsException extends InvalidInputException {

    public MissingColumnsException(Problem problem) {
        super(problem);
    }

    /** The same problem, at {@code line} of {@code file}. */
    public MissingColumnsException in(String file, int line) {
        return new MissingColumnsException(new Problem(file, line, problems().get(0).message()));
    }
}
