package org.policyclassifier.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.Decision;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.facts.InterventionType;
import org.policyclassifier.facts.Labels;
import org.policyclassifier.facts.Level;
import org.policyclassifier.io.SpreadsheetCells;

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

    private static final CsvMapper CSV = new CsvMapper();

    private WhoDoesWhat() {
    }

    /**
     * The table as CSV for a spreadsheet, in {@code language}: a row per type with its id, name, axis,
     * tier, lead level and flags, then each level's roles and bodies ({@code federal_role},
     * {@code federal_bodies}, ...). Several roles or bodies share a cell, joined by "; ".
     */
    static String csv(Table table, String language) {
        CsvSchema.Builder columns = CsvSchema.builder();
        List.of("type", "name", "axis", "tier", "lead_level", "flags").forEach(columns::addColumn);
        table.levels().forEach(level -> columns.addColumn(level + "_role").addColumn(level + "_bodies"));
        List<List<String>> rows = new ArrayList<>();
        for (Row r : table.rows()) {
            List<String> row = new ArrayList<>(List.of(r.type(), r.labels().in(language), String.valueOf(r.axis()),
                    Objects.toString(r.tier(), ""), Objects.toString(r.leadLevel(), ""), String.join(" ", r.flags())));
            for (String level : table.levels()) {
                row.add(String.join("; ", r.roles().getOrDefault(level, List.of())));
                row.add(String.join("; ", r.bodies().getOrDefault(level, List.of())));
            }
            // Names come from the facts and the place from the visitor: none may run as a formula.
            rows.add(row.stream().map(SpreadsheetCells::neutralised).toList());
        }
        try {
            return CSV.writer(columns.build().withHeader()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
