package org.policyclassifier.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;
import org.policyclassifier.TestPaths;
import org.policyclassifier.classify.Case;

/** What the rules read of each field of a case: the bundled rules, then rules that read more. */
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
    void theBundledRulesCopyThePlaceUnderTheirTestsTestTheMunicipalityForNullAndCompareTheRest() throws Exception {
        FieldReads reads = RuleSet.compile(TestPaths.RULES).fieldReads(Case.class);
        for (String field : List.of("kind", "subject", "objective", "setting", "substances", "region", "languageArea",
                "actorLevel", "placeMatch", "placeOthers")) {
            assertEquals(FieldReads.Read.COMPARED, reads.read(field), field);
        }
        for (String field : List.of("place", "placeKind", "placeGiven")) {
            assertEquals(FieldReads.Read.COPIED, reads.read(field), field); // parameters of a flag's wording
        }
        assertEquals(List.of(List.of(new FieldReads.Test("placeMatch", "chosen"))), reads.guards("place"));
        // The local authorities are named by id; the municipality is their wording's parameter.
        assertEquals(FieldReads.Read.NULL_TESTED, reads.read("municipality"));
        assertEquals(FieldReads.Read.UNREAD, reads.read("caseId")); // the session's handle, not a decision's input
    }

    @Test
    void aRuleThatComparesTheMunicipalityReadsIt() throws Exception {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        RuleFolders.edit(rules.resolve("federated-entities.drl"), "caseId, municipality != null",
                "caseId, municipality != null, municipality != \"Gent\"");
        assertEquals(FieldReads.Read.COMPARED, RuleSet.compile(rules).fieldReads(Case.class).read("municipality"));
    }

    @Test
    void onlyBindingNullTestAndConcatenationAreCopies() {
        assertEquals(FieldReads.Read.COPIED, FieldReads.of(List.of(COPIES), Case.class).read("municipality"));
        assertEquals(FieldReads.Read.UNREAD, FieldReads.of(List.of(COPIES), Case.class).read("setting"));
        for (String reading : List.of(
                COPIES.replace("$m : municipality != null", "$m : municipality == \"Gent\""),
                COPIES.replace("$m : municipality != null", "municipality.length > 3"),
                COPIES.replace("$m : municipality != null", "$m : municipality != null || region == \"x\""),
                // Through its accessor or this, beside a name the walk sees (alone, no field it can name is all of them).
                COPIES.replace("$m : municipality != null", "$m : municipality, municipality() == \"Gent\" && $id != null"),
                COPIES.replace("$m : municipality != null", "$m : municipality, this.municipality == \"Gent\" && $id != null"),
                COPIES.replace("$m : municipality != null", "$m : municipality, inGhent(this) && $id != null"),
                COPIES.replace("\" + $m + \"", "\" + $m.toUpperCase() + \""),
                COPIES.replace("\" + $m + \"", "\" + $c.municipality() + \""),
                COPIES.replace("\"local authorities of \" + $m + \" (municipality)\"", "$m"), // an id, not a text
                COPIES.replace("then", "    Other( name == $m )\nthen"))) {
            assertEquals(FieldReads.Read.COMPARED, FieldReads.of(List.of(COPIES, reading), Case.class).read("municipality"), reading);
        }
    }
}
