package org.saferpartnerships.security;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.saferpartnerships.e2e.LocalStack;

/**
 * The OWASP API Security Top 10 (2023) tried against a stack of the packaged services, operation
 * by operation, from each service's live OpenAPI document. Partnership B (Safer Colchester) holds
 * one user per role; partnership A is every other demo partnership, whose records B's users try to
 * reach. Every trial goes into target/security-report.md; a trial that does not hold fails its test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuritySuiteIT {

    static final String API1 = "API1 Broken object level authorization";
    static final String API2 = "API2 Broken authentication";
    static final String API3 = "API3 Broken object property level authorization";
    static final String API4 = "API4 Unrestricted resource consumption";
    static final String API5 = "API5 Broken function level authorization";
    static final String API6 = "API6 Unrestricted access to sensitive business flows";
    static final String API8 = "API8 Security misconfiguration";
    static final String API9 = "API9 Improper inventory management";
    static final String API10 = "API10 Unsafe consumption of APIs";
    static final String FUZZ = "Fuzzing";

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** Records a caller may read a day on the suite's stack (csp.e2e.export-quota in the POM). */
    private static final long EXPORT_QUOTA = Long.getLong("csp.e2e.export-quota", 250_000);
    private static final Pattern STACK_TRACE = Pattern.compile("\\tat [\\w$.]+\\(|\\bat [a-z]+\\.[\\w$.]+\\([\\w$]+\\.java:\\d+\\)"
            + "|Exception: |\\.java:\\d+");
    /** Partnership A's records are any demo partnership's but B's. */
    private static final String PARTNERSHIP_A = "maldon";
    private static final String FUNDER_OF_A = "suite-other-commissioner";

    private static LocalStack stack;
    private static Callers callers;
    private static StoredState stored;
    private static final SecurityReport report = new SecurityReport();
    private static final Map<String, String> baseUrls = new LinkedHashMap<>();
    private static final List<ApiOperation> operations = new ArrayList<>();
    private static RecordPaths recordsOfA;
    private static RecordPaths recordsOfB;
    private static final Inputs inputsOfA = new Inputs(PARTNERSHIP_A);
    private static final List<Http.Answer> answers = new ArrayList<>();
    /** Maldon's rows of 2018-01 imported as Essex Police's own copy: partnership A's, never open. */
    private static List<String> agencyLinesOfA;
    private static OpenData openData;

    @BeforeAll
    static void startTheStackWithTwoPartnerships() {
        stack = LocalStack.start();
        stack.loadDemoPartnerships();
        stack.loadDemoFunding();
        callers = new Callers(stack.keycloakUrl());
        callers.addUsers();
        for (String service : LocalStack.SERVICES) {
            baseUrls.put(service, stack.url(service));
            operations.addAll(ApiDocument.load(service, stack.url(service)).operations());
        }
        stored = new StoredState(stack);
        postRecordsOfA();
        postRecordOfB();
        assessmentOfA();
        funderOfA();
        Path repo = Path.of(System.getProperty("csp.repo", ".."));
        agencyLinesOfA = OpenData.maldonLines(repo, OpenData.AGENCY_MONTH, 20);
        List<String> openLines = OpenData.maldonLines(repo, OpenData.OPEN_MONTH, 60);
        openData = new OpenData(OpenData.rows(openLines), OpenData.rows(agencyLinesOfA));
        String admin = callers.token(Callers.ADMIN);
        recordsOfA = new RecordPaths(operations, baseUrls, admin, SecuritySuiteIT::ofPartnershipA,
                Set.of(importOfA(), reportOf(PARTNERSHIP_A, false))).walk(inputsOfA);
        recordsOfB = new RecordPaths(operations, baseUrls, admin, item -> !ofPartnershipA(item),
                Set.of(reportOf(Callers.PARTNERSHIP_B, true))).walk(new Inputs(Callers.PARTNERSHIP_B));
        importOpenData(openLines);
    }

    /**
     * Maldon's rows of 2018-02 as data.police.uk published them (publication=data.police.uk): the
     * open data the open operations serve; waits until every located row is served.
     */
    private static void importOpenData(List<String> lines) {
        Http.Answer answer = Http.send("POST", stack.url("incident") + "/api/v1/incident-imports?publication=data.police.uk",
                callers.token("essex-police-submitter"), Map.of("Content-Type", "text/csv"),
                HttpRequest.BodyPublishers.ofString(String.join("\n", lines) + "\n"));
        if (answer.status() != 202) {
            throw new IllegalStateException("the open-data import was refused: " + answer.status() + " " + answer.body());
        }
        Set<String> located = openData.openRows().stream().filter(OpenData.Row::located).map(OpenData.Row::crimeId)
                .filter(id -> !id.isBlank()).collect(Collectors.toSet());
        String url = stack.url("reporting") + OpenData.PREFIX + "crimes-street/all-crime?poly="
                + Inputs.encode(openData.polygonRoundOpenRows()) + "&date=" + OpenData.OPEN_MONTH;
        await().atMost(PATIENCE).until(() -> openPersistentIds(Http.get(url, null)).containsAll(located));
    }

    private static Set<String> openPersistentIds(Http.Answer answer) {
        if (answer.status() != 200) {
            return Set.of();
        }
        return OpenData.crimes(Inputs.read(answer.body())).stream().map(c -> c.path("persistent_id").asText())
                .collect(Collectors.toSet());
    }

    @AfterAll
    static void writeTheReportAndStop() {
        report.write(Path.of(System.getProperty("csp.security.report", "target/security-report.md")));
        if (stack != null) {
            stack.close();
        }
    }

    /** An incident of partnership B posted by its own council, for operations tried on B's own records. */
    private static void postRecordOfB() {
        String submitter = callers.token(Callers.OF_PARTNERSHIP_B.get("agency-submitter"));
        String body = """
                {"externalRef": "SUITE-B-OWN", "partnershipId": "safer-colchester", "category": "anti-social-behaviour",
                 "occurredOn": "2024-05-18", "districtCode": "E07000071"}""";
        await().atMost(PATIENCE).until(() -> Http.json("POST", stack.url("incident") + "/api/v1/incidents", submitter,
                body).status() / 100 == 2);
    }

    /** An incident and an import of partnership A, so incident-service has records of A to attack. */
    private static void postRecordsOfA() {
        String submitter = callers.token("essex-police-submitter");
        Http.Answer incident = Http.json("POST", stack.url("incident") + "/api/v1/incidents", submitter, """
                {"externalRef": "SUITE-A-1", "partnershipId": "maldon", "category": "burglary",
                 "occurredOn": "2024-05-18", "districtCode": "E07000074"}""");
        if (incident.status() != 201 && incident.status() != 409) {
            // The replica may not have Maldon's membership yet: wait until it has.
            await().atMost(PATIENCE).until(() -> Http.json("POST", stack.url("incident") + "/api/v1/incidents",
                    submitter, """
                            {"externalRef": "SUITE-A-1", "partnershipId": "maldon", "category": "burglary",
                             "occurredOn": "2024-05-18", "districtCode": "E07000074"}""").status() / 100 == 2);
        }
    }

    /** A police.uk file of Maldon's rows imported by Essex Police: an import of partnership A (no list names it). */
    private static String importOfA() {
        // Maldon's first 20 rows of 2018-01 (OpenData.AGENCY_MONTH), the agency's own copy: not open data.
        String csv = String.join("\n", agencyLinesOfA) + "\n";
        Http.Answer answer = Http.send("POST", stack.url("incident") + "/api/v1/incident-imports",
                callers.token("essex-police-submitter"), Map.of("Content-Type", "text/csv"),
                HttpRequest.BodyPublishers.ofString(csv));
        String location = answer.header("Location").orElseThrow(() -> new IllegalStateException(
                "the import of partnership A was refused: " + answer.status() + " " + answer.body()));
        return java.net.URI.create(location).getPath();
    }

    /**
     * A scrutiny report of the partnership (it lives at /api/v1/reports/{id}, under no list's path),
     * published when asked so that its readers who are not officers, viewers among them, may read it.
     */
    private static String reportOf(String partnershipId, boolean published) {
        String admin = callers.token(Callers.ADMIN);
        String drafts = stack.url("reporting") + "/api/v1/partnerships/" + partnershipId + "/reports";
        String request = """
                {"type": "scrutiny", "period": {"financialYear": 2021}}""";
        // reporting-service learns of the demo partnerships from their events.
        await().atMost(PATIENCE).until(() -> Http.json("POST", drafts, admin, request).status() != 404);
        Http.Answer answer = Http.json("POST", drafts, admin, request);
        String location = answer.header("Location").orElseThrow(() -> new IllegalStateException(
                "no report of " + partnershipId + ": " + answer.status() + " " + answer.body()));
        String path = java.net.URI.create(location).getPath();
        if (published) {
            String etag = Http.get(stack.url("reporting") + path, admin).header("ETag").orElseThrow();
            Http.Answer publish = Http.send("POST", stack.url("reporting") + path + "/publish", admin,
                    Map.of("If-Match", etag), HttpRequest.BodyPublishers.noBody());
            if (publish.status() != 200) {
                throw new IllegalStateException("report " + path + " not published: " + publish.status() + " "
                        + publish.body());
            }
        }
        return path;
    }

    /** A strategic assessment of partnership A: the demo data has none. */
    private static void assessmentOfA() {
        Http.Answer answer = Http.json("POST", stack.url("partnership") + "/api/v1/partnerships/" + PARTNERSHIP_A
                + "/assessments", callers.token(Callers.ADMIN), """
                        {"periodStart": "2020-10-01", "periodEnd": "2021-09-30",
                         "issues": [{"title": "Anti-social behaviour in the town centre", "theme": "anti-social-behaviour",
                                     "scores": {"harm": 3, "volume": 5, "trend": 4, "public concern": 5, "vulnerability": 2}}]}""");
        if (answer.status() != 201) {
            throw new IllegalStateException("no assessment for partnership A: " + answer.status() + " " + answer.body());
        }
    }

    /**
     * A funder none of B's users works for, with a stream (the demo's Essex PFCC is the funder of B's
     * funding officer, so its own records are B's), and a line of A's spend.
     */
    private static void funderOfA() {
        String admin = callers.token(Callers.ADMIN);
        Http.Answer funder = Http.json("POST", stack.url("funding") + "/api/v1/funders", admin, """
                {"id": "%s", "name": "Another commissioner's office", "kind": "commissioner",
                 "orgId": "GB-GOVUK-suite", "grantPrefix": "360G-suite"}""".formatted(FUNDER_OF_A));
        Http.Answer stream = Http.json("POST", stack.url("funding") + "/api/v1/funders/" + FUNDER_OF_A + "/streams", admin,
                "{\"name\": \"Core grant\", \"kind\": \"core-grant\"}");
        if (funder.status() != 201 || stream.status() != 201) {
            throw new IllegalStateException("no funder of partnership A: " + funder.status() + " " + stream.status());
        }
        // The demo records no spend: a line on one of A's approved initiatives, so its reversal can be tried.
        String initiatives = stack.url("funding") + "/api/v1/partnerships/" + PARTNERSHIP_A + "/initiatives";
        String approved = RecordPaths.items(Inputs.read(Http.get(initiatives + "?year=2017", admin).body())).stream()
                .filter(i -> i.path("status").asText().equals("approved")).map(i -> i.path("id").asText()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo has no approved initiative of " + PARTNERSHIP_A));
        Http.Answer spend = Http.json("POST", initiatives + "/" + approved + "/spend", admin,
                "{\"spentOn\": \"2017-11-01\", \"amount\": 10.00, \"description\": \"Security suite\"}");
        if (spend.status() != 201) {
            throw new IllegalStateException("no spend of partnership A: " + spend.status() + " " + spend.body());
        }
    }

    private static boolean ofPartnershipA(JsonNode item) {
        if (!item.has("partnershipId")
                && (Callers.FUNDER_OF_B.equals(item.path("id").asText())
                        || Callers.FUNDER_OF_B.equals(item.path("funderId").asText()))) {
            return false;
        }
        return !Callers.PARTNERSHIP_B.equals(item.path("id").asText())
                && !Callers.PARTNERSHIP_B.equals(item.path("partnershipId").asText());
    }

    // ---------------------------------------------------------------------------------------- API9

    @Test
    @Order(1)
    void everyOperationDeclaresARolePolicyAndTheRoutesServedAreTheDocumentedOnes() throws Exception {
        report.note(API9, "Every documented operation must declare who may call it (a security requirement, "
                + "its scopes the realm roles allowed). The routes the services' code declares (JAX-RS resources, "
                + "indexed from the packaged jars) must equal the documented operations, and the public port "
                + "must serve no management or developer routes. An operation declared open (`security: []`, "
                + "reported as \"open (no token)\") is a declared policy, allowed only where open data lives: under "
                + OpenData.PREFIX + ", a GET or HEAD, or the form-encoded POST query of crimes-street; an open "
                + "operation elsewhere, or one that writes (PUT, PATCH, DELETE, any other POST), fails, and so "
                + "does one that takes a partnership id. An operation without `security` declares nothing and fails.");
        for (ApiOperation operation : operations) {
            report.record(API9, operation.service() + " " + operation.label(), "declared role policy",
                    "security requirement, or security [] for open data", operation.policy(),
                    operation.declaresPolicy());
            if (operation.open()) {
                report.record(API9, operation.service() + " " + operation.label(), "open operation (security [])",
                        "under " + OpenData.PREFIX + ", GET/HEAD or the form POST query",
                        operation.openWhereOpenDataLives() ? "open-data read" : "open " + operation.method()
                                + " " + operation.path(), operation.openWhereOpenDataLives());
                boolean scoped = operation.hasQueryParameter("partnership") || operation.pathParameters().stream()
                        .anyMatch(p -> p.toLowerCase().contains("partnership"))
                        || OpenData.formFields(operation).stream().anyMatch(f -> f.toLowerCase().contains("partnership"));
                report.record(API9, operation.service() + " " + operation.label(), "open operation's parameters",
                        "no partnership id", scoped ? "takes a partnership id" : "no partnership id", !scoped);
            }
        }
        for (String service : LocalStack.SERVICES) {
            Set<String> documented = operations.stream().filter(o -> o.service().equals(service))
                    .map(ApiOperation::label).collect(Collectors.toSet());
            Set<String> declared = ServedRoutes.of(Path.of(System.getProperty("csp.repo", "..")), service);
            for (String route : declared) {
                report.record(API9, service + " " + route, "route in the code", "documented",
                        documented.contains(route) ? "documented" : "undocumented", documented.contains(route));
            }
            for (String route : documented) {
                report.record(API9, service + " " + route, "documented operation", "in the code",
                        declared.contains(route) ? "in the code" : "not in the code", declared.contains(route));
            }
            for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/swagger-ui", "/q/dev",
                    "/q/dev-ui", "/q/info")) {
                Http.Answer answer = Http.get(stack.url(service) + path, null);
                report.record(API9, service + " GET " + path, "management route on the public port", "404",
                        String.valueOf(answer.status()), answer.status() == 404);
            }
        }
        assertThat(report.failures(API9), empty());
    }

    // ---------------------------------------------------------------------------------------- API2

    @Test
    @Order(2)
    void forgedStolenAndMisdirectedTokensAreRefused() {
        String valid = callers.token(Callers.ADMIN);
        ForgedTokens forged = new ForgedTokens(valid);
        JsonNode login = callers.openIdLogin(Callers.ADMIN);
        String realmKey = callers.realm().path("public_key").asText();
        long now = Instant.now().getEpochSecond();
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("no token", null);
        refused.put("alg none", forged.unsigned());
        refused.put("signature stripped", forged.signatureStripped());
        refused.put("RS256 to HS256 with the realm's public key", forged.keyConfusion(realmKey));
        refused.put("claims tampered (partnership added)", forged.tampered(PARTNERSHIP_A));
        refused.put("signed by an unknown key", forged.signedByUnknownKey(c -> c));
        refused.put("expired (exp an hour ago; re-signed)", forged.signedByUnknownKey(c -> c.put("exp", now - 3600)));
        refused.put("nbf in the future beyond the skew (re-signed)", forged.signedByUnknownKey(c -> c.put("nbf", now + 3600)));
        refused.put("ID token as bearer", login.path("id_token").asText());
        refused.put("refresh token as bearer", login.path("refresh_token").asText());
        refused.put("token of another realm", callers.tokenOfAnotherRealm());
        refused.put("token of the realm for another client (audience missing)",
                callers.tokenForAnotherClient("colchester-officer"));
        refused.put("wrong issuer (realm key, another host name)", callers.tokenWithAnotherIssuer(Callers.ADMIN));
        refused.put("expired (realm-signed, past its exp)", expiredTokenOfTheRealm());
        report.note(API2, "Every operation, called with each token below, must answer 401 and change nothing. "
                + "Open operations (security [], " + OpenData.PREFIX + ") are the exception for no token only: "
                + "asked well-formed questions without a token they must answer 200 (404 where the inputs name "
                + "nothing held), never 401 or 5xx; a token in the query string is not read as a token there; "
                + "every other token below must still be refused 401 (proactive authentication refuses a token "
                + "that does not verify before any route is chosen, open or not). "
                + "The expired token is the realm's own: a client that is csp-cli in all but its access tokens' "
                + "lifespan (" + Callers.SHORT_LIFESPAN_SECONDS + " s) issues it, it is shown to verify, and it "
                + "is used once its exp has passed. Keycloak sets no nbf, so a token with nbf in the future can "
                + "only be made by re-signing, which the unknown-key trial covers too; a token Keycloak issued "
                + "under another host name is signed by the realm's own key and differs only in its issuer.");
        Map<String, String> before = stored.fingerprint(true);
        for (ApiOperation operation : operations) {
            String path = pathOf(operation, recordsOfA);
            String url = baseUrls.get(operation.service()) + path + queryOf(operation, inputsOfA, null);
            refused.forEach((attack, token) -> {
                Http.Answer answer = call(operation, url, token);
                if (operation.open() && token == null) {
                    // Open data needs no token: the question, well-formed, is answered.
                    report.record(API2, operation.service() + " " + operation.label(), "no token (open operation)",
                            "200 or 404", String.valueOf(answer.status()),
                            answer.status() == 200 || answer.status() == 404);
                    return;
                }
                report.record(API2, operation.service() + " " + operation.label(), attack,
                        operation.open() ? "401 (proactive authentication, although the operation is open)" : "401",
                        String.valueOf(answer.status()), answer.status() == 401);
            });
            Http.Answer inQuery = call(operation, url + (url.contains("?") ? "&" : "?") + "access_token=" + valid, null);
            if (operation.open()) {
                // Not read as a token: answered as without one (the admin's reach would show in nothing open anyway).
                report.record(API2, operation.service() + " " + operation.label(), "token in the query string",
                        "ignored: 200 or 404, as without a token", String.valueOf(inQuery.status()),
                        inQuery.status() == 200 || inQuery.status() == 404);
            } else {
                report.record(API2, operation.service() + " " + operation.label(), "token in the query string", "401",
                        String.valueOf(inQuery.status()), inQuery.status() == 401);
            }
        }
        String unscoped = callers.token(Callers.UNSCOPED);
        for (ApiOperation operation : operations.stream().filter(o -> o.allows("analyst")).toList()) {
            String path = pathOf(operation, recordsOfA);
            Http.Answer answer = call(operation, baseUrls.get(operation.service()) + path
                    + queryOf(operation, new Inputs(Callers.PARTNERSHIP_B), null), unscoped);
            // A token without agency is refused wherever it is sent (platform ScopingClaims), open routes too.
            report.record(API2, operation.service() + " " + operation.label(),
                    "valid token without agency and partnerships claims", "403", String.valueOf(answer.status()),
                    answer.status() == 403);
        }
        recordNothingChanged(API2, "the whole token matrix", before);
        assertThat(report.failures(API2), empty());
    }

    /** A platform admin's token the realm signed, shown to verify while fresh, once it has expired. */
    private static String expiredTokenOfTheRealm() {
        JsonNode login = callers.shortLivedLogin(Callers.ADMIN);
        String token = login.path("access_token").asText();
        long lifespan = login.path("expires_in").asLong();
        String url = stack.url("incident") + "/api/v1/categories";
        Http.Answer fresh = Http.get(url, token);
        report.record(API2, "incident GET /api/v1/categories", "realm-signed token of " + lifespan + " s, fresh",
                "200", String.valueOf(fresh.status()), fresh.status() == 200
                        && lifespan <= Callers.SHORT_LIFESPAN_SECONDS);
        try {
            await().atMost(Duration.ofSeconds(lifespan + 60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Http.get(url, token).status() == 401);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // Still accepted a minute past its exp: every row below says so.
        }
        return token;
    }

    // ---------------------------------------------------------------------------------------- API5

    @Test
    @Order(3)
    void eachRoleReachesOnlyTheOperationsItsPolicyGivesIt() {
        report.note(API5, "Each role of partnership B calls every operation its policy does not give it, by the "
                + "documented method and by HEAD; an OPTIONS request and method-override headers must not open "
                + "anything either. Operations the role may call are not sent here (object level: API1). "
                + "Open operations (security []) allow every role: there is nothing to refuse, so no 403 is "
                + "expected of them; instead each role of B must get the answer a caller without a token gets "
                + "(never 401 or 403), and the methods their paths do not document (PUT, PATCH, DELETE, POST "
                + "where only GET is) must answer 405, with and without a token.");
        Map<String, String> before = stored.fingerprint(true);
        for (ApiOperation operation : operations) {
            String path = pathOf(operation, recordsOfA);
            String url = baseUrls.get(operation.service()) + path + queryOf(operation, inputsOfA, null);
            if (operation.open()) {
                openToEveryRole(operation, url);
            }
            for (Map.Entry<String, String> role : Callers.OF_PARTNERSHIP_B.entrySet()) {
                if (operation.allows(role.getKey())) {
                    continue;
                }
                String token = callers.token(role.getValue());
                Http.Answer answer = call(operation, url, token);
                report.record(API5, operation.service() + " " + operation.label(), role.getKey() + " (not allowed)",
                        "403", String.valueOf(answer.status()), answer.status() == 403);
                if (operation.method().equals("GET")) {
                    Http.Answer head = Http.send("HEAD", url, token, Map.of(), HttpRequest.BodyPublishers.noBody());
                    report.record(API5, operation.service() + " HEAD " + operation.path(), role.getKey() + " (not allowed)",
                            "403", String.valueOf(head.status()), head.status() == 403);
                }
                for (String override : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
                    Http.Answer overridden = Http.send("GET", url, token, Map.of(override, operation.method()),
                            HttpRequest.BodyPublishers.noBody());
                    boolean getIsAllowed = operations.stream().anyMatch(o -> o.method().equals("GET")
                            && o.path().equals(operation.path()) && o.allows(role.getKey()));
                    // A GET the role may not make is refused, however: 403, 404, 405, or 400 where the path
                    // read as another GET's (incidents/batch as incidents/{id}) is no id.
                    boolean held = getIsAllowed ? overridden.status() != 500 : overridden.status() / 100 == 4;
                    report.record(API5, operation.service() + " GET " + operation.path(),
                            role.getKey() + " with " + override + ": " + operation.method(),
                            "treated as GET", String.valueOf(overridden.status()), held);
                }
            }
            Http.Answer options = Http.send("OPTIONS", url, null, Map.of(), HttpRequest.BodyPublishers.noBody());
            boolean leaks = options.status() == 200 && options.body() != null && options.body().contains("\"id\"");
            report.record(API5, operation.service() + " OPTIONS " + operation.path(), "no token", "no data",
                    options.status() + (leaks ? " with data" : ""), !leaks && options.status() < 500);
        }
        recordNothingChanged(API5, "every refused call", before);
        assertThat(report.failures(API5), empty());
    }

    /**
     * An open operation refuses no role (there is nothing to refuse): each role of B gets the answer a
     * caller without a token gets. The methods the document does not give its path are not there,
     * for anyone: 405.
     */
    private void openToEveryRole(ApiOperation operation, String url) {
        Http.Answer anonymous = call(operation, url, null);
        for (Map.Entry<String, String> role : Callers.OF_PARTNERSHIP_B.entrySet()) {
            Http.Answer answer = call(operation, url, callers.token(role.getValue()));
            report.record(API5, operation.service() + " " + operation.label(), role.getKey()
                    + " (open operation: every role allowed)", "as without a token: " + anonymous.status(),
                    String.valueOf(answer.status()), answer.status() == anonymous.status()
                            && answer.status() != 401 && answer.status() != 403);
        }
        for (String method : List.of("PUT", "PATCH", "DELETE", "POST")) {
            if (operations.stream().anyMatch(o -> o.method().equals(method) && o.path().equals(operation.path()))) {
                continue;
            }
            for (String user : java.util.Arrays.asList(null, Callers.ADMIN)) {
                Http.Answer answer = Http.send(method, url, user == null ? null : callers.token(user),
                        Map.of("Content-Type", "application/json"), HttpRequest.BodyPublishers.ofString("{}"));
                report.record(API5, operation.service() + " " + method + " " + operation.path(),
                        (user == null ? "no token" : user) + ": a method the open path does not document", "405",
                        String.valueOf(answer.status()), answer.status() == 405);
            }
        }
    }

    // ---------------------------------------------------------------------------------------- API1

    @Test
    @Order(4)
    void partnershipBsUsersCannotReachPartnershipAsRecords() {
        report.note(API1, "Every user of partnership B calls every operation its role may call that takes a "
                + "record or partnership id — in the path, in the query, in the body — with a record of "
                + "partnership A found by walking the lists as an admin. The answer must be 404 (403 where the "
                + "record's existence is no secret, e.g. a shared agency), nothing may change and no event be "
                + "emitted, and each refusal must be in the service's audit trail. Operations marked "
                + "`x-csp-published` read what councils publish (partnerships, members, bodies, meetings, "
                + "priorities, plans, risks, strategies, assessments): every signed-in caller reads them, so B "
                + "reading A's is expected. Where a body is needed and the suite's body is refused as invalid "
                + "(400, 422), nothing is disclosed, but the object-level check was not reached; such rows say so.");
        Map<String, String> before = stored.fingerprint(true);
        Map<String, Integer> refusalsByService = new LinkedHashMap<>();
        for (ApiOperation operation : operations) {
            if (operation.open()) {
                // No partnership id to swap: open operations are tried below (openDataHoldsNoPartnershipsRecords).
                continue;
            }
            Optional<String> path = recordsOfA.bind(operation);
            boolean takesId = !operation.pathParameters().isEmpty() || operation.hasQueryParameter("partnership");
            if (!takesId) {
                continue;
            }
            if (path.isEmpty()) {
                boolean onlyAdmins = operation.roles().equals(Set.of("platform-admin"));
                report.record(API1, operation.service() + " " + operation.label(), "record of partnership A",
                        "a record to attack", "none found", onlyAdmins);
                continue;
            }
            boolean published = operation.operation().path("x-csp-published").asBoolean(false);
            for (Map.Entry<String, String> role : Callers.OF_PARTNERSHIP_B.entrySet()) {
                if (role.getKey().equals("platform-admin") || !operation.allows(role.getKey())) {
                    continue;
                }
                String url = baseUrls.get(operation.service()) + path.get() + inputsOfA.query(operation, null);
                Http.Answer answer = callWithBody(operation, url, callers.token(role.getValue()),
                        recordsOfA.exemplar(path.get()).orElse(null), PARTNERSHIP_A);
                if (published) {
                    report.record(API1, operation.service() + " " + operation.label() + " " + path.get(),
                            role.getKey() + " of B", "200: published records (x-csp-published)",
                            String.valueOf(answer.status()), answer.status() == 200);
                    continue;
                }
                // A body the suite could not make valid is refused before the record is looked at:
                // nothing about the record is disclosed, but the object-level check was not reached.
                boolean held = answer.status() == 404 || answer.status() == 403
                        || operation.bodyType() != null && (answer.status() == 400 || answer.status() == 422);
                if (held) {
                    refusalsByService.merge(operation.service(), 1, Integer::sum);
                }
                report.record(API1, operation.service() + " " + operation.label() + " " + path.get(),
                        role.getKey() + " of B", "404 or 403", String.valueOf(answer.status()), held);
            }
        }
        bodiesNamingPartnershipA(refusalsByService);
        openDataHoldsNoPartnershipsRecords();
        recordNothingChanged(API1, "every call with A's ids", before);
        refusalsByService.forEach((service, refusals) -> {
            long audited = AuditTrail.refusals(baseUrls.get(service), callers.token(Callers.ADMIN), callers);
            report.record(API1, service + " audit trail", "refusals of B's users audited", ">= " + refusals,
                    String.valueOf(audited), audited >= refusals);
        });
        assertThat(report.failures(API1), empty());
    }

    /**
     * The open operations take no partnership id and no token, so what B (or anyone) could reach of A
     * through them is whatever they serve: it must be open data only. Partnership A's agency-posted
     * records (Maldon's rows of 2018-01 as Essex Police's own copy, SUITE-A-1, and B's SUITE-B-OWN)
     * must appear in no open answer, asked where they are, for their month and for the latest, by
     * the GET and the form POST, as no one, as B's analyst and as an admin.
     */
    private void openDataHoldsNoPartnershipsRecords() {
        report.note(API1, "Open operations (security [], " + OpenData.PREFIX + ") take no partnership id and no "
                + "token, so they are not in the matrix above: what anyone, B's users among them, can reach "
                + "through them is what they serve, which must be open data only (records imported from a "
                + "data.police.uk publication). The suite imports Maldon's rows of " + OpenData.OPEN_MONTH
                + " with publication=data.police.uk, and Maldon's rows of " + OpenData.AGENCY_MONTH + " as "
                + "Essex Police's own copy (agency-posted, never open), beside SUITE-A-1 and SUITE-B-OWN posted "
                + "through /api/. Every open question about the agency-posted records (crimes-street and "
                + "crimes-at-location at their coordinates, by GET and by the form POST, for their month and "
                + "for the latest; crimes-no-location of their month; crimes-street-dates; outcomes-for-crime "
                + "with their Crime IDs and externalRefs, 404) must show none of them, asked without a token, by "
                + "B's analyst and by a platform admin (a token widens nothing open). Control rows show the "
                + "open month's rows are served, and nothing else is. Open-data reads name no caller: the "
                + "audit-trail count of refusals above is of B's users on /api/ only, and no open read is "
                + "expected in it.");
        String feed = stack.url("reporting") + "/api/v1/feeds/incident-counts?partnership=" + PARTNERSHIP_A + "&from="
                + OpenData.AGENCY_MONTH + "&to=" + OpenData.AGENCY_MONTH + "&groupBy=district";
        String admin = callers.token(Callers.ADMIN);
        int agencyRows = openData.agencyCrimeIds().size();
        try {
            await().atMost(PATIENCE).until(() -> Inputs.read(Http.get(feed, admin).body()).at("/rows/0/count")
                    .asInt(), org.hamcrest.Matchers.greaterThanOrEqualTo(agencyRows));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // Reported below: the leak checks would not be worth much before reporting-service has the rows.
        }
        String counted = Inputs.read(Http.get(feed, admin).body()).at("/rows/0/count").asText("none");
        report.record(API1, "reporting GET /api/v1/feeds/incident-counts", "A's agency-posted rows of "
                + OpenData.AGENCY_MONTH + " reached reporting-service (so a leak would show)", ">= " + agencyRows,
                counted, Inputs.read(Http.get(feed, admin).body()).at("/rows/0/count").asInt() >= agencyRows);

        Map<String, String> askers = new LinkedHashMap<>();
        askers.put("no token", null);
        askers.put("analyst of B", callers.token(Callers.OF_PARTNERSHIP_B.get("analyst")));
        askers.put("platform-admin", admin);
        String base = stack.url("reporting") + OpenData.PREFIX;
        Set<String> agencyIds = openData.agencyCrimeIds();
        Set<String> openIds = openData.openCrimeIds();
        // Control: the open month is served whole, and holds only the open rows.
        for (Map.Entry<String, String> asker : askers.entrySet()) {
            Http.Answer whole = Http.get(base + "crimes-street/all-crime?poly=" + Inputs.encode(openData.polygonRoundOpenRows())
                    + "&date=" + OpenData.OPEN_MONTH, asker.getValue());
            List<JsonNode> crimes = whole.status() == 200 ? OpenData.crimes(Inputs.read(whole.body())) : List.of();
            List<String> foreign = crimes.stream().filter(c -> !c.path("persistent_id").asText().isEmpty()
                    && !openIds.contains(c.path("persistent_id").asText())).map(c -> c.path("persistent_id").asText())
                    .toList();
            report.record(API1, "reporting GET " + OpenData.PREFIX + "crimes-street/{category}", asker.getKey()
                    + ": control, every open row of " + OpenData.OPEN_MONTH, "served, and only open rows",
                    whole.status() + ", " + crimes.size() + " crimes" + (foreign.isEmpty() ? "" : ", not open: " + foreign),
                    whole.status() == 200 && !crimes.isEmpty() && foreign.isEmpty());
        }
        Set<String> places = new LinkedHashSet<>();
        openData.agencyRows().stream().filter(OpenData.Row::located)
                .forEach(r -> places.add(r.latitude() + "," + r.longitude()));
        for (String place : places) {
            String lat = place.split(",")[0];
            String lng = place.split(",")[1];
            for (String month : java.util.Arrays.asList(OpenData.AGENCY_MONTH, null)) {
                String form = "lat=" + lat + "&lng=" + lng + (month == null ? "" : "&date=" + month);
                for (Map.Entry<String, String> asker : askers.entrySet()) {
                    leakCheck("GET crimes-street/{category}", asker.getKey(), place, month,
                            Http.get(base + "crimes-street/all-crime?" + form, asker.getValue()), agencyIds);
                    leakCheck("POST crimes-street/{category}", asker.getKey(), place, month,
                            Http.send("POST", base + "crimes-street/all-crime", asker.getValue(),
                                    Map.of("Content-Type", "application/x-www-form-urlencoded"),
                                    HttpRequest.BodyPublishers.ofString(form)), agencyIds);
                    leakCheck("GET crimes-at-location", asker.getKey(), place, month,
                            Http.get(base + "crimes-at-location?" + form, asker.getValue()), agencyIds);
                }
            }
        }
        for (Map.Entry<String, String> asker : askers.entrySet()) {
            leakCheck("GET crimes-no-location", asker.getKey(), "force essex", OpenData.AGENCY_MONTH,
                    Http.get(base + "crimes-no-location?category=all-crime&force=essex&date=" + OpenData.AGENCY_MONTH,
                            asker.getValue()), agencyIds);
            Http.Answer dates = Http.get(base + "crimes-street-dates", asker.getValue());
            Set<String> months = new java.util.TreeSet<>();
            if (dates.status() == 200) {
                Inputs.read(dates.body()).forEach(d -> months.add(d.path("date").asText()));
            }
            report.record(API1, "reporting GET " + OpenData.PREFIX + "crimes-street-dates", asker.getKey()
                    + ": months held", "only " + OpenData.OPEN_MONTH + " (not " + OpenData.AGENCY_MONTH
                    + " nor 2024-05, the months of agency-posted records)", dates.status() + " " + months,
                    dates.status() == 200 && months.equals(Set.of(OpenData.OPEN_MONTH)));
            List<String> refs = new ArrayList<>(agencyIds);
            refs.addAll(List.of("SUITE-A-1", "SUITE-B-OWN"));
            List<String> found = new ArrayList<>();
            for (String ref : refs) {
                Http.Answer outcome = Http.get(base + "outcomes-for-crime/" + Inputs.encode(ref), asker.getValue());
                if (outcome.status() != 404) {
                    found.add(ref + " " + outcome.status());
                }
            }
            report.record(API1, "reporting GET " + OpenData.PREFIX + "outcomes-for-crime/{persistent_id}",
                    asker.getKey() + ": the " + refs.size() + " agency-posted records' Crime IDs and externalRefs",
                    "404 for every one", found.isEmpty() ? "404 for every one" : "answered: " + found, found.isEmpty());
            Http.Answer control = Http.get(base + "outcomes-for-crime/" + openData.openCrimeId(), asker.getValue());
            report.record(API1, "reporting GET " + OpenData.PREFIX + "outcomes-for-crime/{persistent_id}",
                    asker.getKey() + ": control, an open row's Crime ID", "200", String.valueOf(control.status()),
                    control.status() == 200);
        }
    }

    /** An open answer about agency-posted records' place: 404, or none of them and nothing of their month. */
    private void leakCheck(String operation, String asker, String place, String month, Http.Answer answer,
            Set<String> agencyIds) {
        List<String> leaked = new ArrayList<>();
        if (answer.status() == 200) {
            for (JsonNode crime : OpenData.crimes(Inputs.read(answer.body()))) {
                String id = crime.path("persistent_id").asText();
                if (agencyIds.contains(id) || !crime.path("month").asText().equals(OpenData.OPEN_MONTH)) {
                    leaked.add((id.isEmpty() ? "id " + crime.path("id").asText() : id) + " of "
                            + crime.path("month").asText());
                }
            }
        }
        report.record(API1, "reporting " + operation.replaceFirst(" ", " " + OpenData.PREFIX), asker + " at "
                + place + ", " + (month == null ? "latest month" : month), "404 or no agency-posted record",
                answer.status() + (leaked.isEmpty() ? "" : " leaked " + leaked),
                (answer.status() == 200 || answer.status() == 404) && leaked.isEmpty());
    }

    /** POSTs whose body names a partnership: B's users name A's. */
    private void bodiesNamingPartnershipA(Map<String, Integer> refusalsByService) {
        String submitter = callers.token(Callers.OF_PARTNERSHIP_B.get("agency-submitter"));
        Map<String, String> bodies = Map.of(
                "/api/v1/incidents", """
                        {"externalRef": "SUITE-B-1", "partnershipId": "maldon", "category": "burglary",
                         "occurredOn": "2024-05-18", "districtCode": "E07000074"}""",
                "/api/v1/incidents/batch", """
                        [{"externalRef": "SUITE-B-2", "partnershipId": "maldon", "category": "burglary",
                          "occurredOn": "2024-05-18", "districtCode": "E07000074"}]""");
        bodies.forEach((path, body) -> {
            Http.Answer answer = Http.json("POST", stack.url("incident") + path, submitter, body);
            boolean refusedWhole = answer.status() == 404 || answer.status() == 403 || answer.status() == 422;
            boolean refusedItems = answer.status() / 100 == 2 && Inputs.read(answer.body()).path("created").asInt(-1) == 0
                    && Inputs.read(answer.body()).path("unchanged").asInt(-1) == 0;
            report.record(API1, "incident POST " + path, "agency-submitter of B, body names partnership A",
                    "refused", answer.status() + " " + abbreviate(answer.body()), refusedWhole || refusedItems);
            if (refusedWhole) {
                refusalsByService.merge("incident", 1, Integer::sum);
            }
        });
    }

    // ---------------------------------------------------------------------------------------- API3

    @Test
    @Order(5)
    void serverOwnedPropertiesInInputAreRefusedAndViewersGetOnlyDisclosedFigures() {
        report.note(API3, "Each operation that takes a JSON body is sent a well-formed body (shaped like a real "
                + "record) plus one property the server owns and the input does not declare; it must be refused "
                + "with 400 and change nothing. Viewers' feeds must carry only disclosed figures: 0, or multiples "
                + "of 5 from 10 up (small counts suppressed). Every role of partnership B reads every operation "
                + "it may call on B's own records, and each answer must carry only the properties its documented "
                + "schema declares for it (so no role is handed a field the document does not give it); the "
                + "rows name the properties each role was given. Open operations take no JSON body; their "
                + "answers (police.uk's shapes) are read without a token and as every role of B, GETs and the "
                + "form POST query alike, and must be 200 and carry only their documented properties too. Viewers' "
                + "suppression is of partnership figures and does not apply to the open, published rows.");
        String admin = callers.token(Callers.ADMIN);
        Map<String, String> before = stored.fingerprint(true);
        for (ApiOperation operation : operations) {
            if (operation.bodyType() == null || !operation.bodyType().contains("json")) {
                continue;
            }
            boolean asAdmin = operation.allows("platform-admin");
            String token = asAdmin ? admin : Callers.OF_PARTNERSHIP_B.entrySet().stream()
                    .filter(r -> operation.allows(r.getKey())).findFirst().map(r -> callers.token(r.getValue()))
                    .orElse(admin);
            Inputs inputs = asAdmin ? inputsOfA : new Inputs(Callers.PARTNERSHIP_B);
            Optional<String> path = (asAdmin ? recordsOfA : recordsOfB).bind(operation);
            String url = baseUrls.get(operation.service()) + path.orElse(placeholders(operation))
                    + inputs.query(operation, null);
            ObjectNode wellFormed = inputs.body(operation,
                    path.flatMap(asAdmin ? recordsOfA::exemplar : recordsOfB::exemplar).orElse(null));
            Set<String> declared = operation.document().properties(operation.bodySchema()).keySet();
            for (String owned : List.of("id", "agencyId", "status", "version", "createdAt", "recordedAt", "amount")) {
                if (declared.contains(owned)) {
                    continue;
                }
                ObjectNode body = wellFormed.deepCopy().put(owned, owned.equals("version") ? "7" : "suite-owned");
                Http.Answer answer = send(operation, url, token, body.toString(), "application/json");
                report.record(API3, operation.service() + " " + operation.label(), "server-owned property " + owned,
                        "400", String.valueOf(answer.status()), answer.status() == 400);
            }
        }
        recordNothingChanged(API3, "every body with a server-owned property", before);
        String viewer = callers.token(Callers.OF_PARTNERSHIP_B.get("viewer"));
        // Open operations serve police.uk's published rows, not partnership figures: no suppression applies.
        for (ApiOperation operation : operations.stream().filter(o -> o.service().equals("reporting")
                && o.method().equals("GET") && o.allows("viewer") && !o.open()).toList()) {
            String path = Optional.ofNullable(operation.bind(Map.of("partnershipId", Callers.PARTNERSHIP_B)))
                    .or(() -> recordsOfB.bind(operation)).orElse(operation.path());
            Http.Answer answer = Http.get(baseUrls.get("reporting") + path + new Inputs(Callers.PARTNERSHIP_B)
                    .query(operation, Map.of("from", "2017-01", "to", "2024-12")), viewer);
            List<Long> exact = answer.status() == 200 ? undisclosed(Inputs.read(answer.body())) : List.of();
            report.record(API3, "reporting " + operation.label(), "viewer's figures", "disclosed only",
                    answer.status() + (exact.isEmpty() ? "" : " exact figures " + exact),
                    answer.status() == 200 && exact.isEmpty());
        }
        answersCarryOnlyTheirDocumentedProperties();
        assertThat(report.failures(API3), empty());
    }

    private void answersCarryOnlyTheirDocumentedProperties() {
        Inputs inputsOfB = new Inputs(Callers.PARTNERSHIP_B);
        for (ApiOperation operation : operations.stream().filter(ApiOperation::open).toList()) {
            String url = baseUrls.get(operation.service()) + openData.path(operation) + openData.query(operation, null);
            Map<String, String> askers = new LinkedHashMap<>();
            askers.put("no token", null);
            Callers.OF_PARTNERSHIP_B.forEach((role, user) -> askers.put(role, callers.token(user)));
            askers.forEach((asker, token) -> {
                Http.Answer answer = call(operation, url, token);
                if (answer.status() != 200 || !answer.contentType().contains("json")) {
                    report.record(API3, operation.service() + " " + operation.label(), asker
                            + ": a well-formed open question", "200 JSON, to check its properties",
                            answer.status() + " " + answer.contentType(), false);
                    return;
                }
                recordDocumentedProperties(operation, asker, answer);
            });
        }
        for (ApiOperation operation : operations.stream().filter(o -> o.method().equals("GET") && !o.open()).toList()) {
            Optional<String> path = operation.pathParameters().isEmpty() ? Optional.of(operation.path())
                    : recordsOfB.bind(operation);
            if (path.isEmpty()) {
                continue;
            }
            String url = baseUrls.get(operation.service()) + path.get() + inputsOfB.query(operation, null);
            for (Map.Entry<String, String> role : Callers.OF_PARTNERSHIP_B.entrySet()) {
                if (!operation.allows(role.getKey())) {
                    continue;
                }
                Http.Answer answer = Http.get(url, callers.token(role.getValue()));
                if (answer.status() != 200 || !answer.contentType().contains("json")) {
                    continue;
                }
                recordDocumentedProperties(operation, role.getKey(), answer);
            }
        }
    }

    private void recordDocumentedProperties(ApiOperation operation, String asker, Http.Answer answer) {
        JsonNode schema = operation.answerSchema();
        JsonNode body = Inputs.read(answer.body());
        List<String> undeclared = schema.isMissingNode() ? List.of("(no schema documented)")
                : operation.document().undeclared(body, schema, "");
        report.record(API3, operation.service() + " " + operation.label(), asker + ": properties "
                + abbreviate(String.join(", ", propertiesOf(body, ""))), "only documented ones",
                undeclared.isEmpty() ? "only documented ones" : "undocumented " + undeclared, undeclared.isEmpty());
    }

    /** The property paths an answer holds, items of arrays as one. */
    private static Set<String> propertiesOf(JsonNode node, String at) {
        Set<String> found = new java.util.TreeSet<>();
        if (node.isArray()) {
            node.forEach(item -> found.addAll(propertiesOf(item, at + "[]")));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                String property = at.isEmpty() ? f.getKey() : at + "." + f.getKey();
                found.add(property);
                found.addAll(propertiesOf(f.getValue(), property));
            });
        }
        return found;
    }

    private static List<Long> undisclosed(JsonNode node) {
        List<Long> found = new ArrayList<>();
        node.fields().forEachRemaining(f -> {
            if (Set.of("count", "current", "previous", "previousYearCount").contains(f.getKey()) && f.getValue().isNumber()) {
                long value = f.getValue().asLong();
                if (value != 0 && (value < 10 || value % 5 != 0)) {
                    found.add(value);
                }
            } else if (f.getKey().equals("counts") && f.getValue().isArray()) {
                f.getValue().forEach(v -> {
                    if (v.isNumber() && v.asLong() != 0 && (v.asLong() < 10 || v.asLong() % 5 != 0)) {
                        found.add(v.asLong());
                    }
                });
            } else {
                found.addAll(undisclosed(f.getValue()));
            }
        });
        if (node.isArray()) {
            node.forEach(item -> found.addAll(undisclosed(item)));
        }
        return found;
    }

    // ---------------------------------------------------------------------------------------- API4

    @Test
    @Order(6)
    void pagesBodiesBatchesAndCallersAreBounded() {
        report.note(API4, "Page sizes past the cap, bodies past the JSON limit (with a declared length, without a "
                + "Content-Type, chunked), a batch past its cap, and one caller's burst past the rate limit. "
                + "The database's statement timeout and the import size cap are proved by the services' own tests "
                + "(platform-tests, incident-service), as they take minutes or gigabytes to reach from outside. "
                + "The open-data routes (" + OpenData.PREFIX + ", no token) are limited per address, apart from "
                + "/api/: the suite's stack runs both limits as in production, and the suite waits out each "
                + "429 as its Retry-After says. Open operations take no page size; a polygon of more points "
                + "than they take is in Fuzzing.");
        String admin = callers.token(Callers.ADMIN);
        for (ApiOperation operation : operations.stream().filter(o -> o.hasQueryParameter("limit")).toList()) {
            String path = recordsOfA.bind(operation).orElse(placeholders(operation));
            Http.Answer answer = Http.get(baseUrls.get(operation.service()) + path
                    + inputsOfA.query(operation, Map.of("limit", "100000")), admin);
            report.record(API4, operation.service() + " " + operation.label(), "limit=100000", "400",
                    String.valueOf(answer.status()), answer.status() == 400);
        }
        long huge = 17L * 1024 * 1024;
        for (String service : LocalStack.SERVICES) {
            // A declared length is refused before routing, whatever the operation; a chunked body once an
            // operation that reads JSON has read past the limit, so it is sent to one the caller may use.
            String declared = "/api/v1/admin/audit";
            for (String[] variant : new String[][] { { "17 MiB JSON", "application/json" },
                    { "17 MiB without Content-Type", null } }) {
                OversizeBody.Answer answer = OversizeBody.post(stack.url(service) + declared, admin, variant[1], false, huge);
                report.record(API4, service + " POST " + declared, variant[0], "413 problem+json",
                        answer.status() + " " + answer.contentType(),
                        answer.status() == 413 && answer.contentType().contains("problem+json"));
            }
            Optional<ApiOperation> reader = operations.stream().filter(o -> o.service().equals(service)
                    && o.method().equals("POST") && o.bodyType() != null && o.bodyType().contains("json")
                    && o.pathParameters().isEmpty()).findFirst();
            if (reader.isEmpty()) {
                report.record(API4, service, "17 MiB JSON, chunked", "413 problem+json",
                        "no operation takes a JSON body", true);
                continue;
            }
            String token = reader.get().allows("platform-admin") ? admin : callers.token(Callers.OF_PARTNERSHIP_B
                    .entrySet().stream().filter(r -> reader.get().allows(r.getKey())).findFirst().orElseThrow().getValue());
            OversizeBody.Answer chunked = OversizeBody.post(stack.url(service) + reader.get().path(), token,
                    "application/json", true, huge);
            report.record(API4, service + " " + reader.get().label(), "17 MiB JSON, chunked", "413 problem+json",
                    chunked.status() + " " + chunked.contentType(),
                    chunked.status() == 413 && chunked.contentType().contains("problem+json"));
        }
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 5001; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"externalRef\": \"SUITE-CAP-").append(i).append("\", ")
                    .append("\"partnershipId\": \"safer-colchester\", \"category\": \"burglary\", ")
                    .append("\"occurredOn\": \"2024-05-18\", \"districtCode\": \"E07000071\"}");
        }
        batch.append("]");
        Http.Answer overCap = Http.json("POST", stack.url("incident") + "/api/v1/incidents/batch",
                callers.token("essex-police-submitter"), batch.toString());
        report.record(API4, "incident POST /api/v1/incidents/batch", "5,001 incidents", "400 or 413",
                String.valueOf(overCap.status()), overCap.status() == 400 || overCap.status() == 413);
        rateLimit();
        openDataRateLimit();
        assertThat(report.failures(API4), empty());
    }

    private void rateLimit() {
        String hammer = callers.token(Callers.OF_PARTNERSHIP_B.get("analyst"));
        String other = callers.token(Callers.OF_PARTNERSHIP_B.get("viewer"));
        String url = stack.url("incident") + "/api/v1/categories";
        Http.Answer limited = null;
        for (int i = 0; i < 2000 && limited == null; i++) {
            Http.Answer answer = Http.sendOnce("GET", url, hammer, Map.of(), HttpRequest.BodyPublishers.noBody());
            if (answer.status() == 429) {
                limited = answer;
            }
        }
        report.record(API4, "incident GET /api/v1/categories", "one caller's burst of up to 2,000 requests",
                "429 with Retry-After, problem+json", limited == null ? "never limited"
                        : limited.status() + " Retry-After " + limited.header("Retry-After").orElse("none") + " "
                                + limited.contentType(),
                limited != null && limited.header("Retry-After").isPresent()
                        && limited.contentType().contains("problem+json"));
        Http.Answer bystander = Http.sendOnce("GET", url, other, Map.of(), HttpRequest.BodyPublishers.noBody());
        report.record(API4, "incident GET /api/v1/categories", "another caller meanwhile", "200",
                String.valueOf(bystander.status()), bystander.status() == 200);
    }

    /**
     * The open-data routes take no token, so their limit is per address, in buckets apart from /api/'s:
     * a burst from the suite's address is refused 429, and a signed-in caller of /api/ meanwhile is not.
     */
    private void openDataRateLimit() {
        String url = stack.url("reporting") + OpenData.PREFIX + "forces";
        Http.Answer limited = null;
        int sent = 0;
        for (; sent < 2000 && limited == null; sent++) {
            Http.Answer answer = Http.sendOnce("GET", url, null, Map.of(), HttpRequest.BodyPublishers.noBody());
            if (answer.status() == 429) {
                limited = answer;
            }
        }
        report.record(API4, "reporting GET " + OpenData.PREFIX + "forces", "one address's burst of up to 2,000 "
                + "requests without a token", "429 with Retry-After, problem+json", limited == null ? "never limited"
                        : limited.status() + " after " + sent + " requests, Retry-After "
                                + limited.header("Retry-After").orElse("none") + " " + limited.contentType(),
                limited != null && limited.header("Retry-After").isPresent()
                        && limited.contentType().contains("problem+json"));
        Http.Answer signedIn = Http.sendOnce("GET", stack.url("reporting") + "/api/v1/admin/dead-letters",
                callers.token(Callers.ADMIN), Map.of(), HttpRequest.BodyPublishers.noBody());
        report.record(API4, "reporting GET /api/v1/admin/dead-letters", "a signed-in caller of /api/ from the "
                + "same address meanwhile", "200 (buckets apart)", String.valueOf(signedIn.status()),
                signedIn.status() == 200);
    }

    // ---------------------------------------------------------------------------------------- API6

    @Test
    @Order(7)
    void aViewerCannotWorkOutASmallCountBySubtraction() {
        report.note(API6, "The attack that broke cell suppression, on the running stack: Safer Colchester's "
                + "robbery, 11 from January to June 2018 and 1 in July, asked by its committee viewer for every "
                + "range of months in 2018. No two answers may pin July's count (the full attack over every "
                + "period, grouping and filter is reporting-service's DifferencingAttackTest). Exports (CSV) "
                + "are the same feeds under the same per-caller rate limit. Records leave under a daily quota "
                + "per caller (this stack's: " + EXPORT_QUOTA + " a day): an analyst of B pages through B's "
                + "incidents until it is refused, and must then be refused, audited, while another caller is not.");
        String submitter = callers.token("essex-police-submitter");
        int[] robberies = { 2, 1, 3, 0, 4, 1, 1, 6 };
        StringBuilder batch = new StringBuilder("[");
        int n = 0;
        for (int month = 1; month <= robberies.length; month++) {
            for (int i = 0; i < robberies[month - 1]; i++) {
                batch.append(n == 0 ? "" : ",").append("{\"externalRef\": \"SUITE-ROB-").append(n++)
                        .append("\", \"partnershipId\": \"safer-colchester\", \"category\": \"robbery\", ")
                        .append("\"occurredOn\": \"2018-0").append(month).append("-15\", \"districtCode\": \"E07000071\"}");
            }
        }
        batch.append("]");
        Http.Answer posted = Http.json("POST", stack.url("incident") + "/api/v1/incidents/batch", submitter,
                batch.toString());
        report.record(API6, "incident POST /api/v1/incidents/batch", "18 robberies for the attack", "2xx",
                String.valueOf(posted.status()), posted.status() / 100 == 2);
        String analyst = callers.token("essex-analyst");
        int total = n;
        await().atMost(PATIENCE).until(() -> Inputs.read(Http.get(stack.url("reporting")
                + "/api/v1/feeds/incident-counts?partnership=safer-colchester&from=2018-01&to=2018-12&groupBy=district"
                + "&category=robbery", analyst).body()).at("/rows/0/count").asInt(), org.hamcrest.Matchers.equalTo(total));
        String viewer = callers.token(Callers.OF_PARTNERSHIP_B.get("viewer"));
        Map<String, JsonNode> shown = new LinkedHashMap<>();
        for (int from = 1; from <= 8; from++) {
            for (int to = from; to <= 8; to++) {
                String range = "2018-0" + from + ".." + "2018-0" + to;
                JsonNode feed = Inputs.read(Http.get(stack.url("reporting") + "/api/v1/feeds/incident-counts?partnership="
                        + "safer-colchester&from=2018-0" + from + "&to=2018-0" + to + "&groupBy=district&category=robbery",
                        viewer).body());
                shown.put(range, feed.at("/rows/0/count"));
            }
        }
        List<String> pinned = new ArrayList<>();
        for (Map.Entry<String, JsonNode> whole : shown.entrySet()) {
            for (Map.Entry<String, JsonNode> part : shown.entrySet()) {
                long[] w = interval(whole.getValue());
                long[] p = interval(part.getValue());
                String[] wr = whole.getKey().split("\\.\\.");
                String[] pr = part.getKey().split("\\.\\.");
                boolean nested = wr[0].compareTo(pr[0]) <= 0 && pr[1].compareTo(wr[1]) <= 0 && !whole.getKey().equals(part.getKey());
                if (nested && Math.max(0, w[0] - p[1]) == w[1] - p[0] && w[1] - p[0] > 0) {
                    pinned.add(whole.getKey() + " minus " + part.getKey());
                }
            }
        }
        report.record(API6, "reporting GET /api/v1/feeds/incident-counts", "differencing over " + shown.size()
                + " ranges (" + shown.size() * (shown.size() - 1) + " pairs)", "no count pinned",
                pinned.isEmpty() ? "none pinned; Jan-Jul " + shown.get("2018-01..2018-07") + ", Jan-Jun "
                        + shown.get("2018-01..2018-06") : "pinned: " + pinned, pinned.isEmpty());
        exportQuota();
        assertThat(report.failures(API6), empty());
    }

    private void exportQuota() {
        String exporter = callers.token(Callers.EXPORTER);
        String analyst = callers.token(Callers.OF_PARTNERSHIP_B.get("analyst"));
        String url = stack.url("incident") + "/api/v1/incidents?partnership=" + Callers.PARTNERSHIP_B + "&limit=1000";
        long read = 0;
        Http.Answer refused = null;
        for (int i = 0; i <= EXPORT_QUOTA && refused == null; i++) {
            Http.Answer answer = Http.get(url, exporter);
            if (answer.status() == 429) {
                refused = answer;
            } else if (answer.status() == 200) {
                read += Inputs.read(answer.body()).path("items").size();
            } else {
                break;
            }
        }
        report.record(API6, "incident GET /api/v1/incidents", "one caller paging past " + EXPORT_QUOTA
                + " records in a day", "429 with Retry-After, problem+json, once the quota is read",
                refused == null ? "never refused (" + read + " records read)" : refused.status() + " after " + read
                        + " records, Retry-After " + refused.header("Retry-After").orElse("none") + " s, "
                        + refused.contentType(),
                refused != null && read >= EXPORT_QUOTA && refused.header("Retry-After").isPresent()
                        && refused.contentType().contains("problem+json"));
        String someId = Inputs.read(Http.get(url.replace("limit=1000", "limit=1"), analyst).body())
                .at("/items/0/id").asText();
        Http.Answer byId = Http.get(stack.url("incident") + "/api/v1/incidents/" + someId, exporter);
        report.record(API6, "incident GET /api/v1/incidents/{id}", "the same caller, one record by id", "429",
                String.valueOf(byId.status()), byId.status() == 429);
        Http.Answer other = Http.get(url, analyst);
        report.record(API6, "incident GET /api/v1/incidents", "another analyst of B meanwhile", "200",
                String.valueOf(other.status()), other.status() == 200);
        long audited = AuditTrail.refusals(stack.url("incident"), callers.token(Callers.ADMIN),
                Set.of(AuditTrail.subject(exporter)));
        report.record(API6, "incident audit trail", "the quota's refusals", "both audited",
                audited + " refusals of the caller in the trail", audited >= 2);
    }

    /** What a viewer's figure allows: 0; suppressed, 1 to 7; otherwise within 2 of the rounded figure. */
    private static long[] interval(JsonNode shown) {
        if (shown.isMissingNode() || shown.isNull()) {
            return new long[] { 1, 7 };
        }
        long value = shown.asLong();
        return value == 0 ? new long[] { 0, 0 } : new long[] { value - 2, value + 2 };
    }

    // ---------------------------------------------------------------------------------------- API8

    @Test
    @Order(8)
    void everyAnswerCarriesTheSecurityHeadersAndNoStackTrace() {
        report.note(API8, "Every answer the suite has had from an /api/ route so far, checked for the headers a "
                + "browser needs and for stack traces; CORS for a configured and an unknown origin. Answers of "
                + "the open-data routes (" + OpenData.PREFIX + ", every open operation's, errors and 429s "
                + "included) are checked apart for the same headers and stack traces, bar Cache-Control: "
                + "no-store, which is for records about people and places; open data is published under the "
                + "Open Government Licence and may be cached like data.police.uk's.");
        List<Http.Answer> seen;
        synchronized (answers) {
            seen = List.copyOf(answers);
        }
        Map<String, Long> missing = new LinkedHashMap<>();
        long open = 0;
        for (Http.Answer answer : seen) {
            boolean openData = java.net.URI.create(answer.url()).getPath().startsWith(OpenData.PREFIX);
            String prefix = openData ? "open data: " : "";
            open += openData ? 1 : 0;
            check(missing, answer, prefix + "X-Content-Type-Options", "X-Content-Type-Options",
                    v -> v.equalsIgnoreCase("nosniff"));
            check(missing, answer, prefix + "Content-Security-Policy", "Content-Security-Policy",
                    v -> v.contains("frame-ancestors 'none'"));
            check(missing, answer, prefix + "Referrer-Policy", "Referrer-Policy", v -> !v.isBlank());
            if (!openData) {
                check(missing, answer, "Cache-Control", "Cache-Control", v -> v.contains("no-store"));
            }
            if (answer.body() != null && STACK_TRACE.matcher(answer.body()).find()) {
                missing.merge(prefix + "stack trace in body", 1L, Long::sum);
                report.record(API8, answer.method() + " " + answer.url(), "error body", "no stack trace",
                        abbreviate(answer.body()), false);
            }
        }
        for (String check : List.of("X-Content-Type-Options", "Content-Security-Policy", "Referrer-Policy",
                "Cache-Control", "stack trace in body")) {
            long count = missing.getOrDefault(check, 0L);
            report.record(API8, (seen.size() - open) + " answers of /api/", check, "on every answer"
                    + (check.startsWith("stack") ? " (none)" : ""), count == 0 ? "held" : count + " answers lack it",
                    count == 0);
        }
        for (String check : List.of("X-Content-Type-Options", "Content-Security-Policy", "Referrer-Policy",
                "stack trace in body")) {
            long count = missing.getOrDefault("open data: " + check, 0L);
            report.record(API8, open + " answers of " + OpenData.PREFIX, check, "on every answer"
                    + (check.startsWith("stack") ? " (none)" : ""), count == 0 ? "held" : count + " answers lack it",
                    count == 0 && open > 0);
        }
        for (String service : LocalStack.SERVICES) {
            String url = stack.url(service) + "/api/v1/admin/dead-letters";
            Http.Answer evil = Http.send("OPTIONS", url, null, Map.of("Origin", "https://evil.example",
                    "Access-Control-Request-Method", "GET"), HttpRequest.BodyPublishers.noBody());
            report.record(API8, service + " OPTIONS (preflight)", "Origin https://evil.example",
                    "no Access-Control-Allow-Origin", evil.header("Access-Control-Allow-Origin").orElse("none"),
                    evil.header("Access-Control-Allow-Origin").isEmpty());
            Http.Answer allowed = Http.send("OPTIONS", url, null, Map.of("Origin", "http://localhost:5173",
                    "Access-Control-Request-Method", "GET"), HttpRequest.BodyPublishers.noBody());
            report.record(API8, service + " OPTIONS (preflight)", "Origin http://localhost:5173 (configured)",
                    "allowed", allowed.header("Access-Control-Allow-Origin").orElse("none"),
                    "http://localhost:5173".equals(allowed.header("Access-Control-Allow-Origin").orElse(null)));
        }
        assertThat(report.failures(API8), empty());
    }

    private static void check(Map<String, Long> missing, Http.Answer answer, String key, String header,
            java.util.function.Predicate<String> ok) {
        if (!answer.header(header).map(ok::test).orElse(false)) {
            missing.merge(key, 1L, Long::sum);
        }
    }

    // --------------------------------------------------------------------------------------- API10

    @Test
    @Order(9)
    void hostileEventsAreDeadLetteredAndChangeNothing() throws Exception {
        report.note(API10, "Events a hostile or broken producer could put on the topics the services consume: "
                + "huge, deeply nested, of wrong types, with forged CloudEvents headers. Each consumer must "
                + "dead-letter every one and change nothing it keeps.");
        Map<String, String> before = stored.fingerprint(false);
        String admin = callers.token(Callers.ADMIN);
        Map<String, Long> lettersBefore = deadLetters(admin);
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(2 * 1024 * 1024));
        Map<String, ProducerRecord<String, String>> hostile = new LinkedHashMap<>();
        String now = Instant.now().toString();
        hostile.put("huge data (900 kB)", event("partnership.events", "/partnership-service", "partnership.updated.v1",
                "{\"id\": \"maldon\", \"name\": \"" + "x".repeat(900 * 1024) + "\"}", now));
        hostile.put("deeply nested data (50,000 levels)", event("partnership.events", "/partnership-service",
                "partnership.updated.v1", "[".repeat(50_000) + "]".repeat(50_000), now));
        hostile.put("wrong types", event("partnership.events", "/partnership-service", "partnership.updated.v1",
                "{\"id\": 7, \"name\": [], \"districts\": \"E07000074\", \"version\": \"many\"}", now));
        hostile.put("forged ce_source, well-formed data", event("partnership.events", "/attacker",
                "partnership.updated.v1", "{\"id\": \"maldon\", \"name\": \"Taken over\", \"districts\": [\"E07000074\"],"
                        + " \"version\": 99}", now));
        hostile.put("unknown ce_type", event("incident.events", "/incident-service", "incident.exfiltrated.v1", "{}", now));
        hostile.put("ce_time not a time", event("incident.events", "/incident-service", "incident.recorded.v1", "{}",
                "yesterday"));
        hostile.put("forged ce_source on incident.events", event("incident.events", "/attacker", "incident.recorded.v1",
                "{\"incidentId\": \"x\"}", now));
        String allocation = "{\"allocationId\": \"" + java.util.UUID.randomUUID() + "\", \"partnershipId\": \"maldon\", "
                + "\"funderId\": \"essex-pfcc\", \"streamId\": \"" + java.util.UUID.randomUUID() + "\", "
                + "\"financialYear\": 2021, \"gross\": %s, \"topSliced\": 0.00, \"net\": %s, "
                + "\"awardedOn\": \"2021-04-01\", \"reference\": \"X\", \"title\": \"X\", \"version\": 0}";
        hostile.put("forged ce_source on funding.events", event("funding.events", "/attacker", "allocation.made.v1",
                allocation.formatted("99999.00", "99999.00"), now));
        hostile.put("a fraction of a penny on funding.events", event("funding.events", "/funding-service",
                "allocation.made.v1", allocation.formatted("1.005", "1.005"), now));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (ProducerRecord<String, String> record : hostile.values()) {
                producer.send(record).get();
            }
        }
        // incident-service's and funding-service's replicas read partnership.events; reporting-service reads
        // every topic. Each must dead-letter every hostile event, except that an unknown type may be passed
        // over (a newer publisher's event) provided nothing changed.
        long onPartnershipEvents = hostile.values().stream().filter(r -> r.topic().equals("partnership.events")).count();
        long passable = hostile.keySet().stream().filter(n -> n.startsWith("unknown")).count();
        Map<String, Long> expected = Map.of("incident", onPartnershipEvents, "funding", onPartnershipEvents,
                "reporting", hostile.size() - passable);
        try {
            await().atMost(PATIENCE).until(() -> expected.entrySet().stream().allMatch(e -> deadLetters(admin)
                    .getOrDefault(e.getKey(), 0L) - lettersBefore.getOrDefault(e.getKey(), 0L) >= e.getValue()));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // Reported below.
        }
        Map<String, Long> lettersAfter = deadLetters(admin);
        expected.forEach((service, count) -> {
            long letters = lettersAfter.getOrDefault(service, 0L) - lettersBefore.getOrDefault(service, 0L);
            report.record(API10, service + "-service consumers", hostile.size() + " hostile events: "
                    + String.join(", ", hostile.keySet()), "at least " + count + " dead letters",
                    String.valueOf(letters), letters >= count);
        });
        Map<String, String> after = stored.fingerprint(false);
        // The suite's own events, and how far the consumers have read: an unknown type is passed over.
        java.util.function.Predicate<String> sentHere = k -> k.startsWith("topic partnership.events")
                || k.startsWith("topic incident.events") || k.startsWith("topic funding.events")
                || k.contains("consumed_event") || k.contains("projection_position");
        after.keySet().removeIf(sentHere);
        before.keySet().removeIf(sentHere);
        String difference = StoredState.difference(before, after);
        report.record(API10, "every consumer", "all " + hostile.size() + " hostile events", "nothing changed",
                difference, difference.equals("unchanged"));
        assertThat(report.failures(API10), empty());
    }

    /** Letters held in each service's dead-letter topics. */
    private static Map<String, Long> deadLetters(String admin) {
        Map<String, Long> letters = new LinkedHashMap<>();
        for (String service : List.of("incident", "funding", "reporting")) {
            Http.Answer answer = Http.get(stack.url(service) + "/api/v1/admin/dead-letters", admin);
            long held = 0;
            for (JsonNode group : RecordPaths.items(Inputs.read(answer.body()))) {
                held += group.path("deadLettered").asLong();
            }
            letters.put(service, held);
        }
        return letters;
    }

    private static ProducerRecord<String, String> event(String topic, String source, String type, String data,
            String time) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, PARTNERSHIP_A, data);
        Map.of("ce_specversion", "1.0", "ce_id", java.util.UUID.randomUUID().toString(), "ce_type", type,
                "ce_source", source, "ce_time", time, "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    // ---------------------------------------------------------------------------------------- Fuzz

    @Test
    @Order(10)
    void malformedInputToEveryOperationIsRefusedCleanly() {
        report.note(FUZZ, "Every operation, as a platform admin and as partnership B's user of a role it allows, "
                + "with each path and query parameter malformed in turn and, where it takes JSON, with malformed "
                + "bodies. No answer may be a 5xx or carry a stack trace, no malformed change may be accepted, and "
                + "the database must be unchanged at the end. Open operations are sent the same without a "
                + "token too, their form POST query with each form field malformed in turn, and malformed "
                + "open-data questions (lat and lng out of range or not numbers, polygons of too few points, "
                + "of words, out of range or of more than 10,000 points, months that are not months): a value "
                + "malformed for its parameter must be answered 4xx, and nothing 5xx.");
        Map<String, String> before = stored.fingerprint(true);
        for (ApiOperation operation : operations) {
            List<String> roles = new ArrayList<>(List.of(Callers.ADMIN));
            Callers.OF_PARTNERSHIP_B.entrySet().stream()
                    .filter(r -> !r.getKey().equals("platform-admin") && operation.allows(r.getKey())).findFirst()
                    .ifPresent(r -> roles.add(r.getValue()));
            if (operation.open()) {
                roles.add(0, null);
            }
            String path = pathOf(operation, recordsOfA);
            String base = baseUrls.get(operation.service());
            for (String user : roles) {
                String token = user == null ? null : callers.token(user);
                for (String parameter : operation.pathParameters()) {
                    String[] bound = path.split("/");
                    String[] template = operation.path().split("/");
                    for (Map.Entry<String, String> value : Inputs.malformedValues().entrySet()) {
                        if (value.getValue().isEmpty()) {
                            continue;
                        }
                        StringBuilder fuzzed = new StringBuilder();
                        for (int i = 1; i < template.length; i++) {
                            fuzzed.append('/').append(template[i].equals("{" + parameter + "}")
                                    ? Inputs.encode(value.getValue()) : bound[i]);
                        }
                        fuzz(operation, user, "path " + parameter + ": " + value.getKey(),
                                base + fuzzed + queryOf(operation, inputsOfA, null), token, null, parameter,
                                value.getValue());
                    }
                }
                for (JsonNode parameter : operation.parameters("query")) {
                    String name = parameter.path("name").asText();
                    for (Map.Entry<String, String> value : Inputs.malformedValues().entrySet()) {
                        fuzz(operation, user, "query " + name + ": " + value.getKey(),
                                base + path + queryOf(operation, inputsOfA, Map.of(name, value.getValue())), token,
                                null, name, value.getValue());
                    }
                }
                if (operation.open() && OpenData.isForm(operation)) {
                    for (String field : OpenData.formFields(operation)) {
                        for (Map.Entry<String, String> value : Inputs.malformedValues().entrySet()) {
                            fuzzForm(operation, user, "form " + field + ": " + value.getKey(), base + path, token,
                                    openData.form(operation, Map.of(field, value.getValue())), field, value.getValue());
                        }
                    }
                }
                if (operation.bodyType() != null && operation.bodyType().contains("json")) {
                    ObjectNode wellFormed = inputsOfA.body(operation, recordsOfA.exemplar(path).orElse(null));
                    for (Map.Entry<String, String> body : inputsOfA.malformedBodies(operation, wellFormed).entrySet()) {
                        fuzz(operation, user, "body: " + body.getKey(), base + path + inputsOfA.query(operation, null),
                                token, body.getValue().getBytes(StandardCharsets.UTF_8), null, null);
                    }
                    fuzz(operation, user, "body: not UTF-8", base + path + inputsOfA.query(operation, null), token,
                            new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' }, null, null);
                }
            }
        }
        malformedOpenDataQuestions();
        recordNothingChanged(FUZZ, "every malformed input", before);
        assertThat(report.failures(FUZZ), empty());
    }

    /**
     * @param parameter the parameter made malformed, and {@code value} its value: for an open
     *        operation an answer other than 4xx is right only where the value is well-formed for it
     */
    private void fuzz(ApiOperation operation, String user, String attack, String url, String token, byte[] body,
            String parameter, String value) {
        Http.Answer answer = body == null ? call(operation, url, token)
                : send(operation, url, token, body, "application/json");
        recordFuzz(operation, user, attack, answer, body, parameter, value);
    }

    private void fuzzForm(ApiOperation operation, String user, String attack, String url, String token, String form,
            String field, String value) {
        recordFuzz(operation, user, attack, send(operation, url, token, form, operation.bodyType()), null, field, value);
    }

    private void recordFuzz(ApiOperation operation, String user, String attack, Http.Answer answer, byte[] body,
            String parameter, String value) {
        boolean clean = answer.status() < 500 && (answer.body() == null || !STACK_TRACE.matcher(answer.body()).find());
        boolean refusedChange = !operation.changes() || answer.status() / 100 == 4
                || body != null && "[]".equals(new String(body, StandardCharsets.UTF_8))
                        && operation.bodySchema().path("type").asText().equals("array");
        boolean malformedForIt = operation.open() && parameter != null && !OpenData.wellFormed(parameter, value);
        boolean refusedMalformed = !malformedForIt || answer.status() / 100 == 4;
        String expected = operation.changes() || malformedForIt ? "4xx" : "no 5xx";
        report.record(FUZZ, operation.service() + " " + operation.label(), (user == null ? "no token" : user) + ": "
                + attack, expected, String.valueOf(answer.status()), clean && refusedChange && refusedMalformed);
    }

    /** The open-data questions police.uk's clients get wrong, each to every open operation that takes its parameters. */
    private void malformedOpenDataQuestions() {
        Map<String, Map<String, String>> questions = OpenData.malformedQuestions(openData.anchor());
        for (ApiOperation operation : operations.stream().filter(ApiOperation::open).toList()) {
            List<String> takes = new ArrayList<>(operation.parameters("query").stream()
                    .map(p -> p.path("name").asText()).toList());
            takes.addAll(OpenData.formFields(operation));
            if (!takes.contains("lat") && !takes.contains("poly")) {
                continue;
            }
            String url = baseUrls.get(operation.service()) + openData.path(operation);
            Map<String, Map<String, String>> asked = new LinkedHashMap<>();
            questions.forEach((name, values) -> {
                if (takes.containsAll(values.keySet())) {
                    asked.put(name, values);
                }
            });
            if (takes.contains("poly")) {
                asked.put("poly of 10,001 points", Map.of("poly", OpenData.hugePolygon(10_001)));
            }
            asked.forEach((name, values) -> {
                String encoded = values.entrySet().stream().map(e -> e.getKey() + "=" + Inputs.encode(e.getValue()))
                        .collect(Collectors.joining("&"));
                Http.Answer answer;
                try {
                    answer = OpenData.isForm(operation)
                            ? send(operation, url, null, encoded, operation.bodyType())
                            : encoded.length() > 8192 ? overHttp11(url + "?" + encoded)
                                    : call(operation, url + "?" + encoded, null);
                } catch (java.io.UncheckedIOException e) {
                    report.record(FUZZ, operation.service() + " " + operation.label(), "no token: " + name, "4xx",
                            "no answer: " + e.getCause(), false);
                    return;
                }
                boolean clean = answer.body() == null || !STACK_TRACE.matcher(answer.body()).find();
                report.record(FUZZ, operation.service() + " " + operation.label(), "no token: " + name, "4xx",
                        String.valueOf(answer.status()), answer.status() / 100 == 4 && clean);
            });
            if (OpenData.isForm(operation)) {
                Map<String, String[]> bodies = new LinkedHashMap<>();
                bodies.put("JSON sent as the form", new String[] { "application/json",
                        "{\"lat\": \"" + openData.anchor().latitude() + "\"}" });
                bodies.put("broken percent-encoding", new String[] { operation.bodyType(), "lat=%ZZ&lng=%" });
                bodies.put("no body", new String[] { operation.bodyType(), "" });
                bodies.put("form of 1 MiB in one field", new String[] { operation.bodyType(),
                        "lat=" + "1".repeat(1024 * 1024) + "&lng=0.7" });
                bodies.forEach((name, typeAndBody) -> {
                    Http.Answer answer = send(operation, url, null, typeAndBody[1], typeAndBody[0]);
                    boolean clean = answer.body() == null || !STACK_TRACE.matcher(answer.body()).find();
                    report.record(FUZZ, operation.service() + " " + operation.label(), "no token: " + name, "4xx",
                            String.valueOf(answer.status()), answer.status() / 100 == 4 && clean);
                });
            }
        }
    }

    // ------------------------------------------------------------------------------------- helpers

    /** The trial of a whole attack: nothing stored in any service, no event on any topic. */
    private static void recordNothingChanged(String category, String attack, Map<String, String> before) {
        String after = StoredState.difference(before, stored.fingerprint(true));
        report.record(category, "all services", attack, "nothing stored, no event", after, after.equals("unchanged"));
    }

    /** The operation as documented, sent with no body beyond what its type needs. */
    private static Http.Answer call(ApiOperation operation, String url, String token) {
        String body = operation.bodyType() == null ? null : operation.bodyType().contains("json") ? "{}"
                : operation.open() && OpenData.isForm(operation) ? openData.form(operation, null) : "";
        return send(operation, url, token, body, operation.bodyType());
    }

    /**
     * A GET with a URL longer than a server reads, over HTTP/1.1: the suite's client would offer an
     * upgrade to HTTP/2, which the server ends with GOAWAY instead of an answer to read.
     */
    private static Http.Answer overHttp11(String url) {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        try {
            java.net.http.HttpResponse<String> response = client.send(HttpRequest.newBuilder(java.net.URI.create(url))
                    .timeout(Duration.ofSeconds(60)).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Http.Answer("GET", url, response.statusCode(), response.headers(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The operation's path bound: to open data for an open operation, else to a record of {@code records}. */
    private static String pathOf(ApiOperation operation, RecordPaths records) {
        return operation.open() ? openData.path(operation) : records.bind(operation).orElse(placeholders(operation));
    }

    private static String queryOf(ApiOperation operation, Inputs inputs, Map<String, String> overrides) {
        return operation.open() ? openData.query(operation, overrides) : inputs.query(operation, overrides);
    }

    private static Http.Answer callWithBody(ApiOperation operation, String url, String token, JsonNode exemplar,
            String partnership) {
        if (operation.bodyType() == null || !operation.bodyType().contains("json")) {
            return call(operation, url, token);
        }
        ObjectNode body = new Inputs(partnership).body(operation, exemplar);
        return send(operation, url, token, body.toString(), "application/json");
    }

    private static Http.Answer send(ApiOperation operation, String url, String token, String body, String type) {
        return send(operation, url, token, body == null ? null : body.getBytes(StandardCharsets.UTF_8), type);
    }

    private static Http.Answer send(ApiOperation operation, String url, String token, byte[] body, String type) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (type != null) {
            headers.put("Content-Type", type);
        }
        if (operation.parameters("header").stream().anyMatch(p -> p.path("name").asText().equals("If-Match"))) {
            headers.put("If-Match", "\"0\"");
        }
        Http.Answer answer = Http.send(operation.method(), url, token, headers, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (url.contains("/api/")) {
            synchronized (answers) {
                answers.add(answer);
            }
        }
        return answer;
    }

    /** The path with every parameter filled by an id no record has. */
    private static String placeholders(ApiOperation operation) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : operation.pathParameters()) {
            values.put(name, name.equals("year") ? "2024" : name.toLowerCase().contains("partnership")
                    ? PARTNERSHIP_A : "00000000-0000-0000-0000-000000000000");
        }
        return operation.bind(values);
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 197) + "..." : text;
    }
}
