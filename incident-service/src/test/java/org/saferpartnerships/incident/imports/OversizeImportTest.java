package org.saferpartnerships.incident.imports;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.saferpartnerships.testing.identity.TestTokens;

@QuarkusTest
@TestProfile(OversizeImportTest.SmallImports.class)
class OversizeImportTest {

    public static class SmallImports implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("csp.imports.max-bytes", "1000", "csp.imports.max-spool-bytes", "600");
        }
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedWithAProblem() {
        StringBuilder csv = new StringBuilder(String.join(",", PoliceUkCsv.HEADER)).append('\n');
        while (csv.length() < 2000) {
            csv.append("x,2018-01,Essex Police,Essex Police,0.9,51.88,On or near A,E01021543,Colchester 001A,Drugs,,\n");
        }
        withToken(TestTokens.agencySubmitter("essex-police", "any")).contentType("text/csv")
                .body(csv.toString())
                .when().post("/api/v1/incident-imports")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("1000"));
    }

    @Test
    void aFileTheSpoolHasNoRoomForIsRefusedForNowAndTheRoomIsGivenBack() {
        String police = TestTokens.agencySubmitter("essex-police", "any");
        StringBuilder csv = new StringBuilder(String.join(",", PoliceUkCsv.HEADER)).append('\n');
        while (csv.length() < 800) {
            csv.append("x,2018-01,Essex Police,Essex Police,0.9,51.88,On or near A,E01021543,Colchester 001A,Drugs,,\n");
        }
        withToken(police).contentType("text/csv").body(csv.toString())
                .when().post("/api/v1/incident-imports")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "60")
                .body("detail", containsString("spool"));
        String location = withToken(police).contentType("text/csv")
                .body(String.join(",", PoliceUkCsv.HEADER) + "\n")
                .when().post("/api/v1/incident-imports").then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(30)).until(() -> withToken(police).get(location)
                .then().statusCode(200).extract().path("status"), equalTo("completed"));
    }
}
