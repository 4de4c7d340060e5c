package org.policyclassifier.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;
import org.policyclassifier.TestPaths;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.facts.Vocabulary;
import org.policyclassifier.facts.Words;

/** Rules conclude ids; the words of an answer come from facts/words/, in every language. */
class DecisionWordingTest {

    private static Classifier classifier;
    private static DecisionWording wording;

    @BeforeAll
    static void load() throws Exception {
        classifier = Classifier.load(TestPaths.RULES, TestPaths.FACTS);
        wording = new DecisionWording(classifier.vocabulary().words());
    }

    private static Decision decide(String type, String place) throws Exception {
        return classifier.classify(CaseRecord.of("c", "intervention", type, place, null, null, null));
    }

    @Test
    void theSameDecisionIsWrittenInEveryLanguageFromItsIds() throws Exception {
        Decision en = decide("needle_exchange", "Eupen");
        Decision de = wording.in(en, "de");
        assertEquals(en.leadLevel(), de.leadLevel());
        assertEquals(en.levels().stream().map(l -> l.roleIds()).toList(), de.levels().stream().map(l -> l.roleIds()).toList());
        assertEquals("lokale Behörden von Eupen", de.levels().get(0).entity());
        assertEquals("Deutschsprachige Gemeinschaft", de.levels().get(1).entity());
        assertEquals("local authorities of Eupen", en.levels().get(0).entity());
        assertEquals("Communauté germanophone", wording.in(en, "fr").levels().get(1).entity());
        for (int i = 0; i < en.levels().size(); i++) {
            assertNotEquals(en.levels().get(i).role(), de.levels().get(i).role());
        }
        assertEquals(en, wording.in(de, "en"), "written back in English, the decision is the one the engine gave");
    }

    @Test
    void aMunicipalityIsNamedAsTheLanguageNamesIt() throws Exception {
        Decision en = decide("needle_exchange", "Gent");
        assertEquals("local authorities of Ghent", en.levels().get(0).entity());
        assertEquals("lokale besturen van Gent", wording.in(en, "nl").levels().get(0).entity());
        assertEquals("autorités locales de Gand", wording.in(en, "fr").levels().get(0).entity());
        assertEquals("lokale Behörden von Lüttich", wording.in(decide("needle_exchange", "Luik"), "de").levels().get(0)
                .entity());
        assertEquals("local authorities of Ghent", wording.in(wording.in(en, "fr"), "en").levels().get(0).entity());
    }

    @Test
    void flagsOverridesAndTheirParametersAreWrittenInTheLanguage() throws Exception {
        Decision en = decide("prison_drug_programme", "Atlantis");
        Decision nl = wording.in(en, "nl");
        Decision.FlagEntry unknown = nl.flagDetails().stream().filter(f -> f.code().equals("UNKNOWN_PLACE")).findFirst()
                .orElseThrow();
        assertTrue(unknown.detail().startsWith("'Atlantis' "), unknown::toString);
        assertNotEquals(en.flagDetails(), nl.flagDetails());
        Decision.FlagEntry override = nl.flagDetails().stream().filter(f -> f.code().equals("OVERRIDE")).findFirst()
                .orElseThrow();
        // The reason inside the override's explanation is written in the flag's language too.
        assertTrue(override.detail().endsWith(nl.overrides().get(0).reason()), override::toString);
        assertFalse(override.detail().contains("prison health care"), override::toString);
    }

    @Test
    void anEntitysNameIsCutWhereItsMunicipalityGoes() throws Exception {
        Decision en = decide("needle_exchange", "Eupen");
        Decision.LevelEntry local = en.levels().get(0);
        assertEquals("Eupen", DecisionWording.municipalityOf(local));
        assertEquals(List.of("lokale Behörden von ", ""), wording.aroundMunicipality(local, "de"));
        assertEquals(List.of("local authorities of ", ""), wording.aroundMunicipality(local, "en"));
        // Every entity is given the municipality; a name that does not hold it is one text.
        Decision.LevelEntry community = en.levels().get(1);
        assertEquals("Eupen", DecisionWording.municipalityOf(community));
        assertEquals(List.of("Deutschsprachige Gemeinschaft"), wording.aroundMunicipality(community, "de"));
        Decision nowhere = decide("needle_exchange", null);
        assertEquals(null, DecisionWording.municipalityOf(nowhere.levels().get(0)));
    }

    @Test
    void noRuleActionHoldsASentence() throws Exception {
        // A text in an action with three words or more is a sentence a user would read: it belongs in facts/words/.
        Pattern sentence = Pattern.compile("\"[A-Za-z][a-z]+ [a-z]+ [a-z]+");
        List<String> found = new ArrayList<>();
        try (var files = Files.list(TestPaths.RULES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                boolean action = false;
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("then")) {
                        action = true;
                    } else if (line.startsWith("end")) {
                        action = false;
                    } else if (action && sentence.matcher(line).find()) {
                        found.add(file.getFileName() + ": " + line.strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void everyIdTheBundledRulesNameHasWordsInEveryLanguage() throws Exception {
        Words words = classifier.vocabulary().words();
        Pattern id = Pattern.compile("new (LevelRole|EntityAssigned|CoordinatedBy|SharedLead|LeadClaim|Flag)\\(\\$id, "
                + "(?:\"[a-z]+\", \"[A-Z]+-\\d+\", |\"[a-z]+\", |\"[A-Z_]+\", )?\"([a-z_]+)\"");
        int named = 0;
        try (var files = Files.list(TestPaths.RULES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Matcher m = id.matcher(Files.readString(file));
                while (m.find()) {
                    if (m.group(1).equals("LeadClaim") && !m.group(0).contains("-")) {
                        continue; // a claim without an override has no reason
                    }
                    String section = switch (m.group(1)) {
                        case "LevelRole" -> Words.ROLES;
                        case "EntityAssigned" -> Words.ENTITIES;
                        case "CoordinatedBy" -> Words.BODIES;
                        case "LeadClaim" -> Words.REASONS;
                        default -> Words.FLAGS;
                    };
                    assertTrue(words.has(section, m.group(2)), file + ": " + m.group(2));
                    named++;
                }
            }
        }
        assertTrue(named > 90, named + " ids");
    }

    @Test
    void aLanguageWithoutAWordingIsAProblemOfTheFacts(@TempDir Path temp) throws Exception {
        Path facts = RuleFolders.copyBundledFacts(temp.resolve("facts"));
        RuleFolders.edit(facts.resolve("words/de.json"), "\"runs_care\":", "\"runs_the_care\":");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Vocabulary.load(facts));
        List<String> problems = e.problems().stream().map(Object::toString).toList();
        assertTrue(problems.stream().anyMatch(p -> p.contains("de.json") && p.contains("roles 'runs_care' has no Deutsch"
                + " wording")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("de.json:") && p.contains("roles 'runs_the_care' is not in"
                + " the en wording")), problems::toString);
    }

    @Test
    void aRuleNamingAnIdWithoutWordsIsReportedAtTheRule(@TempDir Path temp) throws Exception {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        RuleFolders.edit(rules.resolve("responsibility.drl"), "\"runs_care\"", "\"runs_the_care\"");
        Classifier edited = Classifier.load(rules, TestPaths.FACTS);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> edited.classify(CaseRecord.of("c", "intervention", "needle_exchange", null, null, null, null)));
        assertTrue(e.problems().get(0).toString().contains("responsibility.drl:")
                && e.problems().get(0).toString().contains("rule RESP-002 names roles 'runs_the_care', which has no"
                        + " wording"), e.problems()::toString);
    }
}
