package org.policyclassifier.io;

import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;

/**
 * The command line names a part of the input that it lacks (a column of {@code --columns} its
 * header row, a sheet of {@code --sheet} the workbook): a mistake on the command line (exit 2),
 * found only once the input is opened, before any record is read.
 */
public final class NotInInputException extends InvalidInputException {

    public NotInInputException(Problem problem) {
        super(problem);
    }

    /** The same problem, at {@code line} of {@code file}. */
    public NotInInputException in(String file, int line) {
        return new NotInInputException(new Problem(file, line, problems().get(0).message()));
    }
}
