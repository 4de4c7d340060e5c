package org.policyclassifier.facts;

/** An organisation that rules can name by id; its name, per language, is in the words of {@code facts/words/}. */
public record Actor(String id, String level, String kind) {
}
