package org.saferpartnerships.incident.imports;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.saferpartnerships.incident.Directory;
import org.saferpartnerships.platform.geography.LocalAuthorityDistricts;
import org.saferpartnerships.testing.identity.TestTokens;

/**
 * An import that runs for longer than a heartbeat interval stays vouched for. Each chunk used to
 * write back the heard_at it had read, undoing the heartbeat, so every import that ran past
 * {@code csp.imports.abandoned-after} (two minutes) was given up by the very instance running it.
 */
@QuarkusTest
@TestProfile(LongImportTest.TinyChunks.class)
class LongImportTest {

    private static final int ROWS = 2_000;

    /** Two rows a chunk: a thousand chunk transactions, so the import is running while the test looks. */
    public static class TinyChunks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("csp.imports.chunk-rows", "2");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IncidentImportJob job;

    @Test
    void theHeartbeatOfARunningImportIsNotUndoneByItsChunks() throws Exception {
        String[] created = Directory.partnership(dataSource);
        Directory.member(dataSource, "essex-police", created[0], "2017-04-01", null);
        String lsoaName = LocalAuthorityDistricts.nameOf(created[1]).orElseThrow() + " 001A";
        StringBuilder csv = new StringBuilder(String.join(",", PoliceUkCsv.HEADER)).append('\n');
        String prefix = UUID.randomUUID().toString().replace("-", "");
        for (int i = 0; i < ROWS; i++) {
            csv.append(prefix).append(i).append(",2018-03,Essex Police,Essex Police,0.9,51.88,On or near A,E01021543,")
                    .append(lsoaName).append(",Burglary,,\n");
        }
        String police = TestTokens.agencySubmitter("essex-police", created[0]);
        String location = withToken(police).contentType("text/csv").body(csv.toString())
                .when().post("/api/v1/incident-imports").then().statusCode(202).extract().header("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> withToken(police).get(location)
                .then().extract().path("status"), equalTo("running"));

        job.vouchForUnfinishedImports();
        Timestamp vouched = heardAt(id);
        // While it runs, chunk after chunk commits; none may put back an older heard_at.
        assertThat(status(police, location), equalTo("running"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> !heardAt(id).before(vouched));

        await().atMost(Duration.ofSeconds(120)).until(() -> status(police, location), equalTo("completed"));
        withToken(police).get(location).then().body("created", equalTo(ROWS));
    }

    private static String status(String token, String location) {
        return withToken(token).get(location).then().extract().path("status");
    }

    private Timestamp heardAt(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select heard_at from incident_import where id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getTimestamp(1);
            }
        }
    }
}
