package org.policyclassifier.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.Decision;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.facts.InterventionType;
import org.policyclassifier.facts.Labels;
import org.policyclassifier.facts.Level;

/**
 * Who does what: every intervention type classified without a place, its decision's levels laid
 * out by level. The roles are the decisions' own words; nothing here decides anything.
 */
final class WhoDoesWhat {

    /** One intervention type; {@code roles} has every level of the vocabulary, empty where it takes no part. */
    record Row(String type, Labels labels, String axis, String tier, String leadLevel, List<String> flags,
            Map<String, List<String>> roles) {
    }

    record Table(List<String> levels, List<Row> rows) {
    }

    private WhoDoesWhat() {
    }

    static Table of(Classifier classifier) throws InvalidInputException {
        List<InterventionType> types = List.copyOf(classifier.vocabulary().interventionTypes());
        List<CaseRecord> records = types.stream()
                .map(t -> CaseRecord.of(null, "intervention", t.id(), null, null, null, null)).toList();
        List<Classifier.Outcome> outcomes = classifier.classifyAll(records);
        List<String> levels = classifier.vocabulary().levels().stream().filter(Level::inProfile).map(Level::id).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            Decision d = outcomes.get(i).decision();
            if (d == null) {
                continue; // every type of the vocabulary resolves; a reject here would be a vocabulary bug
            }
            Map<String, List<String>> roles = new LinkedHashMap<>();
            levels.forEach(level -> roles.put(level, new ArrayList<>()));
            for (Decision.LevelEntry entry : d.levels()) {
                roles.computeIfAbsent(entry.level(), k -> new ArrayList<>()).add(entry.role());
            }
            rows.add(new Row(types.get(i).id(), types.get(i).labels(), d.axis(), d.tier(), d.leadLevel(), d.flags(),
                    roles));
        }
        return new Table(levels, rows);
    }
}
