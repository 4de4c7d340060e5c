package org.policyclassifier.classify;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.policyclassifier.facts.Place;
import org.policyclassifier.facts.Words;

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
 * @param match for a question typed as text: what the tool understood of it; null otherwise (and then
 *     left out of the JSON, so batch decisions are unchanged)
 * @param coordinationId the id of the coordinating body's name, of which {@code coordination} is the
 *     wording in the decision's language; null when none
 */
public record Decision(String id, String kind, String subject, String axis, String tier, String leadLevel,
        List<LevelEntry> levels, List<ActorEntry> actors, String coordination, List<String> flags,
        List<FlagEntry> flagDetails, List<OverrideEntry> overrides, List<ClaimEntry> conflictingClaims,
        PlaceEntry place, List<Explanation> explanation,
        @JsonInclude(JsonInclude.Include.NON_NULL) MatchEntry match, @JsonIgnore String coordinationId) {

    /** The same decision, with what was understood of the question that asked for it. */
    public Decision withMatch(MatchEntry understood) {
        return new Decision(id, kind, subject, axis, tier, leadLevel, levels, actors, coordination, flags, flagDetails,
                overrides, conflictingClaims, place, explanation, understood, coordinationId);
    }

    /** The same decision without its id, place and explanation: what a batch shares between records. */
    public Decision shared() {
        return new Decision(null, kind, subject, axis, tier, leadLevel, levels, actors, coordination, flags,
                flagDetails, overrides, conflictingClaims, null, List.of(), null, coordinationId);
    }

    /**
     * What a typed question was understood to ask.
     *
     * @param question the text as typed
     * @param entry the intervention type or offence category id chosen
     * @param kind intervention or offence
     * @param term the label or synonym of the entry that matched best, as the vocabulary writes it
     * @param language the language of that term: en, nl, fr or de
     * @param questionLanguage the language the question's little and asking words are in ("who", "wie",
     *     "qui", "wer"), which the answer is worded in; null when they do not tell (then {@code language})
     * @param matchedWords the words of the question, as typed, that the entry accounts for
     * @param ignoredWords the words that no entry, place, setting or substance accounts for
     * @param corrections misspelt words read as a vocabulary word, e.g. "neddle → needle"
     * @param score the entry's score (see the query package for how it is computed)
     * @param coverage the share of the question's informative words the answer accounts for, 0 to 1
     * @param runnerUp the next best entry and its score, or null when no other entry scored
     * @param placeFromQuestion the place named in the question, as typed, or null
     * @param settingFromQuestion the setting a word of the question names, or null
     * @param substancesFromQuestion the substances words of the question name, or null
     * @param notes where an option and the question disagree (the option wins), or other words set aside
     * @param noteDetails the same notes as data, for a front end to word them its own way
     * @param asked what the question asked of the levels beyond who leads (who pays, who makes the
     *     rules) and the levels that do it; null when it asked neither, or no level does it
     */
    public record MatchEntry(String question, String entry, String kind, String term, String language,
            @JsonInclude(JsonInclude.Include.NON_NULL) String questionLanguage, List<String> matchedWords,
            List<String> ignoredWords,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> corrections, double score, double coverage,
            RunnerUp runnerUp, String placeFromQuestion, String settingFromQuestion,
            List<String> substancesFromQuestion, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> notes,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<NoteEntry> noteDetails,
            @JsonInclude(JsonInclude.Include.NON_NULL) AskedEntry asked) {
    }

    /**
     * What a question asked of the levels: {@code what} is {@code funding} ("who pays for it?") or
     * {@code rules} ("who makes the rules?"), {@code levels} the levels whose roles do it, the one whose
     * role is the most specific to the case first (the order of the roles in facts/question-words.json).
     */
    public record AskedEntry(String what, List<String> levels) {
    }

    /**
     * A note on what was understood, as data: {@code code} (the id of its wording in the section
     * "notes" of {@code facts/words/}), the {@code field} of the question it is about (place,
     * setting, substances), the {@code value} given, and the {@code words} of the question it sets
     * aside. The CLI writes it with its options' names, the API with its parameters'.
     */
    public record NoteEntry(String code, @JsonInclude(JsonInclude.Include.NON_NULL) String field, String value,
            @JsonInclude(JsonInclude.Include.NON_NULL) String words) {

        /** The note in {@code language}. */
        public String in(Words wording, String language) {
            return wording.text(language, Words.NOTES, code, words == null ? List.of("value", value)
                    : List.of("value", value, "words", words));
        }
    }

    /** The entry that came second, and its score. */
    public record RunnerUp(String entry, double score) {
    }

    /**
     * A level and its role; {@code entity} names the concrete body where the place tells it. The
     * texts are the wording of {@code roleIds} and {@code entityId} (with {@code entityArgs}) in
     * the decision's language.
     */
    public record LevelEntry(String level, String role, @JsonInclude(JsonInclude.Include.NON_NULL) String entity,
            @JsonIgnore List<String> roleIds, @JsonIgnore String entityId, @JsonIgnore List<String> entityArgs) {
    }

    /** An actor: {@code name} is the wording of {@code id} in the decision's language. */
    public record ActorEntry(String name, String level, @JsonIgnore String id) {
    }

    /** A flag: {@code detail} is the wording of {@code detailId}, with {@code args}, in the decision's language. */
    public record FlagEntry(String code, String detail, String rule, @JsonIgnore String detailId,
            @JsonIgnore List<String> args) {
    }

    /** An override: {@code reason} is the wording of {@code reasonId} in the decision's language. */
    public record OverrideEntry(String rule, String overrides, String level, String reason,
            @JsonIgnore String reasonId) {
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
