package org.policyclassifier.query;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.errors.InvalidInputException;

/**
 * Measures how fast questions are understood: building the analysed vocabulary (paid once, on the
 * first question), reading a question alone (analysis, places, scoring and the decision rule), and
 * a whole answer (reading plus the rules), each averaged over every question given, many rounds,
 * after a warm-up.
 */
public final class QueryBenchmark {

    /**
     * The figures of one run.
     *
     * @param questions distinct questions measured
     * @param places places in the vocabulary
     * @param indexMillis building the analysed vocabulary, first time in this JVM (Lucene's classes loading included)
     * @param indexWarmMillis building it again, warm
     * @param indexWarmCpuMillis the same in CPU time of the thread
     * @param readMicros reading one question, average wall-clock
     * @param readCpuMicros reading one question, average CPU time of the thread (what a busy machine does not inflate)
     * @param answerMicros answering one question (reading and rules), average wall-clock
     * @param answerCpuMicros the same in CPU time
     * @param rounds how many times every question was read
     */
    public record Figures(int questions, int places, double indexMillis, double indexWarmMillis,
            double indexWarmCpuMillis, double readMicros,
            double readCpuMicros, double answerMicros, double answerCpuMicros, int rounds) {
    }

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private QueryBenchmark() {
    }

    public static Figures run(Classifier classifier, List<String> questions, int rounds) throws InvalidInputException {
        long start = System.nanoTime();
        Reader reader = new Reader(classifier.vocabulary(), new Analysis());
        double indexMillis = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        long cpu = CPU.getCurrentThreadCpuTime();
        new Reader(classifier.vocabulary(), new Analysis());
        double indexWarmMillis = (System.nanoTime() - start) / 1e6;
        double indexWarmCpuMillis = (CPU.getCurrentThreadCpuTime() - cpu) / 1e6;
        int sink = 0;
        for (int i = 0; i < Math.max(1, rounds / 5); i++) {
            for (String q : questions) {
                sink += reader.read(q).ranked().size();
            }
        }
        start = System.nanoTime();
        cpu = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            for (String q : questions) {
                sink += reader.read(q).ranked().size();
            }
        }
        double reads = (double) rounds * questions.size();
        double readMicros = (System.nanoTime() - start) / 1e3 / reads;
        double readCpuMicros = (CPU.getCurrentThreadCpuTime() - cpu) / 1e3 / reads;
        QueryService service = new QueryService(classifier);
        int answerRounds = Math.max(1, rounds / 10);
        for (String q : questions) {
            sink += service.ask(Question.of(q)).answered() ? 1 : 0;
        }
        start = System.nanoTime();
        cpu = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < answerRounds; i++) {
            for (String q : questions) {
                sink += service.ask(Question.of(q)).answered() ? 1 : 0;
            }
        }
        double answers = (double) answerRounds * questions.size();
        double answerMicros = (System.nanoTime() - start) / 1e3 / answers;
        double answerCpuMicros = (CPU.getCurrentThreadCpuTime() - cpu) / 1e3 / answers;
        if (sink == Integer.MIN_VALUE) {
            throw new IllegalStateException(); // keeps the measured work from being optimised away
        }
        return new Figures(questions.size(), classifier.vocabulary().places().size(), indexMillis, indexWarmMillis,
                indexWarmCpuMillis,
                readMicros, readCpuMicros, answerMicros, answerCpuMicros, rounds);
    }
}
