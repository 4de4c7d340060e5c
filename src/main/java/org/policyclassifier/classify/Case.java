package org.policyclassifier.classify;

import java.util.List;

/**
 * The case as the rules see it: the record's subject resolved against the vocabulary and
 * flattened, so that a rule reads {@code Case(objective == "reduce_risks")}.
 *
 * @param caseId unique within one rule session (the record id, or a position when there is none)
 * @param kind {@code intervention} or {@code offence}
 * @param subject the intervention type id or offence category id
 * @param objective the type's objective id; null for offences and out-of-scope types
 * @param setting the record's setting, else the type's; null when neither gives one
 * @param substances the record's substances, else the type's
 * @param place the place's canonical name; null when none was given
 * @param placeKind region, province, municipality or locality; null without a place
 * @param region flanders, wallonia or brussels; null without a place
 * @param languageArea nl, fr, de, bilingual or fr_de; null without a place
 * @param actorLevel the level of the actor the record names; null when it names none
 * @param municipality the municipality whose authorities act at the place (itself, or a locality's);
 *     null without a place or for a region or province
 * @param placeGiven the place as the record gives it; null when it gives none
 * @param placeMatch how the place was resolved: found, chosen (one of several places of that name,
 *     by the documented rule), ambiguous, unknown; null without a place. When ambiguous, region and
 *     languageArea hold what every candidate shares (else null), and the other place fields are null.
 * @param placeOthers chosen: the other places of that name; ambiguous: the candidates; unknown: the
 *     closest names; in words, for the flag; empty otherwise
 */
public record Case(String caseId, String kind, String subject, String objective, String setting, List<String> substances, String place, String placeKind, String region,
        String languageArea, String actorLevel, String municipality, String placeGiven, String placeMatch,
        String placeOthers) implements CaseFact {

    public Case {
        substances = List.copyOf(substances);
    }
}
