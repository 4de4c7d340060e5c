package org.policyclassifier.facts;

/** A simple vocabulary entry: an id and a label (settings, substances). */
public record Term(String id, String label) {
}
