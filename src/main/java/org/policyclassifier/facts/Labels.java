package org.policyclassifier.facts;

/** The name of an entry in English, Dutch, French and German (German may be left out). */
public record Labels(String en, String nl, String fr, String de) {
}
