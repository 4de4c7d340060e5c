package org.policyclassifier.classify;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.facts.Actor;
import org.policyclassifier.facts.InterventionType;
import org.policyclassifier.facts.Place;
import org.policyclassifier.facts.PlaceMatch;
import org.policyclassifier.facts.Vocabulary;

/** Checks a record against the vocabulary and builds the flattened {@link Case} the rules see. */
final class CaseResolver {

    /** Place texts resolved: an unknown one costs milliseconds of edit distances, and batches repeat them. */
    private static final int MAX_PLACES_SEEN = 20_000;

    private final Vocabulary vocabulary;
    private final Map<String, PlaceFields> placesSeen = new ConcurrentHashMap<>();

    CaseResolver(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    Case resolve(CaseRecord record, String caseId) throws InvalidCaseException {
        if (record.kind() == null || record.kind().isBlank()) {
            throw new InvalidCaseException("kind", "missing; expected intervention or offence");
        }
        List<String> substances = record.substances();
        if (substances != null) {
            for (String s : substances) {
                known("substances", s, vocabulary.substanceIds());
            }
        }
        if (record.setting() != null) {
            known("setting", record.setting(), vocabulary.settingIds());
        }
        String actorLevel = null;
        if (record.actor() != null) {
            known("actor", record.actor(), vocabulary.actorIds());
            actorLevel = vocabulary.actor(record.actor()).map(Actor::level).orElseThrow();
        }
        // An unknown or ambiguous place never loses the answer: the rules flag it (ENT-007, ENT-008).
        PlaceFields place = record.place() == null ? PlaceFields.NONE : place(record.place());
        return switch (record.kind()) {
            case "intervention" -> intervention(record, caseId, substances, actorLevel, place);
            case "offence" -> offence(record, caseId, substances, actorLevel, place);
            default -> throw new InvalidCaseException("kind", "'" + record.kind()
                    + "' is unknown; expected intervention or offence");
        };
    }

    private PlaceFields place(String text) {
        PlaceFields fields = placesSeen.get(text);
        if (fields == null) {
            if (placesSeen.size() >= MAX_PLACES_SEEN) {
                placesSeen.clear();
            }
            fields = PlaceFields.of(vocabulary.findPlace(text));
            placesSeen.put(text, fields);
        }
        return fields;
    }

    private Case intervention(CaseRecord r, String caseId, List<String> substances, String actorLevel,
            PlaceFields place)
            throws InvalidCaseException {
        if (r.type() == null) {
            throw new InvalidCaseException("type", "missing; an intervention needs its type");
        }
        if (r.category() != null) {
            throw new InvalidCaseException("category", "belongs to offences, not to interventions");
        }
        InterventionType type = vocabulary.interventionType(r.type()).orElseThrow(() -> new InvalidCaseException(
                "type", "'" + r.type() + "' is not an intervention type of the vocabulary"));
        return new Case(caseId, "intervention", type.id(), type.objective(),
                r.setting() != null ? r.setting() : type.setting(),
                substances != null ? substances : type.substances(),
                place.name, place.kind, place.region, place.languageArea, actorLevel, place.municipality,
                place.given, place.match, place.others);
    }

    private Case offence(CaseRecord r, String caseId, List<String> substances, String actorLevel, PlaceFields place)
            throws InvalidCaseException {
        if (r.category() == null) {
            throw new InvalidCaseException("category", "missing; an offence needs its category");
        }
        if (r.type() != null) {
            throw new InvalidCaseException("type", "belongs to interventions, not to offences");
        }
        String category = vocabulary.offenceCategory(r.category()).orElseThrow(() -> new InvalidCaseException(
                "category", "'" + r.category() + "' is not an offence category; expected one of "
                        + vocabulary.offenceCategories().stream().map(c -> c.id()).collect(Collectors.joining(", "))))
                .id();
        return new Case(caseId, "offence", category, null, r.setting(),
                substances != null ? substances : List.of(),
                place.name, place.kind, place.region, place.languageArea, actorLevel, place.municipality,
                place.given, place.match, place.others);
    }

    private static void known(String field, String value, Set<String> known) throws InvalidCaseException {
        if (value == null || !known.contains(value)) {
            throw new InvalidCaseException(field, "'" + value + "' is unknown; expected one of "
                    + known.stream().sorted().collect(Collectors.joining(", ")));
        }
    }

    /** The place fields of a case, from what the place text turned out to be. */
    private record PlaceFields(String name, String kind, String region, String languageArea, String municipality,
            String given, String match, String others) {

        static final PlaceFields NONE = new PlaceFields(null, null, null, null, null, null, null, "");

        static PlaceFields of(PlaceMatch m) {
            String match = m.status().name().toLowerCase(Locale.ROOT);
            return switch (m.status()) {
                case FOUND, CHOSEN -> new PlaceFields(m.place().name(), m.place().kind(), m.place().region(),
                        m.place().languageArea(), m.place().localAuthority(), m.given(), match, described(m.others()));
                case AMBIGUOUS -> new PlaceFields(null, null, shared(m.others(), Place::region),
                        sharedLanguageArea(m.others()), null, m.given(), match, described(m.others()));
                case UNKNOWN -> new PlaceFields(null, null, null, null, null, m.given(), match,
                        String.join("; ", m.closest()));
            };
        }

        private static String described(List<Place> places) {
            return places.stream().map(Place::describe).collect(Collectors.joining("; "));
        }

        private static String shared(List<Place> places, Function<Place, String> field) {
            Set<String> values = places.stream().map(field).collect(Collectors.toSet());
            return values.size() == 1 ? values.iterator().next() : null;
        }

        /** French- and German-speaking candidates together read as the mixed area fr_de, which names both Communities. */
        private static String sharedLanguageArea(List<Place> places) {
            Set<String> areas = places.stream().map(Place::languageArea).collect(Collectors.toSet());
            if (areas.size() == 1) {
                return areas.iterator().next();
            }
            return Set.of("fr", "de", "fr_de").containsAll(areas) ? "fr_de" : null;
        }
    }
}
