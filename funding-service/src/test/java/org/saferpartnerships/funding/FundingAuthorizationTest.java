package org.saferpartnerships.funding;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.testing.identity.TestTokens;

/**
 * Who may do what to a partnership's money, operation by operation and caller by caller: a
 * partnership outside the caller's token is 404, a role or funder that may not is 403, and a
 * refused change stores nothing and emits no event.
 */
@QuarkusTest
class FundingAuthorizationTest {

    @Inject
    AgroalDataSource dataSource;

    private record Operation(String method, String path, String body) {
    }

    @Test
    void everyCallerGetsOnlyWhatItsRoleAndAreaAllow() throws SQLException {
        String csp = Partnerships.partnership(dataSource);
        String elsewhere = Partnerships.partnership(dataSource);
        Funding funding = Funding.funder();
        Funding otherFunder = Funding.funder();
        String allocation = funding.allocate(csp, funding.coreGrant, 2020, "1000.00");
        String initiative = Funding.initiative(csp, funding.coreGrant, 2020, "100.00", "approved");
        String base = "/api/v1/partnerships/" + csp;
        String carryForward = jsonWithToken(Funding.partnershipOfficer(csp)).body("""
                {"streamId": "%s", "fromYear": 2020, "requested": 10.00, "reason": "Underspend"}"""
                .formatted(funding.coreGrant)).post(base + "/carry-forwards").then().statusCode(201).extract().path("id");

        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("admin", Funding.ADMIN);
        callers.put("funder's officer", funding.officer(csp));
        callers.put("other funder's officer", otherFunder.officer(csp));
        callers.put("funder's officer elsewhere", funding.officer(elsewhere));
        callers.put("partnership officer", Funding.partnershipOfficer(csp));
        callers.put("officer elsewhere", Funding.partnershipOfficer(elsewhere));
        callers.put("analyst", TestTokens.withRole(Roles.ANALYST, csp));
        callers.put("viewer", TestTokens.withRole(Roles.VIEWER, csp));
        callers.put("agency submitter", TestTokens.agencySubmitter("police", csp));

        String allocationBody = """
                {"streamId": "%s", "financialYear": 2022, "gross": 1.00, "awardedOn": "2022-04-01",
                 "reference": "AUTH", "title": "Grant"}""".formatted(funding.coreGrant);
        String initiativeBody = """
                {"streamId": "%s", "financialYear": 2020, "title": "New", "status": "proposed"}"""
                .formatted(funding.coreGrant);
        Map<Operation, Map<String, Integer>> expected = new LinkedHashMap<>();
        // Writes the funder decides: only its own officers in the area, and admins (tried last: a second
        // allocation of the same stream and year is a conflict).
        expected.put(new Operation("POST", base + "/allocations", allocationBody),
                answers(409, 201, 403, 404, 403, 403, 403, 403, 403));
        expected.put(new Operation("POST", base + "/allocations/" + allocation + "/top-slices",
                "{\"amount\": 1.00, \"purpose\": \"DHR\"}"), answers(201, 201, 403, 404, 403, 403, 403, 403, 403));
        expected.put(new Operation("POST", base + "/carry-forwards/" + carryForward + "/decision",
                "{\"decision\": \"declined\"}"), answers(409, 200, 403, 404, 403, 403, 403, 403, 403));
        // Writes the partnership's officers make.
        Map<String, Integer> officersMake = answers(201, 403, 403, 403, 201, 404, 403, 403, 403);
        expected.put(new Operation("POST", base + "/initiatives", initiativeBody), officersMake);
        expected.put(new Operation("POST", base + "/initiatives/" + initiative + "/spend",
                "{\"spentOn\": \"2020-05-01\", \"amount\": 1.00, \"description\": \"I\"}"), officersMake);
        // Reads: the partnership's funding officers, officers and analysts, and admins.
        Map<String, Integer> readers = answers(200, 200, 200, 404, 200, 404, 200, 403, 403);
        expected.put(new Operation("GET", base + "/allocations", null), readers);
        expected.put(new Operation("GET", base + "/allocations/" + allocation, null), readers);
        expected.put(new Operation("GET", base + "/initiatives", null), readers);
        expected.put(new Operation("GET", base + "/carry-forwards", null), readers);
        expected.put(new Operation("GET", base + "/funding-history", null), readers);
        // The budget of an open year: viewers only once it is published.
        expected.put(new Operation("GET", base + "/budget?year=2020", null), answers(200, 200, 200, 404, 200, 404, 200,
                404, 403));
        // Publishing the year to viewers (after the read above): the partnership's officers, and the officers of a
        // funder that funds it that year, the first of whom publishes it (later callers allowed find it done, 409).
        expected.put(new Operation("POST", base + "/budget/2020/publication", "{}"),
                answers(409, 200, 403, 404, 409, 404, 403, 403, 403));

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Operation, Map<String, Integer>> operation : expected.entrySet()) {
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                if (caller.getKey().equals("admin")) {
                    continue;
                }
                check(wrong, operation.getKey(), caller.getKey(), caller.getValue(), operation.getValue());
            }
            check(wrong, operation.getKey(), "admin", Funding.ADMIN, operation.getValue());
        }
        assertThat(wrong, empty());
    }

    private void check(List<String> wrong, Operation operation, String who, String token,
            Map<String, Integer> expected) throws SQLException {
        long eventsBefore = eventsAppended();
        var request = jsonWithToken(token);
        Response answer = operation.method().equals("GET") ? request.get(operation.path())
                : request.body(operation.body()).post(operation.path());
        int status = answer.statusCode();
        if (status != expected.get(who)) {
            wrong.add(operation.method() + " " + operation.path() + " as " + who + ": " + status + " (expected "
                    + expected.get(who) + ") " + answer.asString());
        }
        if (status >= 400 && eventsAppended() != eventsBefore) {
            wrong.add(operation.method() + " " + operation.path() + " as " + who + " was refused but emitted an event");
        }
    }

    /** In the order of the callers: admin, funder's officer, other funder's, funder's elsewhere, officer, officer
     * elsewhere, analyst, viewer, agency submitter. */
    private static Map<String, Integer> answers(int... statuses) {
        String[] who = { "admin", "funder's officer", "other funder's officer", "funder's officer elsewhere",
                "partnership officer", "officer elsewhere", "analyst", "viewer", "agency submitter" };
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int i = 0; i < who.length; i++) {
            answers.put(who[i], statuses[i]);
        }
        return answers;
    }

    private long eventsAppended() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select case when is_called then last_value else 0 end from outbox_event_id_seq");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void funderRecordsAreEveryonesToReadAndTheirOwnOfficersToChange() {
        Funding funding = Funding.funder();
        jsonWithToken(TestTokens.withRole(Roles.VIEWER, "any")).get("/api/v1/funders/" + funding.funderId)
                .then().statusCode(200).body("id", equalTo(funding.funderId));
        jsonWithToken(funding.officer()).body("{\"name\": \"Another\", \"kind\": \"external-bid\"}")
                .post("/api/v1/funders/" + funding.funderId + "/streams").then().statusCode(201);
        jsonWithToken(Funding.funder().officer()).body("{\"name\": \"Not theirs\", \"kind\": \"external-bid\"}")
                .post("/api/v1/funders/" + funding.funderId + "/streams").then().statusCode(403);
        jsonWithToken(funding.officer()).body("""
                {"id": "x-funder", "name": "X", "kind": "other", "orgId": "GB-GOVUK-x", "grantPrefix": "360G-x"}""")
                .post("/api/v1/funders").then().statusCode(403);
    }
}
