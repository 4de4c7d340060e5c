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
import org.policyclassifier.facts.Words;

/** A decision in plain words, for a person at a terminal. */
final class DecisionText {

    /** The end of the codes of notes where an option wins over the question, which the CLI words with the option. */
    private static final String OPTION_WINS = "option_wins";

    private DecisionText() {
    }

    /**
     * What the question was understood as, and the options given:
     * {@code understood: "spuitenruil" (nl) · place Antwerpen (from the question) · ignored: "please"}.
     */
    static void printQuestion(Decision d, String place, String setting, String actor, List<String> substances,
            Words words, String language, PrintWriter out) {
        MatchEntry m = d.match();
        TextLabels say = new TextLabels(words, language);
        out.printf("%s: %s %s%n", m.question(), say.text(m.kind().equals("intervention") ? "kind_intervention"
                : "kind_offence", List.of()), m.entry());
        String fromQuestion = say.text("from_question");
        List<String> parts = new ArrayList<>();
        parts.add("\"" + m.term() + "\" (" + m.language() + ")");
        if (place != null) {
            parts.add(say.text("part_place", List.of("place", place)) + " (--place)");
        } else if (m.placeFromQuestion() != null) {
            parts.add(say.text("part_place", List.of("place", m.placeFromQuestion())) + " " + fromQuestion);
        }
        if (setting != null) {
            parts.add(say.text("part_setting", List.of("setting", setting)) + " (--setting)");
        } else if (m.settingFromQuestion() != null) {
            parts.add(say.text("part_setting", List.of("setting", m.settingFromQuestion())) + " " + fromQuestion);
        }
        if (substances != null) {
            parts.add(say.text("part_substances", List.of("substances", String.join(", ", substances))) + " (--substance)");
        } else if (m.substancesFromQuestion() != null) {
            parts.add(say.text("part_substances", List.of("substances", String.join(", ", m.substancesFromQuestion())))
                    + " " + fromQuestion);
        }
        if (actor != null) {
            parts.add(say.text("part_actor", List.of("actor", actor)) + " (--actor)");
        }
        m.corrections().forEach(c -> parts.add(say.text("part_read", List.of("correction", c))));
        if (!m.ignoredWords().isEmpty()) {
            parts.add(say.text("part_ignored", List.of("words", m.ignoredWords().stream().map(w -> "\"" + w + "\"")
                    .collect(Collectors.joining(", ")))));
        }
        out.println(say.text("understood") + ": " + String.join(" · ", parts));
        m.noteDetails().forEach(n -> out.println(say.text("note") + ": " + (n.code().endsWith(OPTION_WINS)
                ? words.text(language, Words.TEXT, OPTION_WINS, List.of("option", "--" + (n.field().equals("substances")
                        ? "substance" : n.field()), "value", n.value(), "words", n.words()))
                : n.in(words, language))));
        out.println();
    }

    /** The decision in {@code language}: its texts, which {@code d} already has in it, and the labels around them. */
    static void print(Decision d, Words words, String language, PrintWriter out) {
        TextLabels say = new TextLabels(words, language);
        if (d.place() != null) {
            say.line(out, "place", words.placeName(language, d.place().name()) + " ("
                    + say.word(Words.PLACE_KINDS, d.place().kind()) + (d.place().municipality() == null ? ""
                            : " " + say.text("of") + " " + words.placeName(language, d.place().municipality()))
                    + ", " + say.word(Words.REGIONS, d.place().region()) + ")");
        }
        say.line(out, "axis", say.word(Words.AXES, d.axis()));
        say.line(out, "tier", d.tier() == null ? say.text("none") : say.word(Words.TIERS, d.tier()));
        say.line(out, "lead_level", d.leadLevel() == null
                ? say.text(d.conflictingClaims().isEmpty() ? "none" : "not_settled") : say.word(Words.LEVELS, d.leadLevel()));
        Decision.AskedEntry asked = d.match() == null ? null : d.match().asked();
        if (asked != null) {
            say.line(out, "asked_" + asked.what(), asked.levels().stream().map(l -> say.word(Words.LEVELS, l))
                    .collect(Collectors.joining(", ")));
        }
        if (!d.levels().isEmpty()) {
            out.println(say.text("levels"));
            for (LevelEntry l : d.levels()) {
                out.printf("  %-11s %s%s%n", say.word(Words.LEVELS, l.level()), l.role(),
                        l.entity() == null ? "" : " [" + l.entity() + "]");
            }
        }
        if (!d.actors().isEmpty()) {
            say.line(out, "actors", d.actors().stream().map(a -> a.name() + " (" + say.word(Words.LEVELS, a.level()) + ")")
                    .collect(Collectors.joining("\n" + say.indent())));
        }
        say.line(out, "coordination", d.coordination() == null ? say.text("none") : d.coordination());
        if (d.flagDetails().isEmpty()) {
            say.line(out, "flags", say.text("none"));
        } else {
            say.line(out, "flags", d.flagDetails().stream().map(DecisionText::flag)
                    .collect(Collectors.joining("\n" + say.indent())));
        }
        d.overrides().forEach(o -> say.line(out, "override", words.text(language, Words.TEXT, "overrides_lead",
                List.of("rule", o.rule(), "overridden", o.overrides(), "level", say.word(Words.LEVELS, o.level()),
                        "reason", o.reason()))));
        if (!d.conflictingClaims().isEmpty()) {
            say.line(out, "conflict", d.conflictingClaims().stream()
                    .map(c -> say.word(Words.LEVELS, c.level()) + " (" + c.rule() + ")")
                    .collect(Collectors.joining(" " + say.text("versus") + " ")));
        }
        out.println(say.text("why"));
        for (Explanation e : d.explanation()) {
            out.printf("  %-10s  %s%s%n", e.rule(), e.title(), e.overriddenBy() == null ? ""
                    : " " + words.text(language, Words.TEXT, "overridden_by", List.of("rule", e.overriddenBy())));
            out.printf("  %-10s  %s: \"%s\"%n", "", say.text("profile"), e.source());
            if (e.note() != null) {
                out.printf("  %-10s  %s: %s%n", "", say.text("note"), e.note());
            }
        }
    }

    private static String flag(FlagEntry f) {
        return f.code() + ": " + f.detail() + (f.rule() == null ? "" : " (" + f.rule() + ")");
    }
}
