package org.saferpartnerships.incident.intake;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;

import java.time.YearMonth;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.incident.Directory;
import org.saferpartnerships.testing.identity.TestTokens;

/** The record's own rules: ASB types, flags, when and where. */
@QuarkusTest
class IncidentRecordRulesTest {

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
        police = TestTokens.agencySubmitter("essex-police", partnership);
    }

    private io.restassured.response.ValidatableResponse post(String fields) {
        return jsonWithToken(police)
                .body("{\"externalRef\": \"EP-" + UUID.randomUUID() + "\", \"districtCode\": \"" + district + "\", "
                        + fields + "}")
                .when().post("/api/v1/incidents").then();
    }

    @Test
    void aFullAsbRecordIsKeptAsPosted() {
        post("""
                "category": "anti-social-behaviour", "asbType": "nuisance", "asbSubType": "nitrous oxide",
                "flags": ["alcohol-related", "hate-crime"], "hateCrimeStrand": "race", "occurredOn": "2024-05-18",
                "reportedOn": "2024-05-19", "lsoaCode": "E01021543", "latitude": 51.889, "longitude": 0.901,
                "locationDescription": "On or near High Street", "outcome": "local-resolution",
                "enforcementActions": [{"type": "cpw", "on": "2024-05-25"}, {"type": "cpn", "on": "2024-06-10"}]""")
                .statusCode(201)
                .body("partnershipId", equalTo(partnership))
                .body("asbType", equalTo("nuisance"))
                .body("flags", contains("alcohol-related", "hate-crime"))
                .body("occurredMonth", equalTo("2024-05"))
                .body("enforcementActions.type", contains("cpw", "cpn"))
                .body("outcome", equalTo("local-resolution"));
    }

    @Test
    void thePartnershipIsFoundFromTheDistrictWhenNotGiven() {
        post("\"category\": \"drugs\", \"occurredMonth\": \"2018-01\"")
                .statusCode(201).body("partnershipId", equalTo(partnership)).body("occurredOn", equalTo(null));
    }

    @Test
    void aGivenPartnershipMustCoverTheDistrict() {
        String[] other = Directory.partnership(dataSource);
        Directory.member(dataSource, "essex-police", other[0], "2019-04-01", null);
        jsonWithToken(TestTokens.agencySubmitter("essex-police", partnership, other[0])).body("""
                        {"externalRef": "X-1", "partnershipId": "%s", "districtCode": "%s", "category": "drugs",
                         "occurredMonth": "2018-01"}""".formatted(other[0], district))
                .when().post("/api/v1/incidents")
                .then().statusCode(400).body("detail", containsString("does not cover"));
    }

    @Test
    void onlyAsbHasAHomeOfficeType() {
        // data.police.uk publishes no ASB type, so it is optional.
        post("\"category\": \"anti-social-behaviour\", \"occurredOn\": \"2024-05-18\"").statusCode(201);
        post("\"category\": \"burglary\", \"asbType\": \"personal\", \"occurredOn\": \"2024-05-18\"")
                .statusCode(400).body("violations.field", hasItem("asbTypeForAsbOnly"));
        post("\"category\": \"burglary\", \"asbSubType\": \"noise\", \"occurredOn\": \"2024-05-18\"")
                .statusCode(400).body("violations.field", hasItem("asbTypeForAsbOnly"));
        post("\"category\": \"anti-social-behaviour\", \"asbType\": \"rowdy\", \"occurredOn\": \"2024-05-18\"")
                .statusCode(400).body("field", equalTo("asbType"));
    }

    @Test
    void aHateCrimeNamesItsStrand() {
        post("\"category\": \"public-order\", \"flags\": [\"hate-crime\"], \"occurredOn\": \"2024-05-18\"")
                .statusCode(400).body("violations.field", hasItem("hateCrimeStrandWithFlag"));
        post("\"category\": \"public-order\", \"flags\": [\"unlucky\"], \"occurredOn\": \"2024-05-18\"")
                .statusCode(400);
    }

    @Test
    void whenIsADayOrAMonthNeverInTheFuture() {
        post("\"category\": \"drugs\"").statusCode(400).body("violations.field", hasItem("occurrenceGiven"));
        post("\"category\": \"drugs\", \"occurredOn\": \"2024-05-18\", \"occurredMonth\": \"2024-05\"")
                .statusCode(400).body("violations.field", hasItem("occurrenceGiven"));
        post("\"category\": \"drugs\", \"occurredMonth\": \"" + YearMonth.now().plusMonths(1) + "\"")
                .statusCode(400).body("violations.field", hasItem("occurredMonthPast"));
        post("\"category\": \"drugs\", \"occurredMonth\": \"2024-13\"")
                .statusCode(400).body("violations.field", hasItem("occurredMonth"));
        post("\"category\": \"drugs\", \"occurredOn\": \"2024-05-18\", \"reportedOn\": \"2024-05-01\"")
                .statusCode(400).body("violations.field", hasItem("reportedAfterOccurrence"));
    }

    @Test
    void coordinatesAreAPairInsideTheUnitedKingdom() {
        post("\"category\": \"drugs\", \"occurredOn\": \"2024-05-18\", \"latitude\": 48.85, \"longitude\": 2.35")
                .statusCode(400).body("violations.field", hasItem("latitude")).body("violations.field", hasItem("longitude"));
        post("\"category\": \"drugs\", \"occurredOn\": \"2024-05-18\", \"latitude\": 51.88")
                .statusCode(400).body("violations.field", hasItem("coordinatePair"));
        post("\"category\": \"drugs\", \"occurredOn\": \"2024-05-18\", \"lsoaCode\": \"Colchester 001A\"")
                .statusCode(400).body("violations.field", hasItem("lsoaCode"));
        // Stored to six places: more would be rounded, and a re-post would no longer match.
        post("\"category\": \"drugs\", \"occurredOn\": \"2024-05-18\", \"latitude\": 51.8891234, \"longitude\": 0.901")
                .statusCode(400).body("violations.field", hasItem("latitude"));
    }

    @Test
    void textTheDatabaseCannotStoreIsABadRequest() {
        post("\"category\": \"drugs\", \"occurredOn\": \"2024-05-18\", \"locationDescription\": \"On or near\\u0000\"")
                .statusCode(400).contentType("application/problem+json");
    }
}
