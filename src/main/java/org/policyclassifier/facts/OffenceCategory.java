package org.policyclassifier.facts;

/**
 * One of the offence categories of the profile's statistics table; {@code description} (optional) as
 * for {@link InterventionType}.
 */
public record OffenceCategory(String id, String statisticsRow, Labels labels, Synonyms synonyms,
        Description description) {
}
