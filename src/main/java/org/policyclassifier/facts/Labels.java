package org.policyclassifier.facts;

/** The name of an entry in English, Dutch, French and German (German may be left out). */
public record Labels(String en, String nl, String fr, String de) {

    /** The name in {@code language}, in English where it has none. */
    public String in(String language) {
        String label = switch (language) {
            case "nl" -> nl;
            case "fr" -> fr;
            case "de" -> de;
            default -> null;
        };
        return label != null ? label : en;
    }
}
