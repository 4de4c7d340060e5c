package org.policyclassifier.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;
import org.policyclassifier.TestPaths;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;

/** What the engine does when the policy itself is incomplete or wrong. */
class EngineFaultsTest {

    @TempDir
    Path temp;

    static CaseRecord needleExchange() {
        return new CaseRecord("n", "intervention", "needle_exchange", null, null, null, null, null);
    }

    @Test
    void aCaseNoRuleGivesAnAxisIsFlaggedAsAGap() throws Exception {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        Files.delete(rules.resolve("intervention-types.drl.csv"));
        Decision d = Classifier.load(rules, TestPaths.FACTS).classify(needleExchange());
        assertEquals("none", d.axis());
        assertTrue(d.flags().contains("GAP"), d.flags()::toString);
    }

    @Test
    void aCaseWithAnAxisButNoLeadIsFlaggedAsAGap() throws Exception {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        RuleFolders.edit(rules.resolve("responsibility.drl"), "    insert(new LeadClaim($id, \"local\"));\n", "");
        Decision d = Classifier.load(rules, TestPaths.FACTS).classify(needleExchange());
        assertEquals("demand_reduction", d.axis());
        assertEquals(null, d.leadLevel());
        assertEquals("no rule gives this case a lead level", d.flagDetails().get(0).detail());
    }

    @Test
    void aRuleThatUsesAnUnknownLevelIsReportedAtTheRule() throws Exception {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        RuleFolders.edit(rules.resolve("responsibility.drl"), "new LeadClaim($id, \"local\")",
                "new LeadClaim($id, \"municipal\")");
        Classifier classifier = Classifier.load(rules, TestPaths.FACTS);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> classifier.classify(needleExchange()));
        Problem p = e.problems().get(0);
        assertEquals(rules.resolve("responsibility.drl").toString(), p.file());
        assertEquals("rule RESP-002 uses level 'municipal'; expected one of federal, regional, local", p.message());
    }

    @Test
    void aRuleThatNamesAnUnknownActorIsReported() throws Exception {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        RuleFolders.edit(rules.resolve("responsibility.drl"), "\"non_profit_care\"", "\"charity\"");
        Classifier classifier = Classifier.load(rules, TestPaths.FACTS);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> classifier.classify(needleExchange()));
        assertTrue(e.problems().get(0).message().startsWith("rule RESP-002 names actor 'charity', which is not in "
                + "facts/actors.json"), e.problems().get(0)::message);
    }

    /**
     * Sessions are pooled and reused: one stopped after its time limit, one whose rule threw and
     * one whose rules fed each other leave nothing behind for the next case of the same engine.
     */
    @Test
    void aFaultySessionLeavesNothingToTheNextCase() throws Exception {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        RuleFolders.addRuleFeedingItself(rules, "LOOP-001");
        Files.writeString(rules.resolve("faults.drl"), """
                package policy.faults
                import org.policyclassifier.classify.*;
                rule "FAULT-001 Overruns"
                    @id("FAULT-001")
                    @source("Statistics:")
                when
                    $c : Case( subject == "trade" )
                then
                    insert(new Flag($c.caseId(), "SLOW", "overruns the time limit set below"));
                end
                rule "FAULT-002 Throws"
                    @id("FAULT-002")
                    @source("Statistics:")
                when
                    $c : Case( subject == "production" )
                then
                    insert(new Flag($c.caseId(), "X", $c.subject().substring(100)));
                end
                """);
        Classifier faulty = Classifier.load(rules, TestPaths.FACTS);
        Path plain = RuleFolders.copyBundled(temp.resolve("plain"));
        RuleFolders.addRuleFeedingItself(plain, "LOOP-001");
        Classifier sound = Classifier.load(plain, TestPaths.FACTS);
        CaseRecord care = needleExchange();
        // No rule can loop (they are refused at load): a session overruns here by a time limit it
        // cannot meet, in the sessions of the same rules.
        Classifier hurried = new Classifier(faulty.rules().withTimeLimit(java.time.Duration.ofNanos(1)),
                faulty.vocabulary());
        for (String fault : java.util.List.of("trade", "production", "use")) {
            CaseRecord faultCase = new CaseRecord("f", "offence", null, fault, null, null, null, null);
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> (fault.equals("trade") ? hurried : faulty).classify(faultCase), fault);
            // On an idle thread a session can end before the first look at the clock (its flag then
            // fails for want of wording): asked again until it overruns.
            for (int again = 0; fault.equals("trade") && again < 50
                    && !e.problems().get(0).message().contains("(the time limit of a rule session)"); again++) {
                e = assertThrows(InvalidInputException.class, () -> hurried.classify(faultCase));
            }
            assertTrue(e.problems().get(0).message().contains(fault.equals("use") ? "keep triggering each other"
                    : fault.equals("trade") ? "(the time limit of a rule session)"
                    : "StringIndexOutOfBoundsException"), e.problems().get(0)::message);
            assertEquals(org.policyclassifier.io.Json.MAPPER.writeValueAsString(sound.classify(care)),
                    org.policyclassifier.io.Json.MAPPER.writeValueAsString(faulty.classify(care)), "after " + fault);
        }
    }

    @Test
    void rulesThatFeedEachOtherForeverAreStopped() throws Exception {
        Path rules = RuleFolders.copyBundled(temp.resolve("rules"));
        RuleFolders.addRuleFeedingItself(rules, "LOOP-001");
        Classifier classifier = Classifier.load(rules, TestPaths.FACTS);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> classifier.classify(
                new CaseRecord("u", "offence", null, "use", null, null, null, null)));
        assertTrue(e.problems().get(0).message().contains("some rules keep triggering each other"),
                e.problems().get(0)::message);
    }
}
