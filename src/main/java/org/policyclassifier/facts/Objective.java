package org.policyclassifier.facts;

/** An objective of the strategy, with the profile's own words for it. */
public record Objective(String id, String label, String profileText) {
}
