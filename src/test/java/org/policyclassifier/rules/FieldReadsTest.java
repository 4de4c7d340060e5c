package org.policyclassifier.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;
import org.policyclassifier.TestPaths;

/** Which fields the rules only copy into their texts: the bundled rules, then rules that read more. */
class FieldReadsTest {

    @TempDir
    Path temp;

    private static final String COPIES = """
            rule "X-001 Copies"
            when
                $c : Case( $id : caseId, $m : municipality != null ) // municipality == "Gent" in a comment
            then
                insert(new EntityAssigned($id, "local", "local authorities of " + $m + " (municipality)"));
            end
            """;

    @Test
    void theBundledRulesOnlyCopyTheMunicipalityAndReadTheRest() throws Exception {
        RuleSet rules = RuleSet.compile(TestPaths.RULES);
        assertTrue(rules.onlyCopies("municipality"));
        // Read by value: compared, or handed to the facts the rules insert.
        for (String field : List.of("caseId", "kind", "region", "languageArea", "placeMatch")) {
            assertFalse(rules.onlyCopies(field), field);
        }
    }

    @Test
    void aRuleThatComparesTheMunicipalityReadsIt() throws Exception {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        RuleFolders.edit(rules.resolve("federated-entities.drl"), "$municipality : municipality != null",
                "$municipality : municipality != null, municipality != \"Gent\"");
        assertFalse(RuleSet.compile(rules).onlyCopies("municipality"));
    }

    @Test
    void onlyBindingNullTestAndConcatenationAreCopies() {
        assertTrue(FieldReads.onlyCopies(List.of(COPIES), "municipality"));
        assertTrue(FieldReads.onlyCopies(List.of(COPIES), "setting")); // never named
        for (String reading : List.of(
                COPIES.replace("$m : municipality != null", "$m : municipality == \"Gent\""),
                COPIES.replace("$m : municipality != null", "municipality.length > 3"),
                COPIES.replace("$m : municipality != null", "$m : municipality != null || region == \"x\""),
                COPIES.replace("\" + $m + \"", "\" + $m.toUpperCase() + \""),
                COPIES.replace("\" + $m + \"", "\" + $c.municipality() + \""),
                COPIES.replace("\"local authorities of \" + $m", "$m"),
                COPIES.replace("then", "    Other( name == $m )\nthen"))) {
            assertFalse(FieldReads.onlyCopies(List.of(COPIES, reading), "municipality"), reading);
        }
    }

    @Test
    void tokensLeaveOutCommentsAndTheTextOfLiterals() {
        assertEquals(List.of("a", "!=", "\"", ",", "b", "(", "\"", ")"),
                FieldReads.tokens("a != \"c // d\", /* e */ b( 'x' ) // f"));
    }
}
