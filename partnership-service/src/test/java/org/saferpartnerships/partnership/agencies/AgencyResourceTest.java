package org.saferpartnerships.partnership.agencies;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

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
class AgencyResourceTest {

    @Test
    void registeringAnAgencyDefaultsItsStatutoryStatusFromItsTypeAndPublishesAnEvent() {
        String police = Fixtures.uniqueId("police");
        jsonWithToken(Fixtures.ADMIN)
                .body("{\"id\": \"" + police + "\", \"name\": \"Essex Police\", \"type\": \"police\"}")
                .when().post("/api/v1/agencies")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("responsibleAuthority", equalTo(true));
        String charity = Fixtures.uniqueId("charity");
        jsonWithToken(Fixtures.officerOf("any"))
                .body("{\"id\": \"" + charity + "\", \"name\": \"Open Road\", \"type\": \"voluntary-sector\"}")
                .when().post("/api/v1/agencies")
                .then().statusCode(201).body("responsibleAuthority", equalTo(false));

        ConsumerRecord<String, String> event = TestKafka.awaitRecords(Topics.PARTNERSHIP_EVENTS,
                r -> police.equals(TestKafka.header(r, "ce_subject")), Duration.ofSeconds(20)).get(0);
        assertThat(TestKafka.header(event, "ce_type"), equalTo("agency.registered.v1"));
        assertThat(event.key(), equalTo("agency:" + police));
        JsonPath data = JsonPath.from(event.value());
        assertThat(data.getString("agencyId"), equalTo(police));
        assertThat(data.getString("type"), equalTo("police"));
        assertThat(data.getBoolean("responsibleAuthority"), equalTo(true));
    }

    @Test
    void theDirectoryIsReadableByEveryRoleButOnlyOfficersAndAdminsRegister() {
        String id = Fixtures.agency("housing");
        withToken(TestTokens.agencySubmitter("essex-police", "x")).when().get("/api/v1/agencies")
                .then().statusCode(200).body("id", hasItem(id));
        withToken(Fixtures.VIEWER).when().get("/api/v1/agencies/" + id)
                .then().statusCode(200).body("type", equalTo("housing"));
        jsonWithToken(Fixtures.VIEWER)
                .body("{\"id\": \"nope\", \"name\": \"Nope\", \"type\": \"other\"}")
                .when().post("/api/v1/agencies").then().statusCode(403);
        given().when().get("/api/v1/agencies").then().statusCode(401);
    }

    @Test
    void badRegistrationsAreRefusedWithReasons() {
        String id = Fixtures.agency("police");
        jsonWithToken(Fixtures.ADMIN)
                .body("{\"id\": \"" + id + "\", \"name\": \"Again\", \"type\": \"police\"}")
                .when().post("/api/v1/agencies").then().statusCode(409);
        jsonWithToken(Fixtures.ADMIN)
                .body("{\"id\": \"Bad Id\", \"name\": \"\", \"type\": \"police\"}")
                .when().post("/api/v1/agencies").then().statusCode(400)
                .body("violations.field", hasItem("id")).body("violations.field", hasItem("name"));
        jsonWithToken(Fixtures.ADMIN)
                .body("{\"id\": \"x-agency\", \"name\": \"X\", \"type\": \"spaceship\"}")
                .when().post("/api/v1/agencies").then().statusCode(400).body("field", equalTo("type"));
        jsonWithToken(Fixtures.ADMIN)
                .body("{\"name\": \"No id\", \"type\": \"police\"}")
                .when().post("/api/v1/agencies").then().statusCode(400).body("detail", containsString("id"));
    }

    @Test
    void updatesNeedTheCurrentETag() {
        String id = Fixtures.agency("health");
        String body = "{\"name\": \"Mid and South Essex ICB\", \"type\": \"health\", \"responsibleAuthority\": true}";
        jsonWithToken(Fixtures.ADMIN).body(body)
                .when().put("/api/v1/agencies/" + id).then().statusCode(428);
        jsonWithToken(Fixtures.ADMIN).body(body).header("If-Match", "\"0\"")
                .when().put("/api/v1/agencies/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Mid and South Essex ICB"));
        jsonWithToken(Fixtures.ADMIN).body(body).header("If-Match", "\"0\"")
                .when().put("/api/v1/agencies/" + id).then().statusCode(412);
        jsonWithToken(Fixtures.officerOf("any")).body(body)
                .header("If-Match", "\"1\"")
                .when().put("/api/v1/agencies/" + id).then().statusCode(403);
        jsonWithToken(Fixtures.ADMIN).body(body).header("If-Match", "\"0\"")
                .when().put("/api/v1/agencies/no-such-agency").then().statusCode(404);
    }
}
