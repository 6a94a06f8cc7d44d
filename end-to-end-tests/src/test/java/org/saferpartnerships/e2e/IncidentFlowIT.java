package org.saferpartnerships.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import io.restassured.response.Response;

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
            // As data.police.uk published them: open data, served again under /police-uk/api/ (Order 7).
            String location = withToken(submitter).contentType("text/csv").body(Files.readAllBytes(file))
                    .queryParam("publication", "data.police.uk")
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
        // Without publication: the agency's own copy, never served as open data (Order 7).
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
        String location = withToken(submitter).contentType("text/csv").body(csv).queryParam("publication", "data.police.uk")
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

    /**
     * The files imported as data.police.uk publications are served as data.police.uk serves them,
     * months it no longer keeps included; the incidents the agencies posted themselves never are.
     */
    @Test
    @Order(7)
    void thePublicationsAreServedAsDataPoliceUkServesThemAndNothingAnAgencyPostedIs() throws Exception {
        String api = stack.url("reporting") + "/police-uk/api/";
        // 2018 is long past police.uk's 36 months. 2024's months hold only records agencies posted, 2019's
        // only West Suffolk's rows, imported as the agency's own copy (Order 5).
        await().atMost(PATIENCE).until(() -> given().get(api + "crimes-street-dates").then().extract().jsonPath()
                .getList("date"), equalTo(List.of("2022-03", "2018-07", "2018-06", "2018-05", "2018-04", "2018-03",
                        "2018-02", "2018-01")));

        // A mile round a crime of March 2018: exactly the file's rows there, counted here independently.
        Set<String> stored = Set.of("E07000071", "E07000067", "E07000069", "E07000075", "E07000074");
        List<String[]> rows;
        try (Stream<String> lines = Files.lines(PoliceUkFiles.all().get(2))) {
            rows = lines.skip(1).map(line -> line.split(",", -1))
                    .filter(f -> !f[5].isEmpty() && stored.contains(PoliceUkFiles.cell(String.join(",", f))[2]))
                    .toList();
        }
        String[] centre = rows.stream().filter(f -> !f[0].isEmpty() && !f[10].isEmpty()).findFirst().orElseThrow();
        double lat = Double.parseDouble(centre[5]);
        double lng = Double.parseDouble(centre[4]);
        List<String> expected = rows.stream()
                .filter(f -> metres(lat, lng, Double.parseDouble(f[5]), Double.parseDouble(f[4])) <= 1609.344)
                .map(f -> f[0] + "|" + PoliceUkFiles.cell(String.join(",", f))[1] + "|" + f[6] + "|" + f[5])
                .sorted().toList();
        JsonPath crimes = given().queryParam("lat", centre[5]).queryParam("lng", centre[4]).queryParam("date", "2018-03")
                .get(api + "crimes-street/all-crime").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> answered = crimes.getList("$");
        List<String> actual = answered.stream().map(c -> c.get("persistent_id") + "|" + c.get("category") + "|"
                + ((Map<?, ?>) ((Map<?, ?>) c.get("location")).get("street")).get("name") + "|"
                + ((Map<?, ?>) c.get("location")).get("latitude")).sorted().toList();
        assertThat(actual, equalTo(expected));

        JsonPath outcomes = given().get(api + "outcomes-for-crime/" + centre[0]).then().statusCode(200).extract()
                .jsonPath();
        assertThat(outcomes.getString("crime.persistent_id"), equalTo(centre[0]));
        assertThat(outcomes.getString("outcomes[0].category.name"), equalTo(centre[10]));

        // Cardiff's rows had an area but no point.
        given().queryParam("force", "south-wales").queryParam("date", "2022-03").get(api + "crimes-no-location")
                .then().statusCode(200).body("persistent_id", containsInAnyOrder("cf-1", "cf-2"))
                .body("location", everyItem(nullValue()));
        // Posted by Essex Police through the API: never open data.
        given().get(api + "outcomes-for-crime/E2E-1").then().statusCode(404);
        given().get(api + "outcomes-for-crime/ws-1").then().statusCode(404);

        // No token, and a client past data.police.uk's rate is told to wait.
        List<Integer> statuses = new ArrayList<>();
        String retryAfter = null;
        for (int i = 0; i < 45; i++) {
            Response answer = given().get(api + "forces");
            statuses.add(answer.statusCode());
            retryAfter = answer.statusCode() == 429 ? answer.header("Retry-After") : retryAfter;
        }
        assertThat(statuses.get(0), equalTo(200));
        assertThat(statuses, hasItem(429));
        assertThat(retryAfter, notNullValue());
    }

    /** Great-circle distance on the IUGG mean radius, as police.uk measures its mile. */
    /**
     * One origin for every API (deploy/local/bin/proxy, as the Ingress): each documented operation's
     * path reaches the service that documents it, and requests and answers pass through whole.
     */
    @Test
    @Order(8)
    void theOneOriginSendsEveryDocumentedPathToTheServiceThatServesIt() {
        String origin = stack.proxy();
        ApiRoutes routes = ApiRoutes.of(stack.repository());
        Map<String, String> misrouted = new TreeMap<>();
        int paths = 0;
        for (String service : LocalStack.SERVICES) {
            Map<String, Object> documented = given().queryParam("format", "json").get(origin + "/openapi/" + service)
                    .then().statusCode(200).extract().jsonPath().getMap("paths");
            for (String path : documented.keySet()) {
                String concrete = ApiRoutes.onTheOrigin(service, path).replaceAll("\\{[^}]+}", "probe");
                if (ApiRoutes.isPlatformAdmin(path)) {
                    // The proxy's own rule for these, not a line of the table: the lists are read for real.
                    if (!path.contains("{")) {
                        withToken(stack.token("platform-admin")).get(origin + concrete).then().statusCode(200);
                    }
                } else if (!routes.servicesOf(concrete).equals(List.of(service))) {
                    misrouted.put(service + " " + path, String.valueOf(routes.servicesOf(concrete)));
                }
                paths++;
            }
        }
        assertThat(misrouted, equalTo(Map.of()));
        assertThat(paths > 40, equalTo(true));

        // Through the origin as on the services' own ports: a post, the feed it reaches, a 404 of its own.
        String submitter = stack.token("essex-police-submitter");
        String analyst = stack.token("essex-analyst");
        jsonWithToken(submitter).body(incident("E2E-ORIGIN", "criminal-damage-arson", "2024-08-03"))
                .when().post(origin + "/api/v1/incidents").then().statusCode(201);
        await().atMost(PATIENCE).until(() -> count(analyst, "2024-08", "criminal-damage-arson"), equalTo(1));
        assertThat(withToken(analyst).get(origin + "/api/v1/feeds/incident-counts?partnership=safer-colchester"
                + "&from=2024-08&to=2024-08&groupBy=month,category").then().statusCode(200).extract().jsonPath()
                .getList("rows"), equalTo(withToken(analyst).get(stack.url("reporting") + "/api/v1/feeds/incident-counts"
                        + "?partnership=safer-colchester&from=2024-08&to=2024-08&groupBy=month,category").then()
                        .statusCode(200).extract().jsonPath().getList("rows")));
        given().get(origin + "/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json");
        // CORS for a configured origin is the services' answer, passed on.
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "GET")
                .options(origin + "/api/v1/incidents").then()
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:5173"));
    }

    private static double metres(double lat1, double lng1, double lat2, double lng2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
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
