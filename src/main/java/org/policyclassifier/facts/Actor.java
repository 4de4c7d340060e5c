package org.policyclassifier.facts;

/** An organisation that rules can name by id. */
public record Actor(String id, String name, String level, String kind) {
}
