package org.policyclassifier.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.policyclassifier.query.ReadingModel.Evidence;
import org.policyclassifier.query.ReadingModel.Sample;

/** The model that decides whether a question is understood: how it is fitted, and the one the jar carries. */
class ReadingModelTest {

    /** Coverage decides, with noise: a tenth of the samples in the middle band are labelled at random. */
    private static List<Sample> samples(int n, long seed) {
        Random random = new Random(seed);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double coverage = random.nextDouble();
            boolean right = coverage > 0.5;
            if (coverage > 0.4 && coverage < 0.6 && random.nextInt(10) == 0) {
                right = !right;
            }
            out.add(new Sample(new Evidence(coverage, random.nextDouble() * 2, random.nextBoolean(),
                    random.nextGaussian(), random.nextInt(4), 2 + random.nextInt(8), random.nextBoolean(), false,
                    random.nextInt(3), random.nextBoolean(), random.nextBoolean()), right));
        }
        return out;
    }

    @Test
    void theEvidenceThatSeparatesRightFromWrongGetsTheWeight() {
        ReadingModel model = ReadingModel.fit(samples(2000, 1), List.of("synthetic"), 2000);
        int coverage = Evidence.NAMES.indexOf("coverage");
        for (int j = 0; j < Evidence.NAMES.size(); j++) {
            if (j != coverage) {
                assertTrue(Math.abs(model.weights().get(j)) < model.weights().get(coverage) / 5,
                        Evidence.NAMES.get(j) + " weighs " + model.weights().get(j));
            }
        }
    }

    @Test
    void theThresholdKeepsTheWrongAnswersWithinTheBound() {
        List<Sample> samples = samples(2000, 2);
        ReadingModel model = ReadingModel.fit(samples, List.of("synthetic"), 2000);
        long answered = samples.stream().filter(s -> model.answers(s.evidence())).count();
        long wrong = samples.stream().filter(s -> model.answers(s.evidence()) && !s.right()).count();
        assertTrue(wrong <= ReadingModel.MAX_WRONG * answered, wrong + " wrong of " + answered);
        // Not refusing everything to get there: most of the right ones are answered.
        assertTrue(answered > 0.8 * samples.stream().filter(Sample::right).count(), answered + " answered");
        assertEquals(answered - wrong, model.fittedOn().right());
        assertEquals(wrong, model.fittedOn().wrong());
        assertEquals(2000 - answered, model.fittedOn().refused());
    }

    @Test
    void anAgreedPhrasingKeepsItsAnswerThoughTheEvidenceIsWeak() {
        List<Sample> samples = new ArrayList<>(samples(2000, 4));
        Evidence weak = new Evidence(0.3, 1, false, 0, 2, 4, false, false, 1, true, false);
        samples.add(new Sample(weak, true, true, false));
        ReadingModel model = ReadingModel.fit(samples, List.of("synthetic"), 2001);
        assertTrue(model.answers(weak), "threshold " + model.threshold() + ", probability " + model.probability(weak));
    }

    @Test
    void anAgreedRefusalStaysRefusedThoughTheEvidenceIsStrong() {
        List<Sample> samples = new ArrayList<>(samples(2000, 5));
        Evidence fair = new Evidence(0.8, 1.5, true, 1, 1, 2, true, false, 2, true, false);
        assertTrue(ReadingModel.fit(samples, List.of("synthetic"), 2000).answers(fair), "the case needs evidence the model answers");
        samples.add(new Sample(fair, false, true, false, "trade fair"));
        ReadingModel model = ReadingModel.fit(samples, List.of("synthetic"), 2001);
        assertFalse(model.answers(fair), "threshold " + model.threshold() + ", probability " + model.probability(fair));
    }

    @Test
    void agreedPhrasingsNoThresholdCanKeepAreNamed() {
        List<Sample> samples = new ArrayList<>(samples(2000, 5));
        Evidence strong = new Evidence(1, 2, true, 2, 0, 2, true, false, 2, true, true);
        Evidence weak = new Evidence(0.3, 1, false, 0, 2, 4, false, false, 1, true, false);
        samples.add(new Sample(strong, false, true, false, "trade fair"));
        samples.add(new Sample(weak, true, true, false, "drugs in Gent"));
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> ReadingModel.fit(samples, List.of("synthetic"), 2002));
        assertTrue(e.getMessage().startsWith("no threshold keeps the agreed phrasings: \"trade fair\" "), e.getMessage());
        assertTrue(e.getMessage().contains("more likely than \"drugs in Gent\" "), e.getMessage());
    }

    @Test
    void theSameSamplesGiveTheSameModel() {
        assertEquals(ReadingModel.fit(samples(500, 3), List.of("a"), 500), ReadingModel.fit(samples(500, 3), List.of("a"), 500));
    }

    @Test
    void theBundledModelWeighsTheEvidenceTheReadingGives() {
        ReadingModel model = ReadingModel.bundled();
        assertEquals(Evidence.NAMES, model.features());
        assertEquals(Evidence.NAMES.size(), model.weights().size());
        assertTrue(model.threshold() > 0 && model.threshold() < 1, "threshold " + model.threshold());
        assertFalse(model.fittedOn().files().isEmpty());
    }
}
