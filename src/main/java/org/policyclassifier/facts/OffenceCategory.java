package org.policyclassifier.facts;

/** One of the offence categories of the profile's statistics table. */
public record OffenceCategory(String id, String statisticsRow, Labels labels, Synonyms synonyms) {
}
