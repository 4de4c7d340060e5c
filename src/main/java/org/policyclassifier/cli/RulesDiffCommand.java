package org.policyclassifier.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.Corpus;
import org.policyclassifier.diff.DiffReport;
import org.policyclassifier.diff.RulesDiff;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.io.BadRecordException;
import org.policyclassifier.io.Json;
import org.policyclassifier.io.LineReader;
import org.policyclassifier.io.Shown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code policy rules diff --base OLD}: what a change of the rules changes in the answers. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Classifies the same cases with the rules in --base and with the current rules, and prints"
                + " how many decisions changed, a table of transitions per field, each changed case with the rules"
                + " that made the difference, and the rules added, removed or changed.",
            "Cases: every vocabulary entry (with and without a place) plus facts/cases-sample.jsonl when present;"
                + " --cases FILE uses a JSON Lines file of case records instead. Lines that are not case records"
                + " are named on stderr and left out; records the vocabulary rejects are rejected by both alike.",
            "Exit 0 whether or not anything changed (1 with --fail-on-change when something did)."})
final class RulesDiffCommand implements Callable<Integer> {

    /** As in a batch: a longer line is not a case record. */
    private static final int MAX_LINE_BYTES = 1 << 20;

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Option(names = "--base", required = true, paramLabel = "DIR", description = "The rules to compare against.")
    Path base;

    @Option(names = "--cases", paramLabel = "FILE", description = "Case records (JSON Lines) to classify.")
    Path cases;

    @Option(names = "--fail-on-change", description = "Exit 1 when any decision changed (for CI).")
    boolean failOnChange;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Classifier current = engine.loadClassifier();
        Classifier old = Classifier.load(base, engine.facts, engine.settings().withRulesCache(null));
        DiffReport report = RulesDiff.run(old, current, corpus(current, spec.commandLine().getErr()));
        if (output.json()) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } else {
            print(report, out);
        }
        return failOnChange && report.changed() > 0 ? ExitCode.NO_ANSWER_OR_REJECTED : ExitCode.OK;
    }

    private List<CaseRecord> corpus(Classifier classifier, PrintWriter err) throws InvalidInputException {
        if (cases != null) {
            return readJsonLines(cases, err);
        }
        List<CaseRecord> corpus = new ArrayList<>(Corpus.vocabulary(classifier.vocabulary()));
        Path sample = engine.facts.resolve("cases-sample.jsonl");
        if (Files.exists(sample)) {
            corpus.addAll(readJsonLines(sample, err));
        }
        return corpus;
    }

    /**
     * Every case record of the file. A line that is not one (the bundled sample holds some on
     * purpose) cannot be compared: it is named on stderr with its reason, and left out. A file
     * without a single case record cannot be compared at all.
     */
    private static List<CaseRecord> readJsonLines(Path file, PrintWriter err) throws InvalidInputException {
        List<CaseRecord> records = new ArrayList<>();
        long lines = 0;
        try (InputStream in = Files.newInputStream(file)) {
            LineReader reader = new LineReader(in, MAX_LINE_BYTES);
            for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
                lines++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    CaseRecord r = parse(line);
                    // A record without an id is named by its line, so a changed case can be found.
                    records.add(r.id() != null ? r : new CaseRecord(file.getFileName() + ":" + line.number(),
                            r.kind(), r.type(), r.category(), r.place(), r.setting(), r.actor(), r.substances()));
                } catch (BadRecordException e) {
                    err.println(Shown.escaped(file + ":" + line.number() + ": not compared: " + e.getMessage()));
                }
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(new Problem(file.toString(), 0, "file not found"));
        } catch (IOException e) {
            throw new InvalidInputException(new Problem(file.toString(), 0, "cannot read: " + e.getMessage()));
        }
        if (records.isEmpty()) {
            throw new InvalidInputException(new Problem(file.toString(), 0, "no case record to compare in "
                    + lines + " lines: the cases must be JSON Lines, one {\"kind\": ...} object per line"));
        }
        return records;
    }

    private static CaseRecord parse(LineReader.Line line) throws BadRecordException {
        if (line.tooLong()) {
            throw new BadRecordException("the line is " + line.length() + " bytes long, more than the limit of "
                    + MAX_LINE_BYTES);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line.bytes())).toString();
        } catch (CharacterCodingException e) {
            throw new BadRecordException("not UTF-8 text; save the file as UTF-8");
        }
        try {
            CaseRecord r = Json.MAPPER.readValue(text, CaseRecord.class);
            if (r == null) {
                throw new BadRecordException("expected a JSON object {...} holding one case record, got null");
            }
            return r;
        } catch (JsonProcessingException e) {
            throw new BadRecordException(Shown.cut(Json.describe(e), Shown.MAX_REASON_CHARS));
        }
    }

    private static void print(DiffReport r, PrintWriter out) {
        out.printf("%d of %d decisions changed%n", r.changed(), r.cases());
        for (Map.Entry<String, Map<String, Integer>> field : r.transitions().entrySet()) {
            out.println();
            out.println(field.getKey() + ":");
            field.getValue().forEach((move, count) -> out.printf("  %s: %d%n", move, count));
        }
        if (!r.changes().isEmpty()) {
            out.println();
            out.println("Changed cases:");
        }
        for (DiffReport.CaseChange c : r.changes()) {
            out.println("  " + c.id());
            c.fields().forEach((field, values) -> out.printf("    %s: %s → %s%n", field, values.get(0), values.get(1)));
            if (!c.firedOnlyBefore().isEmpty()) {
                out.println("    no longer fired: " + String.join(", ", c.firedOnlyBefore()));
            }
            if (!c.firedOnlyAfter().isEmpty()) {
                out.println("    now fired: " + String.join(", ", c.firedOnlyAfter()));
            }
        }
        out.println();
        out.println("Rules added: " + list(r.rulesAdded()));
        out.println("Rules removed: " + list(r.rulesRemoved()));
        out.println("Rules changed: " + list(r.rulesChanged()));
    }

    private static String list(List<String> ids) {
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }
}
