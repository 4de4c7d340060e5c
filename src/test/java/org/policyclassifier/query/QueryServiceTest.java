package org.policyclassifier.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.policyclassifier.TestPaths;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.Decision;
import org.policyclassifier.classify.Decision.MatchEntry;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.facts.InterventionType;
import org.policyclassifier.facts.Labels;
import org.policyclassifier.facts.OffenceCategory;
import org.policyclassifier.facts.Synonyms;
import org.policyclassifier.facts.Vocabulary;
import org.policyclassifier.rules.RuleSet;
import org.policyclassifier.rules.EngineSettings;
import java.time.Duration;

class QueryServiceTest {

    static Classifier classifier;
    static QueryService service;

    @BeforeAll
    static void load() throws Exception {
        classifier = Classifier.load(TestPaths.RULES, TestPaths.FACTS);
        service = new QueryService(classifier, TestPaths.FACTS);
    }

    static Answer ask(String text) throws Exception {
        return service.ask(Question.of(text));
    }

    static String subject(String text) throws Exception {
        Answer a = ask(text);
        assertTrue(a.answered(), () -> "\"" + text + "\" was refused: " + a.refusal());
        return a.decision().subject();
    }

    /** Same concept, same answer: every label and synonym of every entry, in every language (German too), gives that entry. */
    @TestFactory
    Stream<DynamicTest> everyLabelAndSynonymGivesItsOwnEntry() {
        Vocabulary v = classifier.vocabulary();
        List<DynamicTest> tests = new ArrayList<>();
        for (InterventionType t : v.interventionTypes()) {
            terms(t.labels(), t.synonyms()).forEach(term -> tests.add(sameSubject(term, t.id(), v)));
        }
        for (OffenceCategory c : v.offenceCategories()) {
            terms(c.labels(), c.synonyms()).forEach(term -> tests.add(sameSubject(term, c.id(), v)));
        }
        return tests.stream();
    }

    private static DynamicTest sameSubject(String term, String id, Vocabulary v) {
        return DynamicTest.dynamicTest("\"" + term + "\" → " + id, () -> {
            Answer a = ask(term);
            // An acronym of two entries asks back, by design: both must then be offered.
            if (!a.answered() && org.policyclassifier.facts.Text.isAcronym(term)) {
                assertEquals(Answer.Status.AMBIGUOUS, a.status());
                assertTrue(a.refusal().candidates().stream().anyMatch(c -> c.entry().equals(id)));
                return;
            }
            assertTrue(a.answered(), () -> "\"" + term + "\" was refused: " + a.refusal());
            assertEquals(id, a.decision().subject());
        });
    }

    private static List<String> terms(Labels labels, Synonyms synonyms) {
        List<String> all = new ArrayList<>(List.of(labels.en(), labels.nl(), labels.fr()));
        if (labels.de() != null) {
            all.add(labels.de());
        }
        if (synonyms != null) {
            all.addAll(synonyms.en());
            all.addAll(synonyms.nl());
            all.addAll(synonyms.fr());
            all.addAll(synonyms.de());
        }
        return all;
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
        // plurals
        "needle exchanges | needle_exchange",
        "drug consumption rooms | drug_consumption_room",
        "prevention campaigns | prevention_campaign",
        // natural phrasings
        "police raid on a drug dealer | trade",
        "drug checking | nightlife_risk_reduction",
        "hulpverlening | addiction_care",
        "drugs in prison | prison_drug_programme",
        "cocaine in the port of Antwerp | container_checks",
        // the languages agree
        "drug dealing | trade",
        "drugshandel | trade",
        "trafic de drogue | trade",
        // acronyms as whole, capitalised words
        "MASS | social_health_house",
        "TADAM | heroin_assisted_treatment",
    })
    void theExamplesOfTheIssueAreAnswered(String text, String subject) throws Exception {
        assertEquals(subject, subject(text));
    }

    @Test
    void placeWordsOfTheQuestionAreUsedAndShown() throws Exception {
        Answer a = ask("spuitenruil Antwerpen");
        assertEquals("Antwerp", a.decision().place().name());
        assertEquals("Antwerpen", a.decision().match().placeFromQuestion());
        assertEquals("nl", a.decision().match().language());
        assertEquals(List.of("spuitenruil"), a.decision().match().matchedWords());
    }

    @Test
    void aSettingInTheQuestionChangesTheAnswerAsTheOptionDoes() throws Exception {
        Answer words = ask("needle exchange in prison");
        Answer option = service.ask(new Question("needle exchange", null, "prison", null, null));
        assertEquals("prison", words.decision().match().settingFromQuestion());
        assertEquals("federal", words.decision().leadLevel());
        assertEquals(option.decision().leadLevel(), words.decision().leadLevel());
        assertEquals(option.decision().flags(), words.decision().flags());
    }

    @Test
    void substancesSettingAndPlaceAllFromOneQuestion() throws Exception {
        MatchEntry m = ask("cocaine in the port of Antwerp").decision().match();
        assertEquals("Antwerp", m.placeFromQuestion());
        assertEquals("port", m.settingFromQuestion());
        assertEquals(List.of("cocaine"), m.substancesFromQuestion());
        assertEquals(List.of("cannabis"), ask("cannabis plantation in Limburg").decision().match().substancesFromQuestion());
        assertEquals("Province of Limburg", ask("cannabis plantation in Limburg").decision().place().name());
    }

    @Test
    void anExplicitOptionWinsOverTheQuestionAndTheDisagreementIsSaid() throws Exception {
        Answer a = service.ask(new Question("needle exchange in prison", "Gent", "hospital", null, null));
        MatchEntry m = a.decision().match();
        assertEquals("Ghent", a.decision().place().name());
        assertEquals("prison", m.settingFromQuestion());
        assertTrue(m.notes().stream().anyMatch(n -> n.contains("the setting given, hospital, wins over \"prison\"")),
                m::toString);
        assertEquals(List.of(new Decision.NoteEntry("setting_option_wins", "setting", "hospital", "prison")), m.noteDetails());
        Answer place = service.ask(new Question("spuitenruil Antwerpen", "Charleroi", null, null, null));
        assertEquals("Charleroi", place.decision().place().name());
        assertTrue(place.decision().match().notes().get(0).contains("the place given, Charleroi, wins over \"Antwerpen\""));
        assertTrue(place.decision().match().notes().stream().noneMatch(n -> n.contains("--")), "no option of the CLI");
    }

    @Test
    void optionsIgnoreCase() throws Exception {
        Answer a = service.ask(new Question("needle exchange", null, "PRISON", "Province", List.of("Cocaine")));
        assertTrue(a.answered(), () -> String.valueOf(a.refusal()));
        assertEquals("federal", a.decision().leadLevel());
        assertTrue(a.decision().flags().contains("OUTSIDE_PROFILE_LEVELS"));
    }

    @ParameterizedTest(name = "\"{0}\" fits {1} and {2} alike: answered as {1}, naming {2}")
    @CsvSource(delimiter = '|', value = {
        "naloxone | needle_exchange | drug consumption room",
        "culture illicite | possession | drug production offence",
        "cocaine smuggling through the port of Antwerp | import_export | container checks at the port",
        "campagnes de prévention dans les écoles | school_prevention | campagne de prévention",
        "who pays for the methadone handed out at the MSOC in Antwerp? | opioid_substitution_treatment | social-health house",
    })
    void entriesAsGoodAsEachOtherThatAnswerAlikeAreAnsweredAndNamed(String text, String subject, String other)
            throws Exception {
        Answer a = ask(text);
        assertEquals(Answer.Status.ANSWERED, a.status(), () -> String.valueOf(a.json()));
        assertEquals(subject, a.decision().subject());
        assertTrue(a.decision().match().notes().stream().anyMatch(n -> n.startsWith("the question fits " + other)
                && n.contains("it answers alike: the same level for what is asked")), () -> a.decision().match().notes().toString());
    }

    @ParameterizedTest(name = "\"{0}\" is refused ({1}), first candidates {2}")
    @CsvSource(delimiter = '|', value = {
        "treatment | AMBIGUOUS | opioid_substitution_treatment heroin_assisted_treatment outpatient_treatment",
        "trade fair | NO_MATCH | trade",
        "production of a prevention video | NO_MATCH | production",
        "tobacco smuggling | AMBIGUOUS | smoking_cessation import_export",
        "cannabis | AMBIGUOUS | medical_cannabis cannabis_social_club cannabis_plantation_dismantling",
        "Modus Vivendi | AMBIGUOUS | nightlife_risk_reduction needle_exchange",
        "gokken | AMBIGUOUS | gambling_helpline gambling_prevention",
        "mass arrests | NO_MATCH | trade",
    })
    void unclearQuestionsAreRefusedWithTheRightCandidatesFirst(String text, Answer.Status status, String first)
            throws Exception {
        Answer a = ask(text);
        assertEquals(status, a.status(), () -> String.valueOf(a.json()));
        assertNull(a.decision());
        List<String> expected = List.of(first.split(" "));
        List<String> got = a.refusal().candidates().stream().map(Candidate::entry).toList();
        assertTrue(got.size() >= expected.size() && got.subList(0, expected.size()).containsAll(expected),
                () -> "candidates " + got);
    }

    @Test
    void shortWordsDoNotMatchInsideOtherWordsNorAcronymsInLowerCase() throws Exception {
        assertFalse(ask("mass arrests").answered());
        assertFalse(ask("ost").answered());
        assertEquals("opioid_substitution_treatment", subject("OST"));
    }

    @Test
    void misspeltWordsAreReadAsTheVocabularyWordAndSaidSo() throws Exception {
        MatchEntry m = ask("neddle exchnage").decision().match();
        assertEquals("needle_exchange", m.entry());
        assertEquals(List.of("neddle → needle", "exchnage → exchange"), m.corrections());
    }

    @Test
    void wordsThatAskAreIgnoredAndShown() throws Exception {
        MatchEntry m = ask("who is responsible for needle exchange please").decision().match();
        assertEquals("needle_exchange", m.entry());
        assertTrue(m.ignoredWords().containsAll(List.of("who", "responsible", "please")), m::toString);
        assertNotNull(m.runnerUp() == null ? "none" : m.runnerUp().entry());
    }

    @Test
    void nothingAtAllIsNoMatchWithoutCandidates() throws Exception {
        Answer a = ask("zzz qqq");
        assertEquals(Answer.Status.NO_MATCH, a.status());
        assertTrue(a.refusal().candidates().isEmpty());
        assertEquals(Answer.Status.NO_MATCH, ask("  ?! ").status());
    }

    @Test
    void anUnknownOptionIsRefusedNamingTheOption() throws Exception {
        Answer a = service.ask(new Question("needle exchange", null, "moon", null, null));
        assertEquals(Answer.Status.INVALID_OPTION, a.status());
        assertEquals("setting", a.refusal().option());
    }

    @Test
    void anAcronymWithTwoMeaningsAsksWhichOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
            throws Exception {
        java.nio.file.Path facts = org.policyclassifier.RuleFolders.copyBundledFacts(temp.resolve("facts"));
        java.nio.file.Path types = facts.resolve("intervention-types.json");
        java.nio.file.Files.writeString(types, java.nio.file.Files.readString(types)
                .replace("\"BELSPO drug research\"", "\"BELSPO drug research\", \"OST\""));
        QueryService twoMeanings = new QueryService(Classifier.load(TestPaths.RULES, facts));
        Answer a = twoMeanings.ask(Question.of("OST"));
        assertEquals(Answer.Status.AMBIGUOUS, a.status());
        assertEquals(List.of("opioid_substitution_treatment", "drug_research_programme"),
                a.refusal().candidates().stream().map(Candidate::entry).toList());
        // Another word settles it.
        assertEquals("opioid_substitution_treatment",
                twoMeanings.ask(Question.of("OST methadone")).decision().subject());
    }

    @Test
    void aDutchCompoundIsSplitIntoVocabularyWords() throws Exception {
        // Whatever "teelt" (cultivation) means, "hasjteelt" is about cannabis.
        for (String text : List.of("hasjteelt", "marihuanateelt")) {
            Answer a = ask(text);
            List<String> substances = a.answered() ? a.decision().match().substancesFromQuestion()
                    : a.refusal().substancesFromQuestion();
            assertEquals(List.of("cannabis"), substances, text);
        }
        // "hulpverlening" holds "hulp" but is not made of vocabulary words: not split, matched whole.
        assertEquals("addiction_care", subject("hulpverlening"));
    }

    @Test
    void aFrenchElidedArticleBeforeAPlaceIsDropped() throws Exception {
        assertEquals("Antwerp", ask("contrôle des conteneurs au port d'Anvers").decision().place().name());
    }

    @Test
    void aLowerCasePlaceThatIsAlsoACommonWordIsAPlaceWhenNothingElseReadsIt() throws Exception {
        assertEquals("Mons", ask("needle exchange in Mons").decision().place().name());
        // "spa" is an English word: a place when written as a name, after "in", or when nothing else reads it.
        assertEquals("Spa", ask("needle exchange Spa").decision().place().name());
        assertEquals("Spa", ask("needle exchange in spa").decision().place().name());
        assertEquals("Spa", ask("needle exchange spa").decision().place().name());
        // A lower-case name that is no word of the question's language is a place anywhere.
        assertEquals("Hasselt", ask("spuitenruil hasselt").decision().place().name());
        assertEquals("Namur", ask("échange de seringues namur").decision().place().name());
    }

    @Test
    void spellingCorrectionIsBoundedPerQuestion() throws Exception {
        // Correction compares a word with every stem of the vocabulary; a pasted page must stay cheap.
        String typos = String.join(" ", java.util.Collections.nCopies(10, "neddle exchnage"));
        Answer a = ask(typos);
        // Eight words are corrected; the twelve others stay unread.
        assertEquals(8, a.decision().match().corrections().size());
        assertEquals(12, a.decision().match().ignoredWords().size());
        assertEquals("needle_exchange", a.decision().subject());
    }

    @Test
    void aServiceLoadedEarlyIsUsedOnlyForItsOwnFoldersAndUnderTheLoadsTimeLimit(
            @org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        QueryService.Early missing = QueryService.Early.start(TestPaths.RULES, Path.of("no-such-facts"),
                EngineSettings.DEFAULTS, null);
        QueryService other = QueryService.load(TestPaths.RULES, TestPaths.FACTS, EngineSettings.DEFAULTS, null, missing);
        assertEquals("needle_exchange", other.ask(Question.of("spuitenruil")).decision().subject());

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> QueryService.load(TestPaths.RULES,
                Path.of("no-such-facts"), EngineSettings.DEFAULTS, null, missing));
        assertEquals("no-such-facts: facts folder not found", e.problems().get(0).toString());

        QueryService.Early bundled = QueryService.Early.start(TestPaths.RULES, TestPaths.FACTS, EngineSettings.DEFAULTS,
                null);
        QueryService early = QueryService.load(TestPaths.RULES, TestPaths.FACTS, EngineSettings.DEFAULTS, null, bundled);
        assertSame(bundled.service(), early);
        assertEquals(service.ask(Question.of("needle exchange Charleroi")),
                early.ask(Question.of("needle exchange Charleroi")));

        // --rule-time-limit, parsed after the early start: the rules loaded early, under that limit.
        QueryService hurried = QueryService.load(TestPaths.RULES, TestPaths.FACTS,
                EngineSettings.DEFAULTS.withRuleTimeLimit(Duration.ofNanos(1)), null, bundled);
        // A session may, rarely, end between its start and the first look at the clock: some of a few are
        // stopped. Each asks another case, so that no decision is reused from an earlier session.
        String stopped = null;
        String[] places = {"Charleroi", "Gent", "Eupen", "Namur", "Leuven", "Mons", "Hasselt", "Brugge", "Liège",
            "Aalst", "Tournai", "Genk", "Mechelen", "Ostend", "Arlon", "Wavre", "Kortrijk", "Verviers", "Ypres", "Lier"};
        for (int i = 0; i < places.length && stopped == null; i++) {
            try {
                hurried.ask(Question.of("needle exchange " + places[i]));
            } catch (InvalidInputException late) {
                stopped = late.problems().get(0).message();
            }
        }
        assertTrue(stopped != null && stopped.contains("(the time limit of a rule session)"), String.valueOf(stopped));
        assertSame(early, QueryService.load(TestPaths.RULES, TestPaths.FACTS, EngineSettings.DEFAULTS, null, bundled));
        assertEquals(service.ask(Question.of("needle exchange Charleroi")),
                early.ask(Question.of("needle exchange Charleroi")));
        // Another rules cache is another load.
        assertNotSame(early, QueryService.load(TestPaths.RULES, TestPaths.FACTS,
                EngineSettings.DEFAULTS.withRulesCache(temp.resolve("other-cache")), null, bundled));
    }
}
