package org.policyclassifier.facts;

import java.util.List;

/**
 * What a place name, postcode or qualified name ({@code "Beveren (Roeselare)"}) given by a user
 * turned out to be.
 *
 * @param status how the text was resolved
 * @param given the text as given
 * @param place the place it names (FOUND, CHOSEN); null otherwise
 * @param others CHOSEN: the other places of that name; AMBIGUOUS: every place it may mean
 * @param closest UNKNOWN: the closest place names, best first
 */
public record PlaceMatch(Status status, String given, Place place, List<Place> others, List<String> closest) {

    public enum Status {
        /** One place has this name (or postcode). */
        FOUND,
        /** Several places share the name; one municipality (or region or province) among localities is taken. */
        CHOSEN,
        /** Several places of the same rank share the name or postcode: none is taken. */
        AMBIGUOUS,
        /** No place has this name or postcode. */
        UNKNOWN
    }

    public PlaceMatch {
        others = List.copyOf(others);
        closest = List.copyOf(closest);
    }

    static PlaceMatch found(String given, Place place) {
        return new PlaceMatch(Status.FOUND, given, place, List.of(), List.of());
    }

    static PlaceMatch chosen(String given, Place place, List<Place> others) {
        return new PlaceMatch(Status.CHOSEN, given, place, others, List.of());
    }

    static PlaceMatch ambiguous(String given, List<Place> candidates) {
        return new PlaceMatch(Status.AMBIGUOUS, given, null, candidates, List.of());
    }

    static PlaceMatch unknown(String given, List<String> closest) {
        return new PlaceMatch(Status.UNKNOWN, given, null, List.of(), closest);
    }
}
