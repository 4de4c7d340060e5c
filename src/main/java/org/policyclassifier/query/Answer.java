package org.policyclassifier.query;

import org.policyclassifier.classify.Decision;
import org.policyclassifier.classify.DecisionWording;

/**
 * The outcome of a question: a decision (with what was understood, {@link Decision#match()}), or a
 * refusal with the candidates. Exactly one of the two is set, except for a question of another
 * kind ({@code fact}: a figure, a trend, the law), whose answer is {@code fact}; a legal answer also
 * carries the decision on its subject when it has one.
 */
public record Answer(Status status, Decision decision, Refusal refusal, Object fact) {

    public enum Status { ANSWERED, NO_MATCH, AMBIGUOUS, INVALID_OPTION }

    public Answer(Status status, Decision decision, Refusal refusal) {
        this(status, decision, refusal, null);
    }

    /** The same answer with its decision, or its refusal, worded in {@code language}. */
    public Answer in(DecisionWording wording, String language) {
        Object worded = fact instanceof FactAnswers.FigureAnswer f ? f.in(wording.words(), language)
                : fact instanceof FactAnswers.TrendAnswer t ? t.in(wording.words(), language)
                : fact instanceof FactAnswers.LegalAnswer l ? l.in(wording, language) : fact;
        return new Answer(status, decision == null ? null : wording.in(decision, language),
                refusal == null ? null : refusal.in(wording.words(), language), worded);
    }

    /**
     * The level that answers the question asked: the first level that pays or makes the rules when it
     * asked that ({@link Decision.MatchEntry#asked}), else the lead level; null without a decision.
     */
    public String answeringLevel() {
        if (decision == null) {
            return null;
        }
        Decision.AskedEntry asked = decision.match() == null ? null : decision.match().asked();
        return asked == null ? decision.leadLevel() : asked.levels().get(0);
    }

    /**
     * The language the question was read in: that of its little and asking words ("Who is the Belgian
     * contact for the EMCDDA?" is English, whichever language's term named its entry); when they do not
     * tell, that of the words that named its answer (for a legal answer, those of its subject); empty
     * when unclear.
     */
    public java.util.Optional<String> languageRead() {
        if (fact instanceof FactAnswers.FigureAnswer f) {
            return java.util.Optional.ofNullable(f.languageRead());
        }
        if (fact instanceof FactAnswers.TrendAnswer t) {
            return java.util.Optional.ofNullable(t.languageRead());
        }
        if (refusal != null) {
            return java.util.Optional.ofNullable(refusal.language());
        }
        Decision d = decision != null ? decision
                : fact instanceof FactAnswers.LegalAnswer l ? l.decision() : null;
        if (d == null || d.match() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(d.match().questionLanguage() != null ? d.match().questionLanguage()
                : d.match().language());
    }

    /** The language to word this answer in when none is chosen: the one it was read in, else the default. */
    public String languageIn(org.policyclassifier.facts.Words words) {
        return languageRead().filter(l -> words.language(l).isPresent()).orElse(words.defaultLanguage());
    }

    public boolean answered() {
        return status == Status.ANSWERED;
    }

    /** What to print as JSON: the fact answered, the decision, or the refusal. */
    public Object json() {
        return fact != null ? fact : answered() ? decision : refusal;
    }
}
