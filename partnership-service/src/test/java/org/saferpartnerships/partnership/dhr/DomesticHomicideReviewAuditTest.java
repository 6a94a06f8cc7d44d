package org.saferpartnerships.partnership.dhr;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.saferpartnerships.partnership.Fixtures;
import org.saferpartnerships.platform.audit.AuditTrail;
import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.testing.identity.TestTokens;

/** Who read which Domestic Homicide Review, and why, is in the audit trail; so is who was refused one. */
@QuarkusTest
class DomesticHomicideReviewAuditTest {

    private static final String REVIEW = """
            {"caseReference": "DHR7", "notifiedOn": "2019-02-11", "status": "commissioned"}""";

    private String csp;
    private String reviews;

    @BeforeEach
    void aPartnership() {
        csp = Fixtures.partnership();
        reviews = "/api/v1/partnerships/" + csp + "/domestic-homicide-reviews";
    }

    @Test
    void theReviewsAnOfficerListsAndReadsAreAuditedWithWhoWhichAndWhy() {
        String subject = UUID.randomUUID().toString();
        String officer = TestTokens.forUser("dhr.officer").subject(subject).roles(Roles.PARTNERSHIP_OFFICER)
                .agency("chelmsford-city-council").partnerships(csp).token();
        String id = jsonWithToken(officer).body(REVIEW).when().post(reviews).then().statusCode(201).extract().path("id");

        withToken(officer).header(AuditTrail.PURPOSE, "panel preparation").when().get(reviews).then().statusCode(200);
        withToken(officer).header(AuditTrail.PURPOSE, "panel preparation").when().get(reviews + "/" + id)
                .then().statusCode(200);

        JsonPath trail = trailOf(id);
        assertThat(trail.getList("entries.action"), contains("read", "list", "create"));
        assertThat(trail.getList("entries.recordType"), everyItem(is("domestic-homicide-review")));
        assertThat(trail.getList("entries.recordIds"), everyItem(is(List.of(id))));
        assertThat(trail.getList("entries.subject"), everyItem(is(subject)));
        assertThat(trail.getList("entries.username"), everyItem(is("dhr.officer")));
        assertThat(trail.getList("entries.agencyId"), everyItem(is("chelmsford-city-council")));
        assertThat(trail.getList("entries.purpose"), contains("panel preparation", "panel preparation", null));
        assertThat(trail.getList("entries.outcome"), everyItem(is("allowed")));
    }

    @Test
    void aReadRefusedToAnotherPartnershipsOfficerIsAuditedAsRefused() {
        String id = jsonWithToken(Fixtures.officerOf(csp)).body(REVIEW).when().post(reviews)
                .then().statusCode(201).extract().path("id");
        String outsider = TestTokens.forUser("other.officer").roles(Roles.PARTNERSHIP_OFFICER)
                .agency("basildon-council").partnerships("another-csp").token();

        withToken(outsider).header(AuditTrail.PURPOSE, "curiosity").when().get(reviews + "/" + id)
                .then().statusCode(404);

        JsonPath trail = trailOf(id);
        assertThat(trail.getList("entries.username"), contains("other.officer", "officer-" + csp));
        assertThat(trail.getString("entries[0].action"), is("read"));
        assertThat(trail.getString("entries[0].outcome"), is("refused"));
        assertThat(trail.getInt("entries[0].status"), is(404));
        assertThat(trail.getString("entries[0].purpose"), is("curiosity"));
    }

    private static JsonPath trailOf(String review) {
        return withToken(Fixtures.ADMIN).queryParam("record", review).when().get("/api/v1/admin/audit")
                .then().statusCode(200).extract().jsonPath();
    }
}
