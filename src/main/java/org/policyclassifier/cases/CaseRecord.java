package org.policyclassifier.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A case as a user or a file gives it, before it is checked against the vocabulary.
 *
 * @param id the record's id, optional
 * @param kind intervention or offence
 * @param type the intervention type id (kind intervention)
 * @param category the offence category id (kind offence)
 * @param place a region, province or municipality, by any of its names
 * @param setting where it happens (facts/settings.json), overriding the type's usual setting
 * @param actor an actor id of facts/actors.json that the case names
 * @param substances substance ids of facts/substances.json
 * @param text the case in words, instead of {@code kind} and {@code type} or {@code category}: read
 *     as {@code policy query} reads a question (left out of the JSON when null, as a record by ids
 *     was written before there were texts)
 */
public record CaseRecord(String id, String kind, String type, String category, String place, String setting,
        String actor, List<String> substances, @JsonInclude(JsonInclude.Include.NON_NULL) String text) {

    public CaseRecord {
        substances = substances == null ? null : List.copyOf(substances);
    }

    /** A record that names its subject by id, without text. */
    public CaseRecord(String id, String kind, String type, String category, String place, String setting,
            String actor, List<String> substances) {
        this(id, kind, type, category, place, setting, actor, substances, null);
    }

    /** A record for a subject of either kind: its id goes to {@code type} or {@code category}. */
    public static CaseRecord of(String id, String kind, String subject, String place, String setting, String actor,
            List<String> substances) {
        boolean intervention = kind.equals("intervention");
        return new CaseRecord(id, kind, intervention ? subject : null, intervention ? null : subject, place, setting,
                actor, substances);
    }
}
