package org.policyclassifier.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.policyclassifier.io.Json;

/**
 * Whether the best entry the reading found is what the question asks about: a logistic regression
 * over the {@link Evidence} for it, fitted from labelled questions ({@link #fit}) by
 * {@code policy fit-reading}, its weights in {@value #RESOURCE}. It decides the questions with words
 * no entry, place, setting or substance accounts for (the others are answered without it). Such a
 * question is answered when the probability reaches {@code threshold}, chosen at fitting as the
 * lowest at which at most {@value #MAX_WRONG} of all the answers to the labelled questions are wrong;
 * below it, the tool refuses and lists the candidates.
 */
public record ReadingModel(List<String> features, List<Double> mean, List<Double> scale, List<Double> weights,
        double intercept, double threshold, @JsonProperty("fitted_on") Fitted fittedOn) {

    /** The labelled questions a model was fitted on, and what it answers of them. */
    public record Fitted(List<String> files, int questions, int right, int wrong, int refused) {
    }

    static final String RESOURCE = "reading-model.json";
    /** The share of the answers to labelled questions the threshold lets be wrong. */
    static final double MAX_WRONG = ReadingModel.MAX_WRONG_PERCENT / 100;

    /** {@link #MAX_WRONG} in percent, a constant the help of fit-reading quotes. */
    public static final double MAX_WRONG_PERCENT = 0.75;
    private static final double RIDGE = 1.0;
    private static final int NEWTON_STEPS = 50;

    /**
     * What speaks for the best entry: the share of the question's words it, the place, setting and
     * substances account for; how far it leads the runner-up; whether it accounts for every word the
     * runner-up does; its score against one rare word's; the words left unexplained; the question's
     * length; whether it belongs to the setting or substance named; whether a word was read by
     * correcting its spelling; the length of its complete term; whether the question speaks of drugs
     * (a substance, or a word most entries share); whether it names a Belgian place; and the share left
     * unexplained in a question that does not speak of drugs ("la production de bière artisanale":
     * words beside the one an entry explains weigh more there). Not whether it asks
     * who: a case record's description ("plantation de cannabis démantelée à Seraing") asks nothing and
     * is read the same way. One number per feature of {@link #NAMES}.
     */
    record Evidence(double coverage, double margin, boolean subsumes, double strength, int unexplained, int counted,
            boolean context, boolean corrected, int completeTerm, boolean topic, boolean place) {

        static final List<String> NAMES = List.of("coverage", "margin", "subsumes", "strength", "unexplained",
                "length", "context", "corrected", "complete_term", "topic", "place", "unexplained_off_topic");

        double[] vector() {
            return new double[] {coverage, margin, subsumes ? 1 : 0, strength, Math.log1p(unexplained),
                    Math.log1p(counted), context ? 1 : 0, corrected ? 1 : 0, completeTerm, topic ? 1 : 0, place ? 1 : 0,
                    topic ? 0 : 1 - coverage};
        }
    }

    /**
     * One labelled question: the evidence for its best entry, whether answering it would be right,
     * whether it is an agreed phrasing of the policy tests (whose answer, or refusal, the threshold must
     * keep), and whether it is answered without the model (every word accounted for): those count among
     * the answers the threshold bounds, but the weights are fitted on the others. The question's text
     * names an agreed phrasing that stops the fit.
     */
    record Sample(Evidence evidence, boolean right, boolean agreed, boolean decided, String question) {
        Sample(Evidence evidence, boolean right, boolean agreed, boolean decided) {
            this(evidence, right, agreed, decided, null);
        }

        Sample(Evidence evidence, boolean right) {
            this(evidence, right, false, false);
        }
    }

    /** The model the reading uses, from the jar. */
    static ReadingModel bundled() {
        try (InputStream in = ReadingModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCE);
            }
            ReadingModel model = Json.MAPPER.readValue(in, ReadingModel.class);
            if (!model.features().equals(Evidence.NAMES)) {
                throw new IllegalStateException(RESOURCE + " was fitted on the features " + model.features()
                        + ", the reading gives " + Evidence.NAMES + ": run policy fit-reading");
            }
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    double probability(Evidence e) {
        double[] x = e.vector();
        double z = intercept;
        for (int i = 0; i < x.length; i++) {
            z += weights.get(i) * (x[i] - mean.get(i)) / scale.get(i);
        }
        return 1 / (1 + Math.exp(-z));
    }

    boolean answers(Evidence e) {
        return probability(e) >= threshold;
    }

    /**
     * The model of the samples: features standardised, weights by Newton's method on the log-likelihood
     * with a ridge penalty (deterministic: the same samples give the same file), then the threshold.
     * {@code questions}: every labelled question, also those with no best entry to judge.
     */
    static ReadingModel fit(List<Sample> labelled, List<String> files, int questions) {
        List<Sample> samples = labelled.stream().filter(s -> !s.decided()).toList();
        List<Sample> decided = labelled.stream().filter(Sample::decided).toList();
        int n = samples.size();
        int d = Evidence.NAMES.size();
        if (n == 0) {
            throw new IllegalArgumentException("no labelled question has an entry to judge");
        }
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = samples.get(i).evidence().vector();
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            for (double[] row : x) {
                mean[j] += row[j] / n;
            }
            for (double[] row : x) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
            scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
        }
        // Column 0 is the intercept, not penalised.
        double[][] z = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            z[i][0] = 1;
            for (int j = 0; j < d; j++) {
                z[i][j + 1] = (x[i][j] - mean[j]) / scale[j];
            }
        }
        double[] beta = new double[d + 1];
        for (int step = 0; step < NEWTON_STEPS; step++) {
            double[] gradient = new double[d + 1];
            double[][] hessian = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                double p = sigmoid(dot(beta, z[i]));
                double y = samples.get(i).right() ? 1 : 0;
                for (int a = 0; a <= d; a++) {
                    gradient[a] += (y - p) * z[i][a];
                    for (int b = 0; b <= d; b++) {
                        hessian[a][b] += p * (1 - p) * z[i][a] * z[i][b];
                    }
                }
            }
            for (int a = 1; a <= d; a++) {
                gradient[a] -= RIDGE * beta[a];
                hessian[a][a] += RIDGE;
            }
            double[] delta = solve(hessian, gradient);
            for (int a = 0; a <= d; a++) {
                beta[a] += delta[a];
            }
        }
        List<Double> weights = new ArrayList<>();
        for (int j = 1; j <= d; j++) {
            weights.add(round(beta[j]));
        }
        ReadingModel unthresholded = new ReadingModel(Evidence.NAMES, rounded(mean), rounded(scale), weights,
                round(beta[0]), 0, null);
        double threshold = threshold(unthresholded, samples, decided);
        ReadingModel model = new ReadingModel(Evidence.NAMES, rounded(mean), rounded(scale), weights, round(beta[0]),
                threshold, null);
        int right = 0;
        int wrong = 0;
        for (Sample s : labelled) {
            if (s.decided() || model.answers(s.evidence())) {
                if (s.right()) {
                    right++;
                } else {
                    wrong++;
                }
            }
        }
        return new ReadingModel(Evidence.NAMES, model.mean(), model.scale(), weights, model.intercept(), threshold,
                new Fitted(files, questions, right, wrong, questions - right - wrong));
    }

    /**
     * The lowest probability at which at most {@link #MAX_WRONG} of the answers are wrong, those given
     * without the model included: the samples from the most to the least probable, the longest run
     * from the top within the bound; the threshold
     * sits halfway to the next sample, so it does not rest on one value. Lower still if an agreed
     * phrasing needs it to be answered; higher if an agreed phrasing must not be.
     */
    private static double threshold(ReadingModel model, List<Sample> samples, List<Sample> decided) {
        List<Sample> byProbability = new ArrayList<>(samples);
        byProbability.sort(Comparator.comparingDouble((Sample s) -> model.probability(s.evidence())).reversed());
        int wrong = (int) decided.stream().filter(s -> !s.right()).count();
        int taken = 0;
        for (int k = 1; k <= byProbability.size(); k++) {
            wrong += byProbability.get(k - 1).right() ? 0 : 1;
            if (wrong <= MAX_WRONG * (k + decided.size())) {
                taken = k;
            }
        }
        double last = taken == 0 ? 1 : model.probability(byProbability.get(taken - 1).evidence());
        double next = taken < byProbability.size() ? model.probability(byProbability.get(taken).evidence()) : 0;
        double threshold = taken == 0 ? 1 : round((last + next) / 2);
        // The agreed phrasings keep their answers: the threshold comes down to the least probable one
        // answered right, and goes up past the most probable one that must be refused or answered otherwise.
        Sample leastAgreed = samples.stream().filter(s -> s.agreed() && s.right())
                .min(Comparator.comparingDouble(s -> model.probability(s.evidence()))).orElse(null);
        Sample mostAgreedWrong = samples.stream().filter(s -> s.agreed() && !s.right())
                .max(Comparator.comparingDouble(s -> model.probability(s.evidence()))).orElse(null);
        double ceiling = leastAgreed == null ? 1 : Math.floor(model.probability(leastAgreed.evidence()) * 1e6) / 1e6;
        double floor = mostAgreedWrong == null ? 0 : Math.ceil(model.probability(mostAgreedWrong.evidence()) * 1e6 + 1) / 1e6;
        if (floor > ceiling) {
            throw new IllegalStateException("no threshold keeps the agreed phrasings: " + quoted(model, mostAgreedWrong)
                    + " must be refused or answered otherwise, and is more likely than " + quoted(model, leastAgreed)
                    + ", which must be answered");
        }
        threshold = Math.max(Math.min(threshold, ceiling), floor);
        return threshold;
    }

    private static String quoted(ReadingModel model, Sample s) {
        return "\"" + s.question() + "\" " + round(model.probability(s.evidence()));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Gaussian elimination with partial pivoting: the Hessian is small (one row per feature). */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int c = r + 1; c < n; c++) {
                s -= m[r][c] * x[c];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }

    /** Six decimals: the file stays readable, and the same samples write the same bytes. */
    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static List<Double> rounded(double[] values) {
        List<Double> out = new ArrayList<>();
        for (double v : values) {
            out.add(round(v));
        }
        return out;
    }
}
