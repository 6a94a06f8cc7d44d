package org.saferpartnerships.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.URL;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.platform.outbox.OutboxRelay;

/** Reporting-service publishes nothing, so it runs no outbox relay: no listener, no poll, no gauge. */
@QuarkusTest
class NothingToRelayTest {

    @Inject
    Instance<OutboxRelay> relay;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void reportingServiceRunsNoOutboxRelay() {
        assertThat(relay.isUnsatisfied(), equalTo(true));
        given().get(metrics).then().statusCode(200).body(not(containsString("csp_outbox_pending")));
    }
}
