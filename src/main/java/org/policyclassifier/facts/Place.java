package org.policyclassifier.facts;

import java.util.List;

/**
 * A region, province, language area (the German-speaking Community's nine municipalities, which no
 * region or province has alone), municipality, or locality (a village or district inside a municipality).
 * {@code languageArea} is one of nl, fr, de, bilingual (Brussels) or fr_de (the Walloon Region
 * and the province of Liège, which hold French- and German-speaking municipalities).
 *
 * <p>In {@code facts/places.json} a locality names its {@code municipality} and leaves out region,
 * language area and province: {@link Vocabulary} fills them in from the municipality, so that every
 * Place it hands out has them.
 *
 * @param municipality for a locality, the name of its municipality; null otherwise
 * @param postcodes the postcodes bpost lists the place itself under (a municipality's localities
 *     carry their own); empty for regions and provinces
 */
public record Place(String name, String kind, String region, String languageArea, String province,
        List<String> aliases, String municipality, List<String> postcodes, java.util.Map<String, String> names) {

    public static final String REGION = "region";
    public static final String PROVINCE = "province";
    public static final String AREA = "area";
    public static final String MUNICIPALITY = "municipality";
    public static final String LOCALITY = "locality";

    public Place {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        postcodes = postcodes == null ? List.of() : List.copyOf(postcodes);
        names = names == null ? java.util.Map.of() : java.util.Map.copyOf(names);
    }

    /** The name an answer in {@code language} shows: Gent in Dutch, Gand in French; else {@link #name}. */
    public String nameIn(String language) {
        return names.getOrDefault(language, name);
    }

    /** A place without municipality or postcodes: a region, a province, or a municipality given by hand. */
    public Place(String name, String kind, String region, String languageArea, String province, List<String> aliases) {
        this(name, kind, region, languageArea, province, aliases, null, null, null);
    }

    /** A region, province or language area: wider than one municipality, its names each name it alone. */
    public boolean isWide() {
        return REGION.equals(kind) || PROVINCE.equals(kind) || AREA.equals(kind);
    }

    public boolean isLocality() {
        return LOCALITY.equals(kind);
    }

    /** The municipality whose authorities act here: the place itself, or a locality's; null for wider areas. */
    public String localAuthority() {
        return isLocality() ? municipality : MUNICIPALITY.equals(kind) ? name : null;
    }

    /** The Community (or Communities) competent for the place's people, from its language area. */
    public String community() {
        return communityOf(languageArea);
    }

    /** The Community (or Communities) of a language area; null for an unknown one. */
    public static String communityOf(String languageArea) {
        if (languageArea == null) {
            return null;
        }
        return switch (languageArea) {
            case "nl" -> "Flemish Community";
            case "fr" -> "French Community";
            case "de" -> "German-speaking Community";
            case "bilingual" -> "French and Flemish Communities";
            case "fr_de" -> "French and German-speaking Communities";
            default -> null;
        };
    }

    /** A locality completed with the region, language area and province of its municipality. */
    Place within(Place municipalityPlace) {
        return new Place(name, kind, municipalityPlace.region(), municipalityPlace.languageArea(),
                municipalityPlace.province(), aliases, municipality, postcodes, names);
    }

    /** The place in a few words, enough to tell it from others of the same name (with its first postcode). */
    public String describe() {
        String postcode = postcodes.isEmpty() ? "" : ", " + postcodes.get(0);
        return switch (kind) {
            case LOCALITY -> name + " (locality of " + municipality + postcode + ")";
            case MUNICIPALITY -> name + " (municipality, " + (province != null ? province : "Brussels-Capital Region")
                    + postcode + ")";
            default -> name + " (" + kind + ")";
        };
    }
}
