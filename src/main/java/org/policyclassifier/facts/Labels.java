package org.policyclassifier.facts;

/** The name of an entry in English, Dutch and French. */
public record Labels(String en, String nl, String fr) {
}
