package org.policyclassifier.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The places by folded name and alias, and by postcode; resolves what a user typed. The rules for
 * a name several places share (documented in docs/facts.md):
 * <ol>
 * <li>a postcode names the places bpost lists under it: one municipality (with or without its
 *     localities) is that municipality, a single locality is that locality, several municipalities
 *     are ambiguous;</li>
 * <li>a name one place has is that place;</li>
 * <li>a name shared by exactly one region, province or municipality and by localities of other
 *     municipalities is the region, province or municipality (CHOSEN; the answer names the others);</li>
 * <li>any other shared name is ambiguous: two municipalities (Saint-Nicolas in the province of
 *     Liège, and Sint-Niklaas, Saint-Nicolas in French), or localities only (Deurne);</li>
 * <li>{@code "Name (Qualifier)"} keeps the places of that name whose postcode, municipality,
 *     province or region the qualifier names: {@code "Beveren (Roeselare)"}, {@code "Deurne (2100)"}.</li>
 * </ol>
 */
final class PlaceIndex {

    static final Pattern POSTCODE = Pattern.compile("\\d{4}");
    private static final Pattern QUALIFIED = Pattern.compile("(.+?)\\s*\\(([^()]+)\\)\\s*");
    private static final int CLOSEST = 3;
    /**
     * Longer texts name no place (the longest name has 30 letters) and are unknown at once: edit
     * distances to a batch line of a megabyte would take hours.
     */
    private static final int MAX_TEXT = 200;

    private final List<Place> places;
    private final NavigableMap<String, List<Place>> byName = new TreeMap<>();
    private final Map<String, List<Place>> byPostcode = new HashMap<>();
    private final Map<String, Place> byExactName = new HashMap<>();
    private final Map<String, Place> regions = new HashMap<>();
    private final int longestName;
    private final int mostWords;

    PlaceIndex(List<Place> places) {
        this.places = List.copyOf(places);
        for (Place place : this.places) {
            for (String name : Vocabulary.placeNames(place)) {
                List<Place> named = byName.computeIfAbsent(Text.fold(name), k -> new ArrayList<>(1));
                // By identity: a record's equals would compare every field, and only an alias that folds
                // like the name (or like another alias) of the same entry comes here twice.
                if (named.isEmpty() || named.get(named.size() - 1) != place) {
                    named.add(place);
                }
            }
            place.postcodes().forEach(p -> byPostcode.computeIfAbsent(p, k -> new ArrayList<>(1)).add(place));
            if (!place.isLocality()) {
                byExactName.putIfAbsent(place.name(), place);
            }
            if (Place.REGION.equals(place.kind())) {
                regions.putIfAbsent(place.region(), place);
            }
        }
        byName.replaceAll((k, v) -> List.copyOf(v));
        longestName = byName.keySet().stream().mapToInt(String::length).max().orElse(0);
        mostWords = byName.keySet().stream().mapToInt(name -> name.split(" ").length).max().orElse(0);
        byPostcode.replaceAll((k, v) -> List.copyOf(v));
    }

    List<Place> places() {
        return places;
    }

    /** The most words any folded name or alias has. */
    int mostWords() {
        return mostWords;
    }

    /** The region, province or municipality of this exact (canonical) name. */
    Place area(String name) {
        return byExactName.get(name);
    }

    /** Every place one of whose names folds to the folded text. */
    List<Place> named(String text) {
        return byName.getOrDefault(Text.fold(text), List.of());
    }

    /** Folded names starting with the folded prefix, in order, each with its places; at most {@code limit}. */
    Map<String, List<Place>> withPrefix(String prefix, int limit) {
        String folded = Text.fold(prefix);
        Map<String, List<Place>> found = new LinkedHashMap<>();
        for (Map.Entry<String, List<Place>> e : byName.tailMap(folded, true).entrySet()) {
            if (!e.getKey().startsWith(folded) || found.size() >= limit) {
                break;
            }
            found.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(found);
    }

    PlaceMatch find(String text) {
        String given = text.strip();
        if (given.length() > MAX_TEXT) {
            return PlaceMatch.unknown(given, List.of());
        }
        if (POSTCODE.matcher(given).matches()) {
            return byPostcode(given);
        }
        List<Place> named = named(given);
        if (!named.isEmpty()) {
            return choose(given, named);
        }
        Matcher qualified = QUALIFIED.matcher(given);
        if (qualified.matches()) {
            List<Place> kept = named(qualified.group(1)).stream()
                    .filter(p -> qualifies(p, qualified.group(2))).toList();
            if (!kept.isEmpty()) {
                return choose(given, kept);
            }
        }
        return PlaceMatch.unknown(given, closest(given));
    }

    private PlaceMatch byPostcode(String postcode) {
        List<Place> listed = byPostcode.getOrDefault(postcode, List.of());
        if (listed.isEmpty()) {
            return PlaceMatch.unknown(postcode, closestPostcodes(postcode));
        }
        Set<String> municipalities = listed.stream().map(Place::localAuthority)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (municipalities.size() > 1) {
            return PlaceMatch.ambiguous(postcode, municipalities.stream().map(byExactName::get).toList());
        }
        List<Place> localities = listed.stream().filter(Place::isLocality).toList();
        if (localities.size() == 1 && localities.size() == listed.size()) {
            return PlaceMatch.found(postcode, localities.get(0));
        }
        return PlaceMatch.found(postcode, byExactName.get(municipalities.iterator().next()));
    }

    private static PlaceMatch choose(String given, List<Place> candidates) {
        if (candidates.size() == 1) {
            return PlaceMatch.found(given, candidates.get(0));
        }
        List<Place> areas = candidates.stream().filter(p -> !p.isLocality()).toList();
        if (areas.size() == 1) {
            Place chosen = areas.get(0);
            return PlaceMatch.chosen(given, chosen, candidates.stream().filter(p -> p != chosen).toList());
        }
        return PlaceMatch.ambiguous(given, candidates);
    }

    /** Whether the qualifier is the place's postcode, or (part of) a name of its municipality, province or region. */
    private boolean qualifies(Place place, String qualifier) {
        String q = Text.fold(qualifier);
        if (place.postcodes().contains(q)) {
            return true;
        }
        List<Place> wider = new ArrayList<>();
        for (String name : new String[] {place.municipality(), place.province()}) {
            if (name != null && area(name) != null) {
                wider.add(area(name));
            }
        }
        Place region = regions.get(place.region());
        if (region != null) {
            wider.add(region);
        }
        return wider.stream().flatMap(p -> Vocabulary.placeNames(p).stream()).map(Text::fold)
                .anyMatch(n -> (" " + n + " ").contains(" " + q + " "));
    }

    /**
     * The names nearest in spelling (edit distance), best first, one per place. Distances are
     * computed only up to a bound (cheap: most names are far off), doubled until three places
     * are that close.
     */
    List<String> closest(String text) {
        String folded = Text.fold(text);
        Map<Place, Integer> best;
        int bound = 2;
        do {
            bound *= 2;
            best = distances(folded, new LevenshteinDistance(bound), bound);
        } while (best.size() < CLOSEST && bound < folded.length() + longestName);
        return best.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Place, Integer> e) -> e.getValue())
                        .thenComparing(e -> e.getKey().isLocality())
                        .thenComparing(e -> e.getKey().name()))
                .limit(CLOSEST).map(e -> e.getKey().describe()).toList();
    }

    /**
     * The places whose name or alias is closest to a text, within {@code edits} edits: one place
     * when the text is a misspelt name ("antwerpn"), several when names tie, none when none is that close.
     */
    List<Place> within(String text, int edits) {
        Map<Place, Integer> near = distances(Text.fold(text), new LevenshteinDistance(edits), edits);
        int min = near.values().stream().min(Integer::compare).orElse(-1);
        return near.entrySet().stream().filter(e -> e.getValue() == min).map(Map.Entry::getKey)
                .sorted(Comparator.comparing(Place::name)).toList();
    }

    /** Each place with a name within {@code bound} edits, and its smallest distance. */
    private Map<Place, Integer> distances(String folded, LevenshteinDistance distance, int bound) {
        Map<Place, Integer> best = new HashMap<>();
        for (Map.Entry<String, List<Place>> e : byName.entrySet()) {
            if (Math.abs(e.getKey().length() - folded.length()) > bound) {
                continue;
            }
            int d = distance.apply(folded, e.getKey());
            if (d >= 0) {
                e.getValue().forEach(p -> best.merge(p, d, Math::min));
            }
        }
        return best;
    }

    /** The places under the nearest postcodes that exist. */
    private List<String> closestPostcodes(String postcode) {
        int code = Integer.parseInt(postcode);
        return byPostcode.keySet().stream()
                .sorted(Comparator.comparing((String p) -> Math.abs(Integer.parseInt(p) - code)).thenComparing(p -> p))
                .limit(CLOSEST).map(p -> p + " " + byPostcode.get(p).get(0).name()).toList();
    }
}
