package org.policyclassifier.classify;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.policyclassifier.facts.Place;

/**
 * The answer for one case: the JSON contract of the tool. Names may be added, never renamed.
 *
 * @param id the record's id; null for a query
 * @param kind intervention or offence
 * @param subject the intervention type or offence category id
 * @param axis demand_reduction, supply_reduction, coordination or none
 * @param tier primary, secondary, tertiary, or null
 * @param leadLevel federal, regional, local, or null (none given, or rules in conflict)
 * @param levels each level that takes part, lead first
 * @param actors the organisations involved
 * @param coordination the coordinating body, or null
 * @param flags upper-case codes, sorted
 * @param flagDetails each flag with its reason and the rule that raised it
 * @param overrides lead claims that one rule replaced for another, with the reason
 * @param conflictingClaims the competing lead claims when no rule settles them (flag CONFLICT)
 * @param place the place given, resolved; null when none
 * @param explanation the rules that fired, in firing order, each with the profile sentence
 */
public record Decision(String id, String kind, String subject, String axis, String tier, String leadLevel,
        List<LevelEntry> levels, List<ActorEntry> actors, String coordination, List<String> flags,
        List<FlagEntry> flagDetails, List<OverrideEntry> overrides, List<ClaimEntry> conflictingClaims,
        PlaceEntry place, List<Explanation> explanation) {

    /** A level and its role; {@code entity} names the concrete body where the place tells it. */
    public record LevelEntry(String level, String role, @JsonInclude(JsonInclude.Include.NON_NULL) String entity) {
    }

    public record ActorEntry(String name, String level) {
    }

    public record FlagEntry(String code, String detail, String rule) {
    }

    public record OverrideEntry(String rule, String overrides, String level, String reason) {
    }

    public record ClaimEntry(String level, String rule) {
    }

    /**
     * The place the case names. {@code municipality}: a locality's municipality; {@code community}:
     * the Community (or Communities) of its language area.
     */
    public record PlaceEntry(String name, String kind, String region,
            @JsonInclude(JsonInclude.Include.NON_NULL) String municipality,
            @JsonInclude(JsonInclude.Include.NON_NULL) String community) {

        /** The place of a resolved case; null when it names none, or an unknown or ambiguous one. */
        public static PlaceEntry of(Case c) {
            return c.place() == null ? null : new PlaceEntry(c.place(), c.placeKind(), c.region(),
                    Place.LOCALITY.equals(c.placeKind()) ? c.municipality() : null, Place.communityOf(c.languageArea()));
        }
    }

    /**
     * One rule that fired: its id, its sentence, the profile text it rests on, any caveat, and
     * the rule that overrode its conclusions for this case, if one did.
     */
    public record Explanation(String rule, String title, String source,
            @JsonInclude(JsonInclude.Include.NON_NULL) String note,
            @JsonInclude(JsonInclude.Include.NON_NULL) String overriddenBy) {
    }
}
