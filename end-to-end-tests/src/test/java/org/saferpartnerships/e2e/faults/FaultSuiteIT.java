package org.saferpartnerships.e2e.faults;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.saferpartnerships.e2e.LocalStack;
import org.saferpartnerships.testing.postgres.TestPostgresServer;

/**
 * The fault suite: while a load driver writes as agencies do, faults are injected into the real
 * processes of a complete stack, and afterwards every invariant of {@link Invariants} must hold.
 * A line per fault goes into {@code target/fault-report.md}.
 *
 * <p>{@code ./mvnw verify} runs the quick subset (F1, F3, F6, F7, F9, F11). The whole suite adds
 * the faults marked full: {@code ./mvnw -B install -DskipTests && ./mvnw -B verify -pl
 * end-to-end-tests -Dcsp.faults=full -Dit.test=FaultSuiteIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Duration KAFKA_DOWN = Duration.ofSeconds(30);
    /**
     * The four partnerships of the realm's police submitter (its token names them), so that events
     * keyed by partnership spread over incident.events' partitions.
     */
    private static final List<LoadDriver.Place> PLACES = List.of(
            new LoadDriver.Place("safer-colchester", "E07000071", "E01021655", "Colchester 001A"),
            new LoadDriver.Place("castle-point-rochford", "E07000069", "E01021513", "Castle Point 001A"),
            new LoadDriver.Place("braintree", "E07000067", "E01021375", "Braintree 001A"),
            new LoadDriver.Place("maldon", "E07000074", "E01021908", "Maldon 001A"));
    private static final String DEAD_LETTERS = "/api/v1/admin/dead-letters";

    private static LocalStack stack;
    private static String admin;
    private static String submitter;

    @BeforeAll
    static void startTheStackWithFourPartnershipsOfThePolice() {
        stack = LocalStack.start();
        admin = stack.token("platform-admin");
        submitter = stack.token("essex-police-submitter");
        String partnerships = stack.url("partnership") + "/api/v1/partnerships";
        jsonWithToken(admin).body("{\"id\": \"essex-police\", \"name\": \"Essex Police\", \"type\": \"police\"}")
                .when().post(stack.url("partnership") + "/api/v1/agencies").then().statusCode(201);
        for (LoadDriver.Place place : PLACES) {
            jsonWithToken(admin).body("{\"id\": \"%s\", \"name\": \"%s\", \"districts\": [\"%s\"]}"
                    .formatted(place.partnershipId(), place.partnershipId(), place.districtCode()))
                    .when().post(partnerships).then().statusCode(201);
            jsonWithToken(admin).body("{\"agencyId\": \"essex-police\", \"role\": \"member\", \"from\": \"2019-04-01\"}")
                    .when().post(partnerships + "/" + place.partnershipId() + "/members").then().statusCode(201);
        }
        // incident-service learns the memberships from partnership-service's events: 403 until then.
        for (LoadDriver.Place place : PLACES) {
            await().atMost(PATIENCE).until(() -> jsonWithToken(submitter).body("""
                    {"externalRef": "PROBE-%s", "category": "drugs", "occurredOn": "2024-01-15", "districtCode": "%s"}"""
                    .formatted(place.districtCode(), place.districtCode()))
                    .when().post(stack.url("incident") + "/api/v1/incidents").statusCode() / 100, equalTo(2));
        }
    }

    @AfterAll
    static void reportAndStopTheStack() {
        try {
            FaultReport.write(Path.of("target/fault-report.md"));
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Test
    @Order(0)
    void theReconciliationCheckRunsOnItsOwnSignedInAsReportingService() {
        // Nobody has asked for a check yet: these are the scheduled one's, with its own token.
        await().atMost(PATIENCE).until(() -> metric("reporting", "csp_reconciliation_checks_total{outcome=\"consistent\""),
                greaterThanOrEqualTo(1.0));
        assertThat(metric("reporting", "csp_reconciliation_differences{"), is(0.0));
    }

    @Test
    @Order(1)
    void f1KafkaStoppedForThirtySecondsDuringIngest() throws Exception {
        String run = run("F1");
        try (LoadDriver driver = driver(run, 2, true)) {
            await().atMost(PATIENCE).until(driver::acknowledged, greaterThan(50L));
            stack.stopKafka();
            Instant down = Instant.now();
            long before = driver.acknowledged();
            // Writes go on being acknowledged: the events wait in the outbox.
            await().atMost(PATIENCE).until(() -> Duration.between(down, Instant.now()).compareTo(KAFKA_DOWN) >= 0
                    && driver.acknowledged() > before + 50);
            stack.startKafka();
            driver.stop();
            Invariants.hold(stack, "F1 Kafka stopped for 30 s during ingest", run, driver.ledger(), Instant.now(),
                    "acknowledged while Kafka was down: " + (driver.acknowledged() - before));
        }
    }

    @Test
    @Order(2)
    void f3TheRelayKilledBetweenPublishingAndDeletingTheEvents() throws Exception {
        String run = run("F3");
        // No imports: one killed mid-file waits two minutes to be declared failed (F2 covers that).
        try (LoadDriver driver = driver(run, 2, false)) {
            await().atMost(PATIENCE).until(driver::acknowledged, greaterThan(50L));
            stack.stopKafka();
            long before = driver.acknowledged();
            await().atMost(PATIENCE).until(driver::acknowledged, greaterThan(before + 50));
            long held;
            try (Connection incidents = stack.database("incident")) {
                // Row locks on the pending events: the relay reads and publishes them, then its delete waits.
                incidents.setAutoCommit(false);
                try (Statement lock = incidents.createStatement();
                        ResultSet rows = lock.executeQuery("select count(*) from (select id from outbox_event for update) t")) {
                    rows.next();
                    held = rows.getLong(1);
                }
                stack.startKafka();
                await().atMost(PATIENCE).until(() -> relayWaitingToDelete(), is(true));
                stack.kill("incident");
                incidents.rollback();
            }
            stack.start("incident");
            long after = driver.acknowledged();
            await().atMost(PATIENCE).until(driver::acknowledged, greaterThan(after + 50));
            driver.stop();
            long republished = republished(run);
            // The delete waiting proves the batch was on Kafka when the relay died; the invariants are the test.
            Invariants.hold(stack, "F3 the relay killed between publishing and deleting", run, driver.ledger(),
                    Instant.now(), "events held at the delete: " + held + ", on the topic twice: " + republished);
        }
    }

    /** Whether the relay has published a batch and waits for the lock its delete of the batch needs. */
    private static boolean relayWaitingToDelete() throws SQLException {
        try (Connection incidents = stack.database("incident"); Statement query = incidents.createStatement();
                ResultSet rows = query.executeQuery("""
                        select count(*) from pg_stat_activity where datname = current_database()
                        and wait_event_type = 'Lock' and query like 'delete from outbox_event%'""")) {
            rows.next();
            return rows.getLong(1) > 0;
        }
    }

    @Test
    @Order(3)
    void f6PoisonOnEveryConsumedTopicAndAFaultThatIsFixedAndRedriven() throws Exception {
        String run = run("F6");
        String incidentPoison = UUID.randomUUID().toString();
        String partnershipPoison = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(poison("incident.events", "safer-colchester", "incident.recorded.v1", incidentPoison)).get();
            producer.send(poison("partnership.events", "safer-colchester", "partnership.updated.v1",
                    partnershipPoison)).get();
        }
        // A bad deployment: reporting-service's counts refuse Maldon's incidents until it is fixed.
        reporting("alter table incident_count add constraint fault_maldon_refused "
                + "check (partnership_id <> 'maldon') not valid");
        // No corrections: one moving an incident between Maldon and another partnership would hold up both.
        try (LoadDriver driver = new LoadDriver(stack.url("incident"), submitter, run, PLACES, 2, false, false).start()) {
            try {
                deadLettersAndNothingElse(driver, incidentPoison, partnershipPoison);
            } finally {
                reporting("alter table incident_count drop constraint if exists fault_maldon_refused");
            }
            Instant fixed = Instant.now();
            JsonPath redrive = withToken(admin).post(stack.url("reporting") + DEAD_LETTERS
                    + "/reporting-service.incident-counts/redrive").then().statusCode(200).extract().jsonPath();
            assertThat(redrive.get("failed"), nullValue());
            assertThat(redrive.getLong("applied"), greaterThan(0L));
            assertThat(redrive.getLong("unreadable"), greaterThanOrEqualTo(1L));
            Invariants.hold(stack, "F6 poison on each topic; Maldon refused, fixed, redriven", run, driver.ledger(),
                    fixed, "redriven: " + redrive.getLong("applied") + ", unreadable passed over: "
                            + redrive.getLong("unreadable"));
        }
    }

    /**
     * While Maldon's counts are refused: its events and the poison go to the dead-letter topics,
     * each poison exactly once in each consumer's, and every other partnership is counted exactly.
     */
    private static void deadLettersAndNothingElse(LoadDriver driver, String incidentPoison, String partnershipPoison) {
        await().atMost(PATIENCE).until(driver::acknowledged, greaterThan(150L));
        driver.stop();
        await().atMost(PATIENCE).until(() -> records("reporting-service.incident-counts.dlq").stream()
                .anyMatch(r -> "maldon".equals(r.key())));
        // The consumer never stopped: every other partnership is counted exactly.
        await().atMost(PATIENCE).until(() -> differingPartnerships(), equalTo(List.of("maldon")));
        // A consumer restarted by an earlier fault may get its partitions only once the dead member's
        // session has expired, so each poison is awaited in its consumer's topic, then counted.
        for (Map.Entry<String, String> poison : Map.of("reporting-service.incident-counts.dlq", incidentPoison,
                "reporting-service.partnership-directory.dlq", partnershipPoison,
                "incident-service.partnership-replica.dlq", partnershipPoison).entrySet()) {
            await().atMost(PATIENCE).until(() -> idsIn(poison.getKey()).contains(poison.getValue()));
            assertThat(poison.getKey(), idsIn(poison.getKey()).stream().filter(poison.getValue()::equals).count(),
                    is(1L));
        }
    }

    @Test
    @Order(4)
    void f7AFullReplayIntoEmptyProjectionsGivesTheSameTables() throws Exception {
        Map<String, Set<String>> before = projectionRows();
        withToken(admin).post(stack.url("reporting") + "/api/v1/admin/projections/rebuild").then().statusCode(202);
        Instant started = Instant.now();
        await().atMost(PATIENCE).until(() -> withToken(admin).get(stack.url("reporting") + "/api/v1/admin/projections")
                .then().statusCode(200).extract().path("status"), equalTo("current"));
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        Map<String, Set<String>> after = projectionRows();
        Map<String, List<String>> differences = new TreeMap<>();
        before.forEach((table, rows) -> {
            List<String> differing = new ArrayList<>();
            rows.stream().filter(row -> !after.get(table).contains(row)).limit(10).forEach(row -> differing.add("- " + row));
            after.get(table).stream().filter(row -> !rows.contains(row)).limit(10).forEach(row -> differing.add("+ " + row));
            if (!differing.isEmpty()) {
                differences.put(table, differing);
            }
        });
        FaultReport.add(new FaultReport.Line("F7 full replay from offset 0 into empty projections", 0, 0, 0, 0, 0, 0,
                seconds, before.entrySet().stream().map(t -> t.getKey() + " " + t.getValue().size() + " rows")
                        .collect(Collectors.joining(", ")) + (differences.isEmpty() ? ": identical" : ": DIFFERENT")));
        assertThat("rows before (-) and after (+) the replay", differences, equalTo(Map.of()));
    }

    @Test
    @Order(5)
    void f9ConcurrentDuplicatePostsMakeOneRecord() throws Exception {
        String partnerships = stack.url("partnership") + "/api/v1/partnerships/safer-colchester";
        String body = jsonWithToken(admin).body("{\"name\": \"JAG\", \"kind\": \"joint-action-group\"}")
                .when().post(partnerships + "/bodies").then().statusCode(201).extract().path("id");
        String meeting = "{\"bodyId\": \"" + body + "\", \"heldOn\": \"2024-03-18\"}";
        String key = UUID.randomUUID().toString();
        List<Response> meetings = concurrently(8, () -> untilAnswered(() -> jsonWithToken(admin)
                .header("Idempotency-Key", key).body(meeting).when().post(partnerships + "/meetings")));
        List<String> ids = meetings.stream().map(r -> r.<String>path("id")).toList();
        assertThat(meetings.stream().map(Response::statusCode).toList(), everyItem(is(201)));
        assertThat(meetings.stream().filter(r -> r.header("Idempotent-Replayed") == null).count(), is(1L));
        assertThat(ids.stream().distinct().count(), is(1L));
        assertThat(withToken(admin).get(partnerships + "/meetings").then().statusCode(200).extract().jsonPath()
                .getList("id"), equalTo(List.of(ids.get(0))));

        String ref = run("F9");
        String incident = """
                {"externalRef": "%s", "category": "burglary", "occurredOn": "2024-02-03", "districtCode": "E07000071"}"""
                .formatted(ref);
        List<Response> incidents = concurrently(8, () -> jsonWithToken(submitter).body(incident)
                .when().post(stack.url("incident") + "/api/v1/incidents"));
        assertThat(incidents.stream().map(Response::statusCode).filter(s -> s == 201).count(), is(1L));
        assertThat(incidents.stream().map(Response::statusCode).toList(), everyItem(is(not(500))));
        assertThat(incidents.stream().filter(r -> r.statusCode() / 100 == 2).map(r -> r.<String>path("id")).distinct()
                .count(), is(1L));
        try (Connection incidentsDb = stack.database("incident"); Statement count = incidentsDb.createStatement();
                ResultSet rows = count.executeQuery("select count(*) from incident where external_ref = '" + ref + "'")) {
            rows.next();
            assertThat(rows.getLong(1), is(1L));
        }
        FaultReport.add(new FaultReport.Line("F9 8 concurrent duplicate POSTs (meeting by key, incident by ref)", 16,
                16, 2, 0, 0, 0, 0, "one meeting, one incident; every retry answered with the first record"));
    }

    @Test
    @Order(6)
    void f11TwoInstancesEachOfIncidentAndReportingBehindTheProxyOneOfEachKilled() throws Exception {
        String run = run("F11");
        stack.startSecondInstance("incident");
        stack.startSecondInstance("reporting");
        String origin = stack.proxy();
        try (LoadDriver driver = new LoadDriver(origin, submitter, run, PLACES, 4, true, true).start()) {
            await().atMost(PATIENCE).until(driver::acknowledged, greaterThan(100L));
            // Kafka gives each instance partitions of its own: the two consume side by side.
            List<List<Integer>> replicas = awaitSplit("incident-service.partnership-replica");
            List<List<Integer>> counts = awaitSplit("reporting-service.incident-counts");
            // A rebuild asked through the origin, on whichever instance answers, then one of each killed.
            withToken(admin).post(origin + "/api/v1/admin/projections/rebuild").then().statusCode(202);
            stack.killSecondInstance("reporting");
            String rebuildWhenKilled = withToken(admin).get(stack.url("reporting") + "/api/v1/admin/projections")
                    .then().statusCode(200).extract().path("status");
            long before = driver.acknowledged();
            await().atMost(PATIENCE).until(driver::acknowledged, greaterThan(before + 50));
            stack.killSecondInstance("incident");
            Instant killed = Instant.now();
            long after = driver.acknowledged();
            await().atMost(PATIENCE).until(driver::acknowledged, greaterThan(after + 100));
            driver.stop();
            // The survivor finishes the replay of the partitions the killed instance held.
            await().atMost(PATIENCE).until(() -> withToken(admin).get(origin + "/api/v1/admin/projections")
                    .then().statusCode(200).extract().path("status"), equalTo("current"));
            Invariants.hold(stack, "F11 two of incident and reporting behind the proxy, one of each killed", run,
                    driver.ledger(), killed, "partitions of partnership.events by incident instance " + replicas
                            + ", of incident.events by reporting instance " + counts + "; the rebuild asked before "
                            + "reporting 2 was killed was then " + rebuildWhenKilled + "; CSV imports completed: "
                            + driver.csvImports());
        }
    }

    /** Waits until two members of the consumer group each hold partitions; the partitions of each. */
    private static List<List<Integer>> awaitSplit(String group) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        try (Admin kafka = Admin.create(config)) {
            return await().atMost(PATIENCE).until(() -> {
                ConsumerGroupDescription description = kafka.describeConsumerGroups(List.of(group)).all().get()
                        .get(group);
                return description.members().stream().map(member -> member.assignment().topicPartitions().stream()
                        .map(TopicPartition::partition).sorted().toList()).toList();
            }, partitions -> partitions.size() == 2 && partitions.stream().noneMatch(List::isEmpty));
        }
    }

    @Test
    @Order(7)
    @EnabledIfSystemProperty(named = "csp.faults", matches = "full")
    void f2IncidentServiceKilledAtRandomPointsTenTimes() throws Exception {
        String run = run("F2");
        try (LoadDriver driver = driver(run, 2, true)) {
            for (int kill = 0; kill < 10; kill++) {
                long before = driver.acknowledged();
                long wait = 20 + ThreadLocalRandom.current().nextInt(80);
                await().atMost(PATIENCE).until(driver::acknowledged, greaterThan(before + wait));
                stack.kill("incident");
                stack.start("incident");
            }
            long after = driver.acknowledged();
            await().atMost(PATIENCE).until(driver::acknowledged, greaterThan(after + 50));
            driver.stop();
            Invariants.hold(stack, "F2 incident-service kill -9 mid-batch and mid-import, 10 times", run,
                    driver.ledger(), Instant.now(), "CSV imports completed: " + driver.csvImports());
        }
    }

    @Test
    @Order(8)
    @EnabledIfSystemProperty(named = "csp.faults", matches = "full")
    void f4ReportingServiceKilledMidConsumption() throws Exception {
        String run = run("F4");
        try (LoadDriver driver = driver(run, 2, true)) {
            for (int kill = 0; kill < 3; kill++) {
                long before = driver.acknowledged();
                await().atMost(PATIENCE).until(driver::acknowledged, greaterThan(before + 150));
                stack.kill("reporting");
                stack.start("reporting");
            }
            driver.stop();
            Invariants.hold(stack, "F4 reporting-service kill -9 mid-consumption, 3 times", run, driver.ledger(),
                    Instant.now(), "");
        }
    }

    @Test
    @Order(9)
    @EnabledIfSystemProperty(named = "csp.faults", matches = "full")
    void f5IncidentDatabaseDownUnderLoad() throws Exception {
        String run = run("F5");
        try (LoadDriver driver = driver(run, 2, false)) {
            await().atMost(PATIENCE).until(driver::acknowledged, greaterThan(100L));
            Instant recovered;
            try (TestPostgresServer.Outage outage = TestPostgresServer.shared().outage(stack.databaseUrl("incident"))) {
                await().atMost(PATIENCE).until(() -> readiness("incident"), equalTo(503));
            }
            recovered = Instant.now();
            await().atMost(PATIENCE).until(() -> readiness("incident"), equalTo(200));
            long after = driver.acknowledged();
            await().atMost(PATIENCE).until(driver::acknowledged, greaterThan(after + 100));
            driver.stop();
            Invariants.hold(stack, "F5 incident-service's database down under load", run, driver.ledger(), recovered,
                    "readiness went down and came back");
        }
    }

    @Test
    @Order(10)
    @EnabledIfSystemProperty(named = "csp.faults", matches = "full")
    void f8KeycloakDownIssuedTokensKeepWorkingAndNewLoginsFailCleanly() throws Exception {
        String run = run("F8");
        try (LoadDriver driver = driver(run, 2, false)) {
            await().atMost(PATIENCE).until(driver::acknowledged, greaterThan(50L));
            stack.stopKeycloak();
            Instant down = Instant.now();
            long before = driver.acknowledged();
            try {
                // The services verify tokens with the keys they already hold: writes go on.
                await().atMost(PATIENCE).until(() -> driver.acknowledged() > before + 100);
                assertThat("a new login while Keycloak is down", login(), not(200));
            } finally {
                stack.startKeycloak();
            }
            // A token the services cannot verify is still refused, not let through.
            withToken(submitter + "x").get(stack.url("incident") + "/api/v1/incidents").then().statusCode(401);
            driver.stop();
            Invariants.hold(stack, "F8 Keycloak down under load", run, driver.ledger(), Instant.now(),
                    "acknowledged with Keycloak down: " + (driver.acknowledged() - before) + " in "
                            + Duration.between(down, Instant.now()).toSeconds() + " s");
        }
    }

    @Test
    @Order(11)
    @EnabledIfSystemProperty(named = "csp.faults", matches = "full")
    void f10ASlowDatabaseIsAnswered503WithinTheLockTimeoutAndThePoolHolds() throws Exception {
        String run = run("F10");
        try (LoadDriver driver = driver(run, 2, false)) {
            await().atMost(PATIENCE).until(driver::acknowledged, greaterThan(50L));
            String stored = driver.ledger().acknowledged().values().iterator().next().id();
            Instant recovered;
            try (Connection incidents = stack.database("incident")) {
                // Every write to the incidents waits behind this lock; reads go on.
                incidents.setAutoCommit(false);
                try (Statement lock = incidents.createStatement()) {
                    lock.execute("lock table incident in exclusive mode");
                }
                Instant sent = Instant.now();
                Response slow = jsonWithToken(submitter).body("""
                        {"externalRef": "%s-slow", "category": "drugs", "occurredOn": "2024-02-03", "districtCode": "E07000071"}"""
                        .formatted(run)).when().post(stack.url("incident") + "/api/v1/incidents");
                Duration waited = Duration.between(sent, Instant.now());
                assertThat(slow.statusCode(), is(503));
                assertThat(slow.header("Retry-After"), notNullValue());
                assertThat("seconds before the answer", waited.toSeconds() < 20, is(true));
                // The pool is not exhausted: reads and readiness are answered meanwhile.
                withToken(submitter).get(stack.url("incident") + "/api/v1/incidents/" + stored).then().statusCode(200);
                assertThat(readiness("incident"), is(200));
                incidents.rollback();
                recovered = Instant.now();
            }
            long after = driver.acknowledged();
            await().atMost(PATIENCE).until(driver::acknowledged, greaterThan(after + 50));
            driver.stop();
            Invariants.hold(stack, "F10 incident writes held behind a lock", run, driver.ledger(), recovered,
                    "503 with Retry-After within the 10 s lock timeout; reads and readiness answered meanwhile");
        }
    }

    /** The value of the first Prometheus sample whose line starts with {@code sample}; -1 when there is none. */
    private static double metric(String service, String sample) {
        return given().get(stack.managementUrl(service) + "/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(sample)).mapToDouble(line -> Double.parseDouble(
                        line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }

    /** The status of a login at the stack's Keycloak; 0 when nothing answers. */
    private static int login() {
        try {
            return given().formParam("grant_type", "password").formParam("client_id", "csp-cli")
                    .formParam("username", "essex-police-submitter").formParam("password", "demo")
                    .when().post(stack.tokenEndpoint()).statusCode();
        } catch (Exception e) {
            // Connection refused, which RestAssured throws unchecked: nothing answers.
            return 0;
        }
    }

    private static LoadDriver driver(String run, int writers, boolean imports) {
        return new LoadDriver(stack.url("incident"), submitter, run, PLACES, writers, imports, true).start();
    }

    private static String run(String fault) {
        return fault + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static int readiness(String service) {
        return given().get(stack.managementUrl(service) + "/q/health/ready").statusCode();
    }

    /** Partnerships whose counts differ from incident-service's, as the reconciliation check reports them. */
    private static List<String> differingPartnerships() {
        return withToken(admin).get(stack.url("reporting") + "/api/v1/admin/reconciliation").then().statusCode(200)
                .extract().jsonPath().<String>getList("differences.partnershipId").stream().distinct().sorted().toList();
    }

    /** Answers to {@code request} from {@code callers} threads at once. */
    private static List<Response> concurrently(int callers, Callable<Response> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(threads.submit(request));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Sends again while the first request with the key is still being handled (409), as a client is told to. */
    private static Response untilAnswered(Callable<Response> request) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(request, r -> r.statusCode() != 409);
    }

    private static void reporting(String sql) throws SQLException {
        try (Connection connection = stack.database("reporting"); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Each projection table's rows without their surrogate id and without cells counted down to zero. */
    private static Map<String, Set<String>> projectionRows() throws SQLException {
        Map<String, Set<String>> tables = new TreeMap<>();
        try (Connection connection = stack.database("reporting"); Statement statement = connection.createStatement()) {
            for (String table : List.of("incident_count", "incident_flag_count", "incident_location_count",
                    "partnership_directory", "partnership_priority")) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("""
                        select column_name from information_schema.columns
                        where table_schema = 'public' and table_name = '%s' and column_name <> 'id'
                        order by column_name""".formatted(table))) {
                    while (rows.next()) {
                        columns.add(rows.getString(1));
                    }
                }
                String where = columns.contains("incident_count") ? " where incident_count <> 0" : "";
                Set<String> found = new HashSet<>();
                try (ResultSet rows = statement.executeQuery("select (" + String.join(", ", columns) + ")::text from "
                        + table + where)) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
                tables.put(table, found);
            }
        }
        return tables;
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    /** A record with the headers of an event and data no consumer can read. */
    private static ProducerRecord<String, String> poison(String topic, String key, String type, String id) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, "{\"this is\": \"not the event\"");
        Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", type, "ce_source", "/fault-suite",
                "ce_time", Instant.now().toString(), "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes()));
        return record;
    }

    /** Every record the topic holds now. */
    private static List<ConsumerRecord<String, String>> records(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    private static List<String> idsIn(String topic) {
        return records(topic).stream().map(r -> r.headers().lastHeader("ce_id"))
                .filter(h -> h != null).map(h -> new String(h.value())).toList();
    }

    /** Events of the run's incidents that incident.events holds more than once (the relay sent them again). */
    private static long republished(String run) {
        List<ConsumerRecord<String, String>> records = records("incident.events");
        return records.stream().filter(r -> r.value() != null && r.value().contains(run))
                .map(r -> new String(r.headers().lastHeader("ce_id").value()))
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()))
                .values().stream().filter(n -> n > 1).count();
    }
}
