package org.saferpartnerships.platform.partnership;

import java.util.List;

/**
 * The likelihood × impact matrix councils use for partnership risk registers (as in Melton's
 * 2021-23 strategy): likelihood 1-6, impact 1-4, score = likelihood × impact. Ratings: up to 6
 * low, 8 to 12 medium, 15 and above high (Melton rates 3 × 2 = 6 a low risk).
 */
public final class RiskScale {

    public static final List<String> LIKELIHOODS = List.of("almost impossible", "very low", "low", "significant",
            "high", "very high");
    public static final List<String> IMPACTS = List.of("negligible", "marginal", "critical", "catastrophic");

    private RiskScale() {
    }

    public static int score(int likelihood, int impact) {
        return likelihood * impact;
    }

    public static String rating(int score) {
        if (score <= 6) {
            return "low";
        }
        return score <= 12 ? "medium" : "high";
    }

    public static String likelihoodLabel(int likelihood) {
        return LIKELIHOODS.get(likelihood - 1);
    }

    public static String impactLabel(int impact) {
        return IMPACTS.get(impact - 1);
    }
}
