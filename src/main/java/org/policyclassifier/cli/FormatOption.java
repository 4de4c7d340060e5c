package org.policyclassifier.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json}, shared by every command that prints a result. */
final class FormatOption {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json. Default: ${DEFAULT-VALUE}.")
    ResultFormat format;

    boolean json() {
        return format == ResultFormat.json;
    }
}
