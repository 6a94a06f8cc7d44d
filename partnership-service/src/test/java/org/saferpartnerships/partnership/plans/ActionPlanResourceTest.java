package org.saferpartnerships.partnership.plans;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.saferpartnerships.partnership.Fixtures;
import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.testing.identity.TestTokens;
import org.saferpartnerships.testing.kafka.TestKafka;

@QuarkusTest
class ActionPlanResourceTest {

    private static String action(String owner) {
        return """
                {"title": "Crucial Crew for Year 6 pupils", "ownerAgencyId": "%s", "startOn": "2021-04-01",
                 "dueOn": "2022-03-31", "status": "not-started",
                 "milestones": [{"title": "Sessions booked", "dueOn": "2021-06-30"}],
                 "measures": [{"name": "pupils reached", "unit": "pupils", "target": 1500},
                              {"name": "rated very good or excellent", "unit": "%%", "target": 70}]}""".formatted(owner);
    }

    private static final String PROGRESS = """
            {"on": "2022-03-31", "status": "complete", "note": "Delivered in all schools",
             "measures": [{"name": "pupils reached", "actual": 1600}, {"name": "rated very good or excellent", "actual": 70}]}""";

    @Test
    void theOwnerAgencyReportsProgressOnItsAction() {
        String csp = Fixtures.partnership();
        String owner = Fixtures.agency("district-council");
        String location = jsonWithToken(Fixtures.officerOf(csp)).body(action(owner))
                .when().post("/api/v1/partnerships/" + csp + "/plans/2021/actions")
                .then().statusCode(201).body("status", equalTo("not-started")).extract().header("Location");

        jsonWithToken(TestTokens.agencySubmitter(owner, csp)).body(PROGRESS)
                .when().post(location + "/progress")
                .then().statusCode(200)
                .body("status", equalTo("complete"))
                .body("measures[0].actual", equalTo(1600))
                .body("measures[1].actual", equalTo(70))
                .body("progress", hasSize(1))
                .body("progress[0].reportedByAgency", equalTo(owner));

        String id = location.substring(location.lastIndexOf('/') + 1);
        ConsumerRecord<String, String> event = TestKafka.awaitRecords(Topics.PARTNERSHIP_EVENTS,
                r -> id.equals(TestKafka.header(r, "ce_subject")) && r.value().contains("complete"),
                Duration.ofSeconds(20)).get(0);
        assertThat(TestKafka.header(event, "ce_type"), equalTo("action.updated.v1"));
        JsonPath data = JsonPath.from(event.value());
        assertThat(data.getInt("measures[0].actual"), equalTo(1600));
        assertThat(data.getInt("financialYear"), equalTo(2021));
    }

    @Test
    void otherAgenciesMayNotReportOnIt() {
        String csp = Fixtures.partnership();
        String owner = Fixtures.agency("district-council");
        String location = jsonWithToken(Fixtures.officerOf(csp)).body(action(owner))
                .when().post("/api/v1/partnerships/" + csp + "/plans/2021/actions").then().statusCode(201)
                .extract().header("Location");
        jsonWithToken(TestTokens.agencySubmitter("essex-police", csp)).body(PROGRESS)
                .when().post(location + "/progress").then().statusCode(403);
        jsonWithToken(Fixtures.VIEWER).body(PROGRESS)
                .when().post(location + "/progress").then().statusCode(403);
        jsonWithToken(TestTokens.agencySubmitter(owner, csp))
                .body(action(owner)).header("If-Match", "\"0\"")
                .when().put(location).then().statusCode(403);
        jsonWithToken(Fixtures.officerOf(csp)).body(PROGRESS)
                .when().post(location + "/progress").then().statusCode(200);
    }

    @Test
    void progressNamesOnlyTheActionsMeasures() {
        String csp = Fixtures.partnership();
        String owner = Fixtures.agency("police");
        String location = jsonWithToken(Fixtures.officerOf(csp)).body(action(owner))
                .when().post("/api/v1/partnerships/" + csp + "/plans/2021/actions").then().statusCode(201)
                .extract().header("Location");
        jsonWithToken(TestTokens.agencySubmitter(owner, csp)).body("""
                {"on": "2021-12-01", "status": "on-track", "note": "n", "measures": [{"name": "arrests", "actual": 3}]}""")
                .when().post(location + "/progress").then().statusCode(400).body("detail", containsString("arrests"));
    }

    @Test
    void actionsNeedAKnownOwnerAndAPriorityOfThePartnership() {
        String csp = Fixtures.partnership();
        jsonWithToken(Fixtures.officerOf(csp)).body(action("ghost-agency"))
                .when().post("/api/v1/partnerships/" + csp + "/plans/2021/actions")
                .then().statusCode(400).body("detail", containsString("ownerAgencyId"));
        jsonWithToken(Fixtures.officerOf(csp))
                .body(action(Fixtures.agency("police")).replace("{\"title\"",
                        "{\"priorityId\": \"3f0c7a52-1111-4c8e-8f3e-6f7d2a9b0c11\", \"title\""))
                .when().post("/api/v1/partnerships/" + csp + "/plans/2021/actions")
                .then().statusCode(400).body("detail", containsString("priorityId"));
    }
}
