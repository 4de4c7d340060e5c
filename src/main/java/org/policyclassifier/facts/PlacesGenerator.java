package org.policyclassifier.facts;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyclassifier.io.Json;

/**
 * Writes {@code facts/places.json} from the sources in {@code facts/sources/}: the regions and
 * provinces ({@code areas.json}, copied as they are), bpost's list of postcodes
 * ({@code be-postcodes-bpost.csv}: every municipality and locality), the names in the other
 * languages ({@code place-names.csv}, by hand) and the few localities whose municipality the
 * postcodes do not tell ({@code locality-municipalities.csv}, by hand). The tool itself reads only
 * the generated file; a test checks that it is what this generator writes.
 *
 * <pre>java -cp target/policy-classifier.jar org.policyclassifier.facts.PlacesGenerator [SOURCES] [OUTPUT]</pre>
 */
public final class PlacesGenerator {

    /** The languages of the answers, each with a column of place-names.csv. */
    private static final List<String> LANGUAGES = List.of("en", "nl", "fr", "de");

    /** bpost's French province names → the names of {@code areas.json}. */
    private static final Map<String, String> PROVINCES = Map.ofEntries(
            Map.entry("Anvers", "Province of Antwerp"), Map.entry("Limbourg", "Province of Limburg"),
            Map.entry("Flandre-Orientale", "East Flanders"), Map.entry("Flandre-Occidentale", "West Flanders"),
            Map.entry("Brabant Flamand", "Flemish Brabant"), Map.entry("Hainaut", "Province of Hainaut"),
            Map.entry("Liège", "Province of Liège"), Map.entry("Luxembourg", "Province of Luxembourg"),
            Map.entry("Namur", "Province of Namur"), Map.entry("Brabant Wallon", "Walloon Brabant"));
    private static final String BRUSSELS = "Bruxelles (19 communes)";
    private static final Set<String> FLEMISH_PROVINCES = Set.of("Anvers", "Limbourg", "Flandre-Orientale",
            "Flandre-Occidentale", "Brabant Flamand");

    /** Words written in lower case inside a name: Heist-op-den-Berg, Braine-l'Alleud, Sint-Job-in-'t-Goor. */
    private static final Set<String> PARTICLES = Set.of("de", "la", "le", "les", "du", "des", "sur", "sous", "lez",
            "lès", "en", "au", "aux", "à", "d", "l", "aan", "op", "den", "het", "bij", "in", "ten", "ter");
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");

    private PlacesGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path sources = Path.of(args.length > 0 ? args[0] : "facts/sources");
        Path output = Path.of(args.length > 1 ? args[1] : "facts/places.json");
        String text = generate(sources);
        Files.writeString(output, text, StandardCharsets.UTF_8);
        System.out.printf("%s: %,d places, %,d bytes%n", output, text.lines().count() - 2,
                text.getBytes(StandardCharsets.UTF_8).length);
    }

    private record Row(int line, String postcode, String name, boolean main, String province) {
    }

    /** A place's names: the one shown, the others it is known by, and the one each language shows. */
    private record OtherNames(String name, List<String> aliases, Map<String, String> inLanguages) {
    }

    /** A municipality or locality being built: its bpost name, its postcodes in bpost's order. */
    private static final class Entry {
        final String bpostName;
        final String province;
        final String municipality;
        final Set<String> postcodes = new LinkedHashSet<>();
        final List<Entry> localities = new ArrayList<>();

        Entry(String bpostName, String province, String municipality) {
            this.bpostName = bpostName;
            this.province = province;
            this.municipality = municipality;
        }
    }

    /** The text of {@code places.json}, one place per line. */
    public static String generate(Path sources) throws IOException {
        List<Row> rows = readBpost(sources.resolve("be-postcodes-bpost.csv"));
        Map<String, OtherNames> names = readNames(sources.resolve("place-names.csv"));
        Map<String, String> corrections = readCorrections(sources.resolve("locality-municipalities.csv"));

        Map<String, Entry> municipalities = new LinkedHashMap<>();
        Map<String, String> mainByPostcode = new HashMap<>();
        for (Row r : rows) {
            if (r.main()) {
                municipalities.computeIfAbsent(r.name(), n -> new Entry(n, r.province(), null)).postcodes.add(r.postcode());
                mainByPostcode.putIfAbsent(r.postcode(), r.name());
            }
        }
        Map<String, Entry> localities = new LinkedHashMap<>();
        // The municipality listed last before a row, per province: bpost lists in postcode order.
        Map<String, String> lastMain = new HashMap<>();
        for (Row r : rows) {
            if (r.main()) {
                lastMain.put(r.province(), r.name());
                continue;
            }
            String owner = corrections.getOrDefault(r.postcode(),
                    mainByPostcode.getOrDefault(r.postcode(), lastMain.get(r.province())));
            Entry municipality = municipalities.get(owner);
            if (municipality == null) {
                throw new IllegalStateException("be-postcodes-bpost.csv:" + r.line() + ": no municipality for "
                        + r.name() + " (" + r.postcode() + ")");
            }
            if (Text.fold(r.name()).equals(Text.fold(owner))) {
                municipality.postcodes.add(r.postcode());
                continue;
            }
            String key = Text.fold(r.name()) + "@" + owner;
            Entry locality = localities.get(key);
            if (locality == null) {
                locality = new Entry(r.name(), r.province(), owner);
                localities.put(key, locality);
                municipality.localities.add(locality);
            }
            locality.postcodes.add(r.postcode());
        }

        // A hand-written row that matches nothing is a typo that would silently change nothing.
        Set<String> bpostNames = new HashSet<>();
        rows.forEach(r -> bpostNames.add(r.name()));
        names.keySet().stream().filter(n -> !bpostNames.contains(n)).findFirst().ifPresent(n -> {
            throw new IllegalStateException("place-names.csv: '" + n + "' is not a name in be-postcodes-bpost.csv");
        });
        corrections.forEach((postcode, municipality) -> {
            if (!municipalities.containsKey(municipality) || rows.stream().noneMatch(r -> r.postcode().equals(postcode))) {
                throw new IllegalStateException("locality-municipalities.csv: " + postcode + " or " + municipality
                        + " is not in be-postcodes-bpost.csv");
            }
        });

        StringBuilder out = new StringBuilder("[\n");
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> area : Json.MAPPER.readValue(sources.resolve("areas.json").toFile(),
                new TypeReference<List<Map<String, Object>>>() { })) {
            lines.add(line(area));
        }
        Map<String, String> displayNames = new HashMap<>();
        municipalities.values().forEach(m -> displayNames.put(m.bpostName, otherNames(m.bpostName, names).name()));
        for (Entry m : municipalities.values()) {
            OtherNames n = otherNames(m.bpostName, names);
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("name", n.name());
            place.put("kind", Place.MUNICIPALITY);
            place.put("province", m.province.equals(BRUSSELS) ? null : PROVINCES.get(m.province));
            place.put("region", region(m.province));
            place.put("language_area", languageArea(m));
            place.put("postcodes", List.copyOf(m.postcodes));
            putAliases(place, n.aliases());
            putNames(place, n.inLanguages());
            lines.add(line(place));
            for (Entry l : m.localities) {
                OtherNames ln = otherNames(l.bpostName, names);
                Map<String, Object> locality = new LinkedHashMap<>();
                locality.put("name", ln.name());
                locality.put("kind", Place.LOCALITY);
                locality.put("municipality", displayNames.get(l.municipality));
                locality.put("postcodes", List.copyOf(l.postcodes));
                putAliases(locality, ln.aliases());
                putNames(locality, ln.inLanguages());
                lines.add(line(locality));
            }
        }
        out.append(String.join(",\n", lines)).append("\n]\n");
        return out.toString();
    }

    private static void putNames(Map<String, Object> place, Map<String, String> inLanguages) {
        if (!inLanguages.isEmpty()) {
            place.put("names", inLanguages);
        }
    }

    private static void putAliases(Map<String, Object> place, List<String> aliases) {
        if (!aliases.isEmpty()) {
            place.put("aliases", aliases);
        }
    }

    private static String region(String province) {
        if (province.equals(BRUSSELS)) {
            return "brussels";
        }
        return FLEMISH_PROVINCES.contains(province) ? "flanders" : "wallonia";
    }

    /** The German-speaking Community's nine municipalities have the postcodes 4700 to 4791. */
    private static String languageArea(Entry m) {
        return switch (region(m.province)) {
            case "brussels" -> "bilingual";
            case "flanders" -> "nl";
            default -> m.postcodes.stream().allMatch(p -> p.compareTo("4700") >= 0 && p.compareTo("4791") <= 0)
                    ? "de" : "fr";
        };
    }

    /** The hand-written names of a bpost name, else bpost's name in proper case; bpost's own kept as an alias. */
    private static OtherNames otherNames(String bpostName, Map<String, OtherNames> names) {
        OtherNames given = names.get(bpostName);
        String name = given != null ? given.name() : properCase(bpostName);
        Map<String, String> aliases = new LinkedHashMap<>();
        if (given != null) {
            given.aliases().forEach(a -> aliases.putIfAbsent(Text.fold(a), a));
        }
        aliases.putIfAbsent(Text.fold(properCase(bpostName)), properCase(bpostName));
        aliases.remove(Text.fold(name));
        // Only the languages that show another name than the one shown are written.
        Map<String, String> inLanguages = new LinkedHashMap<>();
        if (given != null) {
            given.inLanguages().forEach((language, inLanguage) -> {
                if (!inLanguage.equals(name)) {
                    inLanguages.put(language, inLanguage);
                }
            });
        }
        return new OtherNames(name, List.copyOf(aliases.values()), inLanguages);
    }

    /** {@code HEIST-OP-DEN-BERG} → Heist-op-den-Berg, {@code Beveren-Aan-De-Ijzer} → Beveren-aan-de-IJzer. */
    static String properCase(String bpostName) {
        String lower = bpostName.toLowerCase(Locale.ROOT);
        Matcher words = WORD.matcher(lower);
        StringBuilder out = new StringBuilder();
        int end = 0;
        boolean first = true;
        while (words.find()) {
            out.append(lower, end, words.start());
            String word = words.group();
            boolean particle = (!first && PARTICLES.contains(word)) || word.equals("s") || word.equals("t");
            if (particle) {
                out.append(word);
            } else if (word.startsWith("ij")) {
                out.append("IJ").append(word.substring(2));
            } else {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
            end = words.end();
            first = false;
        }
        return out.append(lower.substring(end)).toString();
    }

    /** One place as one line of JSON, fields in the order given, nulls and empty lists left out. */
    private static String line(Map<String, Object> place) {
        List<String> fields = new ArrayList<>();
        place.forEach((k, v) -> {
            if (v != null && !(v instanceof List<?> l && l.isEmpty())) {
                fields.add(json(k) + ": " + json(v));
            }
        });
        return "  {" + String.join(", ", fields) + "}";
    }

    private static String json(Object value) {
        try {
            if (value instanceof List<?> list) {
                List<String> items = new ArrayList<>();
                for (Object item : list) {
                    items.add(Json.MAPPER.writeValueAsString(item));
                }
                return "[" + String.join(", ", items) + "]";
            }
            if (value instanceof Map<?, ?> map) {
                List<String> items = new ArrayList<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    items.add(Json.MAPPER.writeValueAsString(e.getKey()) + ": " + Json.MAPPER.writeValueAsString(e.getValue()));
                }
                return "{" + String.join(", ", items) + "}";
            }
            return Json.MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Row> readBpost(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != 4) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": expected 4 cells, found " + cells.length);
            }
            // An empty third cell is a special code (an institution, PO boxes): not a place.
            if (cells[2].isBlank()) {
                continue;
            }
            if (!cells[3].equals(BRUSSELS) && !PROVINCES.containsKey(cells[3])) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": unknown province '" + cells[3] + "'");
            }
            rows.add(new Row(i + 1, cells[0].trim(), cells[1].trim(), cells[2].trim().equals("Non"), cells[3]));
        }
        return rows;
    }

    private static Map<String, OtherNames> readNames(Path file) throws IOException {
        Map<String, OtherNames> names = new LinkedHashMap<>();
        for (String[] cells : readTable(file, "bpost,name,aliases," + String.join(",", LANGUAGES))) {
            List<String> aliases = cells[2].isBlank() ? List.of() : List.of(cells[2].split(";"));
            Map<String, String> inLanguages = new LinkedHashMap<>();
            for (int i = 0; i < LANGUAGES.size(); i++) {
                String inLanguage = cells[3 + i].trim();
                if (inLanguage.isEmpty()) {
                    throw new IllegalStateException(file + ": '" + cells[0] + "' has no name in " + LANGUAGES.get(i));
                }
                inLanguages.put(LANGUAGES.get(i), inLanguage);
            }
            if (names.put(cells[0], new OtherNames(cells[1], aliases.stream().map(String::trim).toList(),
                    inLanguages)) != null) {
                throw new IllegalStateException(file + ": '" + cells[0] + "' is listed twice");
            }
        }
        return names;
    }

    private static Map<String, String> readCorrections(Path file) throws IOException {
        Map<String, String> corrections = new HashMap<>();
        for (String[] cells : readTable(file, "postcode,municipality,note")) {
            corrections.put(cells[0], cells[1]);
        }
        return corrections;
    }

    /** The rows of a small hand-written CSV: '#' starts a comment line; the last cell may hold commas. */
    private static List<String[]> readTable(Path file, String header) throws IOException {
        List<String[]> rows = new ArrayList<>();
        boolean headerSeen = false;
        int columns = header.split(",").length;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.equals(header)) {
                    throw new IllegalStateException(file + ":" + (i + 1) + ": expected the header " + header);
                }
                headerSeen = true;
                continue;
            }
            String[] cells = line.split(",", columns);
            if (cells.length != columns) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": expected " + columns + " cells");
            }
            rows.add(cells);
        }
        return rows;
    }
}
