package org.policyclassifier.facts;

/**
 * A short description of an entry per language: words people use about it without naming it
 * ("police raids" for the trade offence). Questions match them at a lower weight than labels and
 * synonyms. Any language may be left out.
 */
public record Description(String en, String nl, String fr, String de) {
}
