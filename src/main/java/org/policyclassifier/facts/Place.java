package org.policyclassifier.facts;

import java.util.List;

/**
 * A region, province or municipality. {@code languageArea} is one of nl, fr, de, bilingual
 * (Brussels) or fr_de (the province of Liège, which holds the German-speaking area).
 */
public record Place(String name, String kind, String region, String languageArea, String province,
        List<String> aliases) {

    public Place {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
