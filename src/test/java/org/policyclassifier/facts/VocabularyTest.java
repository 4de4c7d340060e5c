package org.policyclassifier.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;
import org.policyclassifier.TestPaths;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;

class VocabularyTest {

    @TempDir
    Path temp;

    private Path copyOfFacts() {
        return RuleFolders.copyBundledFacts(temp.resolve("facts"));
    }

    static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), () -> file + " lacks " + from);
        Files.writeString(file, text.replace(from, to));
    }

    List<String> problems(Path facts) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Vocabulary.load(facts));
        return e.problems().stream().map(Problem::toString).map(s -> s.replace(facts + "/", "")).toList();
    }

    @Test
    void theBundledFactsLoad() throws Exception {
        Vocabulary v = Vocabulary.load(TestPaths.FACTS);
        assertEquals(52, v.interventionTypes().size());
        assertEquals(6, v.offenceCategories().size());
        assertEquals(10, v.places().stream().filter(p -> p.kind().equals("province")).count());
        assertEquals(3, v.places().stream().filter(p -> p.kind().equals("region")).count());
    }

    @Test
    void placesAreFoundByAnyNameIgnoringCaseAndAccents() throws Exception {
        Vocabulary v = Vocabulary.load(TestPaths.FACTS);
        assertEquals("Liège", v.place("LIEGE").orElseThrow().name());
        assertEquals("Liège", v.place("Luik").orElseThrow().name());
        assertEquals("Brussels", v.place("bruxelles").orElseThrow().name());
        assertEquals("Province of Liège", v.place("Province de Liège").orElseThrow().name());
        assertEquals("Sankt Vith", v.place("Saint-Vith").orElseThrow().name());
        assertTrue(v.place("Paris").isEmpty());
    }

    @Test
    void anUnknownFieldIsNamedWithItsLineAndTheKnownFields() throws Exception {
        Path facts = copyOfFacts();
        replace(facts.resolve("actors.json"), "\"kind\": \"customs\"", "\"knd\": \"customs\"");
        assertEquals(List.of("actors.json:4: unknown field 'knd'; known fields: id, kind, level"),
                problems(facts));
    }

    @Test
    void aMissingFieldIsNamedWithTheLineOfItsEntry() throws Exception {
        Path facts = copyOfFacts();
        replace(facts.resolve("intervention-types.json"), "\"objective\": \"reduce_risks\",\n    \"setting\": "
                + "\"community\",\n    \"substances\": [\"heroin\"]", "\"objective\": \"reduce_risks\",\n    \"substances\": [\"heroin\"]");
        assertEquals(List.of("intervention-types.json:95: field 'setting' is missing"), problems(facts));
    }

    @Test
    void anUnknownReferenceListsWhatIsKnown() throws Exception {
        Path facts = copyOfFacts();
        replace(facts.resolve("actors.json"), "\"level\": \"provincial\"", "\"level\": \"county\"");
        assertEquals(List.of("actors.json:15: field 'level': 'county' is unknown; expected one of federal, local, "
                + "provincial, regional"), problems(facts));
    }

    @Test
    void brokenJsonIsReportedAtItsLine() throws Exception {
        Path facts = copyOfFacts();
        replace(facts.resolve("settings.json"), "{\"id\": \"street\", \"label\": \"the street\",",
                "{\"id\": \"street\" \"label\": \"the street\",");
        List<String> problems = problems(facts);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("settings.json:5: not valid JSON: unexpected '\"': expected comma to separate"),
                problems::toString);
    }

    @Test
    void aWrongValueTypeIsNamed() throws Exception {
        Path facts = copyOfFacts();
        replace(facts.resolve("levels.json"), "\"in_profile\": false", "\"in_profile\": \"no\"");
        List<String> problems = problems(facts);
        assertTrue(problems.get(0).startsWith("levels.json:27: field 'in_profile': 'no' is not a valid true or false"),
                problems::toString);
    }

    @Test
    void readErrorsInSeveralFilesAreAllReported() throws Exception {
        Path facts = copyOfFacts();
        Files.delete(facts.resolve("objectives.json"));
        Files.writeString(facts.resolve("settings.json"), "{\"id\": \"street\"}");
        assertEquals(List.of("objectives.json: file not found",
                "settings.json:1: expected a list of entries ([ {...}, ... ])"), problems(facts));
    }

    @Test
    void checkErrorsInSeveralFilesAreAllReported() throws Exception {
        Path facts = copyOfFacts();
        replace(facts.resolve("substances.json"), "{\"id\": \"cannabis\"", "{\"id\": \"alcohol\"");
        replace(facts.resolve("places.json"), "\"aliases\": [\"Gent\", \"Gand\"]", "\"aliases\": [\"Gent\", \"Hainaut\"]");
        List<String> problems = problems(facts);
        assertTrue(problems.contains("substances.json:3: id 'alcohol' is used twice"), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("places.json:") && p.endsWith("name 'Hainaut' is "
                + "already used by province 'Province of Hainaut'; the names of a region, province or language area must each name it alone")),
                problems::toString);
    }

    @Test
    void aSynonymSharedByTwoEntriesIsRejected() throws Exception {
        Path facts = copyOfFacts();
        replace(facts.resolve("intervention-types.json"), "\"syringe exchange\"", "\"spuitenruil\", \"drug trafficking investigation\"");
        List<String> problems = problems(facts);
        assertTrue(problems.stream().anyMatch(p -> p.contains("'drug trafficking investigation' is already a label or "
                + "synonym of 'needle_exchange'")), problems::toString);
    }

    @Test
    void anAcronymMayStandForTwoEntriesButAWordMayNot() throws Exception {
        Path facts = copyOfFacts();
        // OST for both substitution treatment and the drug research programme: allowed, the query asks back.
        replace(facts.resolve("intervention-types.json"), "\"BELSPO drug research\"", "\"BELSPO drug research\", \"OST\"");
        Vocabulary.load(facts);
        replace(facts.resolve("intervention-types.json"), "\"BELSPO drug research\", \"OST\"",
                "\"BELSPO drug research\", \"methadone treatment\"");
        assertTrue(problems(facts).stream().anyMatch(p -> p.contains("'methadone treatment' is already a label or "
                + "synonym of 'opioid_substitution_treatment'")), () -> problems(facts).toString());
    }
}
