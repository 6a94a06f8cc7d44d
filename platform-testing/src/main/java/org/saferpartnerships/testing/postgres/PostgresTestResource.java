package org.saferpartnerships.testing.postgres;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the service under test a fresh, empty database for the run (Flyway migrates it at start)
 * and drops it afterwards. Init arg {@code database}: the name prefix, e.g. the service's name.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String prefix = "csp";
    private String jdbcUrl;

    @Override
    public void init(Map<String, String> initArgs) {
        prefix = initArgs.getOrDefault("database", prefix);
    }

    @Override
    public Map<String, String> start() {
        TestPostgresServer server = TestPostgresServer.shared();
        jdbcUrl = server.createDatabase(prefix);
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        if (jdbcUrl != null) {
            TestPostgresServer.shared().dropDatabase(jdbcUrl);
        }
    }
}
