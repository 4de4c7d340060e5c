package org.policyclassifier.cases;

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
 */
public record CaseRecord(String id, String kind, String type, String category, String place, String setting,
        String actor, List<String> substances) {

    public CaseRecord {
        substances = substances == null ? null : List.copyOf(substances);
    }

    /** A record for a subject of either kind: its id goes to {@code type} or {@code category}. */
    public static CaseRecord of(String id, String kind, String subject, String place, String setting, String actor,
            List<String> substances) {
        boolean intervention = kind.equals("intervention");
        return new CaseRecord(id, kind, intervention ? subject : null, intervention ? null : subject, place, setting,
                actor, substances);
    }
}
