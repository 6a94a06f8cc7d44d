package org.saferpartnerships.testing.postgres;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/**
 * This module's surefire run points CSP_TEST_PG_URL at a port where nothing listens, as on a
 * machine without PostgreSQL: the tests must still get a working database (Testcontainers where
 * Docker runs, else the embedded server).
 */
class TestPostgresServerFallbackTest {

    @Test
    void withNoServerAtTheConfiguredUrlTestsStillGetAFreshDatabase() throws SQLException {
        assertThat(System.getenv("CSP_TEST_PG_URL"), equalTo("jdbc:postgresql://127.0.0.1:1/postgres"));
        TestPostgresServer server = TestPostgresServer.shared();

        String url = server.createDatabase("fallback");
        assertThat(url, not(startsWith("jdbc:postgresql://127.0.0.1:1/")));
        try (Connection connection = DriverManager.getConnection(url, server.user(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("create table probe (id int)");
            statement.execute("insert into probe values (42)");
            try (ResultSet rows = statement.executeQuery("select id from probe")) {
                rows.next();
                assertThat(rows.getInt(1), equalTo(42));
            }
        } finally {
            server.dropDatabase(url);
        }
    }
}
