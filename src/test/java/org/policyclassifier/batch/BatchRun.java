package org.policyclassifier.batch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.policyclassifier.TestPaths;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.io.InputFormat;
import org.policyclassifier.io.OutputFormat;
import org.policyclassifier.query.QueryService;

/** One batch run over bytes in memory, with everything it reported. */
record BatchRun(Summary summary, String output, List<Reject> rejects, List<Duplicate> duplicates) {

    private static Classifier classifier;

    static synchronized Classifier classifier() throws InvalidInputException {
        if (classifier == null) {
            classifier = Classifier.load(TestPaths.RULES, TestPaths.FACTS);
        }
        return classifier;
    }

    static BatchRun of(byte[] input, InputFormat in, OutputFormat out, BatchClassifier.Settings settings)
            throws IOException, InvalidInputException {
        return of(input, in, out, Explain.FULL, settings);
    }

    static final BatchClassifier.Reports NO_REPORTS = new BatchClassifier.Reports() {
        @Override
        public void rejected(Reject reject) {
            throw new AssertionError("rejected: " + reject);
        }

        @Override
        public void duplicate(Duplicate duplicate) {
            throw new AssertionError("duplicate: " + duplicate);
        }
    };

    static BatchRun of(byte[] input, InputFormat in, OutputFormat out, Explain explain,
            BatchClassifier.Settings settings) throws IOException, InvalidInputException {
        return of(classifier(), input, in, out, explain, settings);
    }

    /** As {@link #of(byte[], InputFormat, OutputFormat, Explain, BatchClassifier.Settings)}, with rules and facts of its own. */
    static BatchRun of(Classifier classifier, byte[] input, InputFormat in, OutputFormat out, Explain explain,
            BatchClassifier.Settings settings) throws IOException, InvalidInputException {
        return of(classifier, input, in, out, explain, settings, null);
    }

    /** As {@link #of(Classifier, byte[], InputFormat, OutputFormat, Explain, BatchClassifier.Settings)}, the decisions in {@code language} (null: the default). */
    static BatchRun of(Classifier classifier, byte[] input, InputFormat in, OutputFormat out, Explain explain,
            BatchClassifier.Settings settings, String language) throws IOException, InvalidInputException {
        List<Reject> rejects = new ArrayList<>();
        List<Duplicate> duplicates = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Summary summary = new BatchClassifier(classifier, settings, new QueryService(classifier),
                new BatchClassifier.Options(0, language)).run(
                new BatchClassifier.Input("test", new ByteArrayInputStream(input), in), bytes, out, explain,
                new BatchClassifier.Reports() {
                    @Override
                    public void rejected(Reject reject) {
                        rejects.add(reject);
                    }

                    @Override
                    public void duplicate(Duplicate duplicate) {
                        duplicates.add(duplicate);
                    }
                }, System::nanoTime);
        return new BatchRun(summary, bytes.toString(StandardCharsets.UTF_8), rejects, duplicates);
    }

    static BatchRun of(byte[] input, InputFormat in, OutputFormat out) throws IOException, InvalidInputException {
        return of(input, in, out, BatchClassifier.Settings.defaults());
    }

    /** The output's lines; every line the run writes ends in a newline. */
    List<String> outputLines() {
        return output.lines().toList();
    }
}
