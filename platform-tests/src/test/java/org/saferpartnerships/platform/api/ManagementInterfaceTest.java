package org.saferpartnerships.platform.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Health and metrics say how the service and its backing servers are doing: they are for probes and
 * operators on the management port, and anyone calling the API port finds nothing there. The
 * OpenAPI document is the public API's description and stays with the API.
 */
@QuarkusTest
class ManagementInterfaceTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "/openapi", management = true)
    URL openApiOnManagement;

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        given().get("/q/health").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void healthAndMetricsAreOnTheManagementPort() {
        given().get(readiness).then().statusCode(200).body("status", equalTo("UP"));
        given().get(metrics).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void theApiDescriptionIsOnThePublicPortOnly() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.version", equalTo("v1"));
        given().get(openApiOnManagement).then().statusCode(404);
    }
}
