package org.policyclassifier.cli;

import java.io.PrintWriter;
import java.util.List;
import org.policyclassifier.query.FactAnswers.Claim;
import org.policyclassifier.query.FactAnswers.Figure;
import org.policyclassifier.query.FactAnswers.FigureAnswer;
import org.policyclassifier.query.FactAnswers.LegalAnswer;
import org.policyclassifier.query.FactAnswers.TrendAnswer;

/** The text of an answer of another kind than a decision: a figure, a trend, a legal status. */
final class FactText {

    private FactText() {
    }

    static void print(Object fact, PrintWriter out) {
        if (fact instanceof FigureAnswer f) {
            out.println(f.question() + ": recorded offences, row " + f.series());
            figures(f.figures(), out);
            out.println("Source:       profile, " + f.source());
            notes(f.notes(), out);
        } else if (fact instanceof TrendAnswer t) {
            out.println(t.question() + ": trend of recorded offences, row " + t.series());
            out.printf("Trend:        %s, %d → %d (%+d, %s%%) from %d to %d; stable band ±%s%%%n", t.direction(), t.first(),
                    t.last(), t.change(), t.percent() == null ? "n/a" : t.percent().toPlainString(), t.from(), t.to(),
                    t.stableBandPercent().toPlainString());
            figures(t.figures(), out);
            for (Claim c : t.claims()) {
                out.println("Profile says: \"" + c.quote() + "\"");
                out.println("              " + c.verdict() + " by the table (" + c.measured() + "); " + c.caveat());
            }
            out.println("Flags:        " + String.join(", ", t.flags()));
            out.println("Source:       profile, " + t.source() + " (all rows: policy trends)");
            notes(t.notes(), out);
        } else if (fact instanceof LegalAnswer l) {
            out.println(l.question() + ": legal status" + (l.subject() == null ? "" : " of " + l.subject()));
            out.println("Status:       " + l.statement());
            out.println("Source:       " + (l.source() == null ? "not in the profile (NOT_IN_PROFILE)" : "profile: \"" + l.source() + "\""));
            if (l.note() != null) {
                out.println("Note:         " + l.note());
            }
            out.println("Flags:        " + (l.flags().isEmpty() ? "none" : String.join(", ", l.flags())));
        }
    }

    private static void figures(List<Figure> figures, PrintWriter out) {
        for (Figure f : figures) {
            out.printf("  %d  %,d%n", f.year(), f.value());
        }
    }

    private static void notes(List<String> notes, PrintWriter out) {
        notes.forEach(n -> out.println("Note:         " + n));
    }
}
