package org.saferpartnerships.reporting.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.saferpartnerships.platform.events.incident.IncidentCategory;
import org.saferpartnerships.platform.funding.BudgetLine;
import org.saferpartnerships.platform.geography.LocalAuthorityDistricts;
import org.saferpartnerships.platform.partnership.ActionStatus;
import org.saferpartnerships.platform.partnership.ReviewStatus;
import org.saferpartnerships.platform.partnership.RiskScale;
import org.saferpartnerships.platform.vocabulary.Term;
import org.saferpartnerships.reporting.budget.BudgetCarryForward;
import org.saferpartnerships.reporting.budget.BudgetInitiative;
import org.saferpartnerships.reporting.budget.BudgetPosition;
import org.saferpartnerships.reporting.budget.BudgetProjection;
import org.saferpartnerships.reporting.directory.DirectoryPartnership;
import org.saferpartnerships.reporting.feeds.Audience;
import org.saferpartnerships.reporting.feeds.CountDimension;
import org.saferpartnerships.reporting.feeds.DisclosureControl;
import org.saferpartnerships.reporting.feeds.FeedQueries;
import org.saferpartnerships.reporting.feeds.FeedRow;
import org.saferpartnerships.reporting.partnerships.PartnershipRecords;
import org.saferpartnerships.reporting.performance.PerformanceLine;
import org.saferpartnerships.reporting.performance.PerformanceService;
import org.saferpartnerships.reporting.reports.ScrutinyReport.CategoryCount;
import org.saferpartnerships.reporting.reports.ScrutinyReport.GlossaryEntry;
import org.saferpartnerships.reporting.reports.ScrutinyReport.StatusCount;
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
    private final PartnershipRecords records;

    ReportAssembler(PerformanceService performance, FeedQueries queries, BudgetProjection budget,
            DisclosureControl disclosure, PartnershipRecords records) {
        this.records = records;
        this.performance = performance;
        this.queries = queries;
        this.budget = budget;
        this.disclosure = disclosure;
    }

    public ScrutinyReport assemble(String partnershipId, ReportPeriod period) {
        Audience audience = Audience.publicAudience(disclosure);
        LocalDate reportedTo = period.asOfMonth().atEndOfMonth();
        List<PartnershipRecords.Priority> yearsPriorities = records.priorities(partnershipId, period.financialYear());
        Map<UUID, String> priorityTitles = new HashMap<>();
        yearsPriorities.forEach(p -> priorityTitles.put(p.id(), p.title()));
        ScrutinyReport.Priorities priorities = new ScrutinyReport.Priorities(
                yearsPriorities.stream().map(ReportAssembler::priority).toList(),
                records.actionsOutsidePriorities(partnershipId, period.financialYear()).stream()
                        .map(ReportAssembler::action).toList());

        ScrutinyReport.Performance performanceSection = performance(partnershipId, period, audience);
        ScrutinyReport.Funding funding = funding(partnershipId, period.financialYear(), priorityTitles);
        List<String> headlines = performanceSection.noData() != null ? List.of(performanceSection.noData())
                : performanceSection.lines().stream().filter(l -> l.key().equals(ALL_CRIME) || l.key().equals(ASB))
                        .map(PerformanceLine::statement).toList();
        List<ScrutinyReport.Action> actions = new ArrayList<>(priorities.otherActions());
        priorities.priorities().forEach(p -> actions.addAll(p.actions()));
        List<StatusCount> actionStatus = countsByStatus(actions.stream()
                .collect(Collectors.groupingBy(ScrutinyReport.Action::status, Collectors.counting())),
                ActionStatus.class);
        ScrutinyReport.Summary summary = new ScrutinyReport.Summary(headlines, yearsPriorities.size(), actions.size(),
                actionStatus, planStatement(yearsPriorities.size(), actionStatus, period.label()),
                funding.statement());
        String disclosed = "Figures are published figures: " + disclosure.rule().substring(0, 1).toLowerCase(Locale.ROOT)
                + disclosure.rule().substring(1);
        ScrutinyReport withoutGlossary = new ScrutinyReport(ScrutinyReport.TYPE,
                partnership(partnershipId, period, reportedTo), period, summary, priorities, performanceSection,
                funding, risks(partnershipId), domesticHomicideReviews(partnershipId), List.of(), disclosed);
        return new ScrutinyReport(ScrutinyReport.TYPE, withoutGlossary.partnership(), period, summary, priorities,
                performanceSection, funding, withoutGlossary.risks(), withoutGlossary.domesticHomicideReviews(),
                glossaryOf(withoutGlossary), disclosed);
    }

    /** The partnership's districts, members on the day reported to, and bodies with their meetings in the year so far. */
    private ScrutinyReport.Partnership partnership(String partnershipId, ReportPeriod period, LocalDate reportedTo) {
        DirectoryPartnership known = DirectoryPartnership.findById(partnershipId);
        List<ScrutinyReport.District> districts = known == null ? List.of() : known.districts.stream().sorted()
                .map(code -> new ScrutinyReport.District(code, LocalAuthorityDistricts.nameOf(code).orElse(null)))
                .toList();
        PartnershipRecords.Members members = records.membersOn(partnershipId, reportedTo);
        List<ScrutinyReport.Body> bodies = records.bodiesWithMeetings(partnershipId, period.from(), reportedTo).stream()
                .map(b -> new ScrutinyReport.Body(b.name(), b.kind(), b.cadence(), b.meetingCount(),
                        b.meetings().stream().map(PartnershipRecords.Meeting::heldOn).toList()))
                .toList();
        return new ScrutinyReport.Partnership(partnershipId, known == null ? null : known.name, districts, reportedTo,
                members.statutory().stream().map(ReportAssembler::member).toList(),
                members.nonStatutory().stream().map(ReportAssembler::member).toList(),
                members.chairs().stream().map(m -> member(m).agency()).toList(),
                members.viceChairs().stream().map(m -> member(m).agency()).toList(), bodies);
    }

    /** An agency no event has named yet is shown by its id rather than left blank. */
    private static ScrutinyReport.Member member(PartnershipRecords.Member member) {
        return new ScrutinyReport.Member(member.agencyName() == null ? member.agencyId() : member.agencyName(),
                member.agencyType(), member.role());
    }

    private static ScrutinyReport.Priority priority(PartnershipRecords.Priority priority) {
        return new ScrutinyReport.Priority(priority.title(), priority.theme(), priority.description(),
                priority.status(), priority.adoptedBy(), priority.adoptedOn(),
                priority.actions().stream().map(ReportAssembler::action).toList());
    }

    private static ScrutinyReport.Action action(PartnershipRecords.Action action) {
        PartnershipRecords.Progress progress = action.latestProgress();
        return new ScrutinyReport.Action(action.title(),
                action.ownerAgencyName() == null ? action.ownerAgencyId() : action.ownerAgencyName(), action.status(),
                labelOf(ActionStatus.class, action.status()), action.startOn(), action.dueOn(),
                progress == null ? null : new ScrutinyReport.Progress(progress.on(), progress.status(),
                        labelOf(ActionStatus.class, progress.status()), progress.note()),
                action.measures().stream().map(m -> new ScrutinyReport.Measure(m.name(), m.unit(), m.target(),
                        m.actual(), ofTarget(m.target(), m.actual()))).toList());
    }

    /** "81% of target", or null without a target above zero and an actual. */
    static String ofTarget(BigDecimal target, BigDecimal actual) {
        if (target == null || actual == null || target.signum() <= 0) {
            return null;
        }
        return actual.multiply(BigDecimal.valueOf(100)).divide(target, 0, RoundingMode.HALF_UP) + "% of target";
    }

    /** "3 priorities for 2021/22 with 5 actions: 3 on track, 1 at risk, 1 complete." */
    static String planStatement(int priorities, List<StatusCount> actionStatus, String year) {
        if (priorities == 0 && actionStatus.isEmpty()) {
            return "No priorities have been recorded for " + year + ".";
        }
        String statement = priorities + (priorities == 1 ? " priority" : " priorities") + " for " + year;
        long actions = actionStatus.stream().mapToLong(StatusCount::count).sum();
        if (actions == 0) {
            return statement + "; no actions are recorded in the plan.";
        }
        return statement + " with " + actions + (actions == 1 ? " action: " : " actions: ") + actionStatus.stream()
                .map(c -> c.count() + " " + c.label().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ".";
    }

    /**
     * The counts by status in the vocabulary's order, leaving out statuses none is at; a status
     * the vocabulary does not know (a newer publisher's) comes last, by name.
     */
    static <T extends Enum<T> & Term> List<StatusCount> countsByStatus(Map<String, Long> byStatus,
            Class<T> vocabulary) {
        Map<String, Long> counts = new TreeMap<>(byStatus);
        List<StatusCount> ordered = new ArrayList<>();
        for (T term : vocabulary.getEnumConstants()) {
            Long count = counts.remove(term.slug());
            if (count != null) {
                ordered.add(new StatusCount(term.slug(), term.displayName(), count));
            }
        }
        counts.forEach((status, count) -> ordered.add(new StatusCount(status, status, count)));
        return ordered;
    }

    private static <T extends Enum<T> & Term> String labelOf(Class<T> vocabulary, String slug) {
        return slug == null ? null : Term.ofSlug(vocabulary, slug).map(Term::displayName).orElse(slug);
    }

    private ScrutinyReport.Risks risks(String partnershipId) {
        List<PartnershipRecords.Risk> open = records.risks(partnershipId);
        List<ScrutinyReport.Risk> register = open.stream().map(r -> new ScrutinyReport.Risk(r.reference(),
                r.description(), r.likelihood(), likelihoodLabel(r.likelihood()), r.impact(), impactLabel(r.impact()),
                r.score(), r.rating(), r.owner(), r.mitigation(), r.reviewOn())).toList();
        List<List<ScrutinyReport.RiskCell>> matrix = new ArrayList<>();
        for (int likelihood = RiskScale.LIKELIHOODS.size(); likelihood >= 1; likelihood--) {
            List<ScrutinyReport.RiskCell> row = new ArrayList<>();
            for (int impact = 1; impact <= RiskScale.IMPACTS.size(); impact++) {
                int l = likelihood;
                int i = impact;
                int score = RiskScale.score(likelihood, impact);
                row.add(new ScrutinyReport.RiskCell(likelihood, RiskScale.likelihoodLabel(likelihood), impact,
                        RiskScale.impactLabel(impact), score, RiskScale.rating(score), register.stream()
                                .filter(r -> r.likelihood() == l && r.impact() == i)
                                .map(r -> r.reference() == null ? r.description() : r.reference()).toList()));
            }
            matrix.add(row);
        }
        return new ScrutinyReport.Risks(register, matrix, risksStatement(register));
    }

    /** "4 open risks: 1 high, 2 medium, 1 low." */
    static String risksStatement(List<ScrutinyReport.Risk> register) {
        if (register.isEmpty()) {
            return "No open risks are recorded in the partnership's risk register.";
        }
        Map<String, Long> byRating = register.stream()
                .collect(Collectors.groupingBy(r -> Objects.requireNonNullElse(r.rating(), "unrated"),
                        Collectors.counting()));
        return register.size() + (register.size() == 1 ? " open risk: " : " open risks: ")
                + Stream.of("high", "medium", "low", "unrated").filter(byRating::containsKey)
                        .map(rating -> byRating.get(rating) + " " + rating).collect(Collectors.joining(", "))
                + ".";
    }

    /** Labels for scores within the scale; a hostile or newer publisher's score outside it gets none. */
    private static String likelihoodLabel(int likelihood) {
        return likelihood >= 1 && likelihood <= RiskScale.LIKELIHOODS.size() ? RiskScale.likelihoodLabel(likelihood)
                : null;
    }

    private static String impactLabel(int impact) {
        return impact >= 1 && impact <= RiskScale.IMPACTS.size() ? RiskScale.impactLabel(impact) : null;
    }

    private ScrutinyReport.DomesticHomicideReviews domesticHomicideReviews(String partnershipId) {
        Map<String, Long> counts = new HashMap<>();
        records.dhrCountsByStatus(partnershipId).forEach(c -> counts.put(c.status(), c.reviews()));
        List<StatusCount> byStatus = countsByStatus(counts, ReviewStatus.class);
        long total = byStatus.stream().mapToLong(StatusCount::count).sum();
        String statement = total == 0 ? "No Domestic Homicide Reviews (DHR) are recorded for the partnership."
                : total + (total == 1 ? " Domestic Homicide Review (DHR) is" : " Domestic Homicide Reviews (DHR) are")
                        + " recorded for the partnership: " + byStatus.stream()
                                .map(c -> c.count() + " " + c.label().substring(0, 1).toLowerCase(Locale.ROOT)
                                        + c.label().substring(1))
                                .collect(Collectors.joining(", "))
                        + ".";
        return new ScrutinyReport.DomesticHomicideReviews(total, byStatus, statement);
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
        acronyms.put("CCG", "Clinical Commissioning Group");
        acronyms.put("ICB", "Integrated Care Board");
        acronyms.put("JAG", "Joint Action Group");
        acronyms.put("RAG", "Responsible Authorities Group");
        acronyms.put("VAWG", "Violence against women and girls");
        acronyms.put("YTD", "Year to date");
        return Collections.unmodifiableMap(acronyms);
    }
}
