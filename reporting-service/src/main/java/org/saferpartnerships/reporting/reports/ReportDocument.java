package org.saferpartnerships.reporting.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * A report as a committee reads it: a printable, accessible XHTML page with its charts as inline
 * SVG and nothing fetched from anywhere, and the same page rendered as PDF on the server.
 */
@ApplicationScoped
public class ReportDocument {

    /** What the page says about the report beside its content. */
    public record Meta(boolean published, String publishedAt, String contentHash, String assembledNote) {

        static Meta of(Report report) {
            return new Meta(report.published(), report.publishedAt == null ? null : report.publishedAt.toString(),
                    report.contentHash, "from the projections as they stand now");
        }
    }

    /** The charts the page draws. */
    public record Charts(ReportCharts.LineChart trend, ReportCharts.BarChart categories,
            ReportCharts.RiskGrid riskMatrix) {
    }

    private final Template page;

    ReportDocument(@Location("reports/scrutiny.html") Template page) {
        this.page = page;
    }

    public String html(Report report, ScrutinyReport content) {
        ScrutinyReport.Performance performance = content.performance();
        Charts charts = new Charts(ReportCharts.trend(performance.trend()),
                ReportCharts.categories(performance.categories(), performance.from() + " to " + performance.to()),
                ReportCharts.riskMatrix(content.risks().matrix()));
        return page.data("report", content).data("meta", Meta.of(report)).data("charts", charts).render();
    }

    public byte[] pdf(Report report, ScrutinyReport content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withHtmlContent(html(report, content), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render report " + report.id + " as PDF", e);
        }
        return out.toByteArray();
    }
}
