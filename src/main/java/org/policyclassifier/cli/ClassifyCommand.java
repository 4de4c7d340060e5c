package org.policyclassifier.cli;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.policyclassifier.batch.BatchClassifier;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.policyclassifier.batch.Duplicate;
import org.policyclassifier.batch.Explain;
import org.policyclassifier.batch.Reject;
import org.policyclassifier.batch.Summary;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.io.AtomicOutput;
import org.policyclassifier.io.AtomicOutputs;
import org.policyclassifier.io.Columns;
import org.policyclassifier.io.InputFormat;
import org.policyclassifier.io.Inputs;
import org.policyclassifier.io.Json;
import org.policyclassifier.io.NotInInputException;
import org.policyclassifier.io.OutputFormat;
import org.policyclassifier.io.OutputPaths;
import org.policyclassifier.io.Shown;
import org.policyclassifier.query.QueryService;
import org.policyclassifier.rules.RuleTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code policy classify cases.csv -o decisions.csv}: one decision per record, in input order. */
@Command(name = "classify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Classifies case records (JSON Lines, CSV with a header row, or a JSON array; gzip is read"
                + " too) and writes one decision per record, in input order, as JSON Lines or CSV. A record that"
                + " cannot be classified goes to the rejects (file or stderr) with its line, the raw line and the"
                + " reason, and the run carries on; blank lines are skipped. A summary ends on stderr.",
            "Exit 0 when no record was rejected, 1 when more than --max-rejects were."})
final class ClassifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    PolicyCommand parent;

    @Mixin
    EngineOptions engine;

    @Parameters(paramLabel = "FILE", description = "Case records; - reads standard input.")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write decisions here (it appears only once complete) instead of standard output.")
    Path output;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "jsonl, csv, json (an array) or xlsx (an Excel workbook). Default: from the file name; jsonl"
                    + " for standard input.")
    InputFormat inputFormat;

    @Option(names = "--output-format", paramLabel = "FORMAT",
            description = "jsonl (the decision contract) or csv (flattened). Default: from the -o name; jsonl.")
    OutputFormat outputFormat;

    @Option(names = "--csv-separator", paramLabel = "CHAR", converter = SeparatorConverter.class,
            description = "The cell separator of CSV input: ',', ';' or 'tab'. Default: the one the header row uses"
                    + " (Excel in Belgium writes ';').")
    Character csvSeparator;

    @Option(names = "--columns", paramLabel = "FIELD=COLUMN,...", converter = ColumnsConverter.class,
            description = "The header row's own names for the record's fields (CSV or a workbook), e.g."
                    + " id=Dossiernummer,text=Omschrijving,place=Gemeente; columns that name no field are ignored and"
                    + " listed in the summary. A mapped column the header lacks is exit 2.")
    Columns columns;

    @Option(names = "--columns-file", paramLabel = "FILE",
            description = "As --columns, from a file: one FIELD=COLUMN a line (a column name may hold a comma; blank"
                    + " lines and lines starting with # are skipped). Not with --columns.")
    Path columnsFile;

    @Option(names = "--sheet", paramLabel = "NAME",
            description = "The sheet of an .xlsx workbook to read. Default: its first. A sheet the workbook lacks is"
                    + " exit 2.")
    String sheet;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Write rejected records here, as JSON Lines {line, raw, reason} (and candidates, for a text"
                    + " not understood), instead of to stderr.")
    Path rejects;

    @Option(names = "--max-rejects", paramLabel = "N", defaultValue = "0",
            description = "Exit 1 only when more than N records were rejected. Default: ${DEFAULT-VALUE}.")
    long maxRejects;

    @Option(names = "--duplicates", paramLabel = "FILE",
            description = "Write ids carried by more than one record here, as JSON Lines {id, records, lines},"
                    + " instead of to stderr.")
    Path duplicates;

    @Option(names = "--summary-json", paramLabel = "FILE", description = "Also write the summary here, as JSON.")
    Path summaryJson;

    @Option(names = "--cache-mb", paramLabel = "MB",
            description = "Memory for decisions of cases already seen (records the rules read alike); 0 runs the rules"
                    + " for every record. Default: a quarter of the heap, at most 256.")
    Integer cacheMb;

    @Option(names = "--verify-cache", paramLabel = "N",
            description = "Runs the rules again on every N-th record the decision cache answers (1: every one) and"
                    + " stops, naming the record, if they decide otherwise: for rules one has just written.")
    Integer verifyCache;

    @Mixin
    LanguageOption lang;

    @Option(names = "--explain", paramLabel = "LEVEL", defaultValue = "rules",
            description = "What each JSON Lines decision says of why: full (each rule with its title, profile sentence"
                    + " and note, as query prints it), rules (the rule ids only, in firing order; the table of rules is"
                    + " in --summary-json and `policy rules list`) or none. Default: ${DEFAULT-VALUE}.")
    Explain explain;

    @Override
    public Integer call() throws Exception {
        Console console = parent.console();
        PrintWriter err = console.err();
        String name = input.equals("-") ? "<stdin>" : input;
        InputFormat inFormat = inputFormat != null ? inputFormat
                : input.equals("-") ? InputFormat.JSONL : InputFormat.ofFileName(input).orElse(null);
        if (inFormat == null) {
            err.println("policy classify: cannot tell the format of " + input + " from its name (.jsonl, .csv, .json,"
                    + " each optionally .gz; .xlsx); say --input-format jsonl, csv, json or xlsx");
            return ExitCode.USAGE;
        }
        if (columnsFile != null) {
            if (columns != null) {
                throw new ParameterException(spec.commandLine(), "--columns and --columns-file both map the columns;"
                        + " give one");
            }
            try {
                columns = Columns.read(columnsFile);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new ParameterException(spec.commandLine(), "--columns-file: " + columnsFile + " not found");
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "--columns-file: " + columnsFile + " cannot be read: "
                        + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--columns-file: " + e.getMessage());
            }
        }
        if (columns != null && inFormat != InputFormat.CSV && inFormat != InputFormat.XLSX) {
            throw new ParameterException(spec.commandLine(), "--columns maps the header row of CSV input or a"
                    + " workbook; " + name + " is read as " + inFormat.name().toLowerCase(Locale.ROOT));
        }
        if (sheet != null && inFormat != InputFormat.XLSX) {
            throw new ParameterException(spec.commandLine(), "--sheet names a sheet of an .xlsx workbook; " + name
                    + " is read as " + inFormat.name().toLowerCase(Locale.ROOT));
        }
        if (maxRejects < 0) {
            throw new ParameterException(spec.commandLine(), "--max-rejects must be 0 or more, got " + maxRejects);
        }
        if (verifyCache != null && verifyCache < 1) {
            throw new ParameterException(spec.commandLine(), "--verify-cache must be 1 or more, got " + verifyCache);
        }
        if (cacheMb != null && cacheMb < 0) {
            throw new ParameterException(spec.commandLine(), "--cache-mb must be 0 or more, got " + cacheMb);
        }
        OutputFormat outFormat = outputFormat != null ? outputFormat : output == null ? OutputFormat.JSONL
                : OutputFormat.ofFileName(output.toString())
                        .orElse(AtomicOutput.isStream(output) ? OutputFormat.JSONL : null);
        if (outFormat == null) {
            err.println("policy classify: cannot tell the output format of " + output + " from its name (.jsonl or"
                    + " .csv, each optionally .gz); say --output-format jsonl or csv");
            return ExitCode.USAGE;
        }
        if (!input.equals("-") && !Files.exists(Path.of(input))) {
            err.println(input + ": file not found; nothing was written");
            return ExitCode.INVALID_INPUT;
        }
        Optional<String> clash = new OutputPaths().input(input.equals("-") ? null : Path.of(input))
                .output("-o", output).output("--rejects", rejects).output("--duplicates", duplicates)
                .output("--summary-json", summaryJson).problem();
        if (clash.isPresent()) {
            err.println("policy classify: " + clash.get() + "; nothing was written");
            return ExitCode.USAGE;
        }

        Classifier classifier = engine.loadClassifier();
        BatchClassifier batch = new BatchClassifier(classifier,
                BatchClassifier.Settings.defaults().withCacheBytes(cacheMb == null ? BatchClassifier.Settings.defaultCacheBytes() : (long) cacheMb << 20),
                new QueryService(classifier, engine.facts),
                new BatchClassifier.Options(verifyCache == null ? 0 : verifyCache, lang.language(classifier.vocabulary().words(), spec)));
        Summary summary;
        // The files appear together once all are complete, or none does (AtomicOutputs).
        try (Inputs.Opened in = open(console); AtomicOutputs files = new AtomicOutputs()) {
            AtomicOutput decisionsFile = files.add(output);
            AtomicOutput rejectsFile = files.add(rejects);
            AtomicOutput duplicatesFile = files.add(duplicates);
            AtomicOutput summaryFile = files.add(summaryJson);
            OutputStream out = decisionsFile == null ? console.stdout() : decisionsFile.stream();
            try (Progress progress = Progress.start(console, in.size())) {
                summary = batch.run(new BatchClassifier.Input(name, in.stream(), inFormat, csvSeparator, columns, sheet), out, outFormat,
                        explain, reports(name, err, rejectsFile, duplicatesFile, progress), console.nanoClock());
            }
            if (summaryFile != null) {
                // The rules the decisions name, each once: the explanation's titles and profile sentences.
                ObjectNode json = Json.MAPPER.valueToTree(summary);
                json.set("rules", Json.MAPPER.valueToTree(RuleTable.of(classifier.rules())));
                summaryFile.stream().write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
                summaryFile.stream().write('\n');
            }
            files.commit();
        } catch (NotInInputException e) {
            err.println(Shown.escaped(e.getMessage()) + "; nothing was read or written");
            return ExitCode.USAGE;
        } catch (NoSuchFileException e) {
            err.println(e.getFile() + ": file not found; nothing was written");
            return ExitCode.INVALID_INPUT;
        } catch (EOFException e) {
            err.println(name + ": the input ends abruptly (a truncated gzip file?): " + e.getMessage()
                    + "; nothing was written");
            return ExitCode.INVALID_INPUT;
        } catch (IOException e) {
            err.println("policy classify: " + e.getMessage() + "; nothing was written");
            return ExitCode.INVALID_INPUT;
        }
        summary.print(err);
        if (verifyCache != null) {
            err.println("  verified " + batch.cacheVerified() + " decisions of the cache against the rules: all the same");
        }
        if (summary.rejected() > maxRejects) {
            err.println("exit 1: " + summary.rejected() + " rejected, more than --max-rejects " + maxRejects);
            return ExitCode.NO_ANSWER_OR_REJECTED;
        }
        return ExitCode.OK;
    }

    /** {@code ,}, {@code ;} or {@code tab} (a tab is hard to type on a command line). */
    static final class SeparatorConverter implements ITypeConverter<Character> {
        @Override
        public Character convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case ",", "comma" -> ',';
                case ";", "semicolon" -> ';';
                case "tab", "\t", "\\t" -> '\t';
                default -> throw new TypeConversionException("expected ',', ';' or 'tab', got '" + value + "'");
            };
        }
    }

    /** {@code field=Column,...}: {@link Columns#parse}, its complaint as picocli's. */
    static final class ColumnsConverter implements ITypeConverter<Columns> {
        @Override
        public Columns convert(String value) {
            try {
                return Columns.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    private Inputs.Opened open(Console console) throws IOException {
        return Inputs.open(input, console.in());
    }

    private static BatchClassifier.Reports reports(String name, PrintWriter err, AtomicOutput rejectsFile,
            AtomicOutput duplicatesFile, Progress progress) {
        return new BatchClassifier.Reports() {
            @Override
            public void rejected(Reject reject) throws IOException {
                if (rejectsFile == null) {
                    progress.clearLine();
                    String where = reject.sheet() == null ? ":" + reject.line()
                            : ": sheet " + reject.sheet() + ", row " + reject.line();
                    err.println(Shown.escaped(name + where + ": rejected: " + reject.reason()));
                } else {
                    jsonLine(rejectsFile, reject);
                }
            }

            @Override
            public void duplicate(Duplicate d) throws IOException {
                if (duplicatesFile == null) {
                    err.println(name + ": duplicate id '" + Shown.text(d.id()) + "' on " + d.records() + " records, lines "
                            + d.lines().stream().map(String::valueOf).collect(Collectors.joining(", "))
                            + (d.records() > d.lines().size() ? ", ..." : ""));
                } else {
                    jsonLine(duplicatesFile, d);
                }
            }

            @Override
            public void progress(long records, long bytesRead) {
                progress.update(records, bytesRead);
            }
        };
    }

    private static void jsonLine(AtomicOutput file, Object value) throws IOException {
        file.stream().write(Json.MAPPER.writeValueAsBytes(value));
        file.stream().write('\n');
    }
}
