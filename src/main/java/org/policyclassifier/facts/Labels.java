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

    /**
     * What a facts file lacks in {@code field} holding {@code words}: null when it has words in every
     * language, or when it may be left out and is; else which languages it lacks, as a problem says it.
     */
    public static String lacking(String field, Labels words, boolean required) {
        java.util.List<String> missing = words != null ? words.missing()
                : required ? java.util.List.of("en", "nl", "fr", "de") : java.util.List.of();
        return missing.isEmpty() ? null
                : "'" + field + "' has no words in " + String.join(", ", missing) + "; give it in en, nl, fr and de";
    }

    /** The languages among English, Dutch, French and German this has no words in. */
    public java.util.List<String> missing() {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (en == null || en.isBlank()) {
            out.add("en");
        }
        if (nl == null || nl.isBlank()) {
            out.add("nl");
        }
        if (fr == null || fr.isBlank()) {
            out.add("fr");
        }
        if (de == null || de.isBlank()) {
            out.add("de");
        }
        return out;
    }
}
