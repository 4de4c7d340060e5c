package org.policyclassifier.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.io.Located;

/** Required fields, unique ids and references between the facts files, each problem with file and line. */
final class VocabularyCheck {

    private final List<Problem> problems;

    VocabularyCheck(List<Problem> problems) {
        this.problems = problems;
    }

    void check(Vocabulary.Loaded v, Words words) {
        Set<String> levels = ids(v.levels(), Level::id);
        Set<String> objectives = ids(v.objectives(), Objective::id);
        Set<String> settings = ids(v.settings(), Term::id);
        Set<String> substances = ids(v.substances(), Term::id);
        ids(v.offenceCategories(), OffenceCategory::id);
        ids(v.actors(), Actor::id);

        for (Located<Level> l : v.levels()) {
            required(l, "label", l.value().label());
        }
        for (Located<Objective> o : v.objectives()) {
            required(o, "profile_text", o.value().profileText());
        }
        Map<String, String> termOwners = new HashMap<>();
        for (Located<InterventionType> t : v.interventionTypes()) {
            InterventionType type = t.value();
            required(t, "id", type.id());
            checkLabels(t, type.id(), type.labels(), type.synonyms(), termOwners);
            if (type.objective() != null) {
                reference(t, "objective", type.objective(), objectives);
            }
            reference(t, "setting", type.setting(), settings);
            type.substances().forEach(s -> reference(t, "substances", s, substances));
        }
        ids(v.interventionTypes(), InterventionType::id);
        for (Located<OffenceCategory> c : v.offenceCategories()) {
            OffenceCategory category = c.value();
            required(c, "statistics_row", category.statisticsRow());
            checkLabels(c, category.id(), category.labels(), category.synonyms(), termOwners);
        }
        for (Located<Actor> a : v.actors()) {
            reference(a, "level", a.value().level(), levels);
            if (a.value().id() != null && !words.has(Words.ACTORS, a.value().id())) {
                add(a, "actor '" + a.value().id() + "' has no name in " + Words.FOLDER + "/ for every language"
                        + " (section \"" + Words.ACTORS + "\")");
            }
        }
        checkPlaces(v.places());
        ids(v.questionWords(), Term::id);
        for (Located<Term> list : v.questionWords()) {
            if (list.value().id() != null && !Vocabulary.QUESTION_WORD_LISTS.contains(list.value().id())) {
                add(list, "field 'id': '" + list.value().id() + "' is not a list of question words; expected one of "
                        + new java.util.TreeSet<>(Vocabulary.QUESTION_WORD_LISTS));
            }
            for (String role : list.value().roles() == null ? List.<String>of() : list.value().roles()) {
                if (!words.has(Words.ROLES, role)) {
                    add(list, "field 'roles': '" + role + "' is not a role of " + Words.FOLDER + "/ (section \""
                            + Words.ROLES + "\")");
                }
            }
        }
    }

    /**
     * Places may share a name (the lookup then chooses or asks, see PlaceIndex), except a region or
     * province, whose names must each name it alone, and two places of one municipality.
     */
    private void checkPlaces(List<Located<Place>> places) {
        Set<String> regions = places.stream().map(Located::value).filter(p -> Place.REGION.equals(p.kind()))
                .map(Place::region).collect(Collectors.toSet());
        Set<String> provinces = places.stream().map(Located::value).filter(p -> Place.PROVINCE.equals(p.kind()))
                .map(Place::name).collect(Collectors.toSet());
        Set<String> municipalities = new HashSet<>();
        Map<String, Place> areaNames = new HashMap<>();
        Map<String, Place> sameMunicipality = new HashMap<>();
        for (Located<Place> p : places) {
            Place place = p.value();
            if (!required(p, "name", place.name())) {
                continue;
            }
            reference(p, "kind", place.kind(), Vocabulary.PLACE_KINDS);
            if (place.isLocality()) {
                checkLocality(p, municipalities);
            } else {
                reference(p, "region", place.region(), regions);
                reference(p, "language_area", place.languageArea(), Vocabulary.LANGUAGE_AREAS);
                if (place.province() != null) {
                    reference(p, "province", place.province(), provinces);
                }
                if (place.municipality() != null) {
                    add(p, "field 'municipality': only a locality names its municipality");
                }
                if (Place.MUNICIPALITY.equals(place.kind()) && !municipalities.add(place.name())) {
                    add(p, "municipality '" + place.name() + "' is listed twice");
                }
            }
            for (String postcode : place.postcodes()) {
                if (postcode == null || !PlaceIndex.POSTCODE.matcher(postcode).matches()) {
                    add(p, "field 'postcodes': '" + postcode + "' is not a postcode of 4 digits");
                }
            }
            for (String name : Vocabulary.placeNames(place)) {
                String folded = Text.fold(name);
                Place area = areaNames.get(folded);
                boolean wide = place.isWide();
                if (area != null && area != place) {
                    add(p, "name '" + name + "' is already used by " + area.kind() + " '" + area.name()
                            + "'; the names of a region, province or language area must each name it alone");
                } else if (wide) {
                    areaNames.put(folded, place);
                }
                Place sibling = sameMunicipality.putIfAbsent(folded + "@" + place.localAuthority(), place);
                if (sibling != null && sibling != place && place.localAuthority() != null) {
                    add(p, "name '" + name + "' is already used by '" + sibling.name() + "' in the same municipality");
                }
            }
        }
        // A name a region or province has that a later place also uses.
        for (Located<Place> p : places) {
            Place place = p.value();
            if (place.name() == null || place.isWide()) {
                continue;
            }
            for (String name : Vocabulary.placeNames(place)) {
                Place area = areaNames.get(Text.fold(name));
                if (area != null && p.line() < lineOf(places, area)) {
                    add(p, "name '" + name + "' is already used by " + area.kind() + " '" + area.name()
                            + "'; the names of a region, province or language area must each name it alone");
                }
            }
        }
    }

    private static int lineOf(List<Located<Place>> places, Place place) {
        return places.stream().filter(l -> l.value() == place).mapToInt(Located::line).findFirst().orElse(0);
    }

    /** A locality names a municipality listed before it and takes its region, language area and province. */
    private void checkLocality(Located<Place> p, Set<String> municipalities) {
        Place place = p.value();
        if (required(p, "municipality", place.municipality()) && !municipalities.contains(place.municipality())) {
            add(p, "field 'municipality': '" + place.municipality() + "' is not a municipality listed before it");
        }
        String[][] inherited = {{"region", place.region()}, {"language_area", place.languageArea()},
            {"province", place.province()}};
        for (String[] field : inherited) {
            if (field[1] != null) {
                add(p, "field '" + field[0] + "': a locality takes it from its municipality; leave it out");
            }
        }
    }

    private void checkLabels(Located<?> at, String owner, Labels labels, Synonyms synonyms,
            Map<String, String> termOwners) {
        if (!required(at, "labels", labels)) {
            return;
        }
        required(at, "labels.en", labels.en());
        required(at, "labels.nl", labels.nl());
        required(at, "labels.fr", labels.fr());
        List<String> terms = new ArrayList<>(List.of(
                nullToEmpty(labels.en()), nullToEmpty(labels.nl()), nullToEmpty(labels.fr()), nullToEmpty(labels.de())));
        if (synonyms != null) {
            terms.addAll(synonyms.en());
            terms.addAll(synonyms.nl());
            terms.addAll(synonyms.fr());
            terms.addAll(synonyms.de());
        }
        // A word shared by two entries would make every query for it ambiguous. An acronym may
        // stand for two things (NSP): a question using it alone is then asked back, by design.
        for (String term : terms) {
            String folded = Text.fold(term);
            if (folded.isEmpty() || Text.isAcronym(term)) {
                continue;
            }
            String previous = termOwners.putIfAbsent(folded, owner);
            if (previous != null && !previous.equals(owner)) {
                add(at, "'" + term + "' is already a label or synonym of '" + previous + "'");
            }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private <T> Set<String> ids(List<Located<T>> values, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (Located<T> v : values) {
            String value = id.apply(v.value());
            if (required(v, "id", value) && !seen.add(value)) {
                add(v, "id '" + value + "' is used twice");
            }
        }
        return seen;
    }

    private boolean required(Located<?> at, String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            add(at, "field '" + field + "' is missing");
            return false;
        }
        return true;
    }

    private void reference(Located<?> at, String field, String value, Collection<String> known) {
        if (!required(at, field, value)) {
            return;
        }
        if (!known.contains(value)) {
            add(at, "field '" + field + "': '" + value + "' is unknown; expected one of "
                    + known.stream().sorted().collect(Collectors.joining(", ")));
        }
    }

    private void add(Located<?> at, String message) {
        problems.add(new Problem(at.file(), at.line(), message));
    }
}
