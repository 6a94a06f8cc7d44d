package org.saferpartnerships.reporting.reports;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.saferpartnerships.platform.funding.BudgetLine;
import org.saferpartnerships.reporting.feeds.Population;
import org.saferpartnerships.reporting.feeds.ReorganisedDistrict;
import org.saferpartnerships.reporting.performance.PerformanceLine;

/**
 * The content of a scrutiny report (Police and Justice Act 2006 s.19): everything a Crime and
 * Disorder Committee paper prints about a partnership and a period, in sections, assembled from
 * reporting's own projections. It holds nothing of the moment it was assembled, so that the same
 * projections give the same content, byte for byte, and so the same content hash. Figures are
 * under viewers' disclosure control: a report is a public paper.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ScrutinyReport(String type, Partnership partnership, ReportPeriod period, Summary summary,
        Performance performance, Funding funding, List<GlossaryEntry> glossary, String disclosure) {

    public static final String TYPE = "scrutiny";

    public record Partnership(String id, String name, List<District> districts) {
    }

    public record District(String code, String name) {
    }

    /** The paper's opening: headline performance in its own words, and the year's plan at a glance. */
    public record Summary(List<String> headlines, int priorities, String funding) {
    }

    /**
     * Year on year for the performance period, all crime apart from anti-social behaviour; a trend
     * of the 24 months to {@code asOf} and the period's categories, for the charts.
     */
    public record Performance(String period, String label, String from, String to, String previousFrom,
            String previousTo, List<PerformanceLine> lines, Trend trend, List<CategoryCount> categories,
            Population population, List<ReorganisedDistrict> reorganisations, String noData) {
    }

    /** Monthly counts, in the order of {@code months}; null where suppressed. */
    public record Trend(List<String> months, List<Long> allCrime, List<Long> antiSocialBehaviour) {
    }

    public record CategoryCount(String category, String label, Long count) {
    }

    /** The budget position per stream, what was carried forward into the year, initiatives and spend. */
    public record Funding(String status, List<StreamBudget> streams, BudgetLine total,
            List<CarryForward> carryForwards, List<Initiative> initiatives, String statement) {
    }

    public record StreamBudget(String funder, String stream, BudgetLine line) {
    }

    public record CarryForward(String stream, String fromYear, String intoYear, String status, BigDecimal requested,
            BigDecimal approved) {
    }

    /** {@code amountIllustrative}: the amount is an estimate, not a published figure. */
    public record Initiative(String title, String priority, String stream, String status, BigDecimal amount,
            boolean amountIllustrative, BigDecimal spent) {
    }

    public record GlossaryEntry(String term, String meaning) {
    }
}
