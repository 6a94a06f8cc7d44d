package org.saferpartnerships.reporting.reports;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import com.fasterxml.jackson.databind.JsonNode;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.testing.browser.Browser;
import org.saferpartnerships.testing.identity.TestTokens;

/**
 * The report as a committee reads it: the HTML page rendered in a real headless Chromium, its charts
 * counted in the page (screenshots of each page kept in target/report-pages), and the PDF read back
 * by text extraction. Castle Point and Rochford's 2021/22 figures must read as the paper prints them.
 */
@QuarkusTest
class ReportPageTest {

    private static final Path PAGES = Path.of("target", "report-pages");

    @Test
    void theHtmlPageRendersInChromiumWithEveryChartAndThePdfCarriesTheSameFigures() throws IOException {
        String p = "cpr-" + UUID.randomUUID();
        ReportFixtures.castlePointAndRochford(p);
        String officer = TestTokens.withRole(Roles.PARTNERSHIP_OFFICER, p);
        JsonPath draft = ReportFixtures.draft(officer, p, 2021);
        String report = "/api/v1/reports/" + draft.getString("id");
        JsonPath json = withToken(officer).accept("application/json").get(report).then().statusCode(200).extract()
                .jsonPath();
        long points = json.getList("content.performance.trend.allCrime").stream().filter(v -> v != null).count()
                + json.getList("content.performance.trend.antiSocialBehaviour").stream().filter(v -> v != null).count();
        long bars = json.getList("content.performance.categories.count").stream().filter(v -> v != null).count();

        String html = withToken(officer).accept("text/html").get(report).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        // Nothing fetched: no script, no external image, font or style sheet.
        assertThat(html, not(containsString("<script")));
        assertThat(html, not(containsString("src=")));
        assertThat(html, not(containsString("href=")));
        assertThat(html, not(containsString("@import")));
        Files.createDirectories(PAGES);
        Path page = PAGES.resolve("castle-point-rochford-2021.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);

        try (Browser browser = Browser.start(1024, 1400)) {
            browser.open(page.toUri().toString());
            JsonNode seen = browser.script("""
                    const chart = id => document.querySelector('svg[data-chart="' + id + '"]');
                    return {
                      title: document.title,
                      sections: Array.from(document.querySelectorAll('h2')).map(h => h.textContent),
                      points: chart('trend').querySelectorAll('circle.point').length,
                      lines: chart('trend').querySelectorAll('polyline').length,
                      bars: chart('categories').querySelectorAll('rect.bar').length,
                      chartsLabelled: Array.from(document.querySelectorAll('svg'))
                          .every(s => s.getAttribute('role') === 'img' && s.querySelector('title')),
                      tablesCaptioned: Array.from(document.querySelectorAll('table')).every(t => t.caption),
                      trendDrawn: chart('trend').getBoundingClientRect().width,
                      riskCells: chart('risk-matrix').querySelectorAll('rect.cell').length,
                      highCells: chart('risk-matrix').querySelectorAll('rect.cell.high').length,
                      riskCounts: Array.from(chart('risk-matrix').querySelectorAll('rect.cell'))
                          .filter(c => c.getAttribute('data-risks') !== '0')
                          .map(c => c.getAttribute('data-likelihood') + 'x' + c.getAttribute('data-impact') + ':'
                              + c.getAttribute('data-risks')),
                      riskRows: document.querySelectorAll('#risk-table tbody tr').length,
                      members: Array.from(document.querySelectorAll('#member-table tbody td:first-child'))
                          .map(td => td.textContent),
                      actionTables: document.querySelectorAll('table.action-table').length,
                      body: document.body.innerText
                    };""");
            assertThat(seen.path("title").asText(), equalTo("Castle Point and Rochford CSP: scrutiny report 2021/22"));
            assertThat(seen.path("sections").toString(), equalTo("[\"1. Summary\",\"2. The partnership\","
                    + "\"3. Priorities and actions\",\"4. Performance\",\"5. Funding\",\"6. Risks\","
                    + "\"7. Domestic Homicide Reviews\",\"8. Glossary\"]"));
            // 6 likelihoods × 4 impacts; scores of 15 and above are high: 5×3, 5×4, 6×3, 6×4, 4×4.
            assertThat(seen.path("riskCells").asInt(), equalTo(24));
            assertThat(seen.path("highCells").asInt(), equalTo(5));
            assertThat(seen.path("riskCounts").toString(), equalTo("[\"4x3:1\",\"4x4:1\",\"3x2:1\"]"));
            assertThat(seen.path("riskRows").asInt(), equalTo(3));
            assertThat(seen.path("members").toString(), equalTo("[\"Castle Point Borough Council\","
                    + "\"Essex County Fire and Rescue Service\",\"Essex Police\",\"Rochford District Council\","
                    + "\"Bar 'N' Bus\"]"));
            // One per priority and one for the action under none.
            assertThat(seen.path("actionTables").asInt(), equalTo(3));
            assertThat(seen.path("points").asLong(), equalTo(points));
            assertThat(points, greaterThan(0L));
            assertThat(seen.path("lines").asInt(), equalTo(2));
            assertThat(seen.path("bars").asLong(), equalTo(bars));
            assertThat(bars, greaterThan(0L));
            assertThat(seen.path("chartsLabelled").asBoolean(), equalTo(true));
            assertThat(seen.path("tablesCaptioned").asBoolean(), equalTo(true));
            assertThat(seen.path("trendDrawn").asDouble(), greaterThan(600.0));
            assertThat(seen.path("body").asText(), containsString("Grant funding for 2021/22 amounted to £12,337; an "
                    + "underspend of £10,142 was approved to roll over from 2020/21; the anticipated underspend is "
                    + "£1,518."));
            List<Path> screenshots = browser.screenshotsOfEachPage(PAGES, "castle-point-rochford-2021");
            assertThat(screenshots.size(), greaterThan(1));
            for (Path screenshot : screenshots) {
                assertThat(Files.size(screenshot), greaterThan(10_000L));
            }
        }

        byte[] pdf = withToken(officer).accept("application/pdf").get(report).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        Files.write(PAGES.resolve("castle-point-rochford-2021.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(document.getNumberOfPages(), greaterThan(1));
            for (String expected : List.of("Castle Point and Rochford CSP", "1. Summary", "2. The partnership",
                    "3. Priorities and actions", "4. Performance", "5. Funding", "6. Risks",
                    "7. Domestic Homicide Reviews", "8. Glossary", "£12,337", "£10,142", "£1,518", "Walk Online",
                    "CSP Steering Group", "10 June 2021", "123% of target", "3 open risks: 1 high, 1 medium, 1 low.",
                    "2 under review, 1 published", "Police, Fire and Crime Commissioner")) {
                assertThat(text, containsString(expected));
            }
        }
    }
}
