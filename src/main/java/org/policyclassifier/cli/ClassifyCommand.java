package org.policyclassifier.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyclassifier.classify.CaseRecord;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.Classifier.Outcome;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code policy classify cases.jsonl}: one decision per record, in input order. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classifies case records from a JSON Lines file (one JSON object per line) and writes one"
                + " decision per record, as JSON Lines, in input order. A record that cannot be classified is"
                + " reported on stderr with its line and reason; blank lines are skipped.")
final class ClassifyCommand implements Callable<Integer> {

    /** Records per rule session: large enough to spread the session's set-up cost. */
    private static final int BATCH = 1_000;

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Parameters(paramLabel = "FILE", description = "Case records as JSON Lines; - reads standard input.")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write decisions here (it appears only once complete) instead of standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Classifier classifier = engine.loadClassifier();
        String inputName = input.equals("-") ? "<stdin>" : input;
        Path temp = null;
        Tally tally = new Tally();
        try (BufferedReader in = open()) {
            Writer out;
            if (output == null) {
                out = spec.commandLine().getOut();
            } else {
                Path dir = output.toAbsolutePath().getParent();
                temp = Files.createTempFile(dir, "." + output.getFileName() + ".", ".partial");
                out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
            }
            try {
                classify(classifier, in, inputName, out, err, tally);
            } finally {
                if (output != null) {
                    out.close();
                } else {
                    out.flush();
                }
            }
            if (temp != null) {
                Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                temp = null;
            }
        } catch (NoSuchFileException e) {
            err.println(inputName + ": file not found");
            return ExitCode.INVALID_INPUT;
        } catch (InvalidInputException e) {
            e.problems().forEach(err::println);
            return ExitCode.INVALID_INPUT;
        } catch (IOException e) {
            err.println(inputName + ": cannot read or write: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
        err.printf("%d records read: %d classified, %d rejected%n", tally.read, tally.classified, tally.rejected);
        return tally.rejected > 0 ? ExitCode.NO_ANSWER_OR_REJECTED : ExitCode.OK;
    }

    private BufferedReader open() throws IOException {
        if (input.equals("-")) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        return Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
    }

    private static final class Tally {
        long read;
        long classified;
        long rejected;
    }

    /** A line of input read into a record, or the reason it could not be. */
    private record Line(long number, CaseRecord record, String error) {
    }

    private static void classify(Classifier classifier, BufferedReader in, String inputName, Writer out,
            PrintWriter err, Tally tally) throws IOException, InvalidInputException {
        List<Line> batch = new ArrayList<>(BATCH);
        long number = 0;
        for (String text = in.readLine(); text != null; text = in.readLine()) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            tally.read++;
            batch.add(parse(number, text));
            if (batch.size() == BATCH) {
                flush(classifier, batch, inputName, out, err, tally);
            }
        }
        flush(classifier, batch, inputName, out, err, tally);
    }

    private static Line parse(long number, String text) {
        try {
            return new Line(number, Json.MAPPER.readValue(text, CaseRecord.class), null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Line(number, null, Json.describe(e));
        }
    }

    private static void flush(Classifier classifier, List<Line> batch, String inputName, Writer out, PrintWriter err,
            Tally tally) throws IOException, InvalidInputException {
        List<Line> parsed = batch.stream().filter(l -> l.record() != null).toList();
        List<Outcome> outcomes = classifier.classifyAll(parsed.stream().map(Line::record).toList());
        int next = 0;
        for (Line line : batch) {
            String reason = line.error();
            if (reason == null) {
                Outcome outcome = outcomes.get(next++);
                if (outcome.rejection() == null) {
                    out.write(Json.MAPPER.writeValueAsString(outcome.decision()));
                    out.write('\n');
                    tally.classified++;
                    continue;
                }
                reason = outcome.rejection().getMessage();
            }
            err.println(inputName + ":" + line.number() + ": rejected: " + reason);
            tally.rejected++;
        }
        batch.clear();
    }
}
