package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.policyclassifier.io.Json;

/** Places as users give them, through the real command line: names in any language, postcodes, unknown places. */
class PlaceOptionTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "--place {0}")
    @CsvSource(delimiter = '|', value = {
        "Ieper    | Place:        Ieper (municipality, flanders)        | [Flemish Community]",
        "2300     | Place:        Turnhout (municipality, flanders)     | [Flemish Community]",
        "Elsene   | Place:        Ixelles (municipality, brussels)      | [COCOM (Iriscare), COCOF, or the Flemish Community and its Community Commission (VGC), by institution]",
        "Kelmis   | Place:        Kelmis (municipality, wallonia)       | [German-speaking Community]",
        "2100     | Place:        Deurne (locality of Antwerp, flanders) | [Flemish Community]",
    })
    void theQueryNamesTheCommunityOfThePlace(String place, String placeLine, String entity) {
        Cli r = Cli.run("query", "needle exchange", "--place", place);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(placeLine + "\n"), r.out());
        assertTrue(r.out().contains("rule-making " + entity + "\n"), r.out());
    }

    @Test
    void anUnknownPlaceAnswersWithUnknownPlaceAndExitsZero() throws Exception {
        Cli text = Cli.run("query", "needle exchange", "--place", "Atlantis");
        assertEquals(0, text.exit(), text.err());
        assertEquals("", text.err());
        assertTrue(text.out().contains("Lead level:   local\n"), text.out());
        assertTrue(text.out().contains("UNKNOWN_PLACE: 'Atlantis' is not a Belgian place of facts/places.json"),
                text.out());

        Cli json = Cli.run("query", "needle exchange", "--place", "Atlantis", "--format", "json");
        assertEquals(0, json.exit(), json.err());
        JsonNode d = Json.MAPPER.readTree(json.out());
        assertEquals("[\"UNKNOWN_PLACE\"]", d.get("flags").toString());
        assertEquals("ENT-007", d.get("flag_details").get(0).get("rule").asText());
        assertTrue(d.get("place").isNull());
        assertEquals("local", d.get("lead_level").asText());
    }

    @Test
    void aBatchClassifiesAnUnknownPlaceWithTheFlagInsteadOfRejectingIt() throws Exception {
        Path input = dir.resolve("cases.jsonl");
        Files.writeString(input, """
                {"id": "a", "kind": "intervention", "type": "needle_exchange", "place": "Atlantis"}
                {"id": "b", "kind": "offence", "category": "trade", "place": "Saint-Nicolas"}
                {"id": "c", "kind": "intervention", "type": "needle_exchange", "place": "2300"}
                """, StandardCharsets.UTF_8);
        Path output = dir.resolve("out.jsonl");
        Cli r = Cli.run("classify", input.toString(), "-o", output.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("3 records read: 3 classified, 0 rejected"), r.err());
        var lines = Files.readAllLines(output);
        assertEquals("[\"UNKNOWN_PLACE\"]", Json.MAPPER.readTree(lines.get(0)).get("flags").toString());
        assertTrue(Json.MAPPER.readTree(lines.get(1)).get("flags").toString().contains("AMBIGUOUS_PLACE"), lines.get(1));
        assertEquals("Turnhout", Json.MAPPER.readTree(lines.get(2)).get("place").get("name").asText());
    }
}
