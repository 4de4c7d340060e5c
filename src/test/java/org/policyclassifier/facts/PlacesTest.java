package org.policyclassifier.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.policyclassifier.TestPaths;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.facts.PlaceMatch.Status;

/** The committed facts/places.json: every Belgian place, and how a user's place text is resolved. */
class PlacesTest {

    static Vocabulary vocabulary;

    @TempDir
    Path temp;

    @BeforeAll
    static void load() throws Exception {
        vocabulary = Vocabulary.load(TestPaths.FACTS);
    }

    static List<Place> ofKind(String kind) {
        return vocabulary.places().stream().filter(p -> p.kind().equals(kind)).toList();
    }

    @Test
    void everyMunicipalityAndLocalityOfBpostsListIsAPlace() {
        // bpost's list (facts/sources/be-postcodes-bpost.csv, 2017 borders): 589 municipalities.
        assertEquals(589, ofKind("municipality").size());
        assertEquals(2_180, ofKind("locality").size());
        assertEquals(3, ofKind("region").size());
        assertEquals(10, ofKind("province").size());
        assertEquals(19, ofKind("municipality").stream().filter(p -> p.region().equals("brussels")).count());
        assertEquals(List.of("Eupen", "Lontzen", "Kelmis", "Raeren", "Bütgenbach", "Büllingen", "Amel", "Sankt Vith",
                "Burg-Reuland"), ofKind("municipality").stream().filter(p -> p.languageArea().equals("de"))
                .map(Place::name).toList());
    }

    @Test
    void theFileStaysSmallAndOnePlacePerLine() throws Exception {
        long bytes = Files.size(TestPaths.FACTS.resolve("places.json"));
        assertTrue(bytes < 1_000_000, bytes + " bytes");
        List<String> lines = Files.readAllLines(TestPaths.FACTS.resolve("places.json"));
        assertEquals(vocabulary.places().size() + 2, lines.size());
    }

    @Test
    void theCommittedFileIsWhatTheGeneratorWrites() throws Exception {
        assertEquals(Files.readString(TestPaths.FACTS.resolve("places.json")),
                PlacesGenerator.generate(TestPaths.FACTS.resolve("sources")),
                "facts/places.json differs from its sources: regenerate it (docs/facts.md)");
    }

    @Test
    void everyLocalityTakesItsMunicipalitysAreas() {
        for (Place l : ofKind("locality")) {
            Place m = vocabulary.area(l.municipality()).orElseThrow();
            assertEquals(m.region(), l.region(), l::name);
            assertEquals(m.languageArea(), l.languageArea(), l::name);
            assertEquals(m.province(), l.province(), l::name);
        }
        Place hergenrath = vocabulary.place("Hergenrath").orElseThrow();
        assertEquals("Kelmis", hergenrath.municipality());
        assertEquals("German-speaking Community", hergenrath.community());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Bruxelles,            Brussels",
        "Brussel,              Brussels",
        "Liège,                Liège",
        "Luik,                 Liège",
        "Lüttich,              Liège",
        "Elsene,               Ixelles",
        "Ypres,                Ieper",
        "La Calamine,          Kelmis",
        "Louvain-la-Neuve,     Louvain-la-Neuve",
        "Nijvel,               Nivelles",
        "Dinant,               Dinant",
        "Vilvorde,             Vilvoorde",
        "Bergen,               Mons",
        "Namen,                Namur",
        "Doornik,              Tournai",
        "Fourons,              Voeren",
        "Rhode-Saint-Genèse,   Sint-Genesius-Rode",
        "Renaix,               Ronse",
        "Saint-Nicolas (Flandre), Sint-Niklaas",
        "2300,                 Turnhout",
        "5020,                 Namur",
        "2040,                 Antwerp",
        "2100,                 Deurne",
        "Deurne (2100),        Deurne",
        "Beveren (Roeselare),  Beveren",
        "FLANDRE,              Flemish Region",
    })
    void aNameOrPostcodeNamesOnePlace(String text, String name) {
        assertEquals(name, vocabulary.place(text).orElseThrow(() -> new AssertionError(text)).name());
    }

    @Test
    void aPostcodeOfSeveralLocalitiesOfOneMunicipalityIsTheMunicipality() {
        PlaceMatch m = vocabulary.findPlace("5020");
        assertEquals(Status.FOUND, m.status());
        assertEquals("municipality", m.place().kind());
        assertEquals("Antwerp", vocabulary.place("2100").orElseThrow().municipality());
    }

    @Test
    void twoMunicipalitiesOfOneNameAreAmbiguous() {
        PlaceMatch m = vocabulary.findPlace("saint nicolas");
        assertEquals(Status.AMBIGUOUS, m.status());
        assertEquals(List.of("Saint-Nicolas", "Sint-Niklaas"), m.others().stream().map(Place::name).toList());
        assertTrue(vocabulary.place("Saint-Nicolas").isEmpty());
    }

    @Test
    void aMunicipalityWinsOverLocalitiesOfTheSameNameAndTheOthersAreKept() {
        PlaceMatch m = vocabulary.findPlace("Vorst");
        assertEquals(Status.CHOSEN, m.status());
        assertEquals("Forest", m.place().name());
        assertEquals(List.of("Vorst (locality of Laakdal, 2430)"), m.others().stream().map(Place::describe).toList());
    }

    @Test
    void anUnknownNameOrPostcodeGivesTheClosest() {
        PlaceMatch m = vocabulary.findPlace("Ieperr");
        assertEquals(Status.UNKNOWN, m.status());
        assertEquals("Ieper (municipality, West Flanders, 8900)", m.closest().get(0));
        PlaceMatch code = vocabulary.findPlace("9999");
        assertEquals(Status.UNKNOWN, code.status());
        assertEquals("9992 Middelburg", code.closest().get(0));
        assertNull(vocabulary.findPlace("Atlantis").place());
    }

    @Test
    void aVeryLongTextIsUnknownWithoutClosestNames() {
        PlaceMatch m = vocabulary.findPlace("Gent (" + " ".repeat(500_000) + "x".repeat(500_000) + ")");
        assertEquals(Status.UNKNOWN, m.status());
        assertTrue(m.closest().isEmpty());
    }

    @Test
    void aPrefixFindsNamesInOrder() {
        Map<String, List<Place>> found = vocabulary.placesWithPrefix("Brux", 10);
        assertEquals(List.of("bruxelles"), List.copyOf(found.keySet()));
        assertEquals("Brussels", found.get("bruxelles").get(0).name());
        assertEquals(5, vocabulary.placesWithPrefix("sint", 5).size());
        assertTrue(vocabulary.placesWithPrefix("zzz", 5).isEmpty());
    }

    Path copyOfFacts() {
        return org.policyclassifier.RuleFolders.copyBundledFacts(temp.resolve("facts"));
    }

    @Test
    void aPostcodeOfSeveralMunicipalitiesIsAmbiguousAndListsThem() throws Exception {
        // bpost's list has no such code today; a copy of the facts where Deurne (Diest) shares Turnhout's.
        Path facts = copyOfFacts();
        Path places = facts.resolve("places.json");
        String deurne = "{\"name\": \"Deurne\", \"kind\": \"locality\", \"municipality\": \"Diest\", \"postcodes\": [\"3290\"]}";
        String text = Files.readString(places);
        assertTrue(text.contains(deurne));
        Files.writeString(places, text.replace(deurne, deurne.replace("3290", "2300")));
        PlaceMatch m = Vocabulary.load(facts).findPlace("2300");
        assertEquals(Status.AMBIGUOUS, m.status());
        assertEquals(List.of("Turnhout", "Diest"), m.others().stream().map(Place::name).toList());
    }

    @Test
    void aLocalityWithItsOwnRegionOrAnUnknownMunicipalityIsAnErrorWithItsLine() throws Exception {
        Path facts = copyOfFacts();
        Path places = facts.resolve("places.json");
        String text = Files.readString(places)
                .replace("{\"name\": \"Deurne\", \"kind\": \"locality\", \"municipality\": \"Antwerp\",",
                        "{\"name\": \"Deurne\", \"kind\": \"locality\", \"municipality\": \"Antwerp\", \"region\": \"flanders\",")
                .replace("{\"name\": \"Wilrijk\", \"kind\": \"locality\", \"municipality\": \"Antwerp\",",
                        "{\"name\": \"Wilrijk\", \"kind\": \"locality\", \"municipality\": \"Antwerpen\",");
        Files.writeString(places, text);
        List<String> lines = List.of(text.split("\n"));
        int deurne = lines.indexOf(lines.stream().filter(l -> l.contains("\"Deurne\", \"kind\": \"locality\", "
                + "\"municipality\": \"Antwerp\"")).findFirst().orElseThrow()) + 1;
        int wilrijk = lines.indexOf(lines.stream().filter(l -> l.contains("\"Wilrijk\"")).findFirst().orElseThrow()) + 1;
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Vocabulary.load(facts));
        List<String> problems = e.problems().stream().map(Problem::toString)
                .map(s -> s.replace(facts + "/", "")).collect(Collectors.toList());
        assertEquals(List.of(
                "places.json:" + deurne + ": field 'region': a locality takes it from its municipality; leave it out",
                "places.json:" + wilrijk + ": field 'municipality': 'Antwerpen' is not a municipality listed before it"),
                problems);
        assertFalse(problems.isEmpty());
    }
}
