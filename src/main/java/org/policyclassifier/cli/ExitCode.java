package org.policyclassifier.cli;

/** The one exit-code table of the tool; {@link #HELP} is printed under every command's help. */
public final class ExitCode {

    /** Done; nothing rejected. */
    public static final int OK = 0;
    /** Ran, but gave no single answer (no or several matches) or rejected records. */
    public static final int NO_ANSWER_OR_REJECTED = 1;
    /** Wrong command-line usage (picocli's own code). */
    public static final int USAGE = 2;
    /** Invalid rules, facts or input files: fix them and run again. */
    public static final int INVALID_INPUT = 3;
    /** A fault of the tool itself. */
    public static final int INTERNAL = 4;

    static final String[] HELP = {
        "",
        "Exit codes:",
        "  0  done",
        "  1  no single answer (nothing or several things matched), or records rejected",
        "  2  wrong usage of the command line",
        "  3  invalid rules, facts or input file (every problem is listed on stderr)",
        "  4  internal error",
    };

    private ExitCode() {
    }
}
