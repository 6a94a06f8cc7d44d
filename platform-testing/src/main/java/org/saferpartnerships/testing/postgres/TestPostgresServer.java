package org.saferpartnerships.testing.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server tests create their databases on, chosen once per JVM: the server at
 * {@code CSP_TEST_PG_URL} (default: the local one on 127.0.0.1:5432) when it answers; otherwise a
 * Testcontainers PostgreSQL where a Docker engine runs; otherwise an embedded PostgreSQL. So the
 * tests pass on a machine with none of these set up.
 */
public final class TestPostgresServer {

    private static final Logger LOG = Logger.getLogger(TestPostgresServer.class.getName());
    /** JVM-wide, because Quarkus may load this class in more than one class loader. */
    private static final String SERVER_PROPERTY = "csp.test.postgres.server";

    private final String serverUrl;
    private final String user;
    private final String password;

    private TestPostgresServer(String serverUrl, String user, String password) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
    }

    public static TestPostgresServer shared() {
        synchronized (System.getProperties()) {
            String running = System.getProperty(SERVER_PROPERTY);
            if (running == null) {
                TestPostgresServer server = choose();
                System.setProperty(SERVER_PROPERTY, String.join("\n", server.serverUrl, server.user, server.password));
                return server;
            }
            String[] parts = running.split("\n", -1);
            return new TestPostgresServer(parts[0], parts[1], parts[2]);
        }
    }

    /** Creates an empty database named after {@code prefix} plus a random suffix; returns its JDBC URL. */
    public String createDatabase(String prefix) {
        String name = (prefix + "_test_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        execute("create database " + name);
        return serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + name;
    }

    public void dropDatabase(String jdbcUrl) {
        String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        execute("drop database if exists " + name + " with (force)");
    }

    /**
     * Takes the database down for its users, as an outage would: it refuses new connections and
     * its open ones are ended. Closing the outage lets it answer again.
     */
    public Outage outage(String jdbcUrl) {
        String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        execute("alter database " + name + " allow_connections false");
        execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name + "'");
        return () -> execute("alter database " + name + " allow_connections true");
    }

    /** A database outage in progress; {@link #close()} ends it. */
    public interface Outage extends AutoCloseable {
        @Override
        void close();
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + serverUrl + " refused: " + sql, e);
        }
    }

    private static TestPostgresServer choose() {
        String url = setting("CSP_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = setting("CSP_TEST_PG_USER", "postgres");
        String password = setting("CSP_TEST_PG_PASSWORD", "postgres");
        if (answers(url, user, password)) {
            LOG.info("Test databases on the PostgreSQL server at " + url);
            return new TestPostgresServer(url, user, password);
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-postgres-container-stop"));
            LOG.info("Test databases on a Testcontainers PostgreSQL");
            return new TestPostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "test-postgres-embedded-stop"));
            LOG.info("Test databases on an embedded PostgreSQL on port " + embedded.getPort());
            return new TestPostgresServer(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("No PostgreSQL for the tests: none answers at " + url
                    + ", no Docker engine, and the embedded server did not start", e);
        }
    }

    private static boolean answers(String url, String user, String password) {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }
}
