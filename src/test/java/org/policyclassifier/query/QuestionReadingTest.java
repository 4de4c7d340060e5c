package org.policyclassifier.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.policyclassifier.TestPaths;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.Decision;
import org.policyclassifier.query.FactAnswers.FigureAnswer;
import org.policyclassifier.query.FactAnswers.LegalAnswer;
import org.policyclassifier.query.FactAnswers.TrendAnswer;

/**
 * The patterns of questions nobody wrote down (issue 19), each tried through {@link QueryService#ask}
 * with questions other than the examples and the blind sets: whole sentences in four
 * languages, context as evidence, real words left uncorrected, names matched whole, practitioners'
 * words, figures, trends and the law, lower-case places and the country, German.
 */
class QuestionReadingTest {

    static QueryService service;

    @BeforeAll
    static void load() throws Exception {
        service = new QueryService(Classifier.load(TestPaths.RULES, TestPaths.FACTS), TestPaths.FACTS);
    }

    static Answer ask(String text) throws Exception {
        return service.ask(Question.of(text));
    }

    static Decision decision(String text) throws Exception {
        Answer a = ask(text);
        assertTrue(a.answered(), () -> "\"" + text + "\" was refused: " + a.refusal());
        assertNull(a.fact(), () -> "\"" + text + "\" was answered as " + a.fact());
        return a.decision();
    }

    /**
     * 1. The words that ask, in any of the four languages, are not held against the entry the
     * sentence names; 5. practitioners' words, including topics beyond the profile, have entries.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "could you tell me which government handles the needle exchange programme in Namur?|needle_exchange",
        "qui s'occupe du démantèlement des plantations de cannabis ?|cannabis_plantation_dismantling",
        "wie betaalt de methadonbehandeling eigenlijk?|opioid_substitution_treatment",
        "wer ist für den Spritzentausch zuständig?|needle_exchange",
        "which level of government pays for heroin-assisted treatment?|heroin_assisted_treatment",
        "welke overheid financiert de drugslijn?|drug_alcohol_helpline",
        "detox|detoxification",
        "sevrage à l'hôpital|detoxification",
        "vaping|e_cigarettes",
        "medicinale cannabis|medical_cannabis",
        "who is responsible for the treatment of drug users?|outpatient_treatment",
        "Drogentherapie in Eupen|outpatient_treatment",
        "traitement des usagers de drogues à Liège|outpatient_treatment",
        "hennepteelt in Limburg, wie treedt op?|cannabis_plantation_dismantling",
        "welk niveau coördineert het drugbeleid?|drug_policy_coordination",
        "qui coordonne la politique drogues ?|drug_policy_coordination",
        "Strafverfolgung bei Geldwäsche: wer ist zuständig?|money_laundering_investigation",
    })
    void questionsAreReadForWhatTheyName(String question, String subject) throws Exception {
        assertEquals(subject, decision(question).subject());
    }

    /**
     * 1. Prepositions and other little words ("against", "tegen", "contre", "seit") name nothing and
     * are not held against the answer; nor are stop words typed without their accents ("fur").
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "who acts against the darknet?|darknet_investigation",
        "wie treedt op tegen cannabisplantages?|cannabis_plantation_dismantling",
        "qui intervient contre le darknet ?|darknet_investigation",
        "wer ist gegen Cannabisplantagen zuständig?|cannabis_plantation_dismantling",
        "Spritzentausch: wer ist seit 2010 zuständig?|needle_exchange",
        "wer ist zustandig fur den Spritzentausch?|needle_exchange",
        "wer kummert sich fur die Drogenlabore?|drug_lab_dismantling",
    })
    void littleWordsNameNothing(String question, String subject) throws Exception {
        assertEquals(subject, decision(question).subject());
    }

    /**
     * 2. A question that asks who pays or who makes the rules is answered by the levels whose roles do
     * that, the most specific role first, beside the lead: the care a municipality runs is paid and
     * regulated by its federated entity, care in prison by FPS Justice, a consumption room by its city.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Which government subsidises syringe programmes in Namur?|needle_exchange|funding|regional|local",
        "Door wie wordt de spuitenruil in Brugge gefinancierd?|needle_exchange|funding|regional|local",
        "financiering spuitenruil Leuven|needle_exchange|funding|regional|local",
        "Qui établit la réglementation de l''échange de seringues à Mons ?|needle_exchange|rules|regional|local",
        "Wer bezahlt die Drogentherapie für Häftlinge im Gefängnis von Lantin?|outpatient_treatment|funding|federal|federal",
        "Wie betaalt de gebruiksruimte in Luik?|drug_consumption_room|funding|local|local",
        "who regulates the sale of vapes?|e_cigarettes|rules|federal|federal",
        // A relative clause ("des jeunes qui commencent") asks nothing; a choice of levels with no word
        // asking who asks who pays.
        "À Namur, des jeunes qui commencent à consommer : qui finance l''intervention précoce ?|early_intervention|funding|regional|regional",
        "the city or the Flemish Community that pays for the needle exchange in Gent?|needle_exchange|funding|regional|local",
        // What stands before the word asking who in its clause is what is asked of ("rules … who decides").
        "Regelgeving voor de spuitenruil in Brugge: wie beslist daarover?|needle_exchange|rules|regional|local",
        "Drug-Checking auf Festivals Regeln Zuständigkeit wer entscheidet|nightlife_risk_reduction|rules|regional|regional",
    })
    void whoPaysAndWhoMakesTheRulesAreAnsweredByTheirLevels(String question, String subject, String asked,
            String level, String lead) throws Exception {
        Answer a = ask(question);
        Decision d = decision(question);
        assertEquals(subject, d.subject());
        assertEquals(asked, d.match().asked().what(), d.match()::toString);
        assertEquals(level, a.answeringLevel());
        assertEquals(lead, d.leadLevel());
    }

    /**
     * 2. A word of paying in a clause that asks nothing, or with no level doing it, leaves the lead as the
     * answer; so does a question that asks who runs it in one clause and who pays in another (the levels
     * say who pays).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Notre commune finance un éducateur de rue. Qui est compétent pour l'échange de seringues ?|needle_exchange|local",
        "Our town pays for a street worker; who leads the needle exchange?|needle_exchange|local",
        "The city pays for the needle exchange in Namur, but who runs it?|needle_exchange|local",
        "Die Stadt zahlt das Spritzentauschprogramm in Eupen, wer leitet es?|needle_exchange|local",
        "who pays for the investigation of drug labs?|drug_lab_dismantling|federal",
        "Who runs the needle exchange in Namur, and who pays for it?|needle_exchange|local",
        "Wie organiseert de spuitenruil in Gent en wie financiert die?|needle_exchange|local",
        "Qui gère la salle de consommation à Liège et qui la paie ?|drug_consumption_room|local",
        "Wer leitet die Drogentherapie für Häftlinge in Lantin, und wer bezahlt sie?|outpatient_treatment|federal",
    })
    void payingNamedButNotAskedLeavesTheLead(String question, String subject, String lead) throws Exception {
        Answer a = ask(question);
        Decision d = decision(question);
        assertEquals(subject, d.subject());
        assertNull(d.match().asked(), () -> question);
        assertEquals(lead, a.answeringLevel());
    }

    /**
     * An answer is worded in the language of the question's little and asking words, whichever
     * language's term named its entry; the term's language only when they do not tell.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Qui finance Infor-Drogues ?|fr",
        "Wie financiert De DrugLijn?|nl",
        "Who is the Belgian contact for the EMCDDA?|en",
        "Un cannabis social club à Anvers, c''est légal ?|fr",
        "Wer kontrolliert Postpakete mit Drogen aus dem Ausland?|de",
        "spuitenruil Gent|nl",
    })
    void anAnswerIsInTheQuestionsLanguage(String question, String language) throws Exception {
        assertEquals(language, ask(question).languageRead().orElse(null), question);
    }

    /**
     * 1. A word for the form an activity takes (a project, a programme, an offer) names no subject of its
     * own, alone or as the end of a Dutch or German compound: the activity is the subject.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Spritzentauschprojekt in Lüttich, wer ist zuständig?|needle_exchange",
        "spuitenruilproject Gent|needle_exchange",
        "Wie subsidieert het straathoekwerkproject in Antwerpen?|street_outreach",
        "un projet d''échange de seringues à Namur|needle_exchange",
    })
    void theFormOfAnActivityIsNotItsSubject(String question, String subject) throws Exception {
        assertEquals(subject, decision(question).subject());
    }

    /**
     * 1. A Dutch or German compound cut short before "en"/"und" shares the head of the next one:
     * "drugs- en alcoholpreventie" is drug prevention and alcohol prevention, so the drug prevention at
     * school is read, not the alcohol prevention alone.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "drugs- en alcoholpreventie op school in Gent|school_prevention",
        "Drogen- und Alkoholprävention an Schulen|school_prevention",
        "Hoeveel feiten van in- en uitvoer in 2015?|",
    })
    void aCompoundCutShortSharesTheNextOnesHead(String question, String subject) throws Exception {
        Answer a = ask(question);
        if (subject == null) {
            assertEquals("Import and export", assertInstanceOf(FigureAnswer.class, a.fact()).series());
        } else {
            assertEquals(subject, decision(question).subject());
        }
    }

    /**
     * 5. A number under 18 that gives a person's age reads as a minor: selling a drink to "une fille de 16
     * ans", "mijn dochter van 16", "einen 17-Jährigen" asks the law on alcohol sales to minors.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Mag een supermarkt in Hasselt wijn verkopen aan mijn dochter van 16?",
        "Peut-on servir du whisky à une fille de 16 ans dans un bar ?",
        "Darf eine Tankstelle in Eupen Wodka an einen 17-Jährigen verkaufen?",
        "Is it allowed to sell cider to a 16 year old in Namur?",
    })
    void anAgeUnderEighteenIsAMinor(String question) throws Exception {
        LegalAnswer legal = assertInstanceOf(LegalAnswer.class, ask(question).fact(), question);
        assertEquals("alcohol_sales_to_minors", legal.subject(), question);
    }

    /**
     * 5. The law on what a question names goes by the substance: smoking a joint meets the drug law, not
     * the rules on tobacco that "smoking" alone would meet; alcohol and betting keep their own.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Is it legal to smoke weed in Belgium?|drugs",
        "Mag je een joint roken op een terras in Gent?|drugs",
        "Est-ce permis de fumer du cannabis dans un parc à Namur ?|drugs",
        "Darf man in Eupen Haschisch rauchen?|drugs",
        "Is smoking allowed on a terrace in Belgium?|tobacco",
        "Est-ce que les paris sportifs sont légaux ?|gambling",
        "Is it legal to drink beer and smoke a joint at a festival?|drugs",
    })
    void theLawFollowsTheSubstanceNamed(String question, String status) throws Exception {
        LegalAnswer legal = assertInstanceOf(LegalAnswer.class, ask(question).fact(), question);
        assertEquals(status, legal.status().id(), question);
    }

    /**
     * 1. Young people, like drug users, are whom a question is about, not what it names: "jongeren"
     * is not held against alcohol prevention, nor read as the outreach to young people.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "alcohol prevention teenagers|alcohol_prevention",
        "gokpreventie jongeren|gambling_prevention",
        "prévention alcool adolescents|alcohol_prevention",
        "Alkoholprävention Jugendliche|alcohol_prevention",
        "Suchtprävention Kinder|drug_prevention",
    })
    void youngPeopleAreWhomTheQuestionIsAbout(String question, String subject) throws Exception {
        assertEquals(subject, decision(question).subject());
    }

    /**
     * 6. Two years and a comparative ask how the figure changed: "more or fewer", "meer of minder", "plus
     * ou moins"; so do a journalist's words for a rise ("booming", "en plein essor", "auf dem Vormarsch").
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "were there fewer possession offences in 2016 than in 2015?",
        "productiefeiten: meer in 2017 dan in 2014?",
        "infractions de trafic en 2015 et 2017 : plus ou moins ?",
        "Besitzdelikte 2014 und 2016, mehr oder weniger?",
        "Is cannabis trade booming in Belgium?",
        "Le trafic de drogue est-il en plein essor ?",
        "Ist der Drogenhandel auf dem Vormarsch?",
    })
    void aComparativeOrAWordForARiseAsksATrend(String question) throws Exception {
        assertInstanceOf(TrendAnswer.class, ask(question).fact(), question);
    }

    /** 6. Whether one may carry "a small amount" asks the law, not a figure; with a year it asks the table. */
    @Test
    void anAmountInALegalQuestionIsNoFigure() throws Exception {
        assertInstanceOf(LegalAnswer.class, ask("is it legal to have a small amount of ecstasy on you?").fact());
        assertInstanceOf(LegalAnswer.class, ask("mag je een kleine hoeveelheid cannabis bij je hebben?").fact());
        assertInstanceOf(FactAnswers.FigureAnswer.class, ask("how many possession offences in 2015?").fact());
    }

    /** 6. "Going after dealers" asks who acts: "going" alone is no trend word (the phrases "going up/down" are). */
    @Test
    void goingAfterSomeoneIsNoTrend() throws Exception {
        assertNull(ask("who is going after cannabis plantations in Limburg?").fact());
        assertInstanceOf(TrendAnswer.class, ask("are production offences going up?").fact());
    }

    /**
     * 1. The people who use are not their use: the French stemmer reads "usagers" as "usage", which
     * would answer a question about helping users with the use offence (supply side, federal).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "qui aide les usagers de drogues à Namur ?",
        "soutien aux consommateurs de drogues à Mons",
        "une usagère de drogues cherche de l'aide à Liège",
    })
    void theUsersAreNotTheirUse(String question) throws Exception {
        Answer a = ask(question);
        assertFalse(a.answered() && "use".equals(a.decision().subject()), () -> question + ": " + a.json());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "usage de drogues|use",
        "centre d'accueil pour usagers de drogues|reception_accommodation_centre",
        "travail de rue auprès des usagers de drogues|street_outreach",
    })
    void usersAndUseStillNameTheirOwnEntries(String question, String subject) throws Exception {
        assertEquals(subject, decision(question).subject());
    }

    /**
     * The decision rule (the reading model): a description that says more than any entry's terms,
     * and asks nothing, is answered when the evidence for its best entry is strong, as a case
     * record's text must be.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cannabis plantation discovered by firefighters in an abandoned warehouse|cannabis_plantation_dismantling",
        "synthetisch drugslab in leegstaande loods|drug_lab_dismantling",
        "plantation de cannabis découverte par les pompiers dans un entrepôt abandonné|cannabis_plantation_dismantling",
        "Drogenlabor für synthetische Drogen in leerer Lagerhalle am Stadtrand entdeckt|drug_lab_dismantling",
        "Cannabisplantage von der Feuerwehr in einer leeren Lagerhalle entdeckt|cannabis_plantation_dismantling",
    })
    void strongEvidenceAnswersALongerQuestion(String question, String subject) throws Exception {
        assertEquals(subject, decision(question).subject());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "trade fair",
        "vans parked outside the old railway depot every evening near the needle factory",
    })
    void oneWordAmongManyUnexplainedIsRefused(String question) throws Exception {
        Answer a = ask(question);
        assertFalse(a.answered(), () -> question + ": " + a.json());
        assertFalse(a.refusal().candidates().isEmpty(), () -> question + ": a refusal lists its candidates");
    }

    /**
     * 7. The words of a place's phrase belong to the place: the preposition that introduces it and a
     * district or station joined to it by a hyphen are not held against the answer.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "spuitenruil rond Leuven|Leuven",
        "échange de seringues près de Namur|Namur",
        "needle exchange near Antwerpen-Centraal|Antwerp",
        "Spritzentausch bei Eupen-Unterstadt|Eupen",
    })
    void theWordsOfAPlacesPhraseBelongToThePlace(String question, String place) throws Exception {
        Decision d = decision(question);
        assertEquals("needle_exchange", d.subject());
        assertEquals(place, d.place().name());
        assertEquals(List.of(), d.match().ignoredWords(), () -> question);
    }

    /**
     * 5. Prevention named in general, in any language, is primary prevention led by the federated
     * entities; a programme named with it (school, campaign) is still that programme.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "who is in charge of addiction prevention?|drug_prevention",
        "verslavingspreventie|drug_prevention",
        "prévention des assuétudes, qui est compétent ?|drug_prevention",
        "Primärprävention|drug_prevention",
        "drug prevention campaign|prevention_campaign",
        "Drogenprävention an Schulen|school_prevention",
    })
    void preventionInGeneralIsPrimaryPrevention(String question, String subject) throws Exception {
        Decision d = decision(question);
        assertEquals(subject, d.subject());
        assertEquals("primary", d.tier());
        assertEquals("regional", d.leadLevel());
    }

    /** 7, 8. The German-speaking Community's area, by any of its names, is a place: its Community acts. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Drogenprävention in Ostbelgien",
        "verslavingspreventie in de Duitstalige Gemeenschap",
        "prévention des assuétudes en Communauté germanophone",
    })
    void theGermanSpeakingAreaIsAPlace(String question) throws Exception {
        Decision d = decision(question);
        assertEquals("German-speaking area", d.place().name());
        assertTrue(d.levels().stream().anyMatch(l -> "German-speaking Community".equals(l.entity())), d::toString);
    }

    /** 3. A Dutch or German compound with one of its words misspelt (a letter off, two swapped) is read as its words. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "canabisbezit|possession|cannabis bezit",
        "heroinebezti|possession|heroine bezit",
        "prodcutiefeiten|production|productie feiten",
    })
    void aMisspeltPartOfACompoundIsCorrected(String question, String subject, String read) throws Exception {
        Decision d = decision(question);
        assertEquals(subject, d.subject());
        assertEquals(List.of(question + " → " + read), d.match().corrections());
    }

    /** A Dutch or German past participle is read as its verb's root ("gehandelt": Handel, "gedeald": deal). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Drogen gehandelt|trade",
        "drugs gedeald|trade",
        "Kokain geschmuggelt|import_export",
    })
    void aParticipleIsReadAsItsRoot(String question, String subject) throws Exception {
        assertEquals(subject, decision(question).subject());
    }

    /** An acronym names the same body in every language: it counts with the words of a question in any of them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "EMCDDA Kontaktstelle|eu_focal_point",
        "witwassen CTIF|money_laundering_investigation",
        "Geldwäsche CFI|money_laundering_investigation",
        "onderzoeksprogramma drugs BELSPO|drug_research_programme",
    })
    void anAcronymCountsInEveryLanguage(String question, String subject) throws Exception {
        Decision d = decision(question);
        assertEquals(subject, d.subject());
        assertEquals(List.of(), d.match().ignoredWords(), () -> question);
    }

    /** 2. The setting the question names is evidence for the entry that belongs to it. */
    @Test
    void theSettingFoundNamesTheEntryThatBelongsToIt() throws Exception {
        Decision d = decision("drug treatment for inmates");
        assertEquals("prison_drug_programme", d.subject());
        assertEquals("federal", d.leadLevel());
        assertEquals("nightlife_risk_reduction", decision("pill testing at a festival").subject());
    }

    /**
     * An offence category's everyday name ("trade", "productie", "Handel") beside a word nothing explains,
     * in a question that speaks of no drugs, names nothing; with drugs, a year or every word explained it does.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "who organises the trade exhibition in Kortrijk?|",
        "productie van een theaterstuk in Gent|",
        "Wer organisiert die Handelsmesse in Eupen?|",
        "who handles cocaine trade in Antwerp?|trade",
        "wie is bevoegd voor drugshandel?|trade",
    })
    void anOffencesEverydayNameAloneNamesNothing(String question, String subject) throws Exception {
        Answer a = ask(question);
        assertEquals(subject, a.decision() == null ? null : a.decision().subject(), () -> question + ": " + a.json());
    }

    /** A setting named with nothing of any entry ("parking in the park") is refused, naming the setting it found. */
    @Test
    void aSettingAloneIsRefused() throws Exception {
        Answer a = ask("where can I park my car near the park in Ghent?");
        assertFalse(a.answered(), () -> String.valueOf(a.json()));
        assertEquals("street", a.refusal().settingFromQuestion());
    }

    /**
     * 5. The people who ask name themselves and their office ("as an alderman", "ik ben wijkagent",
     * "échevine", "Polizistin"): like "mayor" and "police", they ask who, never count against the answer;
     * a park is the street, a webshop is online, an info stand at a festival is risk information, someone
     * growing cannabis ("kweekt wiet", "pousser du cannabis", "baut Hanf an", a grow tent) a plantation.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "As an alderman in Hasselt, I wonder who should deal with syringe exchange.|needle_exchange",
        "Ik ben wijkagent in Aalst: wie pakt de dealers in het park aan?|street_dealing_enforcement",
        "Je suis échevine à Namur. Qui gère l'échange de seringues chez nous ?|needle_exchange",
        "Als Polizistin in Eupen frage ich mich, wer sich um den Spritzentausch kümmern soll.|needle_exchange",
        "Wer kümmert sich um Dealer im Stadtpark von Eupen?|street_dealing_enforcement",
        "wie pakt webshops aan die drugs verkopen?|darknet_investigation",
        "qui s'attaque aux boutiques en ligne qui vendent de la drogue ?|darknet_investigation",
        "wie staat achter de infostand over drugs op een fuif in Leuven?|nightlife_risk_reduction",
        "Qui organise le stand de prévention au festival de Dour ?|nightlife_risk_reduction",
        "My flatmate in Leuven grows weed in a grow tent in his room. Who would act on that?|cannabis_plantation_dismantling",
        "De buren in Hasselt kweken cannabis in hun garage, wie moet daar iets aan doen?|cannabis_plantation_dismantling",
        "Un voisin à Seraing fait pousser du cannabis dans sa cave, une centaine de plants. Qui intervient ?|cannabis_plantation_dismantling",
        "In Kelmis baut jemand in der Scheune Hanf an. Wer ist zuständig?|cannabis_plantation_dismantling",
    })
    void officesOfThoseWhoAskAndEverydayPlacesAreRead(String question, String subject) throws Exception {
        assertEquals(subject, decision(question).subject(), question);
    }

    /** 3. A real word of one of the four languages is not a typo; a word no language knows still is. */
    @Test
    void realWordsAreNotCorrected() throws Exception {
        Decision medical = decision("cannabis medical");
        assertEquals("medical_cannabis", medical.subject());
        assertTrue(medical.match().corrections().isEmpty());
        Decision typo = decision("syringe exchnage");
        assertEquals("needle_exchange", typo.subject());
        assertFalse(typo.match().corrections().isEmpty());
    }

    /** 4. A proper name counts only whole: a generic word that is part of one names nothing. */
    @Test
    void aProperNameMatchesOnlyWhole() throws Exception {
        assertEquals("drug_alcohol_helpline", decision("Infor-Drogues").subject());
        for (String bare : List.of("drogues", "la drogue", "Drogen", "drugs")) {
            assertFalse(ask(bare).answered(), bare);
        }
    }

    /** 6. Figures, trends and the law are answered from what the tool holds, not refused. */
    @Test
    void figuresTrendsAndTheLawAreAnswered() throws Exception {
        FigureAnswer trade = assertInstanceOf(FigureAnswer.class, ask("how many trade offences were there in 2016").fact());
        assertEquals("Trade", trade.series());
        assertEquals(8010L, trade.figures().get(0).value());
        FigureAnswer use = assertInstanceOf(FigureAnswer.class, ask("combien d'infractions d'usage en 2014").fact());
        assertEquals(1362L, use.figures().get(0).value());
        FigureAnswer total = assertInstanceOf(FigureAnswer.class, ask("Wie viele Drogendelikte insgesamt 2016").fact());
        assertEquals("TOTAL", total.series());
        assertEquals(54833L, total.figures().get(0).value());
        TrendAnswer imports = assertInstanceOf(TrendAnswer.class, ask("did import and export offences fall?").fact());
        assertEquals("falling", imports.direction());
        TrendAnswer production = assertInstanceOf(TrendAnswer.class, ask("is drugsproductie aan het stijgen?").fact());
        assertTrue(production.flags().contains("PROFILE_TREND"), production.flags()::toString);
        assertEquals("not borne out", production.claims().get(0).verdict());
        // Trend verbs in the past and their stronger synonyms ask for a trend, not for the figures.
        for (String trend : List.of("daalde het aantal bezitsfeiten tussen 2014 en 2016?",
                "stiegen die Handelsdelikte zwischen 2014 und 2017?", "did trade offences surge after 2015?",
                "les infractions de production ont-elles chuté ?",
                // Moving about asks how it changed too.
                "Les infractions de trafic ont-elles beaucoup bougé entre 2015 et 2017 ?",
                "Did possession offences fluctuate between 2014 and 2017?",
                "Is het aantal handelsfeiten geschommeld sinds 2014?")) {
            assertInstanceOf(TrendAnswer.class, ask(trend).fact(), trend);
        }
        LegalAnswer possession = assertInstanceOf(LegalAnswer.class, ask("est-ce que la possession de cannabis est légale ?").fact());
        assertEquals("Nevertheless, possession and use of drugs are prohibited.", possession.source());
        LegalAnswer driving = assertInstanceOf(LegalAnswer.class, ask("is drug driving punishable?").fact());
        assertTrue(driving.flags().contains("NOT_IN_PROFILE"));
    }

    /**
     * 5. A Dutch or German separable verb split around its clause ("nehmen ... zu", "nemen ... toe",
     * "gehen ... zurück") asks for a trend, as the whole verb does; so does a comparative against the
     * year counted from ("sinds 2016 minder", "seit 2015 mehr"). "Drogen nehmen" asks no trend.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Nehmen die Handelsdelikte zu?|Trade",
        "Gehen die Besitzdelikte seit 2015 zurück?|Possession",
        "Nemen de bezitsfeiten toe?|Possession",
        "Waren er sinds 2016 minder feiten van invoer en uitvoer?|Import and export",
        "Gab es seit 2015 mehr Drogendelikte insgesamt?|TOTAL",
        // In the past, and with the years after the particle.
        "Namen de productiefeiten af tussen 2014 en 2017?|Production",
        "Nahmen die Besitzdelikte zu von 2015 bis 2017?|Possession",
    })
    void aSplitVerbOrAComparativeSinceAYearAsksATrend(String question, String series) throws Exception {
        TrendAnswer trend = assertInstanceOf(TrendAnswer.class, ask(question).fact(), question);
        assertEquals(series, trend.series());
    }

    @Test
    void takingDrugsAsksNoTrend() throws Exception {
        assertNull(ask("Wer hilft Jugendlichen in Eupen, die Drogen nehmen?").fact());
    }

    /**
     * 6. "Can I", "mag ik", "darf man", "on peut" ask whether it is allowed, where a question begins and
     * within it; "where can I buy" (where, how, what or which before it in its clause) asks where, and is
     * not a question about the law.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "can we smoke cannabis at a festival in Ghent?|true",
        "Darf man in Belgien Heroin besitzen?|true",
        "Sorry, may I carry some cannabis on me?|true",
        "where can I buy cannabis in Liège?|false",
        "how can we get cannabis for a sick relative?|false",
        // Also within a sentence, without inversion, unless it asks where, how or what.
        "on peut fumer un joint dans un parc à Liège ?|true",
        "est-ce que l'on peut cultiver du cannabis chez soi ?|true",
        "kun je thuis cannabis kweken zonder problemen?|true",
        "In Belgien, kann man Cannabis anbauen?|true",
        "Can anyone grow cannabis at home in Belgium?|true",
        "Is it allowed to sell alcohol to a 15-year-old in Belgium?|true",
        "comment peut-on obtenir du cannabis médical ?|false",
        "Waar kan ik terecht met vragen over cannabis?|false",
    })
    void aQuestionThatOpensWithCanIAsksForTheLaw(String question, boolean legal) throws Exception {
        assertAsksTheLaw(question, legal);
    }

    private void assertAsksTheLaw(String question, boolean legal) throws Exception {
        Answer a = ask(question);
        assertEquals(legal, a.fact() instanceof LegalAnswer, () -> question + ": " + a.json());
    }

    /**
     * 6. Two years set against each other ("vs", "tegenover", "par rapport à", "im Vergleich zu") or
     * a word for a tendency ask for a trend between them, not for the figures; a year with a trend
     * verb ("fell in 2016") is the change into that year, "since 2015" the change from it.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "total drug offences 2015 compared to 2016|TOTAL|2015|2016",
        "bezitsfeiten 2016 tegenover 2017|Possession|2016|2017",
        "infractions de trafic 2014 par rapport à 2016|Trade|2014|2016",
        "Handelsdelikte 2015 im Vergleich zu 2017|Trade|2015|2017",
        "tendens van de drugsdelicten|TOTAL|2014|2017",
        "Tendenz der Besitzdelikte seit 2015|Possession|2015|2017",
        "did possession offences rise in 2016?|Possession|2015|2016",
        "Ist die Zahl der Handelsdelikte 2017 gestiegen?|Trade|2016|2017",
        "les infractions d'usage ont-elles augmenté à partir de 2015 ?|Use|2015|2017",
        "is het aantal drugsdelicten gestegen sinds 2015?|TOTAL|2015|2017",
        // German names the production row with its bare word, as the other languages do.
        "Ist die Produktion von Drogen gestiegen?|Production|2014|2017",
        // A year against the one before it ("than the year before", "im Vergleich zum Vorjahr").
        "Were there more possession offences in 2016 than the year before?|Possession|2015|2016",
        "Waren er in 2017 meer handelsfeiten dan het jaar ervoor?|Trade|2016|2017",
        "Y a-t-il eu plus d'infractions de production en 2015 que l'année précédente ?|Production|2014|2015",
        "Wie viele Besitzdelikte gab es 2016 im Vergleich zum Vorjahr?|Possession|2015|2016",
    })
    void yearsSetAgainstEachOtherAskForATrend(String question, String row, int from, int to) throws Exception {
        TrendAnswer t = assertInstanceOf(TrendAnswer.class, ask(question).fact(), question);
        assertEquals(row, t.series(), question);
        assertEquals(from, t.from(), question);
        assertEquals(to, t.to(), question);
    }

    @Test
    void yearsWithoutAComparisonAreFigures() throws Exception {
        assertInstanceOf(FigureAnswer.class, ask("drugsdelicten 2014 en 2015").fact());
    }

    /**
     * 1. Words of funding (subsidies, grants, Zuschüsse, subventions) ask who pays; the asker's own
     * people and trade (my son, mijn dochter, mon fils, mein Sohn, journaliste, Sozialarbeiterin),
     * "via" and a number that is an age name nothing: a chatty question with one clear subject is answered.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Wer vergibt Zuschüsse für die Suchtprävention?|drug_prevention",
        "who gives grants for needle exchanges?|needle_exchange",
        "qui accorde les subventions pour l'échange de seringues ?|needle_exchange",
        "welke overheid verleent subsidies voor spuitenruil?|needle_exchange",
        "My daughter is 17 and I am worried. Who runs early intervention programmes in Ghent?|early_intervention",
        "Mijn dochter van 16 wil stoppen met gokken. Wie organiseert de hulp bij gokproblemen?|gambling_helpline",
        "Mon fils a 17 ans et boit trop. Qui s'occupe de l'intervention précoce à Namur ?|early_intervention",
        "Mein Sohn ist 16. Wer ist für die Frühintervention in Eupen zuständig?|early_intervention",
        "drugs verkopen via sociale media, wie treedt op?|darknet_investigation",
        // Former users are the people a question is about; the social welfare centre (OCMW, CPAS,
        // ÖSHZ) is a body the answer chooses between; the asker's trade names nothing.
        "Who funds aftercare for former addicts in Namur?|social_reintegration",
        "qui s'occupe de la réinsertion des anciens usagers à Liège ?|social_reintegration",
        "Wer ist für die Wiedereingliederung ehemaliger Drogenkonsumenten in Eupen zuständig?|social_reintegration",
        "het OCMW van Gent en de re-integratie van voormalige druggebruikers: wie is bevoegd?|social_reintegration",
        "As a student I'd like to know who runs the needle exchange in Leuven|needle_exchange",
        "Je suis journaliste : qui gère la salle de consommation à Liège ?|drug_consumption_room",
        "Ich bin Sozialarbeiterin in Verviers: wer betreibt den Spritzentausch?|needle_exchange",
        "Welche Ebene legt die Regeln für den Spritzentausch fest?|needle_exchange",
    })
    void fundingWordsAndTheAskersPeopleAreNotTheSubject(String question, String subject) throws Exception {
        assertEquals(subject, decision(question).subject());
    }

    /**
     * German and Dutch plurals the stemmers leave: a compound the vocabulary knows names its parts'
     * substance too ("synthetische Drogenlabore" are labs of synthetic drugs), and a Latin plural is
     * its singular ("verblijfscentra", "Unterkunftszentren"), read as the word itself, not as a typo.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Wer bekämpft synthetische Drogenlabore in Limburg?|drug_lab_dismantling",
        "synthetische drugslabs in de Kempen|drug_lab_dismantling",
        "opvang- en verblijfscentra voor druggebruikers|reception_accommodation_centre",
        "Wer finanziert Unterkunftszentren für obdachlose Drogenkonsumenten?|reception_accommodation_centre",
    })
    void pluralsOfCompoundsAreRead(String question, String subject) throws Exception {
        Decision d = decision(question);
        assertEquals(subject, d.subject());
        assertTrue(d.match().corrections().isEmpty(), d.match().corrections()::toString);
    }

    /** A year asked beside one of the table's is noted; the profile's own year names the source. */
    @Test
    void aYearOutsideTheTableIsSaid() throws Exception {
        FigureAnswer f = assertInstanceOf(FigureAnswer.class, ask("how many possession offences in 2016 and 2020?").fact());
        assertEquals(List.of(2016), f.figures().stream().map(FactAnswers.Figure::year).toList());
        assertTrue(f.notes().get(0).contains("2020"), f.notes()::toString);
        assertInstanceOf(TrendAnswer.class, ask("according to the 2018 profile, is drug trade rising?").fact());
    }

    /** Asked only of years the table does not hold, a figure is refused, saying which years it holds. */
    @ParameterizedTest
    @ValueSource(strings = {
        "how many drug possession offences were there in 2021?",
        "aantal drugsfeiten in 2012",
        "Combien d'infractions de trafic en 2020 ?",
        "Ist die Zahl der Drogendelikte seit 2019 gestiegen?",
    })
    void aFigureOnlyOfYearsOutsideTheTableIsRefused(String question) throws Exception {
        Answer a = ask(question);
        assertFalse(a.answered(), () -> String.valueOf(a.json()));
        assertEquals("figure_of_year", a.refusal().code());
        assertTrue(a.refusal().message().contains("2014–2017"), a.refusal().message());
    }

    /** A figure the table does not count (seizures, deaths), asked without asking who, is refused as one it does not hold. */
    @ParameterizedTest
    @ValueSource(strings = {
        "how many kilos of heroin did customs seize at Zaventem?",
        "combien de saisies de cannabis à Liège ?",
    })
    void aFigureTheTableDoesNotCountIsRefused(String question) throws Exception {
        Answer a = ask(question);
        assertFalse(a.answered(), () -> String.valueOf(a.json()));
        assertEquals("figure_not_held", a.refusal().code());
    }

    /** 7. Lower-case places, unless a common word of the question's language; the country is the scope. */
    @Test
    void lowerCasePlacesAndTheCountry() throws Exception {
        assertEquals("Kortrijk", decision("spuitenruil in kortrijk").place().name());
        assertEquals("Charleroi", decision("salle de consommation charleroi").place().name());
        Decision belgium = decision("needle exchange in Belgium");
        assertNull(belgium.place());
        assertTrue(belgium.match().notes().isEmpty(), belgium.match().notes()::toString);
        assertEquals("Antwerp", decision("spuitenruil antwerpn").place().name());
        // An asking word capitalised at the start of a sentence is no village of that name ("My").
        assertEquals("Leuven", decision("My flatmate in Leuven grows weed in a grow tent. Who acts on that?").place().name());
        assertNull(decision("My brother runs a needle exchange, who funds it?").place());
        // An asking word is read in the languages that list it: English "have" is no Dutch "haven" (port).
        assertNull(decision("We have a needle exchange in Namur: who funds it?").match().settingFromQuestion());
        assertEquals("My", decision("needle exchange in My").place().name());
        // Nor is a trend verb's part: "Namen … af" (fell) is no visit to Namur, whose Dutch name it is.
        assertInstanceOf(TrendAnswer.class, ask("Namen de productiefeiten af tussen 2014 en 2017?").fact());
        assertEquals("Namur", decision("Namen heeft een spuitenruil, wie betaalt die?").place().name());
    }

    /** 8. German questions, and the German-speaking Community for the places where it acts. */
    @Test
    void germanQuestions() throws Exception {
        Decision d = decision("Suchtvorbeugung in Schulen in Sankt Vith");
        assertEquals("primary", d.tier());
        assertTrue(d.levels().stream().anyMatch(l -> String.valueOf(l.entity()).contains("German")), d.levels()::toString);
        assertEquals("darknet_investigation", decision("Drogenhandel im Darknet").subject());
    }

    /** Words nothing in the vocabulary reads, beside one an entry holds, and no word for drugs: refused. */
    @ParameterizedTest
    @ValueSource(strings = {"ticket prices for the Antwerp zoo", "when does the car trade fair in Brussels open?",
        "openingsuren van het zwembad in Hasselt", "horaires de la piscine communale de Namur", "Fahrplan Bus Eupen Aachen"})
    void aQuestionOnSomethingElseIsRefused(String question) throws Exception {
        Answer a = ask(question);
        assertFalse(a.answered(), () -> question + ": " + a.json());
    }

    /**
     * 6. The table counts the whole country: a figure asked of a place is refused, but a place of the story
     * around the question (an earlier sentence, or beside Belgium named) is answered, with a note.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "How many trade offences were there in Antwerp in 2016?|false",
        "Wie viele Handelsdelikte gab es 2017 in St. Vith?|false",
        "Ik woon in Gent. Hoeveel bezitsfeiten waren er in 2016?|true",
        "I work for the city of Namur. Did possession offences go up between 2014 and 2017?|true",
        "Pour un exposé à Liège : combien d'infractions de trafic en Belgique en 2015 ?|true",
        "I study in Ghent and write on police enforcement. How many trade offences were there in 2016?|true",
    })
    void aPlaceOfTheStoryIsNotTheTables(String question, boolean answered) throws Exception {
        Answer a = ask(question);
        assertEquals(answered, a.answered(), () -> question + ": " + a.json());
        if (answered) {
            List<String> notes = a.fact() instanceof FigureAnswer f ? f.noteEntries().stream().map(Decision.NoteEntry::code).toList()
                    : ((TrendAnswer) a.fact()).noteEntries().stream().map(Decision.NoteEntry::code).toList();
            assertTrue(notes.contains("whole_country"), () -> question + ": " + notes);
        } else {
            assertEquals("figure_of_place", a.refusal().code());
        }
    }

    /** 6. A story with a place and a rising number, then a question asking who, asks who. */
    @Test
    void aStoryThenWhoAsksWho() throws Exception {
        assertEquals("street_dealing_enforcement",
                decision("Street dealing is exploding near the station in Liège. Who should step in?").subject());
    }

    /** The profile is Belgium's: a question set in another country, or a figure of one, is refused and says why. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "drugspreventie in Frankrijk|Frankrijk",
        "Wie viele Drogendelikte gab es 2016 in den Niederlanden?|Niederlanden",
        "who runs needle exchanges in Germany?|Germany",
        "nombre d'infractions de détention en Espagne en 2015|Espagne",
        "est-ce que le cannabis est légal aux Pays-Bas ?|Pays-Bas",
        "Comment la Suisse organise-t-elle ses salles de consommation ?|Suisse",
        "Wie financiert de drugpreventie van Frankrijk?|Frankrijk",
        "What does Canada do about cannabis shops?|Canada",
        "Wie bekämpft Spanien den Haschischschmuggel?|Spanien",
        // A city abroad whose name is also a word ("paris sportifs") is abroad after "in", "à".
        "Qui finance les salles de shoot à Paris ?|about Paris:",
        "who funds the consumption rooms in Paris?|about Paris:",
    })
    void aQuestionAboutAnotherCountryIsRefused(String question, String country) throws Exception {
        Answer a = ask(question);
        assertFalse(a.answered(), () -> question + ": " + a.json());
        assertEquals("other_country", a.refusal().code());
        assertTrue(a.refusal().message().contains(country), a.refusal().message());
    }

    /** A question asking a service's opening hours, an appointment or a price, and not who, is refused and says why. */
    @ParameterizedTest
    @ValueSource(strings = {
        "what are the opening hours of the drug counselling centre in Namur",
        "telefoonnummer van de drugslijn",
        "quels sont les horaires de la salle de consommation à Liège ?",
        "Wie lange ist die Warteliste für eine Entzugsbehandlung in Eupen?",
        "prijs van een consultatie bij het CGG in Gent",
        "Quand ouvre la salle de consommation de Bruxelles ?",
        "wann hat die Drogenberatung in Eupen offen?",
    })
    void aQuestionForAServicesPracticalDetailsIsRefused(String question) throws Exception {
        Answer a = ask(question);
        assertFalse(a.answered(), () -> question + ": " + a.json());
        assertEquals("practical", a.refusal().code());
    }

    @Test
    void whoDecidesAPracticalMatterIsStillAResponsibilityQuestion() throws Exception {
        assertEquals("drug_consumption_room", decision("who decides the opening hours of the drug consumption room in Liège?").subject());
        assertInstanceOf(TrendAnswer.class, ask("when did possession offences rise?").fact(), "when, of the table, asks a trend");
    }

    /**
     * Spellings of the field: the Dutch plural with an apostrophe ("labo's"), "y" typed for the Dutch
     * "ij", a compound in a Latin plural ("-centra"), German "Aufklärung" for drug education; an asking
     * word misspelt into another word's stem ("verantwoordlijk" is no "verantwoord drinken").
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "amfetaminelabo's in Limburg, wie is bevoegd?|drug_lab_dismantling",
        "methlabo's opgerold: wie is bevoegd?|drug_lab_dismantling",
        "wie is verantwoordelyk voor spuitenruil in Gent?|needle_exchange",
        "wie is verantwoordelyk voor de drugslijn?|drug_alcohol_helpline",
        "Wie is verantwoordlijk voor vroeginterventie bij tieners die pas beginnen met blowen?|early_intervention",
        "wie is verantwoordlijk voor vroegdetectie bij jongeren die beginnen met xtc?|early_intervention",
        "wie financiert de behandelcentra voor verslaving in Gent?|outpatient_treatment",
        "Drogenaufklärung für Jugendliche in Eupen, wer ist zuständig?|drug_prevention",
        "Sensibilisierung zu Drogen, wer bezahlt das?|prevention_campaign",
    })
    void theFieldsSpellingsAreRead(String question, String subject) throws Exception {
        assertEquals(subject, decision(question).subject());
    }

    /** Asked whether something done with drugs in general is legal, the law on drugs in general answers. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Is het strafbaar om drugs via de post te laten opsturen?",
        "Est-il illégal de se faire livrer de la drogue par la poste ?",
    })
    void theLawOnDrugsInGeneralAnswersALegalQuestionOfDrugsInGeneral(String question) throws Exception {
        assertInstanceOf(LegalAnswer.class, ask(question).fact(), question);
    }

    /**
     * What one risks if caught asks the law: a consequence ("fine", "boete", "amende", "Strafe", "what
     * happens if") is a legal word, and the police named in the clause that supposes ("if the police
     * find me") is part of the story, not a body asked about; "who" asked outside it still asks who.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "What's the penalty for having a few ecstasy pills on you?|true",
        "My brother got caught with some speed at a party. Will he have a criminal record?|true",
        "Wat riskeert mijn zoon als de politie hem met een beetje hasj vindt?|true",
        "Krijg je een boete voor een joint op straat?|true",
        "Est-ce qu'on reçoit une amende pour un peu d'herbe ?|true",
        "Qu'arrive-t-il si la police trouve de l'héroïne sur moi ?|true",
        "Welche Strafe gibt es für den Besitz von Kokain?|true",
        "Was passiert, wenn die Polizei bei einem Jugendlichen Cannabis findet?|true",
        "I was stopped in Leuven with some hash in my pocket, what happens to me now?|true",
        "Ma copine s'est fait choper avec de l'ecstasy, qu'est-ce qu'elle risque ?|true",
        // Another country beside Belgium is compared, not asked about; alone, or a city of it, it is.
        "Is cannabis legal in Belgium? In the Netherlands you can buy it.|true",
        "Ist Kiffen in Belgien erlaubt, wie jetzt in Deutschland?|true",
        "Who fines shops that sell alcohol to minors?|false",
        "If the police find a cannabis plantation, who investigates?|false",
    })
    void whatOneRisksIfCaughtAsksTheLaw(String question, boolean legal) throws Exception {
        assertAsksTheLaw(question, legal);
    }

    /** A legal question about another country's law, or a city of it, is refused, wherever the country is named. */
    @ParameterizedTest
    @ValueSource(strings = {
        "que dit la loi du Portugal sur la dépénalisation des drogues ?",
        "Can I smoke a joint legally in a coffeeshop in Amsterdam?",
        "Mag je in Maastricht wiet kopen als toerist?",
    })
    void anotherCountrysLawIsNotBelgiums(String question) throws Exception {
        Answer a = ask(question);
        assertFalse(a.answered(), () -> String.valueOf(a.json()));
        assertEquals("other_country", a.refusal().code());
    }

    /** "drugsfeiten" is the table's offences, of the row a word names ("rond bezit"), never the Other row by itself. */
    @Test
    void drugsfeitenOfACategoryAreThatCategorysRow() throws Exception {
        FigureAnswer f = assertInstanceOf(FigureAnswer.class, ask("hoeveel drugsfeiten rond bezit in 2016?").fact());
        assertEquals("Possession", f.series());
        assertInstanceOf(TrendAnswer.class, ask("how did trade offences develop over the years?").fact());
    }

    /** A country the question only comes from or crosses to is not where it is set. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "heroin smuggled from Morocco|import_export",
        "cocaïne importée de Colombie par le port d'Anvers|import_export",
        "Drogenschmuggel aus den Niederlanden über die Grenze nach Antwerpen|import_export",
    })
    void aCountryDrugsComeFromIsNoOtherCountryQuestion(String question, String subject) throws Exception {
        assertEquals(subject, decision(question).subject());
    }

    /**
     * Harm reduction named as a field (its rules, its money), not one service, is the field's own
     * entry: tertiary, its rules and subsidies the federated entities'; a setting still names the
     * service that belongs to it.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "which government writes the regulations on harm reduction for people who inject?|harm_reduction|rules|regional",
        "wie subsidieert schadebeperking voor drugsgebruikers in Antwerpen?|harm_reduction|funding|regional",
        "qui établit la réglementation de la réduction des risques à Bruxelles ?|harm_reduction|rules|regional",
        "Wer bezahlt die Schadensminderung für Drogenkonsumenten in Lüttich?|harm_reduction|funding|regional",
    })
    void harmReductionAsAFieldIsRuledAndPaidRegionally(String question, String subject, String asked, String level)
            throws Exception {
        Decision d = decision(question);
        assertEquals(subject, d.subject());
        assertEquals("tertiary", d.tier());
        assertEquals(asked, d.match().asked().what());
        assertEquals(List.of(level), d.match().asked().levels());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Schadensminderung auf einem Festival in Hasselt|nightlife_risk_reduction",
        "risk reduction at a techno party|nightlife_risk_reduction",
        "réduction des risques: échange de seringues à Namur|needle_exchange",
    })
    void aServiceOfHarmReductionIsStillItself(String question, String subject) throws Exception {
        assertEquals(subject, decision(question).subject());
    }

    /**
     * Dealing at a public place (a station, a square) is street dealing; verbs that say someone must
     * act ("ingrijpen", "eingreifen", "intervenir") ask, they do not name early intervention.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "people are dealing drugs at the bus station in Leuven, who has to intervene?|street_dealing_enforcement",
        "er wordt gedeald op het plein aan het station van Kortrijk, wie moet ingrijpen?|street_dealing_enforcement",
        "deal de drogue devant la gare de Namur, qui doit intervenir ?|street_dealing_enforcement",
        "auf dem Marktplatz in Malmedy wird mit Drogen gedealt, wer muss eingreifen?|street_dealing_enforcement",
    })
    void dealingAtAPublicPlaceIsStreetDealing(String question, String subject) throws Exception {
        Decision d = decision(question);
        assertEquals(subject, d.subject());
        assertEquals("supply_reduction", d.axis());
    }

    /** Smuggling across a land border is the import and export of drugs. */
    @ParameterizedTest
    @ValueSource(strings = {
        "cross-border smuggling of cannabis near Maastricht, which authority is in charge?",
        "grenssmokkel van drugs bij Hamont-Achel, wie controleert dat?",
        "trafic transfrontalier de cocaïne près de Tournai, qui s'en occupe ?",
        "grenzüberschreitender Drogenhandel bei Raeren, wer ist zuständig?",
    })
    void smugglingAcrossTheBorderIsImportAndExport(String question) throws Exception {
        assertEquals("import_export", decision(question).subject());
    }

    /** Selling alcohol to minors serves the demand-reduction objectives; federal law leads it. */
    @Test
    void theAlcoholSalesBanIsPrimaryPreventionWithAFederalLead() throws Exception {
        Decision d = decision("who makes sure supermarkets in Wavre do not sell beer to 15-year-olds?");
        assertEquals("alcohol_sales_to_minors", d.subject());
        assertEquals("demand_reduction", d.axis());
        assertEquals("primary", d.tier());
        assertEquals("federal", d.leadLevel());
    }

    /**
     * A word of the question's language its stemmer leaves inflected is read in that language, though
     * another language knows it: Dutch "campagnes" is a French word too.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "wie betaalt de campagnes tegen drugs?|prevention_campaign",
        "wie organiseert de campagnes tegen alcohol bij jongeren?|alcohol_prevention",
    })
    void anInflectionOfTheQuestionsLanguageIsReadInIt(String question, String subject) throws Exception {
        Decision d = decision(question);
        assertEquals(subject, d.subject());
        assertEquals("nl", d.match().language());
    }

    /** What people call smoking cannabis names the substance: "blowt", "kifft", "skunk". */
    @ParameterizedTest
    @ValueSource(strings = {
        "mijn dochter blowt elke dag, wie doet aan vroeginterventie?",
        "who pays for the skunk plantation raids?",
        "Mein Sohn kifft seit Monaten, wer hilft früh?",
    })
    void cannabisSlangNamesTheSubstance(String question) throws Exception {
        Answer a = ask(question);
        List<String> substances = a.answered() ? a.decision().match().substancesFromQuestion()
                : a.refusal().substancesFromQuestion();
        assertEquals(List.of("cannabis"), substances, question);
    }

    /** A country drugs come from or cross into, or beyond a border, is not the question's subject: Belgium's is. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cocaine smuggled from Colombia, who investigates?|import_export",
        "Drogenlabore an der Grenze zu Deutschland, wer ermittelt?|drug_lab_dismantling",
        "Wer kontrolliert Postpakete mit Drogen aus dem Ausland?|airport_drug_controls",
    })
    void aCountryDrugsComeFromIsNotTheSubject(String question, String subject) throws Exception {
        assertEquals(subject, decision(question).subject());
    }

    /**
     * "who" asks, also contracted ("who's"): it names nothing, though a term holds it as a relative
     * pronoun ("outreach to people who use drugs"); a question about something else is not answered by it.
     */
    @Test
    void whoNamesNoEntry() throws Exception {
        assertFalse(ask("Who's in charge of the streetlights on my street in Namur?").answered());
        assertFalse(ask("who fixes broken benches in the park in Hasselt?").answered());
        assertEquals("street_outreach", decision("outreach to people who use drugs in Gent").subject());
        Decision d = decision("who's responsible for needle exchange in Liège?");
        assertEquals("needle_exchange", d.subject());
        assertFalse(d.match().matchedWords().contains("who's"), () -> d.match().matchedWords().toString());
    }

    /** 6. "What does she risk?" asks the law, like "what do I risk", in every person. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Our daughter had three ecstasy pills on her at a festival in Boom. What does she risk?|true",
        "The police found some speed in their car. What do they risk?|true",
        "Who takes the risk of a needle exchange in Antwerp?|false",
    })
    void whatSomeoneRisksAsksTheLaw(String question, boolean legal) throws Exception {
        assertAsksTheLaw(question, legal);
    }

    /** 6. How a figure went over the years asks its trend: "verliep", "au fil des ans", "Jahr für Jahr", "over time". */
    @ParameterizedTest
    @ValueSource(strings = {
        "How did possession offences develop over time?",
        "Hoe verliepen de productiefeiten tussen 2014 en 2017?",
        "Les infractions de détention, d'année en année ?",
        "Wie verliefen die Handelsdelikte in diesen Jahren?",
        "How have the possession numbers moved since 2014?",
    })
    void howAFigureWentAsksItsTrend(String question) throws Exception {
        assertInstanceOf(TrendAnswer.class, ask(question).fact(), question);
    }

    /** Selling on the darknet, or receiving its parcels, is the darknet market. */
    @ParameterizedTest
    @ValueSource(strings = {
        "a guy in my class is selling pills on the darknet, who investigates that?",
        "Onze postbode brengt steeds pakjes van het darkweb naar dat huis in Mol. Wie zoekt dat uit?",
        "Mon colocataire reçoit des colis du darknet, qui s'en occupe ?",
    })
    void sellingOrReceivingParcelsOnTheDarknetIsTheDarknetMarket(String question) throws Exception {
        assertEquals("darknet_investigation", decision(question).subject());
    }

    /** Everyday words for the governments meeting or agreeing on drugs ask for the coordination of drug policy. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Is there a place where the ministers of all governments sit together on drugs?",
        "Qui s'assure que le fédéral et les Régions sont sur la même longueur d'onde en matière de drogues ?",
        "Welke instantie brengt alle regeringen rond de tafel voor het drugsbeleid?",
        "Wer sorgt dafür, dass Bund und Gemeinschaften in der Drogenpolitik an einem Strang ziehen?",
    })
    void governmentsMeetingOnDrugsAskForCoordination(String question) throws Exception {
        assertEquals("coordination", decision(question).axis(), question);
    }

    /** 6. Whether he, she or they may do something asks the law ("mag hij", "elle peut", "darf er"). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Mijn zoon is 17. Mag hij al bier drinken op café?|true",
        "Mon fils a 15 ans, il peut acheter de la bière au supermarché ?|true",
        "Meine Tochter ist 17, darf sie im Club Wodka trinken?|true",
    })
    void whetherSomeoneMayAsksTheLaw(String question, boolean legal) throws Exception {
        assertAsksTheLaw(question, legal);
    }

    /**
     * A Dutch or German separable verb split around its clause is read whole where the vocabulary knows
     * the verb ("stemt ... af" is afstemmen, "hebt ... aus" ausheben), also before the phrases that end a
     * Dutch clause; a preposition before an article makes no verb ("op een zolder").
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Welke instantie stemt het drugsbeleid van alle overheden af?|drug_policy_coordination|stemt",
        "Wie stemt het drugbeleid af tussen Vlaanderen en de federale staat?|drug_policy_coordination|af",
        "Wer stimmt die Drogenpolitik von Bund und Gemeinschaften ab?|drug_policy_coordination|stimmt",
        "Wer hebt in Kelmis ein Drogenlabor aus?|drug_lab_dismantling|hebt",
        "Mijn buurman kweekt wiet op een zolder in Genk, wie treedt op?|cannabis_plantation_dismantling|kweekt",
    })
    void aSeparableVerbIsReadWhole(String question, String subject, String verbWord) throws Exception {
        Decision d = decision(question);
        assertEquals(subject, d.subject(), question);
        assertTrue(d.match().matchedWords().contains(verbWord), () -> d.match().matchedWords().toString());
        assertFalse(d.match().matchedWords().contains("een"), () -> d.match().matchedWords().toString());
    }

    /**
     * 5. Everyday words for an entry name it: a parent's "early help" (vroege hulp, aider tôt, früh
     * helfen) is early intervention; harm reduction "in drug use" is harm reduction, not the use offence;
     * campaigns against alcohol abuse and delaying the first drink (the profile's "delay first use") are
     * alcohol prevention; a homeless user sleeping rough needs the reception and accommodation centre;
     * checks at the border are the import and export of drugs; festival-goers are the public of the
     * risk information at parties; a German "Sozial-Gesundheitshaus" is the social-health house.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Our daughter has started vaping weed. Where can she get early help, and who pays for that?|early_intervention",
        "Mijn dochter rookt sinds kort wiet. Wie biedt vroege hulp?|early_intervention",
        "Mon fils fume des joints depuis peu, qui peut l'aider tôt ?|early_intervention",
        "Meine Tochter kifft seit kurzem, wer kann früh helfen?|early_intervention",
        "Who sets the rules on harm reduction in drug use in Wallonia?|harm_reduction",
        "Wie bepaalt het beleid rond schadebeperking bij drugsgebruik in Antwerpen?|harm_reduction",
        "Qui fixe le cadre de la réduction des risques liés à l'usage de drogues à Bruxelles ?|harm_reduction",
        "Wer ist in Eupen für Schadensminderung bei Drogenkonsum zuständig?|harm_reduction",
        "Who pays for the alcohol campaign aimed at students in Leuven?|alcohol_prevention",
        "Wie organiseert een campagne tegen alcoholmisbruik bij studenten in Gent?|alcohol_prevention",
        "Qui finance la campagne contre l'abus d'alcool chez les étudiants à Liège ?|alcohol_prevention",
        "Wer bezahlt die Alkoholkampagne für Schüler in Eupen?|alcohol_prevention",
        "How do we delay the first drink of our teenagers, who is responsible?|alcohol_prevention",
        "A homeless addict sleeps rough near the station in Leuven. Who should give him a place to stay?"
            + "|reception_accommodation_centre",
        "Waar kan een dakloze verslaafde in Hasselt slapen, en wie betaalt die opvang?|reception_accommodation_centre",
        "Un toxicomane sans abri dort dans la rue à Namur : qui s'occupe de l'héberger ?|reception_accommodation_centre",
        "Ein obdachloser Süchtiger in Eupen braucht einen Schlafplatz. Wer ist zuständig?|reception_accommodation_centre",
        "Who is in charge of border checks for drugs near Maastricht?|import_export",
        "Wie doet de grenscontroles op drugs bij Lanaken?|import_export",
        "Qui organise les contrôles à la frontière française contre la drogue ?|import_export",
        "Wer ist für die Grenzkontrollen auf Drogen bei Eupen zuständig?|import_export",
        "festivalgoers at Pukkelpop: who tells them about the risks of pills?|nightlife_risk_reduction",
        "Qui informe les teufeurs sur les risques des drogues ?|nightlife_risk_reduction",
        "Wer informiert Festivalgänger in Ostbelgien über Drogenrisiken?|nightlife_risk_reduction",
        "Wer finanziert das Sozial-Gesundheitshaus in Charleroi?|social_health_house",
        "Wer betreibt die sozialmedizinischen Häuser in Brüssel?|social_health_house",
    })
    void everydayWordsForAnEntryNameIt(String question, String subject) throws Exception {
        assertEquals(subject, decision(question).subject(), question);
    }

    /**
     * 2. The substance named breaks a tie: a pub or café is also in the smoking ban's terms, but
     * selling spirits or beer there to young people is alcohol sales to minors.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Meine Kneipe in Raeren: wer kontrolliert, ob ich Wodka an Jugendliche verkaufe?",
        "ik heb een café in Lier, wie controleert of ik jenever verkoop aan jongeren?",
        "I have a pub in Ostend. Who checks whether I sell vodka to teenagers?",
    })
    void theSubstanceNamedBreaksATie(String question) throws Exception {
        assertEquals("alcohol_sales_to_minors", decision(question).subject(), question);
    }

    /**
     * A Latin plural is its singular: "opvangcentra" are each an "opvangcentrum", "Aufnahmezentren"
     * each an "Aufnahmezentrum", though the stemmers keep them apart.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Wie beheert de opvangcentra voor druggebruikers in Antwerpen?|reception_accommodation_centre|opvangcentra",
        "Wer finanziert die Aufnahmezentren für Drogenkonsumenten in Lüttich?|reception_accommodation_centre|Aufnahmezentren",
    })
    void aLatinPluralIsItsSingular(String question, String subject, String plural) throws Exception {
        Decision d = decision(question);
        assertEquals(subject, d.subject(), question);
        assertTrue(d.match().matchedWords().contains(plural), () -> d.match().matchedWords().toString());
    }
}
