package org.saferpartnerships.partnership.partnerships;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PublishedRecordsTest {

    @Test
    void theApiDocumentMarksPublishedReadsAndNotDomesticHomicideReviews() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/partnerships/{partnershipId}/risks'.get.x-csp-published", equalTo(true))
                .body("paths.'/api/v1/agencies/{id}'.get.x-csp-published", equalTo(true))
                .body("paths.'/api/v1/partnerships/{partnershipId}/domestic-homicide-reviews'.get.x-csp-published",
                        nullValue())
                .body("paths.'/api/v1/partnerships/{partnershipId}/risks'.post.x-csp-published", nullValue());
    }
}
