package org.saferpartnerships.partnership.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.saferpartnerships.partnership.Fixtures;
import org.saferpartnerships.platform.api.PageRequest;
import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.testing.identity.TestTokens;

/**
 * Every endpoint against every kind of caller: who may read, who may change, and who is told
 * that restricted records do not exist. One row per (endpoint, caller). A refusal must come from
 * the rule meant to refuse it (its {@code detail} says which), and a refused write must leave
 * what it aimed at as it was, read back by an admin.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    enum Caller {
        ANONYMOUS, VIEWER, ANALYST, FUNDING_OFFICER, OWNER_AGENCY_SUBMITTER, OTHER_AGENCY_SUBMITTER, OFFICER,
        OTHER_OFFICER, ADMIN
    }

    /** What a caller gets: the status and, for a refusal, words of the detail that name the rule. */
    record Outcome(int status, String detail) {
        static Outcome ok(int status) {
            return new Outcome(status, null);
        }

        @Override
        public String toString() {
            return detail == null ? String.valueOf(status) : status + " (" + detail + ")";
        }
    }

    private static final Outcome NO_TOKEN = new Outcome(401, "A valid bearer token for this API is needed");
    private static final Outcome WRONG_ROLE = new Outcome(403, "Your role may not do this");
    private static final Outcome OTHER_PARTNERSHIP = new Outcome(403, "Only officers of ");
    private static final Outcome NOT_SHOWN = new Outcome(404, "No domestic homicide review");

    /** Records the endpoints act on, made once through the API. */
    static final class World {
        static final World INSTANCE = new World();
        final String csp = Fixtures.partnership();
        final String district = withToken(Fixtures.ADMIN).get("/api/v1/partnerships/" + csp)
                .then().statusCode(200).extract().path("districts[0].code");
        final String owner = Fixtures.agency("district-council");
        final String member = officerPosts("members",
                "{\"agencyId\": \"" + Fixtures.agency("police") + "\", \"role\": \"member\", \"from\": \"2020-04-01\"}");
        final String body = officerPosts("bodies", "{\"name\": \"RAG\", \"kind\": \"responsible-authorities-group\"}");
        final String meeting = officerPosts("meetings", meeting(body));
        final String assessment = officerPosts("assessments", assessment());
        final String priority = officerPosts("priorities", PRIORITY);
        final String strategy = officerPosts("strategies", STRATEGY);
        final String risk = officerPosts("risks", RISK);
        final String action = officerPosts("plans/2021/actions", action(owner));
        final String review = officerPosts("domestic-homicide-reviews", REVIEW);

        private String officerPosts(String records, String json) {
            return jsonWithToken(Fixtures.officerOf(csp)).body(json)
                    .post("/api/v1/partnerships/" + csp + "/" + records).then().statusCode(201).extract().path("id");
        }

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

        /**
         * The path with the world's records in it. Finalising and adopting happen once to a record,
         * so {newAssessment} and {newPriority} are drafted afresh for every row.
         */
        String resolve(String path) {
            String resolved = path.replace("{csp}", csp).replace("{owner}", owner).replace("{member}", member)
                    .replace("{body}", body).replace("{meeting}", meeting).replace("{assessment}", assessment)
                    .replace("{priority}", priority).replace("{strategy}", strategy).replace("{risk}", risk)
                    .replace("{action}", action).replace("{review}", review);
            if (resolved.contains("{newAssessment}")) {
                resolved = resolved.replace("{newAssessment}", officerPosts("assessments", assessment()));
            }
            if (resolved.contains("{newPriority}")) {
                resolved = resolved.replace("{newPriority}", officerPosts("priorities", PRIORITY));
            }
            return resolved;
        }
    }

    private static final String REVIEW = """
            {"caseReference": "DHR1", "notifiedOn": "2016-05-01", "status": "under-review"}""";
    private static final String PRIORITY = """
            {"financialYear": 2021, "title": "T", "theme": "other"}""";
    private static final String STRATEGY = """
            {"title": "S", "startYear": 2021, "endYear": 2023, "focusAreas": ["ASB"]}""";
    private static final String RISK = """
            {"reference": "9", "description": "D", "likelihood": 2, "impact": 2}""";

    private static final AtomicInteger CHANGES = new AtomicInteger();

    /**
     * A number no write used before: every PUT changes something, so a refused one that got
     * through would show in the record read back.
     */
    private static int next() {
        return CHANGES.incrementAndGet();
    }

    /** A partnership has one assessment per assessment year: each drafted here has a year of its own. */
    private static final AtomicInteger ASSESSMENT_YEARS = new AtomicInteger(2030);

    /** The world's assessment, revised: the 2030/31 assessment the world drafted first. */
    private static final String REVISED_ASSESSMENT = Fixtures.ASSESSMENT_2020.replace("2020-10-01", "2030-10-01")
            .replace("2021-09-30", "2031-09-30").replace("\"Shoplifting\"", "\"Retail crime\"");

    private static String assessment() {
        int year = ASSESSMENT_YEARS.getAndIncrement();
        return Fixtures.ASSESSMENT_2020.replace("2020-10-01", year + "-10-01").replace("2021-09-30", (year + 1) + "-09-30");
    }

    private static String action(String owner) {
        return """
                {"title": "Action", "ownerAgencyId": "%s", "startOn": "2021-04-01", "dueOn": "2022-03-31",
                 "status": "on-track", "measures": [{"name": "reach", "target": 10}]}""".formatted(owner);
    }

    private static String meeting(String body) {
        return "{\"bodyId\": \"" + body + "\", \"heldOn\": \"2021-03-18\"}";
    }

    /**
     * {@code path} may name the world's records ({@link World#resolve}); {@code witness} turns the
     * resolved path into the one an admin reads to see that a refused write changed nothing.
     */
    record Endpoint(String method, String path, Function<World, String> body, Map<Caller, Outcome> expected,
            UnaryOperator<String> witness) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Readable by every authenticated caller. */
    private static Map<Caller, Outcome> anyoneSignedIn() {
        Map<Caller, Outcome> expected = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            expected.put(caller, caller == Caller.ANONYMOUS ? NO_TOKEN : Outcome.ok(200));
        }
        return expected;
    }

    /** Allowed for the given callers with {@code status}; 401 without a token; {@code refused} for the rest. */
    private static Map<Caller, Outcome> only(int status, Outcome refused, Caller... allowed) {
        Map<Caller, Outcome> expected = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            expected.put(caller, caller == Caller.ANONYMOUS ? NO_TOKEN : refused);
        }
        for (Caller caller : allowed) {
            expected.put(caller, Outcome.ok(status));
        }
        return expected;
    }

    /** The partnership's officers and admins; other roles refused as roles, other partnerships' officers as such. */
    private static Map<Caller, Outcome> officersOnly(int status) {
        Map<Caller, Outcome> expected = only(status, WRONG_ROLE, Caller.OFFICER, Caller.ADMIN);
        expected.put(Caller.OTHER_OFFICER, OTHER_PARTNERSHIP);
        return expected;
    }

    /** Restricted records: the partnership's officers and admins; signed-in others are told there is nothing. */
    private static Map<Caller, Outcome> restricted(int status, boolean write) {
        Map<Caller, Outcome> expected = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            // A write is refused on role first (403); a reader, or an officer of another partnership, sees 404.
            expected.put(caller, caller == Caller.ANONYMOUS ? NO_TOKEN
                    : write && caller != Caller.OTHER_OFFICER ? WRONG_ROLE : NOT_SHOWN);
        }
        expected.put(Caller.OFFICER, Outcome.ok(status));
        expected.put(Caller.ADMIN, Outcome.ok(status));
        return expected;
    }

    private static Endpoint read(String path) {
        return new Endpoint("GET", path, w -> null, anyoneSignedIn(), null);
    }

    /** A write whose refusal is checked by reading back the path it was sent to. */
    private static Endpoint write(String method, String path, Function<World, String> body,
            Map<Caller, Outcome> expected) {
        return new Endpoint(method, path, body, expected, UnaryOperator.identity());
    }

    /** A write to a sub-resource ({@code …/adoption}): its refusal is checked on the record it acts on. */
    private static Endpoint step(String path, Function<World, String> body, Map<Caller, Outcome> expected) {
        return new Endpoint("POST", path, body, expected, resolved -> resolved.substring(0, resolved.lastIndexOf('/')));
    }

    static List<Endpoint> endpoints() {
        String csp = "/api/v1/partnerships/{csp}";
        return List.of(
                read("/api/v1/agencies"),
                read("/api/v1/agencies/{owner}"),
                write("POST", "/api/v1/agencies",
                        w -> "{\"id\": \"" + Fixtures.uniqueId("a") + "\", \"name\": \"A\", \"type\": \"other\"}",
                        only(201, WRONG_ROLE, Caller.OFFICER, Caller.OTHER_OFFICER, Caller.ADMIN)),
                write("PUT", "/api/v1/agencies/{owner}",
                        w -> "{\"name\": \"Owner Council " + next() + "\", \"type\": \"district-council\"}",
                        only(200, WRONG_ROLE, Caller.ADMIN)),
                read("/api/v1/partnerships"),
                read(csp),
                write("POST", "/api/v1/partnerships",
                        w -> "{\"id\": \"" + Fixtures.uniqueId("p") + "\", \"name\": \"P\", \"districts\": [\""
                                + Fixtures.freeDistrict() + "\"]}", only(201, WRONG_ROLE, Caller.ADMIN)),
                write("PUT", csp, w -> "{\"name\": \"Safer " + w.csp + " " + next() + "\", \"districts\": [\""
                        + w.district + "\"]}",
                        officersOnly(200)),
                read(csp + "/members"),
                read(csp + "/members/{member}"),
                write("POST", csp + "/members",
                        w -> "{\"agencyId\": \"" + Fixtures.agency("police") + "\", \"role\": \"member\", "
                                + "\"from\": \"2020-04-01\"}", officersOnly(201)),
                write("PUT", csp + "/members/{member}",
                        w -> "{\"agencyId\": \"" + memberAgency(w) + "\", \"role\": \"vice-chair\", \"from\": \"2020-04-01\", "
                                + "\"until\": \"" + LocalDate.of(2031, 1, 1).plusDays(next()) + "\"}",
                        officersOnly(200)),
                read(csp + "/bodies"),
                read(csp + "/bodies/{body}"),
                write("POST", csp + "/bodies", w -> "{\"name\": \"JAG\", \"kind\": \"joint-action-group\"}", officersOnly(201)),
                write("PUT", csp + "/bodies/{body}",
                        w -> "{\"name\": \"RAG " + next() + "\", \"kind\": \"responsible-authorities-group\", "
                                + "\"cadence\": \"quarterly\"}",
                        officersOnly(200)),
                read(csp + "/meetings"),
                read(csp + "/meetings/{meeting}"),
                write("POST", csp + "/meetings", w -> meeting(w.body), officersOnly(201)),
                write("PUT", csp + "/meetings/{meeting}",
                        w -> "{\"bodyId\": \"" + w.body + "\", \"heldOn\": \"" + LocalDate.of(2020, 1, 1).plusDays(next())
                                + "\"}", officersOnly(200)),
                read(csp + "/assessments"),
                read(csp + "/assessments/{assessment}"),
                write("POST", csp + "/assessments", w -> assessment(), officersOnly(201)),
                write("PUT", csp + "/assessments/{assessment}", w -> REVISED_ASSESSMENT.replace("Retail crime", "Retail crime " + next()),
                        officersOnly(200)),
                step(csp + "/assessments/{newAssessment}/finalisation", w -> null, officersOnly(200)),
                read(csp + "/priorities?year=2021"),
                read(csp + "/priorities/{priority}"),
                write("POST", csp + "/priorities", w -> PRIORITY, officersOnly(201)),
                write("PUT", csp + "/priorities/{priority}", w -> PRIORITY.replace("\"T\"", "\"T" + next() + "\""),
                        officersOnly(200)),
                step(csp + "/priorities/{newPriority}/adoption",
                        w -> "{\"bodyId\": \"" + w.body + "\", \"adoptedOn\": \"2021-03-18\"}", officersOnly(200)),
                read(csp + "/strategies"),
                read(csp + "/strategies/{strategy}"),
                write("POST", csp + "/strategies", w -> STRATEGY, officersOnly(201)),
                write("PUT", csp + "/strategies/{strategy}", w -> STRATEGY.replace("\"S\"", "\"S" + next() + "\""),
                        officersOnly(200)),
                read(csp + "/risks"),
                read(csp + "/risks/matrix"),
                read(csp + "/risks/{risk}"),
                write("POST", csp + "/risks", w -> RISK, officersOnly(201)),
                write("PUT", csp + "/risks/{risk}", w -> RISK.replace("\"D\"", "\"D" + next() + "\""),
                        officersOnly(200)),
                read(csp + "/plans/2021/actions"),
                read(csp + "/plans/2021/actions/{action}"),
                write("POST", csp + "/plans/2021/actions", w -> action(w.owner), officersOnly(201)),
                write("PUT", csp + "/plans/2021/actions/{action}", w -> action(w.owner).replace("\"Action\"", "\"Action " + next() + "\""),
                        officersOnly(200)),
                step(csp + "/plans/2021/actions/{action}/progress",
                        w -> "{\"on\": \"2021-06-01\", \"status\": \"on-track\", \"note\": \"n\"}",
                        progressReporters()),
                new Endpoint("GET", csp + "/domestic-homicide-reviews", w -> null, restricted(200, false), null),
                new Endpoint("GET", csp + "/domestic-homicide-reviews/{review}", w -> null, restricted(200, false), null),
                write("POST", csp + "/domestic-homicide-reviews", w -> REVIEW.replace("DHR1", Fixtures.uniqueId("DHR")),
                        restricted(201, true)),
                write("PUT", csp + "/domestic-homicide-reviews/{review}", w -> REVIEW.replace("2016-05-01",
                        LocalDate.of(2016, 5, 1).plusDays(next()).toString()), restricted(200, true)));
    }

    /** Progress on an action: its owner agency's submitters too, not another agency's. */
    private static Map<Caller, Outcome> progressReporters() {
        Map<Caller, Outcome> expected = only(200, WRONG_ROLE, Caller.OWNER_AGENCY_SUBMITTER, Caller.OFFICER,
                Caller.ADMIN);
        Outcome notTheirs = new Outcome(403, "and the partnership's officers report on this action");
        expected.put(Caller.OTHER_AGENCY_SUBMITTER, notTheirs);
        expected.put(Caller.OTHER_OFFICER, notTheirs);
        return expected;
    }

    private static String memberAgency(World w) {
        return withToken(Fixtures.ADMIN).get("/api/v1/partnerships/" + w.csp + "/members/" + w.member)
                .then().statusCode(200).extract().path("agency.id");
    }

    static Stream<Arguments> rows() {
        List<Arguments> rows = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Map.Entry<Caller, Outcome> expected : endpoint.expected().entrySet()) {
                rows.add(Arguments.of(endpoint, expected.getKey(), expected.getValue()));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("rows")
    void eachCallerGetsWhatItMay(Endpoint endpoint, Caller caller, Outcome outcome) {
        World world = World.INSTANCE;
        String path = world.resolve(endpoint.path());
        String witness = endpoint.witness() == null ? null : endpoint.witness().apply(path);
        String before = witness == null ? null : readBack(witness);

        RequestSpecification request = given().header("If-Match", "*");
        String token = world.token(caller);
        if (token != null) {
            request.auth().oauth2(token);
        }
        String body = endpoint.body().apply(world);
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        Response response = request.when().request(endpoint.method(), path);

        response.then().log().ifValidationFails().statusCode(outcome.status());
        if (outcome.detail() != null) {
            assertThat(response.path("detail"), containsString(outcome.detail()));
        }
        if (witness != null && outcome.status() >= 400) {
            assertThat("a refused write changed " + witness, readBack(witness), equalTo(before));
        }
    }

    /** What an admin reads at {@code path}: the body, its ETag and, for a list, how many there are in all. */
    private static String readBack(String path) {
        Response read = withToken(Fixtures.ADMIN).get(path);
        read.then().statusCode(200);
        return read.header("ETag") + " " + read.header(PageRequest.TOTAL_COUNT) + " " + read.asString();
    }
}
