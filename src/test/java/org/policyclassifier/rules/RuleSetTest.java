package org.policyclassifier.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;
import org.policyclassifier.TestPaths;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.classify.Classifier;

class RuleSetTest {

    @TempDir
    Path temp;

    @Test
    void theBundledRulesCompileWithIdSourceAndUniqueIds() throws Exception {
        List<RuleInfo> rules = RuleSet.compile(TestPaths.RULES).rules();
        assertTrue(rules.size() >= 40, "rules: " + rules.size());
        Set<String> ids = rules.stream().map(RuleInfo::id).collect(Collectors.toSet());
        assertEquals(rules.size(), ids.size());
        for (RuleInfo r : rules) {
            assertTrue(r.name().startsWith(r.id() + " "), r::toString);
            assertTrue(r.line() > 0, r::toString);
            assertTrue(r.file().endsWith(".drl") || r.file().endsWith(".drl.csv"), r::toString);
        }
    }

    @Test
    void theRulesThatClassifyCasesAreAllButTheTrendRules() throws Exception {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        List<String> all = RuleSet.compile(rules).rules().stream().map(RuleInfo::id).toList();
        List<String> cases = RuleSet.compile(rules, EngineSettings.DEFAULTS, Classifier.CASE_RULES).rules().stream().map(RuleInfo::id).toList();
        assertTrue(all.stream().anyMatch(id -> id.startsWith("TRD-")), all::toString);
        assertEquals(all.stream().filter(id -> !id.startsWith("TRD-")).toList(), cases);
        // The trend rules are not compiled at all: their mistakes are told by the commands that use them.
        RuleFolders.edit(rules.resolve("trends.drl"), "insert(new Trend(\"RISING\", $c, $band));", "insert(new Trend(");
        assertEquals(cases, RuleSet.compile(rules, EngineSettings.DEFAULTS, Classifier.CASE_RULES).rules().stream().map(RuleInfo::id).toList());
        assertThrows(InvalidInputException.class, () -> RuleSet.compile(rules));
    }

    @Test
    void everySourceQuotesTheProfileWord_for_word() throws Exception {
        String profile = normalise(Files.readString(TestPaths.FACTS.resolve("profile.txt")));
        for (RuleInfo r : RuleSet.compile(TestPaths.RULES).rules()) {
            assertTrue(profile.contains(normalise(r.source())), () -> r.id() + " quotes what the profile does not say: "
                    + r.source());
        }
    }

    @Test
    void everyErrorOfEveryFileIsReportedWithFileAndLine() {
        Path broken = TestPaths.FIXTURES.resolve("broken-rules");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RuleSet.compile(broken));
        List<String> messages = e.problems().stream()
                .map(p -> Path.of(p.file()).getFileName() + ":" + p.line() + ": " + p.message()).toList();
        assertEquals(List.of(
                "missing-parenthesis.drl:9: a parenthesis opened on this line is not closed (Drools stopped at 'then' "
                        + "on line 10)",
                "unknown-field.drl:9: Case has no field 'objectiv'; its fields are: caseId, kind, subject, objective, "
                        + "setting, substances, place, placeKind, region, languageArea, actorLevel, municipality, "
                        + "placeGiven, placeMatch, placeOthers",
                "unknown-field.drl:20: new AxisAssigned(...) is given (String) but takes (String caseId, String axis)"),
                messages);
        assertTrue(e.problems().stream().noneMatch(p -> p.message().contains("null Package")), "no follow-on noise");
    }

    @Test
    void aRuleWithoutSourceIsRejectedAtItsLine() throws Exception {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        RuleFolders.edit(rules.resolve("scope.drl"), "    @source(\"For the axis “demand reduction” : Federated states "
                + "and local authorities\")\n", "");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RuleSet.compile(rules));
        Problem p = e.problems().get(0);
        assertEquals(rules.resolve("scope.drl").toString(), p.file());
        assertEquals(29, p.line());
        assertEquals("rule \"SCOPE-003 A provincial actor is outside the profile's levels\" has no @source(\"...\") "
                + "quoting the profile sentence it rests on", p.message());
    }

    @Test
    void anIdThatDoesNotMatchTheNameOrRepeatsIsRejected() throws Exception {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        RuleFolders.edit(rules.resolve("offences.drl"), "@id(\"OFF-002\")", "@id(\"OFF-001\")");
        RuleFolders.edit(rules.resolve("scope.drl"), "rule \"SCOPE-002 Tobacco", "rule \"SCOPE-001 Tobacco");
        RuleFolders.edit(rules.resolve("scope.drl"), "@id(\"SCOPE-002\")", "@id(\"SCOPE-001\")");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RuleSet.compile(rules));
        List<String> messages = e.problems().stream().map(Problem::message).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains("@id(\"OFF-001\") does not match the id in its name, "
                + "OFF-002")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("rule id SCOPE-001 is already used at ")),
                messages::toString);
    }

    @Test
    void aFileOfAnotherKindIsNamedNotSilentlyIgnored() throws Exception {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        Files.writeString(rules.resolve("axis.rules"), "rule \"X\" when then end");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RuleSet.compile(rules));
        assertEquals(rules.resolve("axis.rules") + ": not a rule file: rule files end in .drl or, for decision tables, "
                + ".drl.csv or .drl.xlsx (Drools would silently ignore this one)", e.problems().get(0).toString());
    }

    @Test
    void aMissingOrEmptyFolderIsAClearError() throws Exception {
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> RuleSet.compile(temp.resolve("nope")));
        assertEquals(temp.resolve("nope") + ": rules folder not found", missing.problems().get(0).toString());
        Path empty = Files.createDirectory(temp.resolve("empty"));
        InvalidInputException none = assertThrows(InvalidInputException.class, () -> RuleSet.compile(empty));
        assertEquals(empty + ": no rule files (*.drl, *.drl.csv, *.drl.xlsx) in this folder", none.problems().get(0).toString());
    }

    static String normalise(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
