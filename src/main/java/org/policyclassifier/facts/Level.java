package org.policyclassifier.facts;

import java.util.List;

/** A level of government; {@code inProfile} is false for levels the profile does not name (provinces). */
public record Level(String id, String label, List<String> profileNames, boolean inProfile, String covers) {
}
