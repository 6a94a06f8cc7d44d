package org.saferpartnerships.funding.events;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.funding.Funding;
import org.saferpartnerships.funding.Partnerships;
import org.saferpartnerships.platform.events.DomainEvent;
import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.platform.events.funding.AllocationMade;
import org.saferpartnerships.platform.events.funding.CarryForwardChanged;
import org.saferpartnerships.platform.events.funding.FinancialYearChanged;
import org.saferpartnerships.platform.events.funding.FunderChanged;
import org.saferpartnerships.platform.events.funding.FundingStreamChanged;
import org.saferpartnerships.platform.events.funding.InitiativeChanged;
import org.saferpartnerships.platform.events.funding.SpendRecorded;
import org.saferpartnerships.platform.events.funding.TopSliceApplied;
import org.saferpartnerships.testing.kafka.TestKafka;

/**
 * The contract of funding.events, type by type: each event is a CloudEvent in binary mode, keyed
 * by its partnership (a funder's own records by {@code funder:<id>}), and its data reads strictly
 * (no unknown property) into the contract record consumers use.
 */
@QuarkusTest
class FundingEventContractTest {

    private static final ObjectMapper STRICT = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One of everything, changed once, made through the API. */
    static final class Scenario {
        static Scenario instance;
        final String csp;
        final Funding funding;
        final String allocation;
        final String topSlice;
        final String carryForward;
        final String proposed;
        final String approved;
        final String line;
        final String reversal;

        private Scenario() {
            csp = Partnerships.partnership(Arc.container().instance(AgroalDataSource.class).get());
            funding = Funding.funder();
            String funder = funding.officer(csp);
            String officer = Funding.partnershipOfficer(csp);
            String base = "/api/v1/partnerships/" + csp;
            jsonWithToken(Funding.ADMIN).header("If-Match", "*").body("""
                    {"id": "%1$s", "name": "Renamed", "kind": "commissioner", "orgId": "GB-GOVUK-x",
                     "grantPrefix": "360G-%1$s"}""".formatted(funding.funderId)).put("/api/v1/funders/" + funding.funderId).then().statusCode(200);
            jsonWithToken(Funding.ADMIN).header("If-Match", "*").body("{\"name\": \"Renamed\", \"kind\": \"external-bid\"}")
                    .put("/api/v1/funders/" + funding.funderId + "/streams/" + funding.developmentFund).then().statusCode(200);
            funding.allocate(csp, funding.coreGrant, 2020, "100.00");
            allocation = funding.allocate(csp, funding.coreGrant, 2021, "12337.00");
            String reference = withToken(funder).get(base + "/allocations/" + allocation).then().extract()
                    .path("reference");
            jsonWithToken(funder).header("If-Match", "*").body("""
                    {"streamId": "%s", "financialYear": 2021, "gross": 12338.00, "awardedOn": "2021-04-01",
                     "reference": "%s", "title": "Grant"}""".formatted(funding.coreGrant, reference))
                    .put(base + "/allocations/" + allocation).then().statusCode(200);
            topSlice = jsonWithToken(funder).body("{\"amount\": 1.00, \"purpose\": \"DHR\"}")
                    .post(base + "/allocations/" + allocation + "/top-slices").then().statusCode(201)
                    .extract().path("topSlices[0].id");
            carryForward = jsonWithToken(officer).body("""
                    {"streamId": "%s", "fromYear": 2020, "requested": 50.00, "reason": "Underspend"}"""
                    .formatted(funding.coreGrant)).post(base + "/carry-forwards").then().statusCode(201).extract().path("id");
            jsonWithToken(funder).body("{\"decision\": \"approved\", \"approved\": 50.00}")
                    .post(base + "/carry-forwards/" + carryForward + "/decision").then().statusCode(200);
            proposed = Funding.initiative(csp, funding.coreGrant, 2021, "10.00", "proposed");
            approved = Funding.initiative(csp, funding.coreGrant, 2021, "100.00", "approved");
            jsonWithToken(officer).header("If-Match", "*").body("""
                    {"streamId": "%s", "financialYear": 2021, "title": "Cancelled", "status": "cancelled"}"""
                    .formatted(funding.coreGrant)).put(base + "/initiatives/" + proposed).then().statusCode(200);
            line = jsonWithToken(officer).body("{\"spentOn\": \"2021-05-01\", \"amount\": 20.00, \"description\": \"I\"}")
                    .post(base + "/initiatives/" + approved + "/spend").then().statusCode(201).extract().path("id");
            reversal = jsonWithToken(officer).body("{\"reason\": \"Wrong\", \"reversedOn\": \"2021-05-02\"}")
                    .post(base + "/initiatives/" + approved + "/spend/" + line + "/reversal").then().statusCode(201)
                    .extract().path("id");
            withToken(officer).post(base + "/budget/2021/publication").then().statusCode(200);
            withToken(officer).post(base + "/budget/2021/closure").then().statusCode(200);
        }

        static synchronized Scenario get() {
            if (instance == null) {
                instance = new Scenario();
            }
            return instance;
        }
    }

    static Stream<Arguments> types() {
        return Stream.of(
                type("funder.registered.v1", FunderChanged.class, s -> s.funding.funderId, s -> "funder:" + s.funding.funderId),
                type("funder.updated.v1", FunderChanged.class, s -> s.funding.funderId, s -> "funder:" + s.funding.funderId),
                type("funding-stream.opened.v1", FundingStreamChanged.class, s -> s.funding.coreGrant,
                        s -> "funder:" + s.funding.funderId),
                type("funding-stream.updated.v1", FundingStreamChanged.class, s -> s.funding.developmentFund,
                        s -> "funder:" + s.funding.funderId),
                type("allocation.made.v1", AllocationMade.class, s -> s.allocation, s -> s.csp),
                type("allocation.revised.v1", AllocationMade.class, s -> s.allocation, s -> s.csp),
                type("top-slice.applied.v1", TopSliceApplied.class, s -> s.topSlice, s -> s.csp),
                type("carry-forward.requested.v1", CarryForwardChanged.class, s -> s.carryForward, s -> s.csp),
                type("carry-forward.decided.v1", CarryForwardChanged.class, s -> s.carryForward, s -> s.csp),
                type("initiative.proposed.v1", InitiativeChanged.class, s -> s.proposed, s -> s.csp),
                type("initiative.approved.v1", InitiativeChanged.class, s -> s.approved, s -> s.csp),
                type("initiative.changed.v1", InitiativeChanged.class, s -> s.proposed, s -> s.csp),
                type("spend.recorded.v1", SpendRecorded.class, s -> s.line, s -> s.csp),
                type("spend.reversed.v1", SpendRecorded.class, s -> s.reversal, s -> s.csp),
                type("financial-year.published.v1", FinancialYearChanged.class, s -> s.csp + "/2021", s -> s.csp),
                type("financial-year.closed.v1", FinancialYearChanged.class, s -> s.csp + "/2021", s -> s.csp));
    }

    private static Arguments type(String type, Class<? extends DomainEvent> payload,
            Function<Scenario, String> subject, Function<Scenario, String> key) {
        return Arguments.of(type, payload, subject, key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void eachEventTypeKeepsItsContract(String type, Class<? extends DomainEvent> payload,
            Function<Scenario, String> subject, Function<Scenario, String> key) throws Exception {
        Scenario scenario = Scenario.get();
        String expectedSubject = subject.apply(scenario);
        ConsumerRecord<String, String> event = TestKafka.awaitRecords(Topics.FUNDING_EVENTS,
                r -> type.equals(TestKafka.header(r, "ce_type")) && expectedSubject.equals(TestKafka.header(r, "ce_subject")),
                Duration.ofSeconds(30)).get(0);

        assertThat(event.key(), equalTo(key.apply(scenario)));
        TestKafka.assertCloudEventOf(event, "/funding-service");

        DomainEvent data = STRICT.readValue(event.value(), payload);
        assertThat(data.subject(), equalTo(expectedSubject));
        assertThat(data.partnershipId(), equalTo(key.apply(scenario)));
    }
}
