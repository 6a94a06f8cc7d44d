package org.saferpartnerships.partnership.events;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.partnership.Fixtures;
import org.saferpartnerships.platform.events.DomainEvent;
import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.platform.events.partnership.ActionUpdated;
import org.saferpartnerships.platform.events.partnership.AgencyChanged;
import org.saferpartnerships.platform.events.partnership.AssessmentChanged;
import org.saferpartnerships.platform.events.partnership.DomesticHomicideReviewChanged;
import org.saferpartnerships.platform.events.partnership.GovernanceBodyChanged;
import org.saferpartnerships.platform.events.partnership.MeetingRecorded;
import org.saferpartnerships.platform.events.partnership.MembershipChanged;
import org.saferpartnerships.platform.events.partnership.PartnershipChanged;
import org.saferpartnerships.platform.events.partnership.PriorityChanged;
import org.saferpartnerships.platform.events.partnership.RiskChanged;
import org.saferpartnerships.platform.events.partnership.StrategyChanged;
import org.saferpartnerships.testing.kafka.TestKafka;

/**
 * The contract of partnership.events, type by type: each event is a CloudEvent in binary mode,
 * keyed by its partnership, and its data reads strictly (no unknown property) into the contract
 * record consumers use.
 */
@QuarkusTest
class PartnershipEventContractTest {

    private static final ObjectMapper STRICT = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One of everything, changed once, made through the API. */
    static final class Scenario {
        static final Scenario INSTANCE = new Scenario();
        final String csp = Fixtures.partnership();
        final String officer = Fixtures.officerOf(csp);
        final String agency = Fixtures.agency("police");
        final String membership;
        final String body;
        final String meeting;
        final String assessment;
        final String priority;
        final String strategy;
        final String risk;
        final String action;
        final String review;

        private Scenario() {
            jsonWithToken(Fixtures.ADMIN).header("If-Match", "*")
                    .body("{\"name\": \"Renamed Police\", \"type\": \"police\"}").put("/api/v1/agencies/" + agency)
                    .then().statusCode(200);
            jsonWithToken(officer).header("If-Match", "*")
                    .body("{\"name\": \"Renamed CSP\", \"districts\": [\"" + Fixtures.freeDistrict() + "\"]}")
                    .put("/api/v1/partnerships/" + csp).then().statusCode(200);
            membership = post("/members", "{\"agencyId\": \"" + agency + "\", \"role\": \"chair\", \"from\": \"2020-04-01\"}");
            body = post("/bodies", "{\"name\": \"RAG\", \"kind\": \"responsible-authorities-group\"}");
            meeting = post("/meetings", "{\"bodyId\": \"" + body + "\", \"heldOn\": \"2021-03-18\", \"decisions\": "
                    + "[{\"kind\": \"other\", \"text\": \"Noted\"}]}");
            assessment = post("/assessments", Fixtures.ASSESSMENT_2020);
            withToken(officer).header("If-Match", "*")
                    .post("/api/v1/partnerships/" + csp + "/assessments/" + assessment + "/finalisation")
                    .then().statusCode(200);
            priority = post("/priorities", "{\"financialYear\": 2021, \"title\": \"ASB\", \"theme\": \"anti-social-behaviour\"}");
            jsonWithToken(officer).header("If-Match", "*")
                    .body("{\"bodyId\": \"" + body + "\", \"adoptedOn\": \"2021-03-18\"}")
                    .post("/api/v1/partnerships/" + csp + "/priorities/" + priority + "/adoption").then().statusCode(200);
            strategy = post("/strategies", "{\"title\": \"S\", \"startYear\": 2021, \"endYear\": 2023, \"focusAreas\": [\"ASB\"]}");
            risk = post("/risks", "{\"reference\": \"1\", \"description\": \"D\", \"likelihood\": 3, \"impact\": 2}");
            jsonWithToken(officer).header("If-Match", "*")
                    .body("{\"reference\": \"1\", \"description\": \"D\", \"likelihood\": 4, \"impact\": 2}")
                    .put("/api/v1/partnerships/" + csp + "/risks/" + risk).then().statusCode(200);
            action = post("/plans/2021/actions", "{\"title\": \"A\", \"ownerAgencyId\": \"" + agency + "\", "
                    + "\"startOn\": \"2021-04-01\", \"dueOn\": \"2022-03-31\", \"status\": \"on-track\"}");
            // The second report is made later but is of an earlier date: the first stays the latest.
            report("{\"on\": \"2021-12-01\", \"status\": \"at-risk\", \"note\": \"Two schools withdrew\"}");
            report("{\"on\": \"2021-09-01\", \"status\": \"on-track\", \"note\": \"Sessions booked\"}");
            review = post("/domestic-homicide-reviews",
                    "{\"caseReference\": \"DHR9\", \"notifiedOn\": \"2020-01-01\", \"status\": \"notified\"}");
        }

        private void report(String progress) {
            jsonWithToken(officer).body(progress)
                    .post("/api/v1/partnerships/" + csp + "/plans/2021/actions/" + action + "/progress")
                    .then().statusCode(200);
        }

        private String post(String path, String json) {
            return jsonWithToken(officer).body(json)
                    .post("/api/v1/partnerships/" + csp + path).then().statusCode(201).extract().path("id");
        }
    }

    static Stream<Arguments> types() {
        return Stream.of(
                type("agency.registered.v1", AgencyChanged.class, s -> s.agency, s -> "agency:" + s.agency),
                type("agency.updated.v1", AgencyChanged.class, s -> s.agency, s -> "agency:" + s.agency),
                type("partnership.registered.v1", PartnershipChanged.class, s -> s.csp, s -> s.csp),
                type("partnership.updated.v1", PartnershipChanged.class, s -> s.csp, s -> s.csp),
                type("membership.changed.v1", MembershipChanged.class, s -> s.membership, s -> s.csp),
                type("governance-body.changed.v1", GovernanceBodyChanged.class, s -> s.body, s -> s.csp),
                type("meeting.recorded.v1", MeetingRecorded.class, s -> s.meeting, s -> s.csp),
                type("assessment.drafted.v1", AssessmentChanged.class, s -> s.assessment, s -> s.csp),
                type("assessment.finalised.v1", AssessmentChanged.class, s -> s.assessment, s -> s.csp),
                type("priority.drafted.v1", PriorityChanged.class, s -> s.priority, s -> s.csp),
                type("priority.adopted.v1", PriorityChanged.class, s -> s.priority, s -> s.csp),
                type("strategy.changed.v1", StrategyChanged.class, s -> s.strategy, s -> s.csp),
                type("risk.recorded.v1", RiskChanged.class, s -> s.risk, s -> s.csp),
                type("risk.updated.v1", RiskChanged.class, s -> s.risk, s -> s.csp),
                type("action.updated.v1", ActionUpdated.class, s -> s.action, s -> s.csp),
                type("dhr.changed.v1", DomesticHomicideReviewChanged.class, s -> s.review, s -> s.csp));
    }

    @Test
    void anActionsEventCarriesItsLatestProgressReport() throws Exception {
        Scenario scenario = Scenario.INSTANCE;
        List<ConsumerRecord<String, String>> events = TestKafka.awaitRecords(Topics.PARTNERSHIP_EVENTS,
                r -> ActionUpdated.TYPE.equals(TestKafka.header(r, "ce_type"))
                        && scenario.action.equals(TestKafka.header(r, "ce_subject")),
                3, Duration.ofSeconds(30));

        assertThat(STRICT.readValue(events.get(0).value(), ActionUpdated.class).latestProgress(), nullValue());
        assertThat(STRICT.readValue(events.get(2).value(), ActionUpdated.class).latestProgress(),
                equalTo(new ActionUpdated.Progress(LocalDate.parse("2021-12-01"), "at-risk", "Two schools withdrew")));
    }

    private static Arguments type(String type, Class<? extends DomainEvent> payload,
            Function<Scenario, String> subject, Function<Scenario, String> key) {
        return Arguments.of(type, payload, subject, key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void eachEventTypeKeepsItsContract(String type, Class<? extends DomainEvent> payload,
            Function<Scenario, String> subject, Function<Scenario, String> key) throws Exception {
        Scenario scenario = Scenario.INSTANCE;
        String expectedSubject = subject.apply(scenario);
        ConsumerRecord<String, String> event = TestKafka.awaitRecords(Topics.PARTNERSHIP_EVENTS,
                r -> type.equals(TestKafka.header(r, "ce_type")) && expectedSubject.equals(TestKafka.header(r, "ce_subject")),
                Duration.ofSeconds(30)).get(0);

        assertThat(event.key(), equalTo(key.apply(scenario)));
        TestKafka.assertCloudEventOf(event, "/partnership-service");

        DomainEvent data = STRICT.readValue(event.value(), payload);
        assertThat(data.subject(), equalTo(expectedSubject));
        if (!type.startsWith("agency.")) {
            assertThat(data.partnershipId(), equalTo(scenario.csp));
        }
    }
}
