package org.saferpartnerships.reporting.reports;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.saferpartnerships.platform.events.incident.IncidentCategory;
import org.saferpartnerships.platform.funding.BudgetLine;
import org.saferpartnerships.platform.geography.LocalAuthorityDistricts;
import org.saferpartnerships.reporting.budget.BudgetCarryForward;
import org.saferpartnerships.reporting.budget.BudgetInitiative;
import org.saferpartnerships.reporting.budget.BudgetPosition;
import org.saferpartnerships.reporting.budget.BudgetProjection;
import org.saferpartnerships.reporting.directory.DirectoryPartnership;
import org.saferpartnerships.reporting.directory.DirectoryPriority;
import org.saferpartnerships.reporting.feeds.Audience;
import org.saferpartnerships.reporting.feeds.CountDimension;
import org.saferpartnerships.reporting.feeds.DisclosureControl;
import org.saferpartnerships.reporting.feeds.FeedQueries;
import org.saferpartnerships.reporting.feeds.FeedRow;
import org.saferpartnerships.reporting.performance.PerformanceLine;
import org.saferpartnerships.reporting.performance.PerformanceService;
import org.saferpartnerships.reporting.reports.ScrutinyReport.CategoryCount;
import org.saferpartnerships.reporting.reports.ScrutinyReport.GlossaryEntry;
import org.saferpartnerships.reporting.reports.ScrutinyReport.StreamBudget;

/**
 * Assembles a scrutiny report from reporting's projections alone: no other service is asked at
 * request time. The work is in the projections; this reads a handful of indexed queries. Every
 * figure is as viewers see it, since a report is published to a committee and the public.
 */
@ApplicationScoped
public class ReportAssembler {

    private static final String ALL_CRIME = "all-crime";
    private static final String ASB = IncidentCategory.ANTI_SOCIAL_BEHAVIOUR.slug();

    /** The acronyms a report may use; the glossary lists those it does. */
    private static final Map<String, String> ACRONYMS = acronyms();

    private final PerformanceService performance;
    private final FeedQueries queries;
    private final BudgetProjection budget;
    private final DisclosureControl disclosure;

    ReportAssembler(PerformanceService performance, FeedQueries queries, BudgetProjection budget,
            DisclosureControl disclosure) {
        this.performance = performance;
        this.queries = queries;
        this.budget = budget;
        this.disclosure = disclosure;
    }

    public ScrutinyReport assemble(String partnershipId, ReportPeriod period) {
        Audience audience = Audience.publicAudience(disclosure);
        DirectoryPartnership known = DirectoryPartnership.findById(partnershipId);
        ScrutinyReport.Partnership partnership = new ScrutinyReport.Partnership(partnershipId,
                known == null ? null : known.name, known == null ? List.of() : known.districts.stream().sorted()
                        .map(code -> new ScrutinyReport.District(code,
                                LocalAuthorityDistricts.nameOf(code).orElse(null)))
                        .toList());
        Map<UUID, String> priorityTitles = new HashMap<>();
        List<DirectoryPriority> priorities = DirectoryPriority.<DirectoryPriority>list(
                "partnershipId = ?1 and financialYear = ?2 order by title", partnershipId, period.financialYear());
        priorities.forEach(p -> priorityTitles.put(p.id, p.title));

        ScrutinyReport.Performance performanceSection = performance(partnershipId, period, audience);
        ScrutinyReport.Funding funding = funding(partnershipId, period.financialYear(), priorityTitles);
        List<String> headlines = performanceSection.noData() != null ? List.of(performanceSection.noData())
                : performanceSection.lines().stream().filter(l -> l.key().equals(ALL_CRIME) || l.key().equals(ASB))
                        .map(PerformanceLine::statement).toList();
        ScrutinyReport.Summary summary = new ScrutinyReport.Summary(headlines, priorities.size(), funding.statement());
        String disclosed = "Figures are published figures: " + disclosure.rule().substring(0, 1).toLowerCase(Locale.ROOT)
                + disclosure.rule().substring(1);
        ScrutinyReport withoutGlossary = new ScrutinyReport(ScrutinyReport.TYPE, partnership, period, summary,
                performanceSection, funding, List.of(), disclosed);
        return new ScrutinyReport(ScrutinyReport.TYPE, partnership, period, summary, performanceSection, funding,
                glossaryOf(withoutGlossary), disclosed);
    }

    private ScrutinyReport.Performance performance(String partnershipId, ReportPeriod period, Audience audience) {
        YearMonth to = period.asOfMonth();
        YearMonth from = period.performancePeriod().start(to);
        List<PerformanceLine> lines = performance.lines(partnershipId, from, to, audience);
        List<String> months = new ArrayList<>();
        for (YearMonth m = to.minusMonths(23); !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        Map<String, long[]> monthly = new LinkedHashMap<>();
        months.forEach(m -> monthly.put(m, new long[2]));
        for (FeedRow row : queries.counts(List.of(partnershipId), to.minusMonths(23), to,
                List.of(CountDimension.MONTH, CountDimension.CATEGORY))) {
            monthly.get(row.month())[row.category().equals(ASB) ? 1 : 0] += row.count();
        }
        ScrutinyReport.Trend trend = new ScrutinyReport.Trend(months,
                months.stream().map(m -> audience.disclose(monthly.get(m)[0])).toList(),
                months.stream().map(m -> audience.disclose(monthly.get(m)[1])).toList());
        List<CategoryCount> categories = queries.counts(List.of(partnershipId), from, to,
                List.of(CountDimension.CATEGORY)).stream()
                .sorted(Comparator.comparingLong(FeedRow::count).reversed().thenComparing(FeedRow::category))
                .map(row -> new CategoryCount(row.category(), IncidentCategory.ofSlug(row.category())
                        .map(IncidentCategory::displayName).orElse(row.category()), audience.disclose(row.count())))
                .toList();
        boolean none = lines.stream().allMatch(l -> Objects.equals(l.current(), 0L) && Objects.equals(l.previous(), 0L));
        String noData = none ? "No incident data has been received for " + from + " to " + to
                + " or the same months a year earlier." : null;
        return new ScrutinyReport.Performance(period.performancePeriod().slug(),
                period.performancePeriod().displayName(), from.toString(), to.toString(),
                from.minusYears(1).toString(), to.minusYears(1).toString(), lines, trend, categories,
                performance.population(from, to), performance.reorganisations(partnershipId, from, to), noData);
    }

    private ScrutinyReport.Funding funding(String partnershipId, int year, Map<UUID, String> priorityTitles) {
        BudgetPosition position = budget.positionOf(partnershipId, year);
        Map<UUID, String> streamNames = new HashMap<>();
        position.streams().forEach(s -> streamNames.put(s.streamId(), s.streamName()));
        List<StreamBudget> streams = position.streams().stream()
                .map(s -> new StreamBudget(s.funderName(), s.streamName(), s.line())).toList();
        List<ScrutinyReport.CarryForward> carryForwards = budget.carryForwardsInto(partnershipId, year).stream()
                .map((BudgetCarryForward c) -> new ScrutinyReport.CarryForward(streamNames.get(c.streamId()),
                        ReportPeriod.financialYearLabel(c.fromYear()), ReportPeriod.financialYearLabel(c.intoYear()),
                        c.status(), c.requested(), c.approved()))
                .toList();
        List<ScrutinyReport.Initiative> initiatives = budget.initiativesOf(partnershipId, year).stream()
                .map((BudgetInitiative i) -> new ScrutinyReport.Initiative(i.title(),
                        i.priorityId() == null ? null : priorityTitles.get(i.priorityId()), streamNames.get(i.streamId()),
                        i.status(), i.amount(), i.amountIllustrative(), i.spent()))
                .toList();
        return new ScrutinyReport.Funding(position.status(), streams, position.total(), carryForwards, initiatives,
                fundingStatement(position.total(), year));
    }

    /** The sentence council papers print: "Grant funding for 2021/22 amounted to £12,337; …". */
    static String fundingStatement(BudgetLine total, int year) {
        String label = ReportPeriod.financialYearLabel(year);
        if (total.gross().signum() == 0 && total.carriedIn().signum() == 0) {
            return "No funding has been recorded for " + label + ".";
        }
        StringBuilder statement = new StringBuilder("Grant funding for " + label + " amounted to "
                + pounds(total.gross()));
        if (total.topSliced().signum() != 0) {
            statement.append(", " + pounds(total.net()) + " after " + pounds(total.topSliced()) + " top-sliced by the funder");
        }
        if (total.carriedIn().signum() != 0) {
            statement.append("; an underspend of " + pounds(total.carriedIn()) + " was approved to roll over from "
                    + ReportPeriod.financialYearLabel(year - 1));
        }
        BigDecimal underspend = total.anticipatedUnderspend();
        if (underspend.signum() > 0) {
            statement.append("; the anticipated underspend is " + pounds(underspend));
        } else if (underspend.signum() < 0) {
            statement.append("; an overspend of " + pounds(underspend.negate()) + " is anticipated");
        } else {
            statement.append("; the budget is forecast to be spent in full");
        }
        return statement.append('.').toString();
    }

    /** £12,337, or £12,337.50 where there are pence. */
    static String pounds(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat(amount.stripTrailingZeros().scale() > 0 ? "#,##0.00" : "#,##0",
                DecimalFormatSymbols.getInstance(Locale.UK));
        return "£" + format.format(amount);
    }

    /**
     * The acronyms that appear anywhere in the report's text (its records' string form holds every
     * value), in alphabetical order.
     */
    static List<GlossaryEntry> glossaryOf(Object report) {
        String text = report.toString();
        return ACRONYMS.entrySet().stream()
                .filter(e -> Pattern.compile("\\b" + Pattern.quote(e.getKey()) + "\\b").matcher(text).find())
                .map(e -> new GlossaryEntry(e.getKey(), e.getValue())).toList();
    }

    private static Map<String, String> acronyms() {
        Map<String, String> acronyms = new TreeMap<>();
        acronyms.put("ASB", "Anti-social behaviour");
        acronyms.put("CSP", "Community Safety Partnership");
        acronyms.put("DHR", "Domestic Homicide Review");
        acronyms.put("OPCC", "Office of the Police and Crime Commissioner");
        acronyms.put("ONS", "Office for National Statistics");
        acronyms.put("PCC", "Police and Crime Commissioner");
        acronyms.put("PFCC", "Police, Fire and Crime Commissioner");
        acronyms.put("RAG", "Red, amber, green: a status rating");
        acronyms.put("VAWG", "Violence against women and girls");
        acronyms.put("YTD", "Year to date");
        return Collections.unmodifiableMap(acronyms);
    }
}
