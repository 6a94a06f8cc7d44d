package org.saferpartnerships.reporting.reports;

import java.time.Clock;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.domain.NoSuchRecord;
import org.saferpartnerships.platform.domain.RuleViolated;
import org.saferpartnerships.platform.domain.StateConflict;
import org.saferpartnerships.platform.events.report.ReportPublished;
import org.saferpartnerships.platform.outbox.Outbox;
import org.saferpartnerships.reporting.performance.PerformancePeriod;
import org.saferpartnerships.reporting.replay.ProjectionPositions;

/**
 * Drafts, publishes and answers reports. A draft is assembled whenever it is read, so it shows the
 * projections as they are; publishing assembles it once more and freezes that content with its
 * hash and the event positions it was built from, and announces it ({@code report.published.v1}).
 */
@ApplicationScoped
public class ReportService {

    private final ReportAssembler assembler;
    private final ProjectionPositions positions;
    private final Outbox outbox;
    private final Clock clock;

    ReportService(ReportAssembler assembler, ProjectionPositions positions, Outbox outbox) {
        this.assembler = assembler;
        this.positions = positions;
        this.outbox = outbox;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public Report draft(String partnershipId, ReportRequest request, String author) {
        int year = request.period().financialYear();
        PerformancePeriod performance = request.period().performance() == null ? PerformancePeriod.FINANCIAL_YTD
                : PerformancePeriod.ofSlug(request.period().performance());
        YearMonth asOf = request.period().asOf() == null ? YearMonth.of(year + 1, 3)
                : YearMonth.parse(request.period().asOf());
        if (asOf.isBefore(YearMonth.of(year, 4)) || asOf.isAfter(YearMonth.of(year + 1, 3))) {
            throw new RuleViolated("period.asOf: " + asOf + " is not a month of " + ReportPeriod.financialYearLabel(year)
                    + " (April " + year + " to March " + (year + 1) + ")");
        }
        Report report = new Report();
        report.id = UUID.randomUUID();
        report.partnershipId = partnershipId;
        report.type = request.type();
        report.financialYear = year;
        report.performancePeriod = performance.slug();
        report.asOf = asOf.toString();
        report.status = Report.DRAFT;
        report.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        report.createdBy = author;
        report.persist();
        return report;
    }

    public Report find(UUID reportId) {
        return Report.<Report>findByIdOptional(reportId).orElseThrow(() -> new NoSuchRecord("No report " + reportId));
    }

    /** The report's content: as published, or for a draft as the projections give it now. */
    public ScrutinyReport contentOf(Report report) {
        return report.published() ? CanonicalJson.read(report.content) : assembler.assemble(report.partnershipId,
                periodOf(report));
    }

    /** The partnership's reports, newest first; drafts only where asked. */
    public List<Report> of(String partnershipId, boolean withDrafts) {
        return withDrafts
                ? Report.list("partnershipId = ?1 order by createdAt desc, id", partnershipId)
                : Report.list("partnershipId = ?1 and status = ?2 order by publishedAt desc, id", partnershipId,
                        Report.PUBLISHED);
    }

    @Transactional
    public Report publish(UUID reportId, String ifMatch, String publisher) {
        Report report = find(reportId);
        if (ifMatch != null) {
            EntityTags.requireMatch(ifMatch, report.version);
        }
        if (report.published()) {
            throw new StateConflict("Report " + reportId + " was published on " + report.publishedAt
                    + " and never changes; draft a new one");
        }
        // Positions first: the content assembled after them holds at least what they say.
        report.positions = positions.current();
        String content = CanonicalJson.of(assembler.assemble(report.partnershipId, periodOf(report)));
        report.content = content;
        report.contentHash = CanonicalJson.sha256(content);
        report.status = Report.PUBLISHED;
        report.publishedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        report.publishedBy = publisher;
        outbox.append(new ReportPublished(report.id, report.partnershipId, report.type, report.financialYear,
                report.performancePeriod, report.asOf, report.contentHash, report.publishedAt, report.positions));
        return report;
    }

    /**
     * Assembles a published report's content again from the projections as they are now: the same
     * hash where they stand at the positions it recorded (after a rebuild from the topics, too).
     */
    public Reassembly reassemble(Report report) {
        if (!report.published()) {
            throw new RuleViolated("Report " + report.id + " is a draft: only a published report can be reassembled");
        }
        List<ReportPublished.Position> now = positions.current();
        String hash = CanonicalJson.sha256(CanonicalJson.of(assembler.assemble(report.partnershipId, periodOf(report))));
        return new Reassembly(report.contentHash, hash, now.equals(report.positions), hash.equals(report.contentHash),
                now);
    }

    /**
     * @param atRecordedPositions whether the projections stand where they stood when it was published
     * @param sameContent whether the content assembled now hashes to the published hash
     */
    public record Reassembly(String publishedHash, String reassembledHash, boolean atRecordedPositions,
            boolean sameContent, List<ReportPublished.Position> positions) {
    }

    static ReportPeriod periodOf(Report report) {
        return ReportPeriod.of(report.financialYear, PerformancePeriod.ofSlug(report.performancePeriod),
                YearMonth.parse(report.asOf));
    }
}
