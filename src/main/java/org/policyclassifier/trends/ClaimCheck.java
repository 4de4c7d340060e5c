package org.policyclassifier.trends;

import java.math.BigDecimal;

/**
 * A narrative claim of the profile checked against its series over the window.
 *
 * @param code {@code CLAIM_SUPPORTED}, {@code CLAIM_DIVERGES}, {@code CLAIM_INCONCLUSIVE} or
 *     {@code CLAIM_NOT_TESTABLE}
 * @param claim the claim, as {@code facts/trend-claims.json} gives it
 * @param basis the claimed series' change over the window
 * @param threshold the stable band, in percent
 * @param caveat the id of the words of what no series can show, which the rule adds to the reason
 *     of every claim the series can test
 */
public record ClaimCheck(String code, TrendClaim claim, Change basis, BigDecimal threshold, String caveat)
        implements TrendFinding {

    private static final String CLAIM = "CLAIM_";
    private static final String NOT_TESTABLE = "NOT_TESTABLE";

    /**
     * The check with {@code verdict} ({@code SUPPORTED}, {@code DIVERGES}, {@code INCONCLUSIVE} or
     * {@code NOT_TESTABLE}, also the id of the words of its reason) and the rule's {@code caveat}.
     */
    public static ClaimCheck of(String verdict, TrendClaim claim, Change basis, BigDecimal band, String caveat) {
        return new ClaimCheck(CLAIM + verdict, claim, basis, band, caveat);
    }

    /**
     * The verdict with its reason: what the series did, how that compares with the claim, and what
     * the series cannot show (the rule's caveat, then the claim's own).
     */
    @Override
    public String detail(TrendWording wording, String language) {
        String verdict = code.substring(CLAIM.length());
        String recorded = wording.text(language, "recorded", "series", wording.series(basis, language), "movement",
                wording.movement(basis, language), "baseline", String.valueOf(basis.baseline()), "value",
                String.valueOf(basis.value()));
        if (verdict.equals(NOT_TESTABLE)) {
            return wording.text(language, verdict, "recorded", recorded, "reason", claim.notTestable().in(language));
        }
        // A claimed rise or fall is borne out beyond the band; a steady level, or too small a move, lies within it.
        boolean within = !verdict.equals("SUPPORTED") || claim.direction().equals("steady");
        String reason = wording.text(language, basis.percent() == null ? "unmeasurable" : verdict, "recorded", recorded,
                "band", wording.band(threshold, within, language), "claim", wording.text(language, "claim_"
                        + claim.direction()), "claimed", wording.text(language, "claimed_" + claim.direction()));
        reason = wording.text(language, "with_caveat", "text", reason, "caveat", wording.text(language, caveat));
        return claim.caveat() == null ? reason
                : wording.text(language, "with_caveat", "text", reason, "caveat", claim.caveat().in(language));
    }
}
