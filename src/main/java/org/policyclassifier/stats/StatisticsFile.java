package org.policyclassifier.stats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.io.AtomicFiles;
import org.policyclassifier.io.Json;
import org.policyclassifier.io.TextFiles;

/** The facts file of offence statistics: written by {@code import-stats}, read by {@code trends}. */
public final class StatisticsFile {

    /** Its name in the facts folder. */
    public static final String NAME = "offence-statistics.json";

    /** Two-space indents and {@code "key": value}, with {@code \n} line ends on every system. */
    private static final ObjectWriter WRITER = Json.MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private StatisticsFile() {
    }

    /** The table as the facts file holds it. */
    public static String toJson(StatisticsTable table) {
        try {
            return WRITER.writeValueAsString(table) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a statistics table could not be written as JSON", e);
        }
    }

    /** Writes the facts file; it appears only once complete. */
    public static void write(StatisticsTable table, Path target) throws IOException {
        byte[] json = toJson(table).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(target, out -> out.write(json));
    }

    /** Reads and checks a facts file; throws with every problem, located at the line of its row. */
    public static StatisticsTable read(Path path) throws InvalidInputException {
        String file = path.toString();
        StatisticsTable table;
        try {
            // A year written twice in one row must not silently replace the first count.
            table = Json.MAPPER.readerFor(StatisticsTable.class).with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .readValue(TextFiles.read(path));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(new Problem(file, 0, "file not found (make it with: policy import-stats "
                    + "PROFILE.txt -o " + file + ")"));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(new Problem(file, Json.line(e), Json.describe(e)));
        } catch (IOException e) {
            throw new InvalidInputException(new Problem(file, 0, "cannot read: " + e.getMessage()));
        }
        List<Problem> problems = new ArrayList<>();
        StatisticsCheck check = new StatisticsCheck(file, problems);
        check.structure(table);
        if (problems.isEmpty()) {
            check.names(table);
            check.totals(table);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return table;
    }
}
