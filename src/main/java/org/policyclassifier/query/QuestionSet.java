package org.policyclassifier.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.policyclassifier.classify.Decision;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.io.Json;
import org.policyclassifier.query.FactAnswers.FigureAnswer;
import org.policyclassifier.query.FactAnswers.LegalAnswer;
import org.policyclassifier.query.FactAnswers.TrendAnswer;

/**
 * A set of questions with the answers expected of them, written blind from the profile and the
 * domain brief (one JSON object a line, see {@code rules/tests/blind/README.md}), and how the reading
 * of questions scores on it: right, wrong (an answer that is not the one expected) or refused.
 */
public final class QuestionSet {

    /** One question and what its writer expected, before anything was run. */
    public record Item(String id, String lang, String question, String expect, String leadLevel, String axis,
            String tier, Long figure, String direction, String subject, String note) {
    }

    public enum Verdict { RIGHT, WRONG, REFUSED }

    /**
     * A question's verdict, and what the tool answered, in a line; for a refused question, what its
     * best entry would have answered (null when no entry was found), to tell a refusal that read the
     * subject right from one that did not.
     */
    public record Scored(Item item, Verdict verdict, String answered, String bestEntryWouldAnswer) {
    }

    /** Right, wrong and refused per language, and the wrong answers whose lead level was wrong. */
    public record Tally(int right, int wrong, int refused, int wrongLead) {
        Tally plus(Verdict v, boolean badLead) {
            return new Tally(right + (v == Verdict.RIGHT ? 1 : 0), wrong + (v == Verdict.WRONG ? 1 : 0),
                    refused + (v == Verdict.REFUSED ? 1 : 0), wrongLead + (badLead ? 1 : 0));
        }

        public int total() {
            return right + wrong + refused;
        }
    }

    private static final Set<String> KINDS = Set.of("responsibility", "figure", "trend", "legal", "refuse");

    private QuestionSet() {
    }

    /** Reads a question set; throws with the file, line and field of every bad line. */
    public static List<Item> read(Path file) throws InvalidInputException {
        List<Item> items = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new InvalidInputException(new Problem(file.toString(), 0, "cannot be read: " + e.getMessage()));
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                Item item = Json.MAPPER.readValue(lines.get(i), Item.class);
                if (item.question() == null || !KINDS.contains(String.valueOf(item.expect()))) {
                    problems.add(new Problem(file.toString(), i + 1, "expected a 'question' and 'expect' one of " + KINDS));
                } else {
                    items.add(item);
                }
            } catch (JsonProcessingException e) {
                problems.add(new Problem(file.toString(), i + 1, Json.describe(e)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return items;
    }

    /** Reads several question sets, in order; throws with the file, line and field of every bad line. */
    public static List<Item> read(List<Path> files) throws InvalidInputException {
        List<Item> items = new ArrayList<>();
        for (Path file : files) {
            items.addAll(read(file));
        }
        return items;
    }

    /** Asks every question and judges the answer against what was expected. */
    public static List<Scored> score(QueryService service, List<Item> items) throws InvalidInputException {
        List<Scored> out = new ArrayList<>(items.size());
        for (Item item : items) {
            Answer a = service.ask(Question.of(item.question()));
            Verdict verdict = judge(item, a);
            String best = null;
            if (verdict == Verdict.REFUSED) {
                Answer b = service.askAnsweringBest(Question.of(item.question()));
                best = b.answered() ? describe(b) + (judge(item, b) == Verdict.RIGHT ? " (right)" : " (wrong)") : null;
            }
            out.add(new Scored(item, verdict, describe(a), best));
        }
        return out;
    }

    /**
     * The reading model fitted on the questions that ask who is responsible or must be refused, and on
     * {@code phrasings} (a question, and the entry it names or null when it must be refused): for
     * each whose best entry is named, the evidence for it and whether answering it is right. Right is
     * the expected answer, the expected axis and tier with another lead, or the entry the writer's own
     * words for the subject name: the entry was read right, and where the answer differs, the policy
     * reads the profile otherwise than the writer (the model judges reading only).
     */
    public static ReadingModel fit(QueryService service, List<Item> items, Map<String, String> phrasings,
            List<String> files) throws InvalidInputException {
        List<ReadingModel.Sample> samples = new ArrayList<>();
        int questions = 0;
        // The policy tests' phrasings name the entry itself: right is that entry, and refusals refused.
        for (Map.Entry<String, String> p : phrasings.entrySet()) {
            questions++;
            ReadingModel.Evidence evidence = service.evidence(p.getKey());
            Answer a = service.askAnsweringBest(Question.of(p.getKey()));
            if (evidence != null && a.answered() && a.decision() != null) {
                samples.add(new ReadingModel.Sample(evidence, a.decision().subject().equals(p.getValue()), true,
                        Reader.decidedWithoutModel(evidence), p.getKey()));
            }
        }
        for (Item item : items) {
            boolean refuse = item.expect().equals("refuse");
            if (!refuse && !item.expect().equals("responsibility")) {
                continue;
            }
            questions++;
            ReadingModel.Evidence evidence = service.evidence(item.question());
            Answer a = service.askAnsweringBest(Question.of(item.question()));
            if (evidence == null || !a.answered() || !refuse && a.fact() != null) {
                continue; // the model does not decide it: refused, or answered from the tables, either way
            }
            boolean right = !refuse && (sameResponsibility(item, a) || sameReading(item, a)
                    || item.subject() != null && a.decision().subject().equals(subjectEntry(service, item.subject())));
            samples.add(new ReadingModel.Sample(evidence, right, false, Reader.decidedWithoutModel(evidence), item.question()));
        }
        return ReadingModel.fit(samples, files, questions);
    }

    /** The entry the writer's own words for the subject name ("alcohol sales to minors"), or null. */
    private static String subjectEntry(QueryService service, String subject) throws InvalidInputException {
        Answer a = service.askAnsweringBest(Question.of(subject));
        return a.answered() && a.decision() != null ? a.decision().subject() : null;
    }

    private static boolean sameReading(Item item, Answer a) {
        String axis = item.axis() == null ? "none" : item.axis();
        return axis.equals(a.decision().axis()) && Objects.equals(item.tier(), a.decision().tier());
    }

    /** Per language (en, nl, fr, de, then "all"). */
    public static Map<String, Tally> tally(List<Scored> scored) {
        Map<String, Tally> t = new LinkedHashMap<>();
        for (String lang : List.of("en", "nl", "fr", "de", "all")) {
            t.put(lang, new Tally(0, 0, 0, 0));
        }
        for (Scored s : scored) {
            boolean badLead = s.verdict() == Verdict.WRONG && s.item().expect().equals("responsibility")
                    && s.answered().startsWith("responsibility") && !s.answered().contains(" lead " + s.item().leadLevel() + " ");
            t.computeIfPresent(s.item().lang(), (k, v) -> v.plus(s.verdict(), badLead));
            t.computeIfPresent("all", (k, v) -> v.plus(s.verdict(), badLead));
        }
        return t;
    }

    static Verdict judge(Item item, Answer a) {
        if (item.expect().equals("refuse")) {
            return a.answered() ? Verdict.WRONG : Verdict.RIGHT;
        }
        if (!a.answered()) {
            return Verdict.REFUSED;
        }
        boolean right = switch (item.expect()) {
            case "responsibility" -> a.fact() == null && sameResponsibility(item, a);
            case "figure" -> a.fact() instanceof FigureAnswer f && f.figures().stream()
                    .anyMatch(x -> Objects.equals(x.value(), item.figure()));
            case "trend" -> a.fact() instanceof TrendAnswer t && sameDirection(item.direction(), t);
            default -> a.fact() instanceof LegalAnswer;
        };
        return right ? Verdict.RIGHT : Verdict.WRONG;
    }

    /**
     * Level, axis and tier as expected; the level is the one that answers the question (who pays, when
     * it asks that; else who leads). An axis expected as null is no axis, which the answer calls "none".
     */
    private static boolean sameResponsibility(Item item, Answer a) {
        Decision d = a.decision();
        String axis = item.axis() == null ? "none" : item.axis();
        return Objects.equals(item.leadLevel(), a.answeringLevel()) && axis.equals(d.axis())
                && Objects.equals(item.tier(), d.tier());
    }

    /**
     * The table's direction, the sign of the change it states, or the direction the profile claims
     * for the row (reported beside it); "mixed" takes any.
     */
    private static boolean sameDirection(String expected, TrendAnswer t) {
        if (expected == null || expected.equals("mixed")) {
            return true;
        }
        String measured = switch (t.direction()) {
            case "rising" -> "up";
            case "falling" -> "down";
            default -> "flat";
        };
        // "Did it go up?" is answered by the change the answer states, even within the stable band.
        boolean sameSign = expected.equals("up") && t.change() > 0 || expected.equals("down") && t.change() < 0
                || expected.equals("flat") && measured.equals("flat");
        return expected.equals(measured) || sameSign || t.claims().stream().anyMatch(c -> expected.equals(c.claimed()));
    }

    private static String describe(Answer a) {
        if (!a.answered()) {
            return a.status().name().toLowerCase(java.util.Locale.ROOT) + " " + a.refusal().candidates().stream()
                    .limit(3).map(Candidate::entry).toList();
        }
        if (a.fact() instanceof FigureAnswer f) {
            return "figure " + f.series() + " " + f.figures();
        }
        if (a.fact() instanceof TrendAnswer t) {
            return "trend " + t.series() + " " + t.direction();
        }
        if (a.fact() instanceof LegalAnswer l) {
            return "legal " + l.subject();
        }
        Decision d = a.decision();
        Decision.AskedEntry asked = d.match() == null ? null : d.match().asked();
        return "responsibility " + d.subject() + " lead " + a.answeringLevel() + " axis " + d.axis() + " tier " + d.tier()
                + (asked == null ? "" : " (" + asked.what() + "; lead " + d.leadLevel() + ")");
    }
}
