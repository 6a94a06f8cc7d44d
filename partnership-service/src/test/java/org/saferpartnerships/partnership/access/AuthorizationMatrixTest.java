package org.saferpartnerships.partnership.access;

import static io.restassured.RestAssured.given;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import org.saferpartnerships.partnership.Fixtures;
import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.testing.identity.TestTokens;

/**
 * Every endpoint against every kind of caller: who may read, who may change, and who is told
 * that restricted records do not exist. One row per (endpoint, caller).
 */
@QuarkusTest
class AuthorizationMatrixTest {

    enum Caller {
        ANONYMOUS, VIEWER, ANALYST, FUNDING_OFFICER, OWNER_AGENCY_SUBMITTER, OTHER_AGENCY_SUBMITTER, OFFICER,
        OTHER_OFFICER, ADMIN
    }

    /** Records the endpoints act on, made once through the API. */
    static final class World {
        static final World INSTANCE = new World();
        final String csp = Fixtures.partnership();
        final String owner = Fixtures.agency("district-council");
        final String body = jsonWithToken(Fixtures.officerOf(csp))
                .body("{\"name\": \"RAG\", \"kind\": \"responsible-authorities-group\"}")
                .post("/api/v1/partnerships/" + csp + "/bodies").then().statusCode(201).extract().path("id");
        final String action = jsonWithToken(Fixtures.officerOf(csp))
                .body(action(owner)).post("/api/v1/partnerships/" + csp + "/plans/2021/actions")
                .then().statusCode(201).extract().path("id");
        final String review = jsonWithToken(Fixtures.officerOf(csp))
                .body(REVIEW).post("/api/v1/partnerships/" + csp + "/domestic-homicide-reviews")
                .then().statusCode(201).extract().path("id");

        String token(Caller caller) {
            return switch (caller) {
                case ANONYMOUS -> null;
                case VIEWER -> TestTokens.withRole(Roles.VIEWER, csp);
                case ANALYST -> TestTokens.analyst(csp);
                case FUNDING_OFFICER -> TestTokens.withRole(Roles.FUNDING_OFFICER, csp);
                case OWNER_AGENCY_SUBMITTER -> TestTokens.agencySubmitter(owner, csp);
                case OTHER_AGENCY_SUBMITTER -> TestTokens.agencySubmitter("some-other-agency", csp);
                case OFFICER -> Fixtures.officerOf(csp);
                case OTHER_OFFICER -> Fixtures.officerOf("another-partnership");
                case ADMIN -> Fixtures.ADMIN;
            };
        }
    }

    private static final String REVIEW = """
            {"caseReference": "DHR1", "notifiedOn": "2016-05-01", "status": "under-review"}""";

    private static String action(String owner) {
        return """
                {"title": "Action", "ownerAgencyId": "%s", "startOn": "2021-04-01", "dueOn": "2022-03-31",
                 "status": "on-track", "measures": [{"name": "reach", "target": 10}]}""".formatted(owner);
    }

    /** {@code path} may name {csp}, {owner}, {body}, {action} and {review}: the world's records. */
    record Endpoint(String method, String path, Function<World, String> body, Map<Caller, Integer> expected) {
        String resolve(World w) {
            return path.replace("{csp}", w.csp).replace("{owner}", w.owner).replace("{body}", w.body)
                    .replace("{action}", w.action).replace("{review}", w.review);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Readable by every authenticated caller. */
    private static Map<Caller, Integer> anyoneSignedIn() {
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            expected.put(caller, caller == Caller.ANONYMOUS ? 401 : 200);
        }
        return expected;
    }

    /** Allowed for the given callers with {@code status}; 401 without a token; 403 for the rest. */
    private static Map<Caller, Integer> only(int status, Caller... allowed) {
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            expected.put(caller, caller == Caller.ANONYMOUS ? 401 : 403);
        }
        for (Caller caller : allowed) {
            expected.put(caller, status);
        }
        return expected;
    }

    /** Restricted records: the partnership's officers and admins; signed-in others are told there is nothing. */
    private static Map<Caller, Integer> restricted(int status, boolean write) {
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            // A write is refused on role first (403); a reader, or an officer of another partnership, sees 404.
            expected.put(caller, caller == Caller.ANONYMOUS ? 401 : write && caller != Caller.OTHER_OFFICER ? 403 : 404);
        }
        expected.put(Caller.OFFICER, status);
        expected.put(Caller.ADMIN, status);
        return expected;
    }

    private static Endpoint read(String path) {
        return new Endpoint("GET", path, w -> null, anyoneSignedIn());
    }

    private static Endpoint officers(String method, String path, Function<World, String> body,
            int status) {
        return new Endpoint(method, path, body, only(status, Caller.OFFICER, Caller.ADMIN));
    }

    static List<Endpoint> endpoints() {
        return List.of(
                read("/api/v1/agencies"),
                read("/api/v1/agencies/{owner}"),
                new Endpoint("POST", "/api/v1/agencies",
                        w -> "{\"id\": \"" + Fixtures.uniqueId("a") + "\", \"name\": \"A\", \"type\": \"other\"}",
                        only(201, Caller.OFFICER, Caller.OTHER_OFFICER, Caller.ADMIN)),
                new Endpoint("PUT", "/api/v1/agencies/{owner}",
                        w -> "{\"name\": \"Owner Council\", \"type\": \"district-council\"}", only(200, Caller.ADMIN)),
                read("/api/v1/partnerships"),
                read("/api/v1/partnerships/{csp}"),
                new Endpoint("POST", "/api/v1/partnerships",
                        w -> "{\"id\": \"" + Fixtures.uniqueId("p") + "\", \"name\": \"P\", \"districts\": [\""
                                + Fixtures.freeDistrict() + "\"]}", only(201, Caller.ADMIN)),
                read("/api/v1/partnerships/{csp}/members"),
                officers("POST", "/api/v1/partnerships/{csp}/members",
                        w -> "{\"agencyId\": \"" + Fixtures.agency("police") + "\", \"role\": \"member\", \"from\": \"2020-04-01\"}", 201),
                read("/api/v1/partnerships/{csp}/bodies"),
                officers("POST", "/api/v1/partnerships/{csp}/bodies", w -> "{\"name\": \"JAG\", \"kind\": \"joint-action-group\"}", 201),
                read("/api/v1/partnerships/{csp}/meetings"),
                officers("POST", "/api/v1/partnerships/{csp}/meetings",
                        w -> "{\"bodyId\": \"" + w.body + "\", \"heldOn\": \"2021-03-18\"}", 201),
                read("/api/v1/partnerships/{csp}/assessments"),
                read("/api/v1/partnerships/{csp}/priorities?year=2021"),
                officers("POST", "/api/v1/partnerships/{csp}/priorities",
                        w -> "{\"financialYear\": 2021, \"title\": \"T\", \"theme\": \"other\"}", 201),
                read("/api/v1/partnerships/{csp}/strategies"),
                officers("POST", "/api/v1/partnerships/{csp}/strategies",
                        w -> "{\"title\": \"S\", \"startYear\": 2021, \"endYear\": 2023, \"focusAreas\": [\"ASB\"]}", 201),
                read("/api/v1/partnerships/{csp}/risks"),
                read("/api/v1/partnerships/{csp}/risks/matrix"),
                officers("POST", "/api/v1/partnerships/{csp}/risks",
                        w -> "{\"reference\": \"9\", \"description\": \"D\", \"likelihood\": 2, \"impact\": 2}", 201),
                read("/api/v1/partnerships/{csp}/plans/2021/actions"),
                read("/api/v1/partnerships/{csp}/plans/2021/actions/{action}"),
                officers("POST", "/api/v1/partnerships/{csp}/plans/2021/actions", w -> action(w.owner), 201),
                new Endpoint("POST", "/api/v1/partnerships/{csp}/plans/2021/actions/{action}/progress",
                        w -> "{\"on\": \"2021-06-01\", \"status\": \"on-track\", \"note\": \"n\"}",
                        only(200, Caller.OWNER_AGENCY_SUBMITTER, Caller.OFFICER, Caller.ADMIN)),
                new Endpoint("GET", "/api/v1/partnerships/{csp}/domestic-homicide-reviews", w -> null, restricted(200, false)),
                new Endpoint("GET", "/api/v1/partnerships/{csp}/domestic-homicide-reviews/{review}", w -> null,
                        restricted(200, false)),
                new Endpoint("POST", "/api/v1/partnerships/{csp}/domestic-homicide-reviews",
                        w -> REVIEW.replace("DHR1", Fixtures.uniqueId("DHR")), restricted(201, true)));
    }

    static Stream<Arguments> rows() {
        List<Arguments> rows = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Map.Entry<Caller, Integer> expected : endpoint.expected().entrySet()) {
                rows.add(Arguments.of(endpoint, expected.getKey(), expected.getValue()));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("rows")
    void eachCallerGetsWhatItMay(Endpoint endpoint, Caller caller, int status) {
        World world = World.INSTANCE;
        RequestSpecification request = given().header("If-Match", "*");
        String token = world.token(caller);
        if (token != null) {
            request.auth().oauth2(token);
        }
        String body = endpoint.body().apply(world);
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        request.when().request(endpoint.method(), endpoint.resolve(world)).then().statusCode(status);
    }
}
