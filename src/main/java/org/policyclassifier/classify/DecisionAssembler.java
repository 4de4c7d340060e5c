package org.policyclassifier.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.policyclassifier.classify.Decision.ActorEntry;
import org.policyclassifier.classify.Decision.ClaimEntry;
import org.policyclassifier.classify.Decision.Explanation;
import org.policyclassifier.classify.Decision.FlagEntry;
import org.policyclassifier.classify.Decision.LevelEntry;
import org.policyclassifier.classify.Decision.OverrideEntry;
import org.policyclassifier.classify.Decision.PlaceEntry;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.classify.FiringRecorder.Derived;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.facts.Level;
import org.policyclassifier.facts.Vocabulary;
import org.policyclassifier.facts.Words;
import org.policyclassifier.rules.RuleInfo;

/**
 * Turns what the rules derived for one case into a {@link Decision}. It decides nothing of
 * policy: it collects, checks that rules used known values, and applies the one mechanical rule
 * of the contract: different lead levels are settled only by an explicit override, else CONFLICT.
 * An override replaces everything the overridden rule concluded for the case (its lead, roles and
 * actors); the overridden rule still appears in the explanation, as it did fire.
 */
final class DecisionAssembler {

    static final Set<String> AXES = Set.of("demand_reduction", "supply_reduction", "coordination", "none");
    static final Set<String> TIERS = Set.of("primary", "secondary", "tertiary");
    static final String CONFLICT = "CONFLICT";
    static final String OVERRIDE = "OVERRIDE";
    static final String GAP = "GAP";
    static final String NO_SINGLE_LEAD = "NO_SINGLE_LEAD";

    private final Vocabulary vocabulary;
    private final Words words;
    private final DecisionWording wording;
    /** The levels of the profile, the only ones a rule may use. */
    private final Set<String> profileLevels;
    /** The decision's entry of each actor of the facts, by id. */
    private final Map<String, ActorEntry> actorEntries = new HashMap<>();

    DecisionAssembler(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.words = vocabulary.words();
        this.wording = new DecisionWording(words);
        this.profileLevels = vocabulary.levels().stream().filter(Level::inProfile).map(Level::id)
                .collect(Collectors.toCollection(HashSet::new));
        for (String id : vocabulary.actorIds()) {
            vocabulary.actor(id).ifPresent(a -> actorEntries.put(id, new ActorEntry(null, a.level(), id)));
        }
    }

    /**
     * The decision for case {@code c} from what the rules did for it; with the case's place entry
     * when {@code withPlace}.
     */
    Decision assemble(String recordId, Case c, FiringRecorder.Trace trace, boolean withPlace)
            throws InvalidInputException {
        List<Derived> conclusions = trace.derived;
        Map<String, FlagEntry> flags = new TreeMap<>();
        List<OverrideEntry> overrides = overrides(conclusions, flags);
        Map<String, String> overridden = overrides.isEmpty() ? Map.of() : new HashMap<>();
        overrides.forEach(o -> overridden.putIfAbsent(o.overrides(), o.rule()));

        List<Problem> problems = new ArrayList<>(0);
        Set<String> axes = new LinkedHashSet<>(4);
        Set<String> tiers = new LinkedHashSet<>(4);
        Map<String, String> claims = new LinkedHashMap<>(4);
        Map<String, List<String>> roles = new LinkedHashMap<>(8);
        Map<String, String> entities = new HashMap<>(4);
        String coordinationId = null;
        Set<ActorEntry> actors = new LinkedHashSet<>(16);
        FlagEntry sharedLead = null;
        for (Derived conclusion : conclusions) {
            RuleInfo rule = conclusion.rule();
            if (!overridden.isEmpty() && overridden.containsKey(rule.id())) {
                continue;
            }
            CaseFact fact = conclusion.fact();
            if (fact instanceof AxisAssigned a) {
                axes.add(checked(a.axis(), AXES, "axis", rule, problems));
            } else if (fact instanceof TierAssigned t) {
                tiers.add(checked(t.tier(), TIERS, "tier", rule, problems));
            } else if (fact instanceof LeadClaim l) {
                claims.putIfAbsent(rule.id(), checkedLevel(l.level(), rule, problems));
                if (l.overrides() != null) {
                    worded(Words.REASONS, l.reason(), rule, problems);
                }
            } else if (fact instanceof LevelRole r) {
                roles.computeIfAbsent(checkedLevel(r.level(), rule, problems), k -> new ArrayList<>(4))
                        .add(worded(Words.ROLES, r.role(), rule, problems));
            } else if (fact instanceof EntityAssigned e) {
                entities.putIfAbsent(checkedLevel(e.level(), rule, problems), worded(Words.ENTITIES, e.entity(), rule, problems));
            } else if (fact instanceof ActorInvolved a) {
                ActorEntry actor = actorEntries.get(a.actor());
                if (actor != null) {
                    actors.add(actor);
                } else {
                    problems.add(problem(rule, "names actor '" + a.actor() + "', which is not in facts/actors.json; "
                            + "known: " + String.join(", ", vocabulary.actorIds())));
                }
            } else if (fact instanceof Flag f) {
                flags.putIfAbsent(f.code(), flag(f.code(), worded(Words.FLAGS, f.detail(), rule, problems), rule.id(), f.args()));
            } else if (fact instanceof CoordinatedBy co) {
                coordinationId = worded(Words.BODIES, co.body(), rule, problems);
            } else if (fact instanceof SharedLead s && sharedLead == null) {
                sharedLead = flag(NO_SINGLE_LEAD, worded(Words.FLAGS, s.reason(), rule, problems), rule.id(), List.of());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        if (axes.isEmpty()) {
            flags.put(GAP, flag(GAP, "no_axis", null, List.of()));
        }
        String axis = single(axes, "conflicting_axes", flags);
        String tier = single(tiers, "conflicting_tiers", flags);
        Set<String> leadLevels = new LinkedHashSet<>(claims.values());
        String lead = leadLevels.size() == 1 && sharedLead == null ? leadLevels.iterator().next() : null;
        List<ClaimEntry> conflicting = new ArrayList<>(0);
        if (sharedLead != null) {
            flags.put(NO_SINGLE_LEAD, sharedLead);
        }
        if (sharedLead != null && !leadLevels.isEmpty()) {
            claims.forEach((rule, level) -> conflicting.add(new ClaimEntry(level, rule)));
            flags.put(CONFLICT, flag(CONFLICT, "shared_and_claimed_lead", null,
                    List.of("rule", sharedLead.rule(), "levels", String.join(", ", leadLevels))));
        } else if (leadLevels.size() > 1) {
            claims.forEach((rule, level) -> conflicting.add(new ClaimEntry(level, rule)));
            flags.put(CONFLICT, flag(CONFLICT, "conflicting_leads", null, List.of("levels", String.join(", ", leadLevels))));
        } else if (leadLevels.isEmpty() && sharedLead == null && axis != null && !axis.equals("none")) {
            flags.put(GAP, flag(GAP, "no_lead", null, List.of()));
        }

        // Lead first, then the other levels in the order the rules named them.
        List<LevelEntry> levels = new ArrayList<>(roles.size());
        if (lead != null && roles.containsKey(lead)) {
            levels.add(levelEntry(lead, roles.get(lead), entities, c.municipality()));
        }
        roles.forEach((level, levelRoles) -> {
            if (!level.equals(lead)) {
                levels.add(levelEntry(level, levelRoles, entities, c.municipality()));
            }
        });
        List<Explanation> explanation = new ArrayList<>(trace.fired.size());
        for (RuleInfo r : trace.fired) {
            explanation.add(new Explanation(r.id(), r.title(), r.source(), r.note(), overridden.get(r.id())));
        }
        PlaceEntry place = withPlace ? PlaceEntry.of(c) : null;
        Decision decision = new Decision(recordId, c.kind(), c.subject(), axis == null ? "none" : axis, tier, lead,
                List.copyOf(levels), List.copyOf(actors), null, List.copyOf(flags.keySet()),
                List.copyOf(flags.values()), overrides, List.copyOf(conflicting), place, List.copyOf(explanation),
                null, coordinationId);
        return wording.in(decision, words.defaultLanguage());
    }

    /**
     * A level with its roles and the entity acting for it, by id; the entity's parameter is the
     * case's municipality (a batch writes each record's own into a decision it shares).
     */
    private static LevelEntry levelEntry(String level, List<String> roles, Map<String, String> entities,
            String municipality) {
        String entity = entities.get(level);
        return new LevelEntry(level, null, null, List.copyOf(roles), entity,
                entity == null || municipality == null ? List.of() : List.of(DecisionWording.MUNICIPALITY, municipality));
    }

    /** A flag by the id of its detail, written in words once the decision is complete. */
    private static FlagEntry flag(String code, String detailId, String rule, List<String> args) {
        return new FlagEntry(code, null, rule, detailId, args);
    }

    /** The id, after checking that every language has wording for it. */
    private String worded(String section, String id, RuleInfo rule, List<Problem> problems) {
        if (id == null || !words.has(section, id)) {
            problems.add(problem(rule, "names " + section + " '" + id + "', which has no wording: add it to the section \""
                    + section + "\" of every language's file in facts/words/"));
        }
        return id;
    }

    /** Lead claims that name another rule that did claim the lead for this case. */
    private static List<OverrideEntry> overrides(List<Derived> conclusions, Map<String, FlagEntry> flags) {
        boolean any = false;
        for (Derived c : conclusions) {
            any |= c.fact() instanceof LeadClaim claim && claim.overrides() != null;
        }
        if (!any) {
            return List.of();
        }
        Set<String> claimingRules = new HashSet<>();
        conclusions.stream().filter(c -> c.fact() instanceof LeadClaim).forEach(c -> claimingRules.add(c.rule().id()));
        List<OverrideEntry> overrides = new ArrayList<>();
        for (Derived c : conclusions) {
            if (c.fact() instanceof LeadClaim claim && claim.overrides() != null
                    && claimingRules.contains(claim.overrides())) {
                String rule = c.rule().id();
                overrides.add(new OverrideEntry(rule, claim.overrides(), claim.level(), null, claim.reason()));
                flags.putIfAbsent(OVERRIDE, flag(OVERRIDE, "override", rule,
                        List.of("rule", rule, "overridden", claim.overrides(), DecisionWording.REASON, claim.reason())));
            }
        }
        return List.copyOf(overrides);
    }

    /** One value, or null with a CONFLICT flag when rules gave several. */
    private static String single(Set<String> values, String conflict, Map<String, FlagEntry> flags) {
        if (values.size() <= 1) {
            return values.isEmpty() ? null : values.iterator().next();
        }
        flags.put(CONFLICT, flag(CONFLICT, conflict, null, List.of("values", String.join(", ", values))));
        return null;
    }

    private String checkedLevel(String level, RuleInfo rule, List<Problem> problems) {
        if (!profileLevels.contains(level)) {
            problems.add(problem(rule, "uses level '" + level + "'; expected one of " + String.join(", ",
                    vocabulary.levels().stream().filter(Level::inProfile).map(Level::id).toList())));
        }
        return level;
    }

    private static String checked(String value, Set<String> allowed, String field, RuleInfo rule,
            List<Problem> problems) {
        if (!allowed.contains(value)) {
            problems.add(problem(rule, "uses " + field + " '" + value + "'; expected one of "
                    + String.join(", ", allowed.stream().sorted().toList())));
        }
        return value;
    }

    private static Problem problem(RuleInfo rule, String message) {
        return new Problem(rule.file(), rule.line(), "rule " + rule.id() + " " + message);
    }
}
