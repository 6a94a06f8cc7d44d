package org.saferpartnerships.reporting.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
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
        Priorities priorities, Performance performance, Funding funding, Risks risks,
        DomesticHomicideReviews domesticHomicideReviews, List<GlossaryEntry> glossary, String disclosure) {

    public static final String TYPE = "scrutiny";

    /**
     * Who the partnership is: its districts, its members on {@code membersOn} (the end of the
     * period reported) with its chairs and vice-chairs, and its bodies with how often they met
     * from the start of the financial year to that day.
     */
    public record Partnership(String id, String name, List<District> districts, LocalDate membersOn,
            List<Member> statutoryMembers, List<Member> otherMembers, List<String> chairs, List<String> viceChairs,
            List<Body> bodies) {
    }

    public record District(String code, String name) {
    }

    /** {@code agency} is null for an agency no event has named yet. */
    public record Member(String agency, String agencyType, String role) {
    }

    public record Body(String name, String kind, String cadence, int meetings, List<LocalDate> meetingDates) {
    }

    /**
     * The paper's opening: headline performance in its own words, and the year's plan at a glance
     * ({@code plan}: "3 priorities for 2021/22 with 5 actions: 3 on track, 1 at risk, 1 complete.").
     */
    public record Summary(List<String> headlines, int priorities, int actions, List<StatusCount> actionStatus,
            String plan, String funding) {
    }

    /** How many records are at a status, with the status as people read it. */
    public record StatusCount(String status, String label, long count) {
    }

    /** The priorities of the financial year with their actions, and the plan's actions under no priority. */
    public record Priorities(List<Priority> priorities, List<Action> otherActions) {
    }

    /** {@code adoptedBy}: the body that adopted it, null while it is a draft. */
    public record Priority(String title, String theme, String description, String status, String adoptedBy,
            LocalDate adoptedOn, List<Action> actions) {
    }

    /** {@code owner}: the agency delivering it; {@code latestProgress} is null until progress is reported. */
    public record Action(String title, String owner, String status, String statusLabel, LocalDate startOn,
            LocalDate dueOn, Progress latestProgress, List<Measure> measures) {
    }

    public record Progress(LocalDate on, String status, String statusLabel, String note) {
    }

    /** {@code ofTarget}: the actual as a share of the target ("81% of target"), null without both. */
    public record Measure(String name, String unit, BigDecimal target, BigDecimal actual, String ofTarget) {
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

    /**
     * The open risks of the register, highest score first, and the likelihood × impact matrix with
     * how many of them fall in each cell, most likely first.
     */
    public record Risks(List<Risk> register, List<List<RiskCell>> matrix, String statement) {
    }

    public record Risk(String reference, String description, int likelihood, String likelihoodLabel, int impact,
            String impactLabel, int score, String rating, String owner, String mitigation, LocalDate reviewOn) {
    }

    /** {@code references}: the risks in the cell, as the register names them. */
    public record RiskCell(int likelihood, String likelihoodLabel, int impact, String impactLabel, int score,
            String rating, List<String> references) {
    }

    /** The partnership's Domestic Homicide Reviews as counts by status: never a case's details. */
    public record DomesticHomicideReviews(long total, List<StatusCount> byStatus, String statement) {
    }

    public record GlossaryEntry(String term, String meaning) {
    }
}
