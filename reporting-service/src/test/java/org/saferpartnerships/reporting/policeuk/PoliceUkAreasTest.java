package org.saferpartnerships.reporting.policeuk;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.saferpartnerships.reporting.counts.IncidentEvents;
import org.saferpartnerships.reporting.counts.IncidentEvents.Incident;

/** Areas as police.uk clients ask for them, and the open crimes following their records' events. */
@QuarkusTest
class PoliceUkAreasTest {

    private static final String STREET = "/police-uk/api/crimes-street/all-crime";

    @Inject
    AgroalDataSource dataSource;

    /** How many crimes an answer lists; -1 while the month is not held yet (404). */
    static int answered(Response response) {
        return response.statusCode() == 200 ? response.jsonPath().getList("$").size() : -1;
    }

    @Test
    void aPolygonAcrossAPartnershipBoundaryHoldsBothSidesAndPostedInTheBodyAnswersTheSame() {
        // Castle Point (E07000069) and Rochford (E07000075) meet on the Hadleigh–Rayleigh road.
        String castlePoint = "p-" + UUID.randomUUID();
        String rochford = "p-" + UUID.randomUUID();
        String month = "2012-07";
        IncidentEvents.recorded(
                Incident.of(castlePoint, "burglary", month, "E07000069").at("On or near London Road", "51.556000",
                        "0.600000").published("cp-" + UUID.randomUUID(), null),
                Incident.of(rochford, "robbery", month, "E07000075").at("On or near Hockley Road", "51.586000",
                        "0.630000").published("ro-" + UUID.randomUUID(), null),
                // Inside the polygon's box, outside the triangle.
                Incident.of(rochford, "robbery", month, "E07000075").at("On or near Rawreth Lane", "51.599000",
                        "0.560000").published("ro-" + UUID.randomUUID(), null));
        // Not closed: police.uk joins the last point to the first.
        String triangle = "51.540,0.560:51.600,0.640:51.540,0.640";
        await().atMost(Duration.ofSeconds(30)).until(() -> answered(given()
                .queryParam("poly", "51.53,0.55:51.61,0.55:51.61,0.65:51.53,0.65").queryParam("date", month).get(STREET)),
                equalTo(3));

        String asked = given().queryParam("poly", triangle).queryParam("date", month).get(STREET).then()
                .statusCode(200).body("location.street.name", containsInAnyOrder("On or near London Road",
                        "On or near Hockley Road")).extract().asString();
        String posted = given().contentType("application/x-www-form-urlencoded").formParam("poly", triangle)
                .formParam("date", month).redirects().follow(false).post(STREET).then().statusCode(200)
                .extract().asString();
        assertThat(posted, equalTo(asked));
        // Closed by repeating the first point, the same polygon.
        given().queryParam("poly", triangle + ":51.540,0.560").queryParam("date", month).get(STREET).then()
                .statusCode(200).body("$", hasSize(2));
    }

    @Test
    void aLongPolygonFitsInAPostedBody() {
        StringBuilder circle = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            double angle = 2 * Math.PI * i / 5_000;
            circle.append(i == 0 ? "" : ":").append(String.format("%.6f,%.6f", 52.0 + 0.01 * Math.sin(angle),
                    -1.0 + 0.01 * Math.cos(angle)));
        }
        given().contentType("application/x-www-form-urlencoded").formParam("poly", circle.toString())
                .post(STREET).then().statusCode(200);
    }

    @Test
    void aCorrectionMovesAnOpenCrimeAndAWithdrawalTakesItAway() {
        String p = "p-" + UUID.randomUUID();
        String month = "2012-05";
        Incident crime = Incident.of(p, "burglary", month, "E07000066").at("On or near Church Road", "51.600000",
                "0.450000").published("c-" + UUID.randomUUID(), null);
        // Another crime of the month, elsewhere: the month stays held when the first is withdrawn.
        IncidentEvents.recorded(crime, Incident.of(p, "drugs", month, "E07000066").at("On or near Mill Lane",
                "51.700000", "0.450000").published("c-" + UUID.randomUUID(), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("lat", "51.6").queryParam("lng", "0.45")
                .queryParam("date", month).get(STREET).jsonPath().getList("category"), equalTo(List.of("burglary")));

        Incident outcome = crime.nextVersion().category("vehicle-crime");
        IncidentEvents.corrected(crime, outcome);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("lat", "51.6").queryParam("lng", "0.45")
                .queryParam("date", month).get(STREET).jsonPath().getList("category"), equalTo(List.of("vehicle-crime")));

        IncidentEvents.withdrawn(outcome.nextVersion());
        await().atMost(Duration.ofSeconds(30)).until(() -> answered(given().queryParam("lat", "51.6")
                .queryParam("lng", "0.45").queryParam("date", month).get(STREET)), equalTo(0));
    }

    @Test
    void moreThanTenThousandCrimesIs503AsOnPoliceUk() throws SQLException {
        // Straight into the read model: ten thousand events would say nothing more about the cap.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into open_crime (incident_id, id, month, category, persistent_id, latitude, longitude,
                            street_id, street_name, version)
                        select gen_random_uuid(), 900000000 + n, date '2009-01-01', 'burglary', '', 53.0 + n * 0.000001,
                            -1.5, n, 'On or near Busy Street', 0
                        from generate_series(1, ?) n""");
                PreparedStatement oneMore = connection.prepareStatement("""
                        insert into open_crime (incident_id, id, month, category, persistent_id, latitude, longitude,
                            street_id, street_name, version)
                        values (gen_random_uuid(), 899999999, date '2009-01-01', 'burglary', '', 53.0, -1.5, 0,
                            'On or near Busy Street', 0)""");
                PreparedStatement clear = connection.prepareStatement(
                        "delete from open_crime where month = date '2009-01-01'")) {
            try {
                insert.setInt(1, PoliceUkArchive.AREA_LIMIT);
                insert.executeUpdate();
                given().queryParam("lat", "53.005").queryParam("lng", "-1.5").queryParam("date", "2009-01").get(STREET)
                        .then().statusCode(200).body("$", hasSize(PoliceUkArchive.AREA_LIMIT));
                oneMore.executeUpdate();
                given().queryParam("lat", "53.005").queryParam("lng", "-1.5").queryParam("date", "2009-01").get(STREET)
                        .then().statusCode(503).contentType("application/problem+json");
                // A smaller area is answered.
                given().queryParam("poly", "52.99995,-1.51:53.0000555,-1.51:53.0000555,-1.49:52.99995,-1.49")
                        .queryParam("date", "2009-01").get(STREET).then().statusCode(200)
                        .body("$", hasSize(56)).body("[0].id", equalTo(899999999));
            } finally {
                clear.executeUpdate();
            }
        }
        given().queryParam("lat", "53.005").queryParam("lng", "-1.5").queryParam("date", "2009-01").get(STREET)
                .then().statusCode(404);
    }
}
