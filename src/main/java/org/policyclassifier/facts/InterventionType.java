package org.policyclassifier.facts;

import java.util.List;

/**
 * A kind of intervention. {@code objective} is null for types outside the profile's scope
 * (smoking cessation); {@code description} (optional) gives, per language, words people use about the
 * type that are not names of it, which count for matching a question at a lower weight; the rules, not this record, decide what that means. Axis and prevention
 * tier are policy, so they live in the rules ({@code rules/intervention-types.drl.csv}).
 */
public record InterventionType(String id, Labels labels, Synonyms synonyms, Description description,
        String objective, String setting, List<String> substances) {

    public InterventionType {
        substances = substances == null ? List.of() : List.copyOf(substances);
    }
}
