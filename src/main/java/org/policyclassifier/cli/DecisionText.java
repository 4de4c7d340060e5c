package org.policyclassifier.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.policyclassifier.classify.Decision;
import org.policyclassifier.classify.Decision.Explanation;
import org.policyclassifier.classify.Decision.FlagEntry;
import org.policyclassifier.classify.Decision.LevelEntry;
import org.policyclassifier.classify.Decision.MatchEntry;

/** A decision in plain words, for a person at a terminal. */
final class DecisionText {

    private static final String INDENT = "              ";

    private DecisionText() {
    }

    /**
     * What the question was understood as, and the options given:
     * {@code understood: "spuitenruil" (nl) · place Antwerpen (from the question) · ignored: "please"}.
     */
    static void printQuestion(Decision d, String place, String setting, String actor, List<String> substances,
            PrintWriter out) {
        MatchEntry m = d.match();
        out.printf("%s: %s %s%n", m.question(), m.kind().equals("intervention") ? "intervention type"
                : "offence category", m.entry());
        List<String> parts = new ArrayList<>();
        parts.add("\"" + m.term() + "\" (" + m.language() + ")");
        if (place != null) {
            parts.add("place " + place + " (--place)");
        } else if (m.placeFromQuestion() != null) {
            parts.add("place " + m.placeFromQuestion() + " (from the question)");
        }
        if (setting != null) {
            parts.add("setting " + setting + " (--setting)");
        } else if (m.settingFromQuestion() != null) {
            parts.add("setting " + m.settingFromQuestion() + " (from the question)");
        }
        if (substances != null) {
            parts.add("substances " + String.join(", ", substances) + " (--substance)");
        } else if (m.substancesFromQuestion() != null) {
            parts.add("substances " + String.join(", ", m.substancesFromQuestion()) + " (from the question)");
        }
        if (actor != null) {
            parts.add("actor " + actor + " (--actor)");
        }
        m.corrections().forEach(c -> parts.add("read " + c));
        if (!m.ignoredWords().isEmpty()) {
            parts.add("ignored: " + m.ignoredWords().stream().map(w -> "\"" + w + "\"")
                    .collect(Collectors.joining(", ")));
        }
        out.println("understood: " + String.join(" · ", parts));
        m.notes().forEach(n -> out.println("note: " + n));
        out.println();
    }

    static void print(Decision d, PrintWriter out) {
        if (d.place() != null) {
            line(out, "Place:", d.place().name() + " (" + d.place().kind()
                    + (d.place().municipality() == null ? "" : " of " + d.place().municipality()) + ", "
                    + d.place().region() + ")");
        }
        line(out, "Axis:", d.axis().replace('_', ' '));
        line(out, "Tier:", d.tier() == null ? "none" : d.tier());
        line(out, "Lead level:", d.leadLevel() == null
                ? (d.conflictingClaims().isEmpty() ? "none" : "not settled (see CONFLICT)") : d.leadLevel());
        if (!d.levels().isEmpty()) {
            out.println("Levels:");
            for (LevelEntry l : d.levels()) {
                out.printf("  %-11s %s%s%n", l.level(), l.role(), l.entity() == null ? "" : " [" + l.entity() + "]");
            }
        }
        if (!d.actors().isEmpty()) {
            line(out, "Actors:", d.actors().stream().map(a -> a.name() + " (" + a.level() + ")")
                    .collect(Collectors.joining("\n" + INDENT)));
        }
        line(out, "Coordination:", d.coordination() == null ? "none" : d.coordination());
        if (d.flagDetails().isEmpty()) {
            line(out, "Flags:", "none");
        } else {
            line(out, "Flags:", d.flagDetails().stream().map(DecisionText::flag)
                    .collect(Collectors.joining("\n" + INDENT)));
        }
        d.overrides().forEach(o -> line(out, "Override:", o.rule() + " overrides " + o.overrides()
                + " (lead " + o.level() + "): " + o.reason()));
        if (!d.conflictingClaims().isEmpty()) {
            line(out, "Conflict:", d.conflictingClaims().stream().map(c -> c.level() + " (" + c.rule() + ")")
                    .collect(Collectors.joining(" vs ")));
        }
        out.println("Why:");
        for (Explanation e : d.explanation()) {
            out.printf("  %-10s  %s%s%n", e.rule(), e.title(),
                    e.overriddenBy() == null ? "" : " (overridden by " + e.overriddenBy() + ")");
            out.printf("  %-10s  profile: \"%s\"%n", "", e.source());
            if (e.note() != null) {
                out.printf("  %-10s  note: %s%n", "", e.note());
            }
        }
    }

    private static String flag(FlagEntry f) {
        return f.code() + ": " + f.detail() + (f.rule() == null ? "" : " (" + f.rule() + ")");
    }

    private static void line(PrintWriter out, String label, String value) {
        out.printf("%-14s%s%n", label, value);
    }
}
