package org.saferpartnerships.e2e;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.saferpartnerships.testing.postgres.TestPostgresServer;

/**
 * A complete copy of the platform for one test run — Kafka, Keycloak with realm csp, the four
 * packaged services on fresh databases — started with the same scripts as {@code deploy/local/up},
 * but on free ports and in a state folder of its own, so it never collides with a running stack.
 */
public final class LocalStack implements AutoCloseable {

    public static final List<String> SERVICES = List.of("partnership", "funding", "incident", "reporting");

    private final Path repo = Path.of(System.getProperty("csp.repo", "..")).toAbsolutePath().normalize();
    private final Path home = Path.of(System.getProperty("csp.e2e.home", "target/e2e-stack")).toAbsolutePath();
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, Integer> servicePorts = new HashMap<>();
    private final Map<String, Integer> managementPorts = new HashMap<>();
    private final Map<String, String> databases = new HashMap<>();
    private final List<String> extraInstances = new ArrayList<>();
    private boolean proxyStarted;
    private final TestPostgresServer postgres = TestPostgresServer.shared();
    /** Each suite's stack has databases of its own, so two suites on one server never meet. */
    private final String databasePrefix = System.getProperty("csp.e2e.database-prefix", "e2e_");

    public static LocalStack start() {
        LocalStack stack = new LocalStack();
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private LocalStack() {
        env.put("CSP_HOME", home.toString());
        env.put("CSP_KAFKA_PORT", String.valueOf(freePort()));
        env.put("CSP_KAFKA_CONTROLLER_PORT", String.valueOf(freePort()));
        env.put("CSP_KEYCLOAK_PORT", String.valueOf(freePort()));
        env.put("CSP_KEYCLOAK_MANAGEMENT_PORT", String.valueOf(freePort()));
        // reporting-service checks its counts against incident-service's soon and often.
        env.put("CSP_RECONCILIATION_EVERY", "5s");
        env.put("CSP_RECONCILIATION_FIRST_AFTER", "5s");
        // An import whose instance was killed is given up by a survivor soon, so that its client posts it again.
        env.put("CSP_IMPORTS_HEARTBEAT", "5s");
        env.put("CSP_IMPORTS_ABANDONED_AFTER", "20s");
        env.put("CSP_PROXY_PORT", String.valueOf(freePort()));
        // The fault suite's load driver stands for many agencies' systems under one token: no rate limit
        // (the limit itself is proven in platform-tests). The security suite keeps the real one.
        if (!Boolean.getBoolean("csp.e2e.rate-limited")) {
            env.put("CSP_API_RATE_LIMIT_REQUESTS_PER_SECOND", "1000000");
            env.put("CSP_API_RATE_LIMIT_BURST", "1000000");
        }
        // The security suite reads one caller's daily export quota to its end: a small one.
        String exportQuota = System.getProperty("csp.e2e.export-quota");
        if (exportQuota != null) {
            env.put("CSP_EXPORT_RECORDS_PER_DAY", exportQuota);
        }
        env.put("CSP_DB_USER", postgres.user());
        env.put("CSP_DB_PASSWORD", postgres.password());
        for (String service : SERVICES) {
            int port = freePort();
            servicePorts.put(service, port);
            env.put("CSP_" + service.toUpperCase() + "_PORT", String.valueOf(port));
            int managementPort = freePort();
            managementPorts.put(service, managementPort);
            env.put("CSP_" + service.toUpperCase() + "_MANAGEMENT_PORT", String.valueOf(managementPort));
        }
    }

    private void startAll() {
        // Fresh topics, as the databases are fresh: events left by an earlier run would be replayed
        // into these projections and counted against records these databases never held.
        deleteRecursively(home.resolve("kafka"));
        // And the realm as the repository has it now, imported afresh.
        deleteRecursively(home.resolve("keycloak"));
        for (String service : SERVICES) {
            String url = postgres.createDatabase(databasePrefix + service);
            databases.put(service, url);
            env.put("CSP_" + service.toUpperCase() + "_DB_URL", url);
        }
        run("kafka", "start");
        run("keycloak", "start");
        for (String service : SERVICES) {
            run("service", "start", service);
        }
    }

    /** The repository the stack runs from. */
    public Path repository() {
        return repo;
    }

    public String url(String service) {
        return "http://127.0.0.1:" + servicePorts.get(service);
    }

    /** Where the service answers health and metrics: its management interface, not its API port. */
    public String managementUrl(String service) {
        return "http://127.0.0.1:" + managementPorts.get(service);
    }

    /** A connection to the service's own database, for checks made from outside the service. */
    public Connection database(String service) throws SQLException {
        return DriverManager.getConnection(databases.get(service), postgres.user(), postgres.password());
    }

    public String databaseUrl(String service) {
        return databases.get(service);
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + env.get("CSP_KAFKA_PORT");
    }

    /** An access token from the stack's Keycloak, for a demo user of the realm (password grant). */
    public String token(String user) {
        return given().formParam("grant_type", "password").formParam("client_id", "csp-cli")
                .formParam("username", user).formParam("password", "demo")
                .when().post(tokenEndpoint())
                .then().statusCode(200).extract().path("access_token");
    }

    /**
     * Adds a user with the password {@code demo} to the stack's realm through Keycloak's admin API,
     * for a test whose partnerships no demo user's token names.
     */
    public void addUser(String username, String role, String agency, List<String> partnerships) {
        String admin = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .when().post(keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String location = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("username", username, "enabled", true, "emailVerified", true,
                        "email", username + "@example.invalid", "firstName", "Test", "lastName", username,
                        "attributes", Map.of("agency_id", List.of(agency), "partnerships", partnerships),
                        "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false))))
                .when().post(keycloakUrl() + "/admin/realms/csp/users")
                .then().statusCode(201).extract().header("Location");
        Map<?, ?> realmRole = given().auth().oauth2(admin)
                .when().get(keycloakUrl() + "/admin/realms/csp/roles/" + role)
                .then().statusCode(200).extract().as(Map.class);
        given().auth().oauth2(admin).contentType("application/json").body(List.of(realmRole))
                .when().post(location + "/role-mappings/realm")
                .then().statusCode(204);
    }

    public void stop(String service) {
        run("service", "stop", service);
    }

    public void start(String service) {
        run("service", "start", service);
    }

    /** SIGKILL, as a crash ends a process: no shutdown, nothing flushed. */
    public void kill(String service) {
        run("service", "kill", service);
    }

    /** A second instance of the service, on its database, on a port of its own; returns its URL. */
    public String startSecondInstance(String service) {
        String variable = "CSP_" + service.toUpperCase() + "_2_PORT";
        env.computeIfAbsent(variable, v -> String.valueOf(freePort()));
        env.computeIfAbsent("CSP_" + service.toUpperCase() + "_2_MANAGEMENT_PORT", v -> String.valueOf(freePort()));
        run("service", "start", service, "2");
        extraInstances.add(service);
        return "http://127.0.0.1:" + env.get(variable);
    }

    /** SIGKILL of the second instance, as a crash ends it. */
    public void killSecondInstance(String service) {
        run("service", "kill", service, "2");
        extraInstances.remove(service);
    }

    /**
     * The stack's one API origin (deploy/local/bin/proxy, nginx), in front of every instance started
     * so far; started or, when running, reloaded for the instances there are now.
     */
    public String proxy() {
        run("proxy", proxyStarted ? "reload" : "start");
        proxyStarted = true;
        return "http://127.0.0.1:" + env.get("CSP_PROXY_PORT");
    }

    public void stopKeycloak() {
        run("keycloak", "stop");
    }

    public void startKeycloak() {
        run("keycloak", "start");
    }

    /** The demo partnerships and agencies, as {@code deploy/local/up} loads them (no incidents). */
    public void loadDemoPartnerships() {
        run("demo-partnerships");
    }

    /**
     * The demo funders, allocations, carry-forwards and initiatives, as {@code deploy/local/up}
     * loads them; after {@link #loadDemoPartnerships()}. Idempotent, so it may be run again.
     */
    public void loadDemoFunding() {
        run("demo-funding");
    }

    /** The stack's Keycloak (realm csp; its admin console and API as admin/admin). */
    public String keycloakUrl() {
        return "http://127.0.0.1:" + env.get("CSP_KEYCLOAK_PORT");
    }

    /** The token endpoint of the stack's Keycloak, for a login attempted by hand. */
    public String tokenEndpoint() {
        return "http://127.0.0.1:" + env.get("CSP_KEYCLOAK_PORT") + "/realms/csp/protocol/openid-connect/token";
    }

    public void stopKafka() {
        run("kafka", "stop");
    }

    public void startKafka() {
        run("kafka", "start");
    }

    @Override
    public void close() {
        List<String> failures = new ArrayList<>();
        List<String> newestFirst = new ArrayList<>(SERVICES);
        Collections.reverse(newestFirst);
        if (proxyStarted) {
            attempt(failures, () -> run("proxy", "stop"));
        }
        for (String service : List.copyOf(extraInstances)) {
            attempt(failures, () -> run("service", "stop", service, "2"));
        }
        for (String service : newestFirst) {
            attempt(failures, () -> run("service", "stop", service));
        }
        attempt(failures, () -> run("keycloak", "stop"));
        attempt(failures, () -> run("kafka", "stop"));
        for (String url : databases.values()) {
            attempt(failures, () -> postgres.dropDatabase(url));
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Could not stop the test stack cleanly: " + failures);
        }
    }

    private static void attempt(List<String> failures, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failures.add(e.getMessage());
        }
    }

    /** Runs a deploy/local/bin script; its output goes to the stack's log folder. */
    private void run(String script, String... args) {
        List<String> command = new ArrayList<>();
        command.add(repo.resolve("deploy/local/bin").resolve(script).toString());
        command.addAll(List.of(args));
        try {
            Path logs = Files.createDirectories(home.resolve("logs"));
            Path output = logs.resolve("scripts.log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish; see " + output);
            }
            if (process.exitValue() != 0) {
                // CI shows only the exception, not the log folder: the script's last words come along.
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + "); see " + output + " and " + logs + ". The end of " + output.getFileName() + ":\n"
                        + tail(output, 40));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not clear " + folder, e);
        }
    }

    private static String tail(Path file, int lines) throws IOException {
        List<String> all = Files.readAllLines(file);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
