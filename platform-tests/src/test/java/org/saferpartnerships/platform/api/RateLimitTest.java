package org.saferpartnerships.platform.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.testing.identity.TestTokens;

/** A client past its share is told to come back later; the others are served as before. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimit.class)
// The anonymous trial drains the address's bucket, which the first trial's anonymous call shares: it goes last.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTest {

    private static final int BURST = 3;
    private static final String DEAD_LETTERS = "/api/v1/admin/dead-letters";

    /** One request a second, three at once. The %test keys: the shared configuration sets those for tests. */
    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.csp.api.rate-limit.requests-per-second", "1",
                    "%test.csp.api.rate-limit.burst", String.valueOf(BURST),
                    "%test.csp.api.rate-limit.open-data.requests-per-second", "1",
                    "%test.csp.api.rate-limit.open-data.burst", String.valueOf(BURST));
        }
    }

    @Test
    @Order(1)
    void aClientPastItsBurstIsAnswered429WithRetryAfterAndOthersAreNot() {
        String eager = TestTokens.forUser("eager-script").roles(Roles.PLATFORM_ADMIN).token();
        String other = TestTokens.forUser("another-officer").roles(Roles.PLATFORM_ADMIN).token();
        for (int i = 0; i < BURST; i++) {
            withToken(eager).get(DEAD_LETTERS).then().statusCode(200);
        }
        Response refused = withToken(eager).get(DEAD_LETTERS);
        refused.then().statusCode(429).contentType(HttpProblem.MEDIA_TYPE)
                .body("status", equalTo(429)).body("title", equalTo("Too Many Requests"))
                .body("instance", equalTo(DEAD_LETTERS));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter, greaterThanOrEqualTo(1L));

        // Another user's share is untouched, and anonymous callers are counted by address, apart.
        withToken(other).get(DEAD_LETTERS).then().statusCode(200);
        given().get(DEAD_LETTERS).then().statusCode(401);

        // Within Retry-After the bucket has a token again.
        await().atMost(Duration.ofSeconds(retryAfter + 1)).pollInterval(Duration.ofMillis(250))
                .until(() -> withToken(eager).get(DEAD_LETTERS).statusCode(), is(200));
    }

    @Test
    @Order(2)
    void anonymousCallersAreLimitedByAddress() {
        int refused = 0;
        for (int i = 0; i < BURST + 2; i++) {
            if (given().get("/api/v1/no-such-thing").statusCode() == 429) {
                refused++;
            }
        }
        assertThat(refused, not(0));
        // Outside the API nothing is limited.
        given().get("/notes").then().statusCode(not(429));
    }

    @Test
    @Order(3)
    void theOpenDataRoutesAreLimitedByAddressWithABucketOfTheirOwn() {
        // The /api/ bucket of this address is empty after the trial before; this one is not.
        for (int i = 0; i < BURST; i++) {
            given().get("/police-uk/api/forces").then().statusCode(not(429));
        }
        Response refused = given().get("/police-uk/api/forces");
        refused.then().statusCode(429).contentType(HttpProblem.MEDIA_TYPE).header("Retry-After", not(equalTo(null)));
    }
}
