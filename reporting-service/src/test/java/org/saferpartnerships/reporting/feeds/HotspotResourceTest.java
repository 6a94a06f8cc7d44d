package org.saferpartnerships.reporting.feeds;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.reporting.counts.IncidentEvents.Incident;
import org.saferpartnerships.reporting.counts.IncidentEvents;
import org.saferpartnerships.testing.identity.TestTokens;

@QuarkusTest
class HotspotResourceTest {

    @Test
    void thePlacesWithMostIncidentsAsJsonAndAsGeoJson() {
        String p = "p-" + UUID.randomUUID();
        Incident high = Incident.of(p, "anti-social-behaviour", "2018-01", "E07000071")
                .at("On or near High Street", "51.889000", "0.901000");
        IncidentEvents.recorded(high, Incident.of(p, "anti-social-behaviour", "2018-01", "E07000071")
                .at("On or near High Street", "51.889000", "0.901000"),
                Incident.of(p, "anti-social-behaviour", "2018-02", "E07000071")
                        .at("On or near High Street", "51.889000", "0.901000"),
                Incident.of(p, "burglary", "2018-01", "E07000071").at("On or near Park Road", "51.870000", "0.880000"));
        await().atMost(Duration.ofSeconds(30)).until(() -> withToken(TestTokens.analyst(p))
                .queryParam("partnership", p).queryParam("from", "2018-01").queryParam("to", "2018-02")
                .get("/api/v1/feeds/hotspots").then().extract().path("places.count.sum()"), equalTo(4));

        withToken(TestTokens.analyst(p)).queryParam("partnership", p).queryParam("from", "2018-01")
                .queryParam("to", "2018-02").when().get("/api/v1/feeds/hotspots")
                .then().statusCode(200)
                .body("places.locationDescription", contains("On or near High Street", "On or near Park Road"))
                .body("places.count", contains(3, 1))
                .body("freshness.lastEventAt", notNullValue());
        withToken(TestTokens.analyst(p)).queryParam("partnership", p).queryParam("from", "2018-01")
                .queryParam("to", "2018-02").queryParam("format", "geojson").when().get("/api/v1/feeds/hotspots")
                .then().statusCode(200).contentType("application/geo+json")
                .body("type", equalTo("FeatureCollection"))
                .body("features[0].geometry.type", equalTo("Point"))
                .body("features[0].geometry.coordinates", contains(0.901f, 51.889f))
                .body("features[0].properties.count", equalTo(3));
        withToken(TestTokens.analyst(p)).queryParam("partnership", p).queryParam("from", "2018-01")
                .queryParam("to", "2018-02").queryParam("category", "burglary").when().get("/api/v1/feeds/hotspots")
                .then().statusCode(200).body("places", hasSize(1));
        // Viewers see no place below the disclosure threshold.
        withToken(TestTokens.withRole(Roles.VIEWER, p)).queryParam("partnership", p)
                .queryParam("from", "2018-01").queryParam("to", "2018-02").when().get("/api/v1/feeds/hotspots")
                .then().statusCode(200).body("places", hasSize(0)).body("disclosure.applied", equalTo(true))
                .body("disclosure.rule", org.hamcrest.Matchers.containsString("rounded to the nearest 5"));
    }
}
