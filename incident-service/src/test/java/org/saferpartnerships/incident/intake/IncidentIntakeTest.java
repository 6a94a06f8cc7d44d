package org.saferpartnerships.incident.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.saferpartnerships.incident.Directory;
import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.testing.identity.TestTokens;
import org.saferpartnerships.testing.kafka.TestKafka;

@QuarkusTest
class IncidentIntakeTest {

    @Inject
    AgroalDataSource dataSource;

    private String partnership;
    private String district;
    private String police;

    @BeforeEach
    void aPartnershipWithThePoliceAsMember() {
        String[] created = Directory.partnership(dataSource);
        partnership = created[0];
        district = created[1];
        Directory.member(dataSource, "essex-police", partnership, "2019-04-01", null);
        police = TestTokens.agencySubmitter("essex-police", partnership, "maldon");
    }

    private String incident(String externalRef) {
        return incident(externalRef, "burglary");
    }

    private String incident(String externalRef, String category) {
        return """
                {"externalRef": "%s", "partnershipId": "%s", "category": "%s",
                 "occurredOn": "2024-05-18", "districtCode": "%s"}""".formatted(externalRef, partnership, category, district);
    }

    @Test
    void theEventCarriesTheTraceOfTheRequestThatRecordedTheIncident() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        // A caller's own trace (not sampled, so nothing is exported): the service joins it.
        String id = jsonWithToken(police)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-00")
                .body(incident("EP-TRACE-" + UUID.randomUUID()))
                .when().post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");

        ConsumerRecord<String, String> event = TestKafka.awaitRecords(Topics.INCIDENT_EVENTS,
                r -> id.equals(TestKafka.header(r, "ce_subject")), Duration.ofSeconds(20)).get(0);
        assertThat(TestKafka.header(event, "traceparent"), startsWith("00-" + traceId + "-"));
    }

    @Test
    void recordsAnIncidentAndPublishesItsEvent() {
        String ref = "EP-" + UUID.randomUUID();
        String id = jsonWithToken(police).body(incident(ref))
                .when().post("/api/v1/incidents")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/incidents/"))
                .body("agencyId", equalTo("essex-police"))
                .body("externalRef", equalTo(ref))
                .body("partnershipId", equalTo(partnership))
                .body("category", equalTo("burglary"))
                .body("occurredOn", equalTo("2024-05-18"))
                .body("districtCode", equalTo(district))
                .body("recordedAt", notNullValue())
                .extract().path("id");

        List<ConsumerRecord<String, String>> events = TestKafka.awaitRecords(Topics.INCIDENT_EVENTS,
                r -> id.equals(TestKafka.header(r, "ce_subject")), Duration.ofSeconds(20));
        ConsumerRecord<String, String> event = events.get(0);
        assertThat(event.key(), equalTo(partnership));
        assertThat(TestKafka.header(event, "ce_type"), equalTo("incident.recorded.v1"));
        assertThat(TestKafka.header(event, "ce_specversion"), equalTo("1.0"));
        assertThat(TestKafka.header(event, "ce_source"), equalTo("/incident-service"));
        assertThat(TestKafka.header(event, "ce_id"), not(emptyOrNullString()));
        assertThat(TestKafka.header(event, "ce_time"), not(emptyOrNullString()));
        JsonPath data = JsonPath.from(event.value());
        assertThat(data.getString("incident.incidentId"), equalTo(id));
        assertThat(data.getString("incident.externalRef"), equalTo(ref));
        assertThat(data.getString("incident.occurredMonth"), equalTo("2024-05"));
        assertThat(data.getString("incident.category"), equalTo("burglary"));
        // Posted by the agency itself: not open data.
        assertThat(data.getMap("incident"), hasEntry("publication", (Object) null));
    }

    @Test
    void rePostingTheSameIncidentCreatesNothingNew() throws SQLException {
        String ref = "EP-" + UUID.randomUUID();
        long eventsBefore = Directory.eventsAppended(dataSource);
        String id = jsonWithToken(police).body(incident(ref))
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");

        jsonWithToken(police).body(incident(ref))
                .when().post("/api/v1/incidents")
                .then().statusCode(200).body("id", equalTo(id));

        assertThat(count("select count(*) from incident where external_ref = ?", ref), equalTo(1L));
        assertThat(Directory.eventsAppended(dataSource), equalTo(eventsBefore + 1));
    }

    @Test
    void rePostingAReferenceWithOtherContentIsAConflict() {
        String ref = "EP-" + UUID.randomUUID();
        jsonWithToken(police).body(incident(ref))
                .when().post("/api/v1/incidents").then().statusCode(201);

        jsonWithToken(police).body(incident(ref, "robbery"))
                .when().post("/api/v1/incidents")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(ref));
    }

    @Test
    void theSameReferenceFromAnotherAgencyIsAnotherIncident() {
        String ref = "SHARED-" + UUID.randomUUID();
        Directory.member(dataSource, "colchester-city-council", partnership, "2019-04-01", null);
        String council = TestTokens.agencySubmitter("colchester-city-council", partnership);
        String first = jsonWithToken(police).body(incident(ref))
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        String second = jsonWithToken(council).body(incident(ref))
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        assertThat(second, not(equalTo(first)));
    }

    @Test
    void invalidFieldsAreReportedOneByOneAndNothingIsStored() {
        String ref = "EP-" + UUID.randomUUID();
        String future = LocalDate.now().plusDays(2).toString();
        jsonWithToken(police).body("""
                {"externalRef": "%s", "partnershipId": "%s", "category": "jaywalking",
                 "occurredOn": "%s", "districtCode": "E99999999"}""".formatted(ref, partnership, future))
                .when().post("/api/v1/incidents")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("category"))
                .body("violations.field", hasItem("occurredOn"))
                .body("violations.field", hasItem("districtCode"));

        jsonWithToken(police).body("{\"externalRef\": \"" + ref + "\"}")
                .when().post("/api/v1/incidents")
                .then().statusCode(400)
                .body("violations.field", hasItem("occurrenceGiven"))
                .body("violations.field", hasItem("districtCode"))
                .body("violations.field", hasItem("category"));

        assertThat(count("select count(*) from incident where external_ref = ?", ref), is(0L));
    }

    @Test
    void unknownPropertiesSuchAsPersonalDataAreRejected() {
        String ref = "EP-" + UUID.randomUUID();
        jsonWithToken(police).body("""
                {"externalRef": "%s", "partnershipId": "%s", "category": "burglary",
                 "occurredOn": "2024-05-18", "districtCode": "%s", "victimName": "Jane Doe"}""".formatted(ref, partnership,
                        district))
                .when().post("/api/v1/incidents")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("victimName"));
        assertThat(count("select count(*) from incident where external_ref = ?", ref), is(0L));
    }

    @Test
    void malformedJsonAndWrongTypesAreBadRequests() {
        jsonWithToken(police).body("{\"externalRef\": ")
                .when().post("/api/v1/incidents")
                .then().statusCode(400).contentType("application/problem+json");
        jsonWithToken(police).body("""
                {"externalRef": "x", "category": "burglary", "occurredOn": "last tuesday", "districtCode": "E07000071"}""")
                .when().post("/api/v1/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("occurredOn"));
        jsonWithToken(police).body("null")
                .when().post("/api/v1/incidents")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void wrongMethodsAndMediaTypesGetProblemResponses() {
        jsonWithToken(police).body(incident("EP-put"))
                .when().put("/api/v1/incidents")
                .then().statusCode(405).contentType("application/problem+json");
        withToken(police).contentType(ContentType.XML).body("<incident/>")
                .when().post("/api/v1/incidents")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void callersWithoutTheRightTokenAreRefused() {
        given().contentType(ContentType.JSON).body(incident("EP-anon"))
                .when().post("/api/v1/incidents").then().statusCode(401);
        jsonWithToken(TestTokens.analyst(partnership)).body(incident("EP-analyst"))
                .when().post("/api/v1/incidents").then().statusCode(403);
        String otherAudience = TestTokens.forUser("p").roles("agency-submitter").agency("essex-police")
                .partnerships(partnership).audience("another-api").token();
        jsonWithToken(otherAudience).body(incident("EP-aud"))
                .when().post("/api/v1/incidents").then().statusCode(401);
    }

    @Test
    void anAgencyPostsOnlyForItsOwnPartnerships() {
        String braintreeOnly = TestTokens.agencySubmitter("braintree-district-council", "braintree");
        jsonWithToken(braintreeOnly).body(incident("BDC-1"))
                .when().post("/api/v1/incidents")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString(partnership));
        // In the token but not a member of the partnership (any more): refused too.
        Directory.member(dataSource, "former-member", partnership, "2019-04-01", "2020-03-31");
        jsonWithToken(TestTokens.agencySubmitter("former-member", partnership))
                .body(incident("FM-1")).when().post("/api/v1/incidents")
                .then().statusCode(403).body("detail", containsString("current member"));

        String noAgency = TestTokens.forUser("nobody").roles("agency-submitter").agency(null)
                .partnerships(partnership).token();
        jsonWithToken(noAgency).body(incident("NA-1"))
                .when().post("/api/v1/incidents").then().statusCode(403);
    }

    @Test
    void anAgencyCannotReadAnotherAgencysIncident() {
        String id = jsonWithToken(police).body(incident("EP-" + UUID.randomUUID()))
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");

        withToken(police).when().get("/api/v1/incidents/" + id)
                .then().statusCode(200).body("id", equalTo(id));
        Directory.member(dataSource, "essex-fire", partnership, "2019-04-01", null);
        withToken(TestTokens.agencySubmitter("essex-fire", partnership))
                .when().get("/api/v1/incidents/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        withToken(TestTokens.analyst(partnership)).when().get("/api/v1/incidents/" + id)
                .then().statusCode(200);
        withToken(TestTokens.analyst("braintree")).when().get("/api/v1/incidents/" + id)
                .then().statusCode(404);
        withToken(police).when().get("/api/v1/incidents/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    private long count(String sql, String parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
