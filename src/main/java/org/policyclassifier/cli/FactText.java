package org.policyclassifier.cli;

import java.io.PrintWriter;
import java.util.List;
import org.policyclassifier.facts.Words;
import org.policyclassifier.query.FactAnswers.Claim;
import org.policyclassifier.query.FactAnswers.Figure;
import org.policyclassifier.query.FactAnswers.FigureAnswer;
import org.policyclassifier.query.FactAnswers.LegalAnswer;
import org.policyclassifier.query.FactAnswers.TrendAnswer;

/**
 * The text of an answer of another kind than a decision: a figure, a trend, a legal status, in the
 * words of {@code facts/words/} for the language. The profile's quotes, its table's row names and
 * the legal statements stay as the facts hold them.
 */
final class FactText {

    private FactText() {
    }

    static void print(Object fact, Words words, String language, PrintWriter out) {
        TextLabels say = new TextLabels(words, language);
        if (fact instanceof FigureAnswer f) {
            out.println(say.text("figure_heading", List.of("question", f.question(), "series", f.series())));
            figures(f.figures(), out);
            say.line(out, "source", say.text("source_table", List.of("source", f.source())));
            f.notes().forEach(n -> say.line(out, "note_label", n));
        } else if (fact instanceof TrendAnswer t) {
            out.println(say.text("trend_heading", List.of("question", t.question(), "series", t.series())));
            say.line(out, "trend", say.text("trend_line", List.of("direction", say.text("direction_" + t.direction()),
                    "first", String.valueOf(t.first()), "last", String.valueOf(t.last()),
                    "change", String.format("%+d", t.change()),
                    "percent", t.percent() == null ? say.text("not_available") : t.percent().toPlainString(),
                    "from", String.valueOf(t.from()), "to", String.valueOf(t.to()),
                    "band", t.stableBandPercent().toPlainString())));
            figures(t.figures(), out);
            for (Claim c : t.claims()) {
                say.line(out, "profile_says", "\"" + c.quote() + "\"");
                out.println(say.indent() + say.text("claim_verdict", List.of("verdict",
                        say.text("verdict_" + c.verdict().replace(' ', '_')), "measured", say.text("direction_" + t.direction()),
                        "caveat", c.caveat())));
            }
            say.line(out, "flags", String.join(", ", t.flags()));
            say.line(out, "source", say.text("source_table_trends", List.of("source", t.source())));
            t.notes().forEach(n -> say.line(out, "note_label", n));
        } else if (fact instanceof LegalAnswer l) {
            out.println(l.subject() == null ? say.text("legal_heading", List.of("question", l.question()))
                    : say.text("legal_heading_of", List.of("question", l.question(), "subject", l.subject())));
            say.line(out, "status", l.statement());
            say.line(out, "source", l.source() == null ? say.text("source_not_in_profile")
                    : say.text("source_quote", List.of("quote", l.source())));
            if (l.note() != null) {
                say.line(out, "note_label", l.note());
            }
            say.line(out, "flags", l.flags().isEmpty() ? say.text("none") : String.join(", ", l.flags()));
        }
    }

    private static void figures(List<Figure> figures, PrintWriter out) {
        for (Figure f : figures) {
            out.printf("  %d  %,d%n", f.year(), f.value());
        }
    }
}
