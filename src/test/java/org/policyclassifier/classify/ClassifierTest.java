package org.policyclassifier.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.policyclassifier.TestPaths;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.classify.Decision.FlagEntry;
import org.policyclassifier.classify.Decision.LevelEntry;
import org.policyclassifier.facts.InterventionType;
import org.policyclassifier.facts.OffenceCategory;

/** The bundled rules, through the real engine. */
class ClassifierTest {

    static Classifier classifier;

    @BeforeAll
    static void load() throws Exception {
        classifier = Classifier.load(TestPaths.RULES, TestPaths.FACTS);
    }

    static Decision intervention(String type) throws Exception {
        return classifier.classify(new CaseRecord(null, "intervention", type, null, null, null, null, null));
    }

    static Decision intervention(String type, String place, String setting) throws Exception {
        return classifier.classify(new CaseRecord("x", "intervention", type, null, place, setting, null, null));
    }

    static Decision offence(String category) throws Exception {
        return classifier.classify(new CaseRecord(null, "offence", null, category, null, null, null, null));
    }

    static Stream<String> inScopeTypes() {
        return classifier.vocabulary().interventionTypes().stream().filter(t -> t.objective() != null)
                .map(InterventionType::id);
    }

    static Stream<String> offenceCategories() {
        return classifier.vocabulary().offenceCategories().stream().map(OffenceCategory::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inScopeTypes")
    void everyInterventionTypeGetsOneAxisOneLeadAndATierOnlyOnTheDemandSide(String type) throws Exception {
        Decision d = intervention(type);
        // The research programme is named in the profile's overview, not under an axis of its strategy.
        List<String> axes = type.equals("drug_research_programme") ? List.of("none")
                : List.of("demand_reduction", "supply_reduction", "coordination");
        assertTrue(axes.contains(d.axis()), () -> type + " got axis " + d.axis());
        // No single lead only where a rule says so: interfederal coordination, or a declared split.
        boolean shared = d.flags().contains("NO_SINGLE_LEAD");
        boolean split = d.flags().containsAll(List.of("CONFLICT", "SPLIT_COMPETENCE"));
        assertEquals(shared || split, d.leadLevel() == null, () -> type + ": " + d.flagDetails());
        assertEquals(split, d.flags().contains("CONFLICT"), () -> type + ": " + d.flagDetails());
        assertFalse(d.flags().contains("GAP"), () -> type + ": " + d.flagDetails());
        assertTrue(d.tier() == null || d.axis().equals("demand_reduction"), () -> type + " tier " + d.tier());
        if (d.leadLevel() != null) {
            assertEquals(d.leadLevel(), d.levels().get(0).level(), "the lead level comes first in levels");
        }
        assertEquals(d.axis().equals("none") ? null : "General Policy Cell Drugs", d.coordination());
        assertFalse(d.explanation().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "prevention_campaign,            demand_reduction, primary,   regional",
        "school_prevention,              demand_reduction, primary,   regional",
        "environmental_prevention,       demand_reduction, primary,   regional",
        "early_intervention,             demand_reduction, secondary, regional",
        "youth_outreach,                 demand_reduction, secondary, regional",
        "street_outreach,                demand_reduction, tertiary,  local",
        "nightlife_risk_reduction,       demand_reduction, secondary, regional",
        "needle_exchange,                demand_reduction, tertiary,  local",
        "drug_consumption_room,          demand_reduction, tertiary,  local",
        "opioid_substitution_treatment,  demand_reduction, tertiary,  ",
        "heroin_assisted_treatment,      demand_reduction, tertiary,  local",
        "outpatient_treatment,           demand_reduction, tertiary,  ",
        "addiction_care,                 demand_reduction, tertiary,  local",
        "social_health_house,            demand_reduction, tertiary,  local",
        "reception_accommodation_centre, demand_reduction, tertiary,  local",
        "social_reintegration,           demand_reduction, tertiary,  local",
        "prison_drug_programme,          demand_reduction, tertiary,  federal",
        "gambling_helpline,              demand_reduction, secondary, federal",
        "drug_treatment_chamber,         demand_reduction, tertiary,  federal",
        "cannabis_social_club,           supply_reduction,          , federal",
        "trafficking_investigation,      supply_reduction,          , federal",
        "darknet_investigation,          supply_reduction,          , federal",
        "street_dealing_enforcement,     supply_reduction,          , local",
        "container_checks,               supply_reduction,          , federal",
        "drug_lab_dismantling,           supply_reduction,          , federal",
        "cannabis_plantation_dismantling, supply_reduction,         , federal",
        "drug_policy_coordination,       coordination,              , ",
        "drug_research_programme,        none,                      , federal",
        "alcohol_prevention,             demand_reduction, primary,   regional",
        "alcohol_treatment,              demand_reduction, tertiary,  ",
        "gambling_prevention,            demand_reduction, primary,   regional",
        "money_laundering_investigation, supply_reduction,          , federal",
        "interministerial_conference_drugs, coordination,           , ",
        "local_security_prevention_plan, demand_reduction,          , local",
        "international_cooperation,      coordination,              , ",
        "national_security_plan,         supply_reduction,          , federal",
        "drug_alcohol_helpline,          demand_reduction, secondary, regional",
        "detoxification,                 demand_reduction, tertiary,  ",
        "drug_detection_dogs,            supply_reduction,          , federal",
        "airport_drug_controls,          supply_reduction,          , federal",
        "drug_waste_dumping,             supply_reduction,          , federal",
        "demand_reduction_policy,        demand_reduction,          , regional",
        "supply_reduction_policy,        supply_reduction,          , federal",
        "drug_prevention,                demand_reduction, primary,   regional",
        "eu_focal_point,                 coordination,              , federal",
        "alcohol_sales_to_minors,        demand_reduction, primary,   federal",
        "harm_reduction,                 demand_reduction, tertiary,  local",
    })
    void interventionTypeIsClassifiedAsTheProfileSays(String type, String axis, String tier, String lead)
            throws Exception {
        Decision d = intervention(type);
        assertEquals(axis, d.axis());
        assertEquals(tier, d.tier());
        assertEquals(lead, d.leadLevel());
    }

    @Test
    void everyInScopeTypeOfTheVocabularyIsInTheExpectationTable() {
        // The table above must grow with the vocabulary: a new type without an expectation fails here.
        assertEquals(44, inScopeTypes().count());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "probation_alternative_sanctions,  ",
        "drug_driving_enforcement,         federal",
        "medical_cannabis,                 federal",
        "e_cigarettes,                     federal",
    })
    void aTopicBeyondTheProfilesObjectivesIsAnsweredWithNoAxisAndFlagged(String type, String lead) throws Exception {
        Decision d = intervention(type);
        assertEquals("none", d.axis());
        assertEquals(lead, d.leadLevel());
        assertTrue(d.flags().contains("NOT_IN_PROFILE"), d.flags()::toString);
        assertFalse(d.flags().contains("GAP"), d.flags()::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inScopeTypes")
    void supplySideTypesAreFederalWithPoliceJusticeAndALocalConnectionButStreetDealing(String type) throws Exception {
        Decision d = intervention(type);
        if (!d.axis().equals("supply_reduction")) {
            return;
        }
        List<String> actors = d.actors().stream().map(Decision.ActorEntry::name).toList();
        assertTrue(actors.stream().anyMatch(a -> a.startsWith("FPS Justice")), actors::toString);
        if (type.equals("street_dealing_enforcement")) {
            // On the street the local police zone leads (SIM-010); the prosecution stays federal.
            assertEquals("local", d.leadLevel());
            assertTrue(d.levels().stream().anyMatch(l -> l.level().equals("federal")), "federal prosecution");
            return;
        }
        assertEquals("federal", d.leadLevel());
        assertTrue(d.levels().stream().anyMatch(l -> l.level().equals("local")), "local connection");
        assertTrue(actors.contains("Federal Police"), actors::toString);
    }

    @Test
    void customsTakesPartInContainerChecks() throws Exception {
        Decision d = intervention("container_checks");
        assertTrue(d.actors().stream().anyMatch(a -> a.name().startsWith("Customs")));
        assertTrue(d.explanation().stream().anyMatch(e -> e.rule().equals("SIM-002")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "possession,    supply_reduction, federal, REFER_TO_DEMAND_REDUCTION",
        "use,           supply_reduction, federal, REFER_TO_DEMAND_REDUCTION",
        "trade,         supply_reduction, federal, ",
        "import_export, supply_reduction, federal, ",
        "production,    supply_reduction, federal, ",
        "other,         none,                    , UNDEFINED_CATEGORY",
    })
    void offenceCategoryIsClassified(String category, String axis, String lead, String flag) throws Exception {
        Decision d = offence(category);
        assertEquals("offence", d.kind());
        assertEquals(axis, d.axis());
        assertEquals(lead, d.leadLevel());
        assertNull(d.tier());
        if (flag != null) {
            assertTrue(d.flags().contains(flag), d.flags()::toString);
        }
    }

    @Test
    void everyOffenceCategoryIsInTheTable() {
        assertEquals(List.of("possession", "trade", "use", "import_export", "production", "other"),
                offenceCategories().toList());
    }

    @Test
    void importAndExportInvolvesCustoms() throws Exception {
        assertTrue(offence("import_export").actors().stream().anyMatch(a -> a.name().startsWith("Customs")));
        assertFalse(offence("trade").actors().stream().anyMatch(a -> a.name().startsWith("Customs")));
    }

    @Test
    void useIsFlaggedAsNotAnOffenceInLawButPossessionIsNot() throws Exception {
        assertTrue(offence("use").flags().contains("PROFILE_SIMPLIFIES"));
        assertFalse(offence("possession").flags().contains("PROFILE_SIMPLIFIES"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Charleroi,           French Community / Walloon Region",
        "Ghent,               Flemish Community",
        "Gent,                Flemish Community",
        "Antwerpen,           Flemish Community",
        "Eupen,               German-speaking Community",
        "Sankt Vith,          German-speaking Community",
        "Brussels,            'COCOM (Iriscare), COCOF, or the Flemish Community and its Community Commission (VGC), by institution'",
        "Bruxelles,           'COCOM (Iriscare), COCOF, or the Flemish Community and its Community Commission (VGC), by institution'",
        "Elsene,              'COCOM (Iriscare), COCOF, or the Flemish Community and its Community Commission (VGC), by institution'",
        "Laken,               'COCOM (Iriscare), COCOF, or the Flemish Community and its Community Commission (VGC), by institution'",
        "Ieper,               Flemish Community",
        "Ypres,               Flemish Community",
        "2300,                Flemish Community",
        "Kelmis,              German-speaking Community",
        "La Calamine,         German-speaking Community",
        "Hergenrath,          German-speaking Community",
        "4791,                German-speaking Community",
        "Louvain-la-Neuve,    French Community / Walloon Region",
        "Walloon Region,      'French Community / Walloon Region, or the German-speaking Community in its 9 municipalities'",
        "Province of Hainaut, French Community / Walloon Region",
        "Province of Liège,   'French Community / Walloon Region, or the German-speaking Community in its 9 municipalities'",
        "Flanders,            Flemish Community",
    })
    void thePlaceNamesTheFederatedEntity(String place, String entity) throws Exception {
        Decision d = intervention("needle_exchange", place, null);
        LevelEntry regional = d.levels().stream().filter(l -> l.level().equals("regional")).findFirst().orElseThrow();
        assertEquals(entity, regional.entity());
    }

    @Test
    void aMunicipalityNamesItsLocalAuthorities() throws Exception {
        Decision d = intervention("needle_exchange", "Charleroi", null);
        assertEquals("local authorities of Charleroi", d.levels().get(0).entity());
        assertNull(intervention("needle_exchange", "Flanders", null).levels().get(0).entity());
    }

    @Test
    void withoutAPlaceNoEntityIsNamed() throws Exception {
        assertTrue(intervention("needle_exchange").levels().stream().allMatch(l -> l.entity() == null));
    }

    @Test
    void supplySideNamesNoFederatedEntityEvenWithAPlace() throws Exception {
        Decision d = intervention("trafficking_investigation", "Ghent", null);
        assertTrue(d.levels().stream().noneMatch(l -> l.level().equals("regional")));
    }

    @Test
    void prisonCareIsFederalByAnExplicitOverride() throws Exception {
        Decision d = intervention("prison_drug_programme");
        assertEquals("federal", d.leadLevel());
        assertTrue(d.flags().containsAll(List.of("OVERRIDE", "PROFILE_SIMPLIFIES")), d.flags()::toString);
        assertEquals(List.of(new Decision.OverrideEntry("SIM-001", "RESP-002", "federal",
                "care and treatment inside prison are prison health care, which belongs to FPS Justice (federal)",
                "prison_health_care_is_justice")),
                d.overrides());
        assertTrue(d.conflictingClaims().isEmpty());
        assertTrue(d.levels().stream().noneMatch(l -> l.level().equals("local")), "the overridden rule's roles go too");
        assertEquals("SIM-001", d.explanation().stream().filter(e -> e.rule().equals("RESP-002")).findFirst()
                .orElseThrow().overriddenBy());
    }

    @Test
    void onlyCareAndTreatmentInsidePrisonAreOverridden() throws Exception {
        Decision early = intervention("early_intervention", null, "prison");
        assertEquals("regional", early.leadLevel());
        assertTrue(early.overrides().isEmpty());
        Decision reintegration = intervention("social_reintegration", null, "prison");
        assertEquals("local", reintegration.leadLevel());
        assertTrue(reintegration.overrides().isEmpty());
        assertEquals("RESP-002", intervention("needle_exchange", null, "prison").overrides().get(0).overrides());
    }

    @Test
    void hospitalTreatmentReportsBothReadingsAsAConflict() throws Exception {
        Decision d = intervention("heroin_assisted_treatment", null, "hospital");
        assertNull(d.leadLevel());
        assertTrue(d.flags().containsAll(List.of("CONFLICT", "SPLIT_COMPETENCE")), d.flags()::toString);
        assertEquals(List.of(new Decision.ClaimEntry("local", "RESP-002"), new Decision.ClaimEntry("federal", "SIM-005")),
                d.conflictingClaims());
        assertTrue(d.overrides().isEmpty());
    }

    @Test
    void tobaccoIsOutOfScope() throws Exception {
        Decision d = intervention("smoking_cessation");
        assertEquals("none", d.axis());
        assertNull(d.leadLevel());
        assertNull(d.coordination());
        assertEquals(List.of("OUT_OF_SCOPE"), d.flags());
        assertEquals("SCOPE-001", d.explanation().get(0).rule());
    }

    @Test
    void tobaccoBesideAnotherSubstanceIsSetAside() throws Exception {
        Decision d = classifier.classify(new CaseRecord("t", "intervention", "outpatient_treatment", null, null, null,
                null, List.of("tobacco", "alcohol")));
        assertEquals("demand_reduction", d.axis());
        assertTrue(d.flags().contains("PARTLY_OUT_OF_SCOPE"));
    }

    @Test
    void aProvincialActorIsOutsideTheProfilesLevels() throws Exception {
        Decision d = classifier.classify(new CaseRecord("p", "intervention", "prevention_campaign", null, null, null,
                "province", null));
        assertTrue(d.flags().contains("OUTSIDE_PROFILE_LEVELS"));
        assertTrue(d.levels().stream().noneMatch(l -> l.level().equals("provincial")));
        assertEquals("regional", d.leadLevel(), "the rest of the answer still stands");
    }

    @Test
    void coordinationWithAPlaceNamesNoEntityAndNoEntityRuleInItsWhy() throws Exception {
        Decision d = intervention("drug_policy_coordination", "Gent", null);
        assertTrue(d.flags().contains("NO_SINGLE_LEAD"));
        assertTrue(d.levels().stream().allMatch(l -> l.entity() == null), d.levels()::toString);
        assertTrue(d.explanation().stream().noneMatch(e -> e.rule().startsWith("ENT-")), d.explanation()::toString);
    }

    @Test
    void aProvinceAsAPlaceIsNotFlagged() throws Exception {
        assertFalse(intervention("needle_exchange", "Province of Hainaut", null).flags().contains("OUTSIDE_PROFILE_LEVELS"));
    }

    @Test
    void everyExplanationCarriesItsSourceAndSaysWhereTheProfileSimplifies() throws Exception {
        Decision d = intervention("prison_drug_programme");
        assertTrue(d.explanation().stream().allMatch(e -> e.source() != null && !e.source().isBlank()));
        assertTrue(d.explanation().stream().anyMatch(e -> e.rule().equals("SIM-001") && e.note().contains("FPS Justice")));
    }

    @Test
    void theExplanationFollowsFiringOrderTypeThenLeadThenCoordination() throws Exception {
        List<String> rules = intervention("needle_exchange").explanation().stream().map(Decision.Explanation::rule)
                .toList();
        assertEquals("TYPE-007", rules.get(0), "the table row gives axis and tier first");
        assertTrue(rules.indexOf("TYPE-007") < rules.indexOf("RESP-002"), rules::toString);
        assertTrue(rules.indexOf("RESP-002") < rules.indexOf("COORD-001"), rules::toString);
        assertEquals(rules.size(), rules.stream().distinct().count(), "each rule once");
    }

    @Test
    void inputRecordsAreNotChanged() throws Exception {
        CaseRecord record = new CaseRecord("r1", "intervention", "needle_exchange", null, "Gent", null, null, null);
        CaseRecord copy = new CaseRecord("r1", "intervention", "needle_exchange", null, "Gent", null, null, null);
        classifier.classify(record);
        assertEquals(copy, record);
    }

    @Test
    void aBatchKeepsInputOrderAndRejectsBadRecordsWithTheirReason() throws Exception {
        List<Classifier.Outcome> outcomes = classifier.classifyAll(List.of(
                new CaseRecord("a", "offence", null, "trade", null, null, null, null),
                new CaseRecord("b", "intervention", "no_such_type", null, null, null, null, null),
                new CaseRecord("a", "intervention", "needle_exchange", null, "Nowhere", null, null, null),
                new CaseRecord("c", null, "needle_exchange", null, null, null, null, null),
                new CaseRecord("d", "intervention", "needle_exchange", null, null, "moon", null, null),
                new CaseRecord("a", "intervention", "needle_exchange", null, null, null, null, null)));
        assertEquals("supply_reduction", outcomes.get(0).decision().axis());
        assertEquals("type", outcomes.get(1).rejection().field());
        assertEquals(List.of("UNKNOWN_PLACE"), outcomes.get(2).decision().flags());
        assertEquals("kind", outcomes.get(3).rejection().field());
        assertEquals("setting", outcomes.get(4).rejection().field());
        assertEquals("demand_reduction", outcomes.get(5).decision().axis());
        assertEquals("a", outcomes.get(5).decision().id());
    }

    @Test
    void anUnknownTypeIsRejectedNotGuessed() {
        InvalidCaseException e = assertThrows(InvalidCaseException.class, () -> intervention("needle_exchang"));
        assertEquals("field 'type': 'needle_exchang' is not an intervention type of the vocabulary", e.getMessage());
    }

    @Test
    void anUnknownPlaceKeepsTheAnswerWithoutTheEntityAndNamesTheClosestPlaces() throws Exception {
        Decision d = intervention("needle_exchange", "Sankt Vit", null);
        assertEquals("local", d.leadLevel());
        assertNull(d.place());
        assertTrue(d.levels().stream().allMatch(l -> l.entity() == null), d.levels()::toString);
        FlagEntry flag = d.flagDetails().get(0);
        assertEquals("UNKNOWN_PLACE", flag.code());
        assertEquals("ENT-007", flag.rule());
        assertTrue(flag.detail().contains("closest: Sankt Vith (municipality, Province of Liège, 4780)"), flag.detail());
    }

    @Test
    void aLocalityIsAnsweredForItsMunicipality() throws Exception {
        Decision d = intervention("needle_exchange", "2100", null);
        assertEquals(new Decision.PlaceEntry("Deurne", "locality", "flanders", "Antwerp", "Flemish Community"),
                d.place());
        assertEquals("local authorities of Antwerp", d.levels().get(0).entity());
    }

    @Test
    void aNameTwoMunicipalitiesShareIsNotGuessed() throws Exception {
        Decision d = intervention("needle_exchange", "Saint-Nicolas", null);
        assertNull(d.place());
        assertEquals(List.of("AMBIGUOUS_PLACE"), d.flags());
        assertTrue(d.flagDetails().get(0).detail().contains("Saint-Nicolas (municipality, Province of Liège, 4420); "
                + "Sint-Niklaas (municipality, East Flanders, 9100)"), d.flagDetails().get(0).detail());
        assertTrue(d.levels().stream().allMatch(l -> l.entity() == null), d.levels()::toString);
        assertEquals("local authorities of Sint-Niklaas",
                intervention("needle_exchange", "Saint-Nicolas (Flandre)", null).levels().get(0).entity());
        assertEquals("local authorities of Saint-Nicolas",
                intervention("needle_exchange", "4420", null).levels().get(0).entity());
    }

    @Test
    void localitiesOfOneRegionThatShareANameStillNameTheirCommunity() throws Exception {
        Decision d = intervention("needle_exchange", "Deurne", null);
        assertEquals(List.of("AMBIGUOUS_PLACE"), d.flags());
        assertEquals("Flemish Community", d.levels().get(1).entity());
        assertNull(d.levels().get(0).entity());
    }

    @Test
    void aMunicipalityNameThatVillagesElsewhereShareIsTheMunicipalityAndSaysSo() throws Exception {
        Decision d = intervention("needle_exchange", "Halle", null);
        assertEquals("Halle", d.place().name());
        assertEquals(List.of("PLACE_NAME_SHARED"), d.flags());
        assertTrue(d.flagDetails().get(0).detail().contains("Halle (locality of Zoersel, 2980)"));
        assertEquals("local authorities of Zoersel",
                intervention("needle_exchange", "Halle (Zoersel)", null).levels().get(0).entity());
    }
}
