package org.saferpartnerships.incident.totals;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.incident.Directory;
import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.testing.identity.TestTokens;

/** The totals reporting-service is reconciled against: live incidents per partnership and month. */
@QuarkusTest
class IncidentTotalsTest {

    private static final String TOTALS = "/api/v1/admin/incident-totals";
    private static final String ADMIN = TestTokens.forUser("totals-admin").roles(Roles.PLATFORM_ADMIN).token();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eachMonthCountsItsIncidentsAndAWithdrawnOneIsLeftOut() {
        String[] created = Directory.partnership(dataSource);
        String partnership = created[0];
        Directory.member(dataSource, "essex-police", partnership, "2019-04-01", null);
        String police = TestTokens.agencySubmitter("essex-police", partnership);
        post(police, created[1], "2024-05-02");
        post(police, created[1], "2024-05-20");
        post(police, created[1], "2024-06-01");
        String withdrawn = post(police, created[1], "2024-06-09");
        jsonWithToken(police).header("If-Match", "\"0\"").body("{\"reason\": \"Recorded twice\"}")
                .when().post("/api/v1/incidents/" + withdrawn + "/withdrawal").then().statusCode(200);

        List<Map<String, Object>> totals = withToken(ADMIN).get(TOTALS).then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.partnershipId == '" + partnership + "' }");
        assertThat(totals, equalTo(List.of(
                Map.of("partnershipId", partnership, "month", "2024-05", "incidents", 2),
                Map.of("partnershipId", partnership, "month", "2024-06", "incidents", 1))));
    }

    @Test
    void onlyAPlatformAdminSeesTheUnsuppressedTotals() {
        withToken(TestTokens.forUser("totals-analyst").roles(Roles.ANALYST).token()).get(TOTALS).then().statusCode(403);
    }

    private static String post(String token, String district, String occurredOn) {
        return jsonWithToken(token).body("""
                {"externalRef": "T-%s", "category": "burglary", "occurredOn": "%s", "districtCode": "%s"}"""
                .formatted(UUID.randomUUID(), occurredOn, district))
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }
}
