package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;
import org.policyclassifier.io.Json;

/** {@code policy rules check} on the bundled rules and on deliberately broken copies. */
class RulesCheckCommandTest {

    @TempDir
    Path temp;
    Path rules;

    @BeforeEach
    void copy() {
        rules = RuleFolders.copyBundled(temp.resolve("rules"));
    }

    Cli check(String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "rules";
        args[1] = "check";
        args[2] = "--rules=" + rules;
        System.arraycopy(more, 0, args, 3, more.length);
        return Cli.run(args);
    }

    String at(String file, int line) {
        return rules.resolve(file) + ":" + line + ": ";
    }

    @Test
    void theBundledRulesAreClean() {
        Cli r = Cli.run("rules", "check");
        assertEquals("126 rules checked: no problems\nfields of a case the rules read, which the decision cache keys on:"
                + " by value: kind, subject, objective, setting, substances, region, languageArea, actorLevel, placeMatch,"
                + " placeOthers; into texts only: place, placeKind, placeGiven; only whether null: municipality\n", r.out());
        assertEquals(0, r.exit());
    }

    @Test
    void aSyntaxErrorIsReportedAtTheLineThatOpensTheParenthesis() {
        RuleFolders.edit(rules.resolve("scope.drl"), "objective == null, substances contains \"tobacco\" )",
                "objective == null, substances contains \"tobacco\"");
        Cli r = check();
        assertEquals(at("scope.drl", 12) + "[error] a parenthesis opened on this line is not closed (Drools stopped "
                + "at 'then' on line 13)\n0 rules checked: 1 problem\n", r.out());
        assertEquals(3, r.exit());
    }

    @Test
    void aQuoteLeftOpenIsReportedAtTheLineThatOpensIt() throws Exception {
        RuleFolders.edit(rules.resolve("scope.drl"), "substances contains \"tobacco\" )", "substances contains \"tobacco )");
        Cli r = check();
        String line = Files.readAllLines(rules.resolve("scope.drl")).get(11);
        assertEquals(at("scope.drl", 12) + "[error] the text in quotes that starts at column "
                + (line.indexOf('"') + 1) + " is not closed: add the closing \" on this line\n0 rules checked: 1 problem\n",
                r.out());
        assertEquals(3, r.exit());
    }

    @Test
    void anUnknownFieldListsTheFieldsOfTheFact() {
        RuleFolders.edit(rules.resolve("scope.drl"), "actorLevel == \"provincial\"", "actorlevel == \"provincial\"");
        Cli r = check();
        assertEquals(at("scope.drl", 35) + "[error] Case has no field 'actorlevel'; its fields are: caseId, kind, "
                + "subject, objective, setting, substances, place, placeKind, region, languageArea, actorLevel, "
                + "municipality, placeGiven, placeMatch, placeOthers\n"
                + "0 rules checked: 1 problem\n", r.out());
    }

    @Test
    void anUnknownFactTypeListsTheTypesRulesCanMatch() {
        RuleFolders.edit(rules.resolve("scope.drl"), "$c : Case( $id : caseId, actorLevel", "$c : Cases( $id : caseId, actorLevel");
        Cli r = check();
        assertTrue(r.out().startsWith(at("scope.drl", 35) + "[error] unknown fact type 'Cases'; rules can match: "
                + "ActorInvolved, AxisAssigned, Case, "), r.out());
    }

    /** The bundled decision table as a spreadsheet saves it: cells split by {@code separator}, CRLF, in {@code charset}. */
    private void saveTableAs(String separator, java.nio.charset.Charset charset, boolean byteOrderMark) throws Exception {
        Path table = rules.resolve("intervention-types.drl.csv");
        java.util.List<java.util.List<String>> rows = org.policyclassifier.rules.TableText.rows(
                java.nio.file.Files.readString(org.policyclassifier.TestPaths.RULES.resolve(table.getFileName())), ',');
        StringBuilder text = new StringBuilder(byteOrderMark ? "\uFEFF" : "");
        for (java.util.List<String> row : rows) {
            text.append(String.join(separator, row.stream().map(c -> c.contains(separator) || c.contains("\"")
                    ? "\"" + c.replace("\"", "\"\"") + "\"" : c).toList())).append("\r\n");
        }
        java.nio.file.Files.write(table, text.toString().getBytes(charset));
    }

    @Test
    void aDecisionTableSavedByExcelWithSemicolonsOrAsUnicodeTextIsReadAsTheCanonicalOne() throws Exception {
        String listed = Cli.run("rules", "list").out();
        String tested = lastLine(Cli.run("rules", "test").out());
        saveTableAs(";", java.nio.charset.StandardCharsets.UTF_8, true);
        assertTrue(check().out().startsWith("126 rules checked: no problems\n"), check().out());
        assertEquals(listed, Cli.run("rules", "list", "--rules=" + rules).out().replace(rules.toString(), "rules"));
        assertEquals(tested, lastLine(Cli.run("rules", "test", "--rules=" + rules, "--tests=rules/tests").out()), "the same answers to the policy tests");
        saveTableAs("\t", java.nio.charset.StandardCharsets.UTF_16, false); // Java's UTF-16 writes the mark
        assertTrue(check().out().startsWith("126 rules checked: no problems\n"), check().out());
        assertEquals(listed, Cli.run("rules", "list", "--rules=" + rules).out().replace(rules.toString(), "rules"));
        assertEquals(tested, lastLine(Cli.run("rules", "test", "--rules=" + rules, "--tests=rules/tests").out()), "the same answers to the policy tests");
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\n");
        return lines[lines.length - 1];
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"semicolon, UTF-8, true", "tab, UTF-16, false"})
    void aMistakeInATableSavedByExcelIsReportedAtItsRowAndColumn(String separatorName, String charset, boolean mark)
            throws Exception {
        String separator = separatorName.equals("tab") ? "\t" : ";";
        saveTableAs(separator, java.nio.charset.Charset.forName(charset), mark);
        Path table = rules.resolve("intervention-types.drl.csv");
        String text = java.nio.file.Files.readString(table, java.nio.charset.Charset.forName(charset));
        String row = String.join(separator, "needle_exchange", "reduce_risks", "demand_reduction", "tertiary");
        assertTrue(text.contains(row), "the row as saved");
        java.nio.file.Files.write(table, text.replace(row, row.replace("demand_reduction", "demand_reductoin"))
                .getBytes(java.nio.charset.Charset.forName(charset)));
        Cli r = check();
        assertTrue(r.out().startsWith(at("intervention-types.drl.csv", 16)), r.out());
        assertTrue(r.out().contains("rule TYPE-007 uses axis 'demand_reductoin'"), r.out());
        assertEquals(ExitCode.INVALID_INPUT, r.exit());
    }

    @Test
    void anIdWithoutWordsIsReportedAtItsLineEvenInARuleNoCaseFires() {
        RuleFolders.edit(rules.resolve("responsibility.drl"), "\"runs_care\"", "\"runs_the_care\"");
        RuleFolders.edit(rules.resolve("federated-entities.drl"), "\"unknown_place_closest\"", "\"unknown_place_near\"");
        Cli r = check();
        assertEquals(at("federated-entities.drl", 93) + "[error] rule ENT-007 names flags 'unknown_place_near', which has"
                + " no wording in every language: add it to the section \"flags\" of each file of facts/words/\n"
                + at("responsibility.drl", 27) + "[error] rule RESP-002 names roles 'runs_the_care', which has no wording"
                + " in every language: add it to the section \"roles\" of each file of facts/words/\n"
                + "126 rules checked: 2 problems\n", r.out());
        assertEquals(ExitCode.INVALID_INPUT, r.exit());
    }

    @Test
    void anErrorInAnActionIsReportedAtTheActionsLine() {
        RuleFolders.edit(rules.resolve("scope.drl"), "insert(new Flag($id, \"OUTSIDE_PROFILE_LEVELS\",",
                "insert(new Flag(\"OUTSIDE_PROFILE_LEVELS\",");
        Cli r = check();
        assertEquals(at("scope.drl", 37) + "[error] new Flag(...) is given (String, String) but takes (String caseId, "
                + "String code, String detail, List args)\n0 rules checked: 1 problem\n", r.out());
    }

    @Test
    void aRuleWithoutSourceIsRejected() {
        RuleFolders.edit(rules.resolve("scope.drl"), "    @source(\"For the axis “demand reduction” : Federated states "
                + "and local authorities\")\n", "");
        Cli r = check();
        assertEquals(at("scope.drl", 29) + "[error] rule \"SCOPE-003 A provincial actor is outside the profile's "
                + "levels\" has no @source(\"...\") quoting the profile sentence it rests on\n0 rules checked: 1 problem\n",
                r.out());
    }

    @Test
    void aQuoteNotInTheProfileShowsTheClosestSentence() {
        RuleFolders.edit(rules.resolve("trends.drl"), "Antwerp remains an important entry point",
                "Antwerp is the main entry point");
        Cli r = check();
        assertEquals(at("trends.drl", 209) + "[source] rule TRD-015: @source is not in the profile: \"Antwerp "
                + "is the main entry point in Europe for illegal drugs.\". Closest sentence: \"Antwerp remains an "
                + "important entry point in Europe for illegal drugs.\"\n126 rules checked: 1 problem\n", r.out());
        assertEquals(3, r.exit());
    }

    @Test
    void aHeadingOrTableRowIsNoSource() {
        // Issue 9: the trend rules quoted section headings, OFF-006 a row of the statistics table.
        RuleFolders.edit(rules.resolve("trends.drl"), "@source(\"Antwerp remains an important entry point in Europe for "
                + "illegal drugs.\")", "@source(\"Assessment of trends and developments\")");
        RuleFolders.edit(rules.resolve("offences.drl"), "@source(\"In the “security” perspective, priority is given to the "
                + "fight against production and the market of illicit drugs.\")\n    @note(\"The profile names",
                "@source(\"Other 1.632 1.412 1.419 1.421\")\n    @note(\"The profile names");
        Cli r = check();
        assertEquals(at("offences.drl", 65) + "[source] rule OFF-006: @source is a table row of the profile, not a "
                + "sentence that states something: \"Other 1.632 1.412 1.419 1.421\". Quote the sentence the rule rests "
                + "on; closest: \"", r.out().substring(0, r.out().indexOf("closest: \"") + 10));
        assertTrue(r.out().contains(at("trends.drl", 209) + "[source] rule TRD-015: @source is a heading of the "
                + "profile, not a sentence that states something: \"Assessment of trends and developments\". Quote the "
                + "sentence the rule rests on; the first sentence under it: \"Increase production of synthetic drugs, "
                + "moving issues from Dutch and German borders to Belgium.\"\n"), r.out());
        assertTrue(r.out().endsWith("126 rules checked: 2 problems\n"), r.out());
        assertEquals(3, r.exit());
    }

    @Test
    void quotesMayDifferInWhitespaceAndQuoteMarks() {
        RuleFolders.edit(rules.resolve("responsibility.drl"), "For the axis “reducing the supply”: Federal",
                "For the axis \\\"reducing the supply\\\":   Federal");
        assertEquals(0, check().exit());
    }

    @Test
    void aDuplicateIdIsRejected() {
        RuleFolders.edit(rules.resolve("scope.drl"), "rule \"SCOPE-002 Tobacco", "rule \"SCOPE-001 Tobacco");
        RuleFolders.edit(rules.resolve("scope.drl"), "@id(\"SCOPE-002\")", "@id(\"SCOPE-001\")");
        Cli r = check();
        assertEquals(at("scope.drl", 18) + "[error] rule id SCOPE-001 is already used at " + rules.resolve("scope.drl")
                + ":6\n0 rules checked: 1 problem\n", r.out());
    }

    @Test
    void aRuleThatCanNeverFireIsDead() {
        RuleFolders.edit(rules.resolve("simplifications.drl"), "setting == \"hospital\"", "setting == \"hospitl\"");
        Cli r = check();
        assertEquals(at("simplifications.drl", 70) + "[dead] rule SIM-005 never fires: not for any case of the vocabulary, "
                + "in any place, setting, actor or substance, nor for the offence statistics in any window\n126 rules checked: 1 problem\n", r.out());
    }

    @Test
    void aCaseWithoutLeadIsAGapAndTwoLeadsWithoutOverrideAConflict() {
        RuleFolders.edit(rules.resolve("responsibility.drl"), "    insert(new LeadClaim($id, \"regional\"));\n", "");
        RuleFolders.edit(rules.resolve("responsibility.drl"), "    insert(new ActorInvolved($id, \"local_police\"));",
                "    insert(new ActorInvolved($id, \"local_police\"));\n    insert(new LeadClaim($id, \"local\"));");
        Cli r = check();
        String[] lines = r.out().split("\n");
        assertEquals(at("responsibility.drl", 68) + "[conflict] rules claim different lead levels and none overrides "
                + "the other (RESP-006 says federal, RESP-007 says local), for intervention trafficking_investigation, "
                + "intervention darknet_investigation, intervention "
                + "drug_lab_dismantling, intervention cannabis_plantation_dismantling, intervention "
                + "money_laundering_investigation, intervention national_security_plan, intervention "
                + "cannabis_social_club, intervention drug_waste_dumping, intervention supply_reduction_policy, offence "
                + "possession, offence trade, offence use, offence import_export, offence production (224 cases with and "
                + "without a place)",
                lines[0]);
        assertEquals(at("responsibility.drl", 82) + "[conflict] rules claim different lead levels and none overrides "
                + "the other (RESP-007 says local, BEY-015 says federal), for intervention airport_drug_controls (16 "
                + "cases with and without a place)", lines[1]);
        assertEquals(at("simplifications.drl", 23) + "[conflict] rules claim different lead levels and none overrides "
                + "the other (SIM-002 says federal, RESP-007 says local), for intervention container_checks, "
                + "intervention drug_detection_dogs (32 cases with and without a place)", lines[2]);
        assertEquals("facts/intervention-types.json: [gap] no rule gives a lead level, for intervention "
                + "prevention_campaign, intervention school_prevention, intervention environmental_prevention, "
                + "intervention early_intervention, intervention youth_outreach, intervention nightlife_risk_reduction, "
                + "intervention alcohol_prevention, intervention gambling_prevention, intervention drug_alcohol_helpline, "
                + "intervention drug_prevention (160 cases with and without a place)", lines[3]);
        assertEquals("126 rules checked: 4 problems", lines[4]);
    }

    @Test
    void everyProblemOfEveryFileIsReported() {
        RuleFolders.edit(rules.resolve("scope.drl"), "actorLevel == \"provincial\"", "actorlevel == \"provincial\"");
        RuleFolders.edit(rules.resolve("offences.drl"), "subject == \"other\" )", "subject == \"other\"");
        Cli r = check();
        assertTrue(r.out().endsWith("0 rules checked: 2 problems\n"), r.out());
        assertTrue(r.out().contains(rules.resolve("offences.drl").toString()), r.out());
        assertTrue(r.out().contains(rules.resolve("scope.drl").toString()), r.out());
    }

    @Test
    void jsonIsForEditorsAndCi() throws Exception {
        RuleFolders.edit(rules.resolve("simplifications.drl"), "setting == \"hospital\"", "setting == \"hospitl\"");
        Cli r = check("--format", "json");
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertEquals(false, json.get("clean").asBoolean());
        assertEquals(126, json.get("rules").asInt());
        JsonNode finding = json.get("findings").get(0);
        assertEquals("dead", finding.get("kind").asText());
        assertEquals("SIM-005", finding.get("rule").asText());
        assertEquals(70, finding.get("line").asInt());
        assertEquals(3, r.exit());
    }

    @Test
    void aFolderThatIsMissingEmptyOrHoldsStrayFilesIsNamed() throws Exception {
        Files.writeString(rules.resolve("axis.rules"), "rule \"X\" when then end");
        assertEquals(rules.resolve("axis.rules") + ": [error] not a rule file: rule files end in .drl or, for "
                + "decision tables, .drl.csv or .drl.xlsx (Drools would silently ignore this one)\n0 rules checked: 1 problem\n",
                check().out());
        Path empty = Files.createDirectory(temp.resolve("empty"));
        assertEquals(empty + ": [error] no rule files (*.drl, *.drl.csv, *.drl.xlsx) in this folder\n0 rules checked: 1 problem\n",
                Cli.run("rules", "check", "--rules", empty.toString()).out());
        Cli missing = Cli.run("rules", "check", "--rules", temp.resolve("nope").toString());
        assertEquals(temp.resolve("nope") + ": [error] rules folder not found\n0 rules checked: 1 problem\n",
                missing.out());
        assertEquals(3, missing.exit());
    }

    @Test
    void aDecisionTableErrorNamesTheRowAndColumn() {
        RuleFolders.edit(rules.resolve("intervention-types.drl.csv"), "deter_use,demand_reduction,primary",
                "deter_use,demand_reduction\",primary");
        RuleFolders.edit(rules.resolve("intervention-types.drl.csv"), "objective == \"\"$param\"\"",
                "objectiv == \"\"$param\"\"");
        Cli r = check();
        assertTrue(r.out().startsWith(rules.resolve("intervention-types.drl.csv") + ":10: [error] rows 10 to 59, "
                + "column F: Case has no field 'objectiv'; its fields are: caseId, "), r.out());
    }
}
