package org.saferpartnerships.partnership.dhr;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.partnership.Fixtures;
import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.testing.identity.TestTokens;
import org.saferpartnerships.testing.kafka.TestKafka;

@QuarkusTest
class DomesticHomicideReviewResourceTest {

    private static final String REVIEW = """
            {"caseReference": "DHR3", "notifiedOn": "2017-04-17", "status": "under-review",
             "panelMeetings": [{"heldOn": "2017-09-19", "note": "First panel"}, {"heldOn": "2017-10-16"}],
             "recommendations": [{"text": "Refresh training on coercive control", "dueOn": "2018-06-30"}]}""";

    @Test
    void theOfficersTrackAReviewAndItsEventCarriesNoCaseDetails() {
        String csp = Fixtures.partnership();
        String officer = Fixtures.officerOf(csp);
        String id = jsonWithToken(officer).body(REVIEW)
                .when().post("/api/v1/partnerships/" + csp + "/domestic-homicide-reviews")
                .then().statusCode(201)
                .body("panelMeetings", hasSize(2))
                .body("recommendations[0].id", notNullValue())
                .extract().path("id");
        withToken(Fixtures.ADMIN).when().get("/api/v1/partnerships/" + csp + "/domestic-homicide-reviews")
                .then().statusCode(200).body("caseReference", contains("DHR3"));

        ConsumerRecord<String, String> event = TestKafka.awaitRecords(Topics.PARTNERSHIP_EVENTS,
                r -> id.equals(TestKafka.header(r, "ce_subject")), Duration.ofSeconds(20)).get(0);
        assertThat(TestKafka.header(event, "ce_type"), equalTo("dhr.changed.v1"));
        assertThat(event.value(), not(containsString("DHR3")));
        assertThat(event.value(), not(containsString("2017")));
        assertThat(event.value(), not(containsString("coercive")));
        assertThat(event.value(), containsString("under-review"));
    }

    @Test
    void everyoneElseIsToldThereIsNothingThere() {
        String csp = Fixtures.partnership();
        String id = jsonWithToken(Fixtures.officerOf(csp)).body(REVIEW)
                .when().post("/api/v1/partnerships/" + csp + "/domestic-homicide-reviews")
                .then().statusCode(201).extract().path("id");
        for (String outsider : new String[] { Fixtures.VIEWER, Fixtures.officerOf("another-csp"),
                TestTokens.analyst(csp), TestTokens.agencySubmitter("essex-police", csp),
                TestTokens.withRole(Roles.FUNDING_OFFICER, csp), TestTokens.withRole(Roles.VIEWER, csp) }) {
            withToken(outsider).when().get("/api/v1/partnerships/" + csp + "/domestic-homicide-reviews")
                    .then().statusCode(404);
            withToken(outsider).when()
                    .get("/api/v1/partnerships/" + csp + "/domestic-homicide-reviews/" + id)
                    .then().statusCode(404);
        }
        jsonWithToken(Fixtures.officerOf("another-csp")).body(REVIEW)
                .when().post("/api/v1/partnerships/" + csp + "/domestic-homicide-reviews").then().statusCode(404);
    }
}
