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
 * @param detail the reason, in plain words
 */
public record ClaimCheck(String code, TrendClaim claim, Change basis, BigDecimal threshold, String detail)
        implements TrendFinding {

    /**
     * The verdict with its reason: what the series did, how that compares with the claim, and what
     * the series cannot show ({@code caveat}, the rule's, then the claim's own).
     */
    public static ClaimCheck of(String verdict, TrendClaim claim, Change basis, BigDecimal band, String caveat) {
        String measured = "recorded \"" + basis.series() + "\" offences ";
        String bandWords = " the stable band of ±" + band.toPlainString() + "%";
        String relation = switch (verdict) {
            case "SUPPORTED" -> (claim.direction().equals("steady") ? ", within" : ", more than") + bandWords
                    + ", which bears out the claimed " + claimedWord(claim);
            case "DIVERGES" -> " while the profile claims " + claim.claimed();
            case "NOT_TESTABLE" -> ", but this series cannot test the claim: " + claim.notTestable().en();
            default -> basis.percent() == null
                    ? ": the claimed " + claimedWord(claim) + " cannot be measured from a baseline of 0"
                    : ", within" + bandWords + ": too little to bear out or contradict the claimed "
                            + claimedWord(claim);
        };
        String caveats = verdict.equals("NOT_TESTABLE") ? "" : "; " + caveat + (claim.caveat() == null ? "" : "; "
                + claim.caveat().en());
        String reason = measured + basis.movement() + " (" + basis.baseline() + " → " + basis.value() + ")" + relation
                + caveats;
        return new ClaimCheck("CLAIM_" + verdict, claim, basis, band, reason);
    }

    private static String claimedWord(TrendClaim claim) {
        return claim.claimed().replaceFirst("^an? ", "");
    }
}
