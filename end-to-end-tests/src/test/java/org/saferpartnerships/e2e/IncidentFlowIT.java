package org.saferpartnerships.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.equalTo;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * An agency's incident travels the whole way: an admin sets up the partnership and its member in
 * partnership-service, whose events reach incident-service's replica; then a Keycloak token,
 * incident-service, the outbox, Kafka, reporting-service's projection, the analyst's feed — also
 * when Kafka is down meanwhile.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncidentFlowIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static LocalStack stack;

    @BeforeAll
    static void startTheStackWithColchesterAndThePolice() {
        stack = LocalStack.start();
        String admin = stack.token("platform-admin");
        String partnerships = stack.url("partnership") + "/api/v1/partnerships";
        jsonWithToken(admin)
                .body("{\"id\": \"essex-police\", \"name\": \"Essex Police\", \"type\": \"police\"}")
                .when().post(stack.url("partnership") + "/api/v1/agencies").then().statusCode(201);
        jsonWithToken(admin)
                .body("{\"id\": \"safer-colchester\", \"name\": \"Safer Colchester Partnership\", "
                        + "\"districts\": [\"E07000071\"]}")
                .when().post(partnerships).then().statusCode(201);
        jsonWithToken(admin)
                .body("{\"agencyId\": \"essex-police\", \"role\": \"member\", \"from\": \"2019-04-01\"}")
                .when().post(partnerships + "/safer-colchester/members").then().statusCode(201);
        // incident-service learns of the membership from partnership-service's events: 403 until then.
        String submitter = stack.token("essex-police-submitter");
        await().atMost(PATIENCE).until(() -> jsonWithToken(submitter).body(incident("E2E-PROBE", "drugs", "2024-01-15"))
                .when().post(stack.url("incident") + "/api/v1/incidents").statusCode(), either(equalTo(201)).or(equalTo(200)));
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void servicesRefuseCallersWithoutAToken() {
        given().contentType(ContentType.JSON).body(incident("E2E-ANON", "burglary", "2024-04-02"))
                .when().post(stack.url("incident") + "/api/v1/incidents")
                .then().statusCode(401);
        given().when().get(stack.url("reporting") + "/api/v1/feeds/incident-counts?partnership=safer-colchester"
                + "&from=2024-04&to=2024-04").then().statusCode(401);
    }

    @Test
    @Order(2)
    void anIncidentPostedByAMemberAgencyIsCountedInTheAnalystsFeed() {
        String submitter = stack.token("essex-police-submitter");
        jsonWithToken(submitter).body(incident("E2E-1", "burglary", "2024-05-18"))
                .when().post(stack.url("incident") + "/api/v1/incidents").then().statusCode(201);

        String analyst = stack.token("essex-analyst");
        await().atMost(PATIENCE).until(() -> count(analyst, "2024-05", "burglary"), equalTo(1));
    }

    @Test
    @Order(3)
    void anIncidentPostedWhileKafkaIsDownIsCountedExactlyOnceWhenKafkaReturns() {
        String submitter = stack.token("essex-police-submitter");
        String analyst = stack.token("essex-analyst");
        stack.stopKafka();
        try {
            jsonWithToken(submitter).body(incident("E2E-2", "violent-crime", "2024-06-07"))
                    .when().post(stack.url("incident") + "/api/v1/incidents")
                    .then().statusCode(201);
            // The event waits in the outbox, not in a producer's buffer that a restart would lose.
            await().atMost(PATIENCE).until(() -> outboxPending() >= 1);
        } finally {
            stack.startKafka();
        }
        await().atMost(PATIENCE).until(() -> count(analyst, "2024-06", "violent-crime"), equalTo(1));
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .until(() -> count(analyst, "2024-06", "violent-crime"), equalTo(1));
    }

    @Test
    @Order(4)
    void importedPoliceUkFilesGiveFeedCountsThatMatchTheFiles() throws Exception {
        String admin = stack.token("platform-admin");
        String partnerships = stack.url("partnership") + "/api/v1/partnerships";
        Map<String, String> partnershipByDistrict = Map.of("E07000071", "safer-colchester", "E07000067", "braintree",
                "E07000069", "castle-point-rochford", "E07000075", "castle-point-rochford", "E07000074", "maldon");
        for (String[] partnership : new String[][] { { "braintree", "E07000067" },
                { "castle-point-rochford", "E07000069\", \"E07000075" }, { "maldon", "E07000074" } }) {
            jsonWithToken(admin)
                    .body("{\"id\": \"" + partnership[0] + "\", \"name\": \"" + partnership[0] + "\", \"districts\": [\""
                            + partnership[1] + "\"]}")
                    .when().post(partnerships).then().statusCode(201);
            jsonWithToken(admin)
                    .body("{\"agencyId\": \"essex-police\", \"role\": \"member\", \"from\": \"2017-04-01\"}")
                    .when().post(partnerships + "/" + partnership[0] + "/members").then().statusCode(201);
        }
        // Counted straight from the files: district from the LSOA name, category from the crime type.
        Map<String, Long> expected = new TreeMap<>();
        List<Path> files = PoliceUkFiles.all();
        for (Path file : files) {
            try (Stream<String> lines = Files.lines(file)) {
                lines.skip(1).map(PoliceUkFiles::cell).filter(cell -> partnershipByDistrict.containsKey(cell[2]))
                        .forEach(cell -> expected.merge(partnershipByDistrict.get(cell[2]) + " " + cell[0] + " "
                                + cell[1] + " " + cell[2], 1L, Long::sum));
            }
        }
        long expectedTotal = expected.values().stream().mapToLong(Long::longValue).sum();

        String submitter = stack.token("essex-police-submitter");
        // The replica learns the new memberships from events, each partnership's in its own partition:
        // until a partnership's has arrived its rows count as outside. One probe per district.
        for (String district : partnershipByDistrict.keySet()) {
            await().atMost(PATIENCE).until(() -> jsonWithToken(submitter)
                    .body("{\"externalRef\": \"E2E-PROBE-" + district + "\", \"category\": \"drugs\", "
                            + "\"occurredOn\": \"2024-06-01\", \"districtCode\": \"" + district + "\"}")
                    .when().post(stack.url("incident") + "/api/v1/incidents").statusCode(), either(equalTo(201)).or(equalTo(200)));
        }
        // Reporting-service is down while the files are imported, so that it has their events to
        // catch up on when it starts; it is stopped again while it is counting them, and started
        // again: what it had not committed comes again, and nothing it was applying as it stopped
        // is dead-lettered.
        stack.stop("reporting");
        long created = 0;
        for (Path file : files) {
            String location = withToken(submitter).contentType("text/csv").body(Files.readAllBytes(file))
                    .when().post(stack.url("incident") + "/api/v1/incident-imports")
                    .then().statusCode(202).extract().header("Location");
            String url = stack.url("incident") + location.substring(location.indexOf("/api/"));
            await().atMost(PATIENCE).until(() -> withToken(submitter).get(url).then().extract()
                    .path("status"), equalTo("completed"));
            created += withToken(submitter).get(url).then().extract().jsonPath().getLong("created");
        }
        assertThat(created, equalTo(expectedTotal));

        String analyst = stack.token("essex-analyst");
        stack.start("reporting");
        await().atMost(PATIENCE).until(() -> total(countsByCell(analyst)) > 0);
        stack.stop("reporting");
        stack.start("reporting");
        Map<String, Long> actual = new TreeMap<>();
        await().atMost(Duration.ofMinutes(5)).until(() -> {
            actual.clear();
            actual.putAll(countsByCell(analyst));
            return total(actual) == expectedTotal;
        });
        assertThat(actual, equalTo(expected));
    }

    /**
     * West Suffolk was formed in April 2019 from Forest Heath and St Edmundsbury. A police.uk file
     * with rows of both years, LSOAs named as data.police.uk names them, lands whole in the West
     * Suffolk partnership, and its financial-year-to-date performance to September 2019 sets April to
     * September 2019 against the predecessors' April to September 2018, saying so.
     */
    @Test
    @Order(5)
    void aYearOnYearAcrossTheWestSuffolkMergerAddsUpThePredecessorsRows() {
        String admin = stack.token("platform-admin");
        String partnerships = stack.url("partnership") + "/api/v1/partnerships";
        jsonWithToken(admin)
                .body("{\"id\": \"west-suffolk\", \"name\": \"West Suffolk Community Safety Partnership\", "
                        + "\"districts\": [\"E07000245\"]}")
                .when().post(partnerships).then().statusCode(201);
        jsonWithToken(admin)
                .body("{\"agencyId\": \"essex-police\", \"role\": \"member\", \"from\": \"2017-04-01\"}")
                .when().post(partnerships + "/west-suffolk/members").then().statusCode(201);
        stack.addUser("west-suffolk-submitter", "agency-submitter", "essex-police", List.of("west-suffolk"));
        String submitter = stack.token("west-suffolk-submitter");
        await().atMost(PATIENCE).until(() -> jsonWithToken(submitter)
                .body("{\"externalRef\": \"E2E-PROBE-WS\", \"category\": \"drugs\", "
                        + "\"occurredOn\": \"2024-06-01\", \"districtCode\": \"E07000245\"}")
                .when().post(stack.url("incident") + "/api/v1/incidents").statusCode(), either(equalTo(201)).or(equalTo(200)));

        String csv = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
                + "Crime type,Last outcome category,Context\n"
                + "ws-1,2018-05,Essex Police,Essex Police,0.463670,52.077284,On or near Justinian Close,E01030107,"
                + "St Edmundsbury 014C,Burglary,,\n"
                + "ws-2,2018-06,Essex Police,Essex Police,0.753693,52.248114,On or near Juniper Road,E01033045,"
                + "St Edmundsbury 005F,Violence and sexual offences,,\n"
                + "ws-3,2018-07,Essex Police,Essex Police,,,,,Forest Heath 001A,Burglary,,\n"
                + "ws-4,2019-05,Essex Police,Essex Police,0.463670,52.077284,On or near Justinian Close,E01030107,"
                + "St Edmundsbury 014C,Burglary,,\n"
                + "ws-5,2019-06,Essex Police,Essex Police,0.463670,52.077284,On or near Justinian Close,E01030107,"
                + "St Edmundsbury 014C,Burglary,,\n"
                + "ws-6,2019-08,Essex Police,Essex Police,,,,,Forest Heath 001A,Burglary,,\n"
                + "ws-7,2019-09,Essex Police,Essex Police,0.753693,52.248114,On or near Juniper Road,E01033045,"
                + "St Edmundsbury 005F,Violence and sexual offences,,\n";
        String location = withToken(submitter).contentType("text/csv").body(csv)
                .when().post(stack.url("incident") + "/api/v1/incident-imports")
                .then().statusCode(202).extract().header("Location");
        String url = stack.url("incident") + location.substring(location.indexOf("/api/"));
        await().atMost(PATIENCE).until(() -> withToken(submitter).get(url).then().extract().path("status"),
                equalTo("completed"));
        assertThat(withToken(submitter).get(url).then().extract().path("created"), equalTo(7));

        String performance = stack.url("reporting") + "/api/v1/partnerships/west-suffolk/performance?asOf=2019-09";
        await().atMost(PATIENCE).until(() -> withToken(admin).get(performance).then().statusCode(200).extract()
                .path("lines.find { it.key == 'all-crime' }.current"), equalTo(4));
        JsonPath answer = withToken(admin).get(performance).then().extract().jsonPath();
        assertThat(answer.getInt("lines.find { it.key == 'all-crime' }.previous"), equalTo(3));
        assertThat(answer.getString("lines.find { it.key == 'burglary' }.statement"),
                equalTo("Burglary up 50.0% (1 more offence)"));
        assertThat(answer.getString("reorganisations[0].statement"), equalTo("West Suffolk (E07000245) was formed on "
                + "2019-04-01 from Forest Heath (E07000201) and St Edmundsbury (E07000204); figures before then are "
                + "those districts' added up."));
        // 4 offences per 1,000 of West Suffolk's 179,800 residents (Census 2021).
        assertThat(answer.getString("lines.find { it.key == 'all-crime' }.currentRate"), equalTo("0.02"));
    }

    /** A Welsh partnership is registered, its force's file imported, and its feed answers with Cardiff's rate. */
    @Test
    @Order(6)
    void aWelshPartnershipIsRegisteredAndFedFromItsForcesFile() {
        String admin = stack.token("platform-admin");
        jsonWithToken(admin)
                .body("{\"id\": \"south-wales-police\", \"name\": \"South Wales Police\", \"type\": \"police\"}")
                .when().post(stack.url("partnership") + "/api/v1/agencies").then().statusCode(201);
        String partnerships = stack.url("partnership") + "/api/v1/partnerships";
        jsonWithToken(admin)
                .body("{\"id\": \"safer-cardiff\", \"name\": \"Safer Cardiff\", \"districts\": [\"W06000015\"]}")
                .when().post(partnerships).then().statusCode(201).body("districts[0].name", equalTo("Cardiff"));
        jsonWithToken(admin)
                .body("{\"agencyId\": \"south-wales-police\", \"role\": \"member\", \"from\": \"2017-04-01\"}")
                .when().post(partnerships + "/safer-cardiff/members").then().statusCode(201);
        stack.addUser("south-wales-submitter", "agency-submitter", "south-wales-police", List.of("safer-cardiff"));
        String submitter = stack.token("south-wales-submitter");
        await().atMost(PATIENCE).until(() -> jsonWithToken(submitter)
                .body("{\"externalRef\": \"E2E-PROBE-CARDIFF\", \"category\": \"drugs\", "
                        + "\"occurredOn\": \"2024-06-01\", \"districtCode\": \"W06000015\"}")
                .when().post(stack.url("incident") + "/api/v1/incidents").statusCode(), either(equalTo(201)).or(equalTo(200)));

        String csv = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
                + "Crime type,Last outcome category,Context\n"
                + "cf-1,2022-03,South Wales Police,South Wales Police,,,,,Cardiff 032F,Burglary,,\n"
                + "cf-2,2022-03,South Wales Police,South Wales Police,,,,,Cardiff 001A,Burglary,,\n";
        String location = withToken(submitter).contentType("text/csv").body(csv)
                .when().post(stack.url("incident") + "/api/v1/incident-imports")
                .then().statusCode(202).extract().header("Location");
        String url = stack.url("incident") + location.substring(location.indexOf("/api/"));
        await().atMost(PATIENCE).until(() -> withToken(submitter).get(url).then().extract().path("status"),
                equalTo("completed"));
        assertThat(withToken(submitter).get(url).then().extract().path("created"), equalTo(2));

        String feed = stack.url("reporting") + "/api/v1/feeds/incident-counts?partnership=safer-cardiff"
                + "&from=2022-03&to=2022-03&groupBy=district&measure=rate";
        await().atMost(PATIENCE).until(() -> withToken(admin).get(feed).then().statusCode(200).extract()
                .path("rows[0].count"), equalTo(2));
        JsonPath answer = withToken(admin).get(feed).then().extract().jsonPath();
        assertThat(answer.getString("rows[0].district"), equalTo("W06000015"));
        assertThat(answer.getInt("rows[0].residents"), equalTo(362_400));
        assertThat(answer.getString("rows[0].rate"), equalTo("0.01"));
    }

    /** The feed's counts of the four partnerships in the files' months, by partnership, month, category and district. */
    private static Map<String, Long> countsByCell(String analyst) {
        Map<String, Long> counts = new TreeMap<>();
        List<Map<String, Object>> rows = withToken(analyst)
                .queryParam("partnership", "safer-colchester,braintree,castle-point-rochford,maldon")
                .queryParam("from", "2018-01").queryParam("to", "2018-07")
                .queryParam("groupBy", "month,category,district")
                .when().get(stack.url("reporting") + "/api/v1/feeds/incident-counts")
                .then().statusCode(200).extract().jsonPath().getList("rows");
        rows.forEach(r -> counts.put(r.get("partnership") + " " + r.get("month") + " " + r.get("category") + " "
                + r.get("district"), ((Number) r.get("count")).longValue()));
        return counts;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** incident-service's csp_outbox_pending gauge. */
    private static double outboxPending() {
        String metrics = given().when().get(stack.managementUrl("incident") + "/q/metrics").then().statusCode(200)
                .extract().asString();
        return metrics.lines().filter(line -> line.startsWith("csp_outbox_pending"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static String incident(String externalRef, String category, String occurredOn) {
        return """
                {"externalRef": "%s", "partnershipId": "safer-colchester", "category": "%s",
                 "occurredOn": "%s", "districtCode": "E07000071"}""".formatted(externalRef, category, occurredOn);
    }

    private static int count(String token, String month, String category) {
        Integer count = withToken(token)
                .queryParam("partnership", "safer-colchester")
                .queryParam("from", month).queryParam("to", month)
                .queryParam("groupBy", "month,category")
                .when().get(stack.url("reporting") + "/api/v1/feeds/incident-counts")
                .then().statusCode(200)
                .extract().path("rows.find { it.category == '" + category + "' }.count");
        return count == null ? 0 : count;
    }
}
