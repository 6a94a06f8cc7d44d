package org.saferpartnerships.funding.grants;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import org.saferpartnerships.funding.Funding;
import org.saferpartnerships.funding.Partnerships;
import org.saferpartnerships.platform.api.HttpProblem;
import org.saferpartnerships.platform.audit.AuditTrail;
import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.testing.identity.TestTokens;

@QuarkusTest
class GrantsExportTest {

    private static final String EXPORT = "/api/v1/grants/360giving";
    private static final String DHR = "Centralised Domestic Homicide Review process";

    /** Amounts as written, 12527.00 with its two decimals: not a double, nor normalised to 12527. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    /** The fields the export fills, in its column order; each is one column of the spreadsheet. */
    private static final List<List<String>> FIELDS = List.of(List.of("id"), List.of("title"),
            List.of("description"), List.of("currency"), List.of("amountAwarded"), List.of("awardDate"),
            List.of("plannedDates", "startDate"), List.of("plannedDates", "endDate"),
            List.of("recipientOrganization", "id"), List.of("recipientOrganization", "name"),
            List.of("fundingOrganization", "id"), List.of("fundingOrganization", "name"),
            List.of("grantProgramme", "title"));

    @Inject
    AgroalDataSource dataSource;

    private Funding funder;
    private JsonNode funderRecord;
    private String castlePoint;
    private String maldon;
    private String topSliced;
    private String plain;

    /**
     * The funder's two grants of 2021/22, one of them top-sliced, beside what must stay out of its
     * export: its own grant of the next year, and another funder's grant of the same year.
     */
    @BeforeEach
    void twoGrantsOfOneYear() throws Exception {
        funder = Funding.funder();
        funderRecord = JSON.readTree(withToken(Funding.ADMIN).get("/api/v1/funders/" + funder.funderId)
                .then().statusCode(200).extract().asString());
        castlePoint = Partnerships.partnership(dataSource);
        maldon = Partnerships.partnership(dataSource);
        topSliced = allocate(funder, castlePoint, funder.coreGrant, 2021, "14235.00", "2021-04-01", "CSP-2021-CPR",
                null);
        jsonWithToken(funder.officer(castlePoint)).body("""
                {"amount": 1708.00, "purpose": "%s", "appliedOn": "2021-04-01"}""".formatted(DHR))
                .post("/api/v1/partnerships/" + castlePoint + "/allocations/" + topSliced + "/top-slices")
                .then().statusCode(201);
        plain = allocate(funder, maldon, funder.developmentFund, 2021, "5000.00", "2021-06-15", "DEV-2021-MAL",
                "Safer Streets match funding, \"Maldon Nights\" project");
        allocate(funder, castlePoint, funder.coreGrant, 2022, "14500.00", "2022-04-01", "CSP-2022-CPR", null);
        Funding other = Funding.funder();
        allocate(other, castlePoint, other.coreGrant, 2021, "900.00", "2021-05-01", "OTHER-2021", null);
    }

    @Test
    void theExportIsA360GivingPackageOfTheFundersGrantsOfTheYear() throws Exception {
        JsonNode export = JSON.readTree(withToken(funder.officer(castlePoint, maldon))
                .queryParam("funder", funder.funderId).queryParam("year", 2021).get(EXPORT)
                .then().statusCode(200).contentType("application/json").extract().asString());

        assertThat(ThreeSixtyGivingSchema.violationsOf(export), empty());
        List<JsonNode> grants = list(export.get("grants"));
        String prefix = funderRecord.get("grantPrefix").asText();
        assertThat(grants.stream().map(g -> g.get("id").asText()).toList(),
                contains(prefix + "-CSP-2021-CPR", prefix + "-DEV-2021-MAL"));
        assertThat(grants.stream().map(g -> g.get("amountAwarded").decimalValue()).toList(),
                contains(new BigDecimal("12527.00"), new BigDecimal("5000.00")));
        assertThat(grants.stream().map(g -> g.at("/recipientOrganization/0/id").asText()).toList(),
                contains(prefix + "-CSP-" + castlePoint, prefix + "-CSP-" + maldon));
        assertThat(grants.stream().map(g -> g.at("/recipientOrganization/0/name").asText()).toList(),
                contains("Partnership " + castlePoint, "Partnership " + maldon));
        for (JsonNode grant : grants) {
            assertThat(grant.get("currency").asText(), equalTo("GBP"));
            assertThat(grant.get("fundingOrganization"), equalTo(JSON.readTree("""
                    [{"id": "%s", "name": "%s"}]""".formatted(funderRecord.get("orgId").asText(),
                    funderRecord.get("name").asText()))));
            assertThat(grant.get("plannedDates"), equalTo(JSON.readTree("""
                    [{"startDate": "2021-04-01", "endDate": "2022-03-31"}]""")));
        }
        assertThat(grants.get(0).get("awardDate").asText(), equalTo("2021-04-01"));
        assertThat(grants.get(1).get("awardDate").asText(), equalTo("2021-06-15"));
        assertThat(grants.get(1).get("description").asText(),
                equalTo("Safer Streets match funding, \"Maldon Nights\" project"));
        String topSlicedDescription = grants.get(0).get("description").asText();
        assertThat(topSlicedDescription, startsWith("Core grant allocated to Partnership " + castlePoint
                + " for the financial year 2021/22."));
        assertThat(topSlicedDescription, containsString("Gross £14,235.00"));
        assertThat(topSlicedDescription, containsString("£1,708.00 for " + DHR));
        assertThat(topSlicedDescription, containsString("net £12,527.00"));
        assertThat(grants.stream().map(g -> g.at("/grantProgramme/0/title").asText()).toList(),
                contains("Core grant", "Development fund"));
    }

    @Test
    void theValidatorRefusesWhatTheStandardDoes() throws Exception {
        JsonNode export = JSON.readTree(withToken(Funding.ADMIN).queryParam("funder", funder.funderId)
                .queryParam("year", 2021).get(EXPORT).then().statusCode(200).extract().asString());
        assertThat(ThreeSixtyGivingSchema.violationsOf(export), empty());

        JsonNode badDate = export.deepCopy();
        ((ObjectNode) badDate.at("/grants/0")).put("awardDate", "2020-13-01");
        assertThat(ThreeSixtyGivingSchema.violationsOf(badDate), hasItem(startsWith("/grants/0/awardDate")));
        JsonNode noCurrency = export.deepCopy();
        ((ObjectNode) noCurrency.at("/grants/1")).remove("currency");
        assertThat(ThreeSixtyGivingSchema.violationsOf(noCurrency), hasItem(containsString("'currency'")));
        JsonNode noGrants = JSON.readTree("{\"grants\": []}");
        assertThat(ThreeSixtyGivingSchema.violationsOf(noGrants), not(empty()));
    }

    @Test
    void theCsvHasTheSchemasColumnTitlesAndOneRowPerGrantWithTheSameValues() throws Exception {
        JsonNode export = JSON.readTree(withToken(funder.officer(castlePoint, maldon))
                .queryParam("funder", funder.funderId).queryParam("year", 2021).get(EXPORT)
                .then().statusCode(200).extract().asString());
        String csv = withToken(funder.officer(castlePoint, maldon)).accept("text/csv").queryParam("funder", funder.funderId)
                .queryParam("year", 2021).get(EXPORT)
                .then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", containsString("360giving-" + funder.funderId + "-2021-22.csv"))
                .extract().asString();

        assertThat("no byte order mark before the first title", csv, startsWith("Identifier,"));
        assertThat(csv.split("\r\n", -1).length, equalTo(4));
        List<List<String>> rows = rows(csv);
        assertThat(rows.get(0), equalTo(columnTitles()));
        assertThat(rows.get(0), contains("Identifier", "Title", "Description", "Currency", "Amount Awarded",
                "Award Date", "Planned Dates:Start Date", "Planned Dates:End Date", "Recipient Org:Identifier",
                "Recipient Org:Name", "Funding Org:Identifier", "Funding Org:Name", "Grant Programme:Title"));
        List<JsonNode> grants = list(export.get("grants"));
        assertThat(rows.subList(1, rows.size()), hasSize(grants.size()));
        for (int i = 0; i < grants.size(); i++) {
            assertThat(rows.get(i + 1), equalTo(cells(grants.get(i))));
        }
        assertThat(rows.get(1).get(4), equalTo("12527.00"));
    }

    @Test
    void jsonUnlessCsvIsPreferredAndAYearWithoutGrantsIsEmpty() {
        withToken(Funding.ADMIN).accept("text/csv;q=0.5, application/json").queryParam("funder", funder.funderId)
                .queryParam("year", 2021).get(EXPORT).then().statusCode(200).contentType("application/json")
                .body("grants", hasSize(2));
        withToken(Funding.ADMIN).accept("application/json;q=0.5, text/csv").queryParam("funder", funder.funderId)
                .queryParam("year", 2021).get(EXPORT).then().statusCode(200).contentType("text/csv");
        withToken(Funding.ADMIN).accept("application/xml").queryParam("funder", funder.funderId)
                .queryParam("year", 2021).get(EXPORT).then().statusCode(406);

        withToken(Funding.ADMIN).queryParam("funder", funder.funderId).queryParam("year", 2019).get(EXPORT)
                .then().statusCode(200).body("grants", empty());
        String csv = withToken(Funding.ADMIN).accept("text/csv").queryParam("funder", funder.funderId)
                .queryParam("year", 2019).get(EXPORT).then().statusCode(200).extract().asString();
        assertThat(csv, equalTo(String.join(",", columnTitles()) + "\r\n"));
    }

    @Test
    void theExportNamesTheAllocationsItReadInTheAuditTrail() throws Exception {
        String purpose = "360Giving publication " + UUID.randomUUID();
        withToken(funder.officer(castlePoint, maldon)).header(AuditTrail.PURPOSE, purpose).queryParam("funder", funder.funderId)
                .queryParam("year", 2021).get(EXPORT).then().statusCode(200);

        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select action, record_type, record_ids, outcome from audit_entry where purpose = ?")) {
            select.setString(1, purpose);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next(), equalTo(true));
                assertThat(List.of(rows.getString(1), rows.getString(2), rows.getString(4)),
                        equalTo(List.of("list", "grant", "allowed")));
                assertThat(List.of((String[]) rows.getArray(3).getArray()), containsInAnyOrder(topSliced, plain));
                assertThat(rows.next(), equalTo(false));
            }
        }
    }

    @Test
    void onlyTheFundersOwnOfficersAndAdminsExportItsGrants() {
        Funding other = Funding.funder();
        for (String refused : List.of(other.officer(castlePoint), TestTokens.withRole(Roles.VIEWER, castlePoint),
                TestTokens.analyst(castlePoint), Funding.partnershipOfficer(castlePoint),
                TestTokens.forUser("essex-police-officer").roles(Roles.FUNDING_OFFICER).agency("essex-police")
                        .token())) {
            refused(withToken(refused).queryParam("funder", funder.funderId).queryParam("year", 2021).get(EXPORT)
                    .then(), 403);
        }
        refused(withToken(other.officer()).accept("text/csv").queryParam("funder", funder.funderId)
                .queryParam("year", 2021).get(EXPORT).then(), 403);
        withToken(Funding.ADMIN).queryParam("funder", funder.funderId).queryParam("year", 2021).get(EXPORT)
                .then().statusCode(200).body("grants", hasSize(2));
    }

    @Test
    void aFundingOfficerExportsOnlyTheGrantsToThePartnershipsOfTheirArea() throws Exception {
        String purpose = "360Giving publication " + UUID.randomUUID();
        withToken(funder.officer(castlePoint)).header(AuditTrail.PURPOSE, purpose).queryParam("funder", funder.funderId)
                .queryParam("year", 2021).get(EXPORT).then().statusCode(200)
                .body("grants.recipientOrganization[0].id", contains(funderRecord.get("grantPrefix").asText() + "-CSP-"
                        + castlePoint));
        String csv = withToken(funder.officer(castlePoint)).accept("text/csv").queryParam("funder", funder.funderId)
                .queryParam("year", 2021).get(EXPORT).then().statusCode(200).extract().asString();
        assertThat(rows(csv), hasSize(2));
        assertThat(csv, not(containsString(maldon)));
        withToken(funder.officer()).queryParam("funder", funder.funderId).queryParam("year", 2021).get(EXPORT)
                .then().statusCode(200).body("grants", empty());

        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select record_ids from audit_entry where purpose = ?")) {
            select.setString(1, purpose);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next(), equalTo(true));
                assertThat(List.of((String[]) rows.getArray(1).getArray()), contains(topSliced));
            }
        }
    }

    @Test
    void publishedIdentifiersStayTheSame() {
        List<String> ids = withToken(Funding.ADMIN).queryParam("funder", funder.funderId).queryParam("year", 2021)
                .get(EXPORT).then().statusCode(200).extract().path("grants.id");
        String prefix = funderRecord.get("grantPrefix").asText();
        String funderTag = withToken(Funding.ADMIN).get("/api/v1/funders/" + funder.funderId).then().extract()
                .header("ETag");
        refused(jsonWithToken(Funding.ADMIN).header("If-Match", funderTag).body("""
                {"id": "%s", "name": "Renamed", "kind": "commissioner", "orgId": "%s", "grantPrefix": "360G-renamed"}"""
                .formatted(funder.funderId, funderRecord.get("orgId").asText())).put("/api/v1/funders/" + funder.funderId)
                .then(), 409).body("detail", containsString("360Giving prefix stays " + prefix));
        jsonWithToken(Funding.ADMIN).header("If-Match", funderTag).body("""
                {"id": "%s", "name": "Renamed", "kind": "commissioner", "orgId": "%s", "grantPrefix": "%s"}"""
                .formatted(funder.funderId, funderRecord.get("orgId").asText(), prefix))
                .put("/api/v1/funders/" + funder.funderId).then().statusCode(200).body("name", equalTo("Renamed"));

        String allocation = "/api/v1/partnerships/" + maldon + "/allocations/" + plain;
        String allocationTag = withToken(Funding.ADMIN).get(allocation).then().statusCode(200).extract().header("ETag");
        String revised = """
                {"streamId": "%s", "financialYear": 2021, "gross": 5000.00, "awardedOn": "2021-06-15",
                 "reference": "%s", "title": "Revised"}""";
        refused(jsonWithToken(Funding.ADMIN).header("If-Match", allocationTag)
                .body(revised.formatted(funder.developmentFund, "DEV-2021-OTHER")).put(allocation).then(), 409)
                .body("detail", containsString("reference stays DEV-2021-MAL"));
        jsonWithToken(Funding.ADMIN).header("If-Match", allocationTag)
                .body(revised.formatted(funder.developmentFund, "DEV-2021-MAL")).put(allocation).then().statusCode(200)
                .body("title", equalTo("Revised"));

        withToken(Funding.ADMIN).queryParam("funder", funder.funderId).queryParam("year", 2021).get(EXPORT).then()
                .statusCode(200).body("grants.id", equalTo(ids)).body("grants[1].title", equalTo("Revised"));
    }

    @Test
    void anUnknownFunderIsNotFoundAndBadParametersAreRefused() {
        refused(withToken(Funding.ADMIN).queryParam("funder", "no-such-funder").queryParam("year", 2021)
                .get(EXPORT).then(), 404);
        refused(withToken(funder.officer()).queryParam("funder", "no-such-funder").queryParam("year", 2021)
                .get(EXPORT).then(), 404);

        for (String year : List.of("abc", "1999", "2101", "21", "2021.5")) {
            refused(withToken(Funding.ADMIN).queryParam("funder", funder.funderId).queryParam("year", year)
                    .get(EXPORT).then(), 400).body("violations.field", contains("year"))
                    .body("violations.in", contains("query"));
        }
        refused(withToken(Funding.ADMIN).queryParam("funder", funder.funderId).get(EXPORT).then(), 400)
                .body("violations.field", contains("year"));
        refused(withToken(Funding.ADMIN).queryParam("year", 2021).get(EXPORT).then(), 400)
                .body("violations.field", contains("funder"));
        refused(withToken(Funding.ADMIN).queryParam("funder", "Not A Funder!").queryParam("year", 2021)
                .get(EXPORT).then(), 400).body("violations.field", contains("funder"));
    }

    private static ValidatableResponse refused(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(HttpProblem.MEDIA_TYPE);
    }

    private static String allocate(Funding funding, String partnershipId, String streamId, int year, String gross,
            String awardedOn, String reference, String description) {
        Map<String, Object> allocation = new LinkedHashMap<>(Map.of("streamId", streamId, "financialYear", year,
                "gross", new BigDecimal(gross), "awardedOn", awardedOn, "reference", reference,
                "title", "Community Safety Partnership grant " + year));
        if (description != null) {
            allocation.put("description", description);
        }
        return jsonWithToken(funding.officer(partnershipId)).body(allocation)
                .post("/api/v1/partnerships/" + partnershipId + "/allocations").then().statusCode(201)
                .extract().path("id");
    }

    /** A grant's cells, field by field as the JSON has them: what its CSV row must say. */
    private static List<String> cells(JsonNode grant) {
        List<String> cells = new ArrayList<>();
        for (List<String> path : FIELDS) {
            JsonNode value = grant.get(path.get(0));
            if (path.size() == 2) {
                assertThat(path.get(0) + " has one entry", value.size(), equalTo(1));
                value = value.get(0).get(path.get(1));
            }
            cells.add(value.isNumber() ? value.decimalValue().toPlainString() : value.asText());
        }
        return cells;
    }

    private static List<String> columnTitles() {
        return FIELDS.stream().map(path -> ThreeSixtyGivingSchema.columnTitle(path.toArray(String[]::new))).toList();
    }

    /** The CSV as a spreadsheet reads it: rows of cells, quotes and embedded commas undone. */
    private static List<List<String>> rows(String csv) {
        try {
            return new CsvMapper().readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                    .<List<String>>readValues(csv).readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
