package org.policyclassifier.classify;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.policyclassifier.facts.Actor;
import org.policyclassifier.facts.InterventionType;
import org.policyclassifier.facts.Place;
import org.policyclassifier.facts.Vocabulary;

/** Checks a record against the vocabulary and builds the flattened {@link Case} the rules see. */
final class CaseResolver {

    private final Vocabulary vocabulary;

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
        Place place = null;
        if (record.place() != null) {
            place = vocabulary.place(record.place()).orElseThrow(() -> unknownPlace(record.place()));
        }
        return switch (record.kind()) {
            case "intervention" -> intervention(record, caseId, substances, actorLevel, place);
            case "offence" -> offence(record, caseId, substances, actorLevel, place);
            default -> throw new InvalidCaseException("kind", "'" + record.kind()
                    + "' is unknown; expected intervention or offence");
        };
    }

    private Case intervention(CaseRecord r, String caseId, List<String> substances, String actorLevel, Place place)
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
                placeName(place), placeKind(place), region(place), languageArea(place), actorLevel);
    }

    private Case offence(CaseRecord r, String caseId, List<String> substances, String actorLevel, Place place)
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
                placeName(place), placeKind(place), region(place), languageArea(place), actorLevel);
    }

    private static void known(String field, String value, Set<String> known) throws InvalidCaseException {
        if (value == null || !known.contains(value)) {
            throw new InvalidCaseException(field, "'" + value + "' is unknown; expected one of "
                    + known.stream().sorted().collect(Collectors.joining(", ")));
        }
    }

    private InvalidCaseException unknownPlace(String name) {
        List<String> like = vocabulary.placesLike(name);
        return new InvalidCaseException("place", "'" + name + "' is not a known place (facts/places.json)"
                + (like.isEmpty() ? "" : "; did you mean " + String.join(", ", like) + "?"));
    }

    private static String placeName(Place p) {
        return p == null ? null : p.name();
    }

    private static String placeKind(Place p) {
        return p == null ? null : p.kind();
    }

    private static String region(Place p) {
        return p == null ? null : p.region();
    }

    private static String languageArea(Place p) {
        return p == null ? null : p.languageArea();
    }
}
