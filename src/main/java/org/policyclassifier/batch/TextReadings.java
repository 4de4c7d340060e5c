package org.policyclassifier.batch;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.classify.Decision;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.io.BadRecordException;
import org.policyclassifier.io.Shown;
import org.policyclassifier.query.Answer;
import org.policyclassifier.query.Candidate;
import org.policyclassifier.query.QueryService;
import org.policyclassifier.query.Question;

/**
 * Records that give their case in words ({@code text}) instead of by ids. Each text is read by
 * {@link QueryService#ask}, exactly as {@code policy query} reads a question, with the record's
 * own place, setting, actor and substances as the question's options, so that they win over words
 * of the text. An answer is the record's decision, with what was understood ({@code match}); a
 * refusal (nothing fits, several entries fit about equally, a field not in the vocabulary) is a
 * reject with the ranked candidates, never a guess. Records that ask the same question share one
 * reading, kept in the run's {@link DecisionCache} within its budget: reading a text and running
 * the rules on it costs a few hundred times a look-up. One instance per run; thread-safe.
 */
final class TextReadings {

    /** Candidates the reason names; the rejects file has them all. */
    private static final int NAMED = 3;

    private final QueryService service;
    private final DecisionCache cache;
    private final DecisionFormat format;
    private final UnaryOperator<Decision> worded;
    private final Tallies tallies;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong readings = new AtomicLong();

    /** {@code worded}: a decision as the run writes it, in the run's language. */
    TextReadings(QueryService service, DecisionCache cache, DecisionFormat format, Tallies tallies,
            UnaryOperator<Decision> worded) {
        this.worded = worded;
        this.service = service;
        this.cache = cache;
        this.format = format;
        this.tallies = tallies;
    }

    /**
     * What a text was read as: its decision rendered without the record's id, with its place; or,
     * when {@code decision} is null, why it was refused and the entries it may mean.
     */
    record Reading(Result.Rendered decision, DecisionFormat.PlaceBytes place, String reason,
            List<Candidate> candidates) implements Result {

        @Override
        public int size() {
            if (decision == null) {
                return 2 * reason.length() + 200 * candidates.size();
            }
            return decision.size() + (place.entry() == null ? 0 : place.entry().length);
        }
    }

    /** The question a record asks: records asking the same one share its reading. */
    private record Key(String text, String place, String setting, String actor, List<String> substances) {
    }

    /**
     * The reading of {@code r}'s text. Throws {@link BadRecordException} for a record that gives
     * both a text and a kind (which one is meant cannot be told) or an empty text, and
     * {@link InvalidInputException} when the rules fail.
     */
    Reading read(CaseRecord r) throws BadRecordException, InvalidInputException, IOException {
        if (r.kind() != null || r.type() != null || r.category() != null) {
            throw new BadRecordException("field 'text': given with " + (r.kind() != null ? "'kind'"
                    : r.type() != null ? "'type'" : "'category'") + "; give either the case in words (text) or its"
                    + " kind with type or category, not both");
        }
        if (r.text().isBlank()) {
            throw new BadRecordException("field 'text': empty; describe the case in words, or give kind with type or"
                    + " category");
        }
        records.incrementAndGet();
        Key key = new Key(r.text(), r.place(), r.setting(), r.actor(), r.substances());
        Result known = cache.enabled() ? cache.get(key) : null;
        if (known instanceof Reading reading) {
            return reading;
        }
        Reading reading = ask(key);
        readings.incrementAndGet();
        if (cache.enabled()) {
            cache.put(key, reading);
        }
        return reading;
    }

    private Reading ask(Key key) throws InvalidInputException, IOException {
        Answer answer = service.ask(new Question(key.text(), key.place(), key.setting(), key.actor(), key.substances()));
        Decision d = answer.decision() == null ? null : worded.apply(answer.decision());
        if (answer.answered() && d != null && d.match() != null) {
            DecisionFormat.Rendering rendering = format.renderAnswer(d);
            return new Reading(new Result.Rendered(rendering.parts(), rendering.ownBytes(),
                    tallies.index(d.axis(), d.leadLevel(), d.tier())), format.placeOf(d), null, null);
        }
        if (answer.refusal() == null) {
            // A question of another kind ("cannabis offences in 2015"): answered, but not with a case.
            return refused("text", "\"" + key.text() + "\" asks for a figure, a trend or the law, not who is"
                    + " responsible for a case; describe the case", List.of());
        }
        // An option the vocabulary lacks is the record's field of that name (the list of substances).
        String option = answer.refusal().option();
        String field = option == null ? "text" : option.equals("substance") ? "substances" : option;
        return refused(field, answer.refusal().message(), answer.refusal().candidates());
    }

    private static Reading refused(String field, String message, List<Candidate> candidates) {
        String named = candidates.isEmpty() ? "" : "; it may mean " + candidates.stream().limit(NAMED)
                .map(Candidate::entry).collect(Collectors.joining(", ")) + (candidates.size() > NAMED ? ", ..." : "");
        return new Reading(null, null, Shown.cut("field '" + field + "': " + message + named, Shown.MAX_REASON_CHARS),
                candidates);
    }

    /** Records that gave a text, so far. */
    long records() {
        return records.get();
    }

    /** Texts read so far (the other text records shared a reading). */
    long readings() {
        return readings.get();
    }
}
