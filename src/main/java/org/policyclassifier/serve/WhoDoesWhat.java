package org.policyclassifier.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.Decision;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.facts.InterventionType;
import org.policyclassifier.facts.Labels;
import org.policyclassifier.facts.Level;

/**
 * Who does what: every intervention type classified without a place (or in one place), its
 * decision's levels laid out by level. The roles and bodies are the decisions' own words; nothing
 * here decides anything.
 */
final class WhoDoesWhat {

    /**
     * One intervention type; {@code roles} has every level of the vocabulary, empty where it takes no
     * part; {@code bodies} the bodies that act at a level, named only where a place tells them.
     */
    record Row(String type, Labels labels, String axis, String tier, String leadLevel, List<String> flags,
            Map<String, List<String>> roles, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<String>> bodies) {
    }

    record Table(List<String> levels, List<Row> rows) {
    }

    private WhoDoesWhat() {
    }

    static Table of(Classifier classifier) throws InvalidInputException {
        return of(classifier, null, d -> d);
    }

    /**
     * Every type in {@code place} (null: none), its decisions in the words {@code worded} gives them.
     * An unknown place does not lose the table: the rules flag it (UNKNOWN_PLACE) and name no bodies.
     */
    static Table of(Classifier classifier, String place, UnaryOperator<Decision> worded) throws InvalidInputException {
        List<InterventionType> types = List.copyOf(classifier.vocabulary().interventionTypes());
        List<CaseRecord> records = types.stream()
                .map(t -> CaseRecord.of(null, "intervention", t.id(), place, null, null, null)).toList();
        List<Classifier.Outcome> outcomes = classifier.classifyAll(records);
        List<String> levels = classifier.vocabulary().levels().stream().filter(Level::inProfile).map(Level::id).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            if (outcomes.get(i).decision() == null) {
                continue; // every type of the vocabulary resolves; a reject here would be a vocabulary bug
            }
            Decision d = worded.apply(outcomes.get(i).decision());
            Map<String, List<String>> roles = new LinkedHashMap<>();
            Map<String, List<String>> bodies = new LinkedHashMap<>();
            levels.forEach(level -> roles.put(level, new ArrayList<>()));
            for (Decision.LevelEntry entry : d.levels()) {
                roles.computeIfAbsent(entry.level(), k -> new ArrayList<>()).add(entry.role());
                if (entry.entity() != null) {
                    bodies.computeIfAbsent(entry.level(), k -> new ArrayList<>()).add(entry.entity());
                }
            }
            rows.add(new Row(types.get(i).id(), types.get(i).labels(), d.axis(), d.tier(), d.leadLevel(), d.flags(),
                    roles, bodies));
        }
        return new Table(levels, rows);
    }
}
