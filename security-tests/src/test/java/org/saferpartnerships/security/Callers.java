package org.saferpartnerships.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The suite's callers, signed in at the stack's Keycloak. Partnership B is Safer Colchester: one
 * user per realm role, all scoped to it (the realm's own Colchester officer and committee viewer,
 * and users the suite adds for the other roles). Partnership A is every other partnership.
 */
final class Callers {

    static final String PARTNERSHIP_B = "safer-colchester";
    /** The funder B's funding officer works for (its agency): the demo's Essex PFCC. */
    static final String FUNDER_OF_B = "essex-pfcc";
    static final String ADMIN = "platform-admin";
    /** A caller of the realm with a role but without the claims that scope it (agency, partnerships). */
    static final String UNSCOPED = "unscoped-analyst";
    /** An analyst of partnership B who reads records until the daily export quota stops it. */
    static final String EXPORTER = "colchester-exporter";
    /** A client of the realm whose access tokens live seconds: real, realm-signed tokens that expire. */
    static final String SHORT_LIVED_CLIENT = "security-suite-short-lived";
    static final int SHORT_LIFESPAN_SECONDS = 5;

    /** Realm role to the user of partnership B who holds it. */
    static final Map<String, String> OF_PARTNERSHIP_B = new LinkedHashMap<>();

    static {
        OF_PARTNERSHIP_B.put("platform-admin", ADMIN);
        OF_PARTNERSHIP_B.put("partnership-officer", "colchester-officer");
        OF_PARTNERSHIP_B.put("viewer", "committee-viewer");
        OF_PARTNERSHIP_B.put("analyst", "colchester-analyst");
        OF_PARTNERSHIP_B.put("agency-submitter", "colchester-submitter");
        OF_PARTNERSHIP_B.put("funding-officer", "colchester-funding-officer");
    }

    private final String keycloak;
    private final Map<String, JsonNode> logins = new LinkedHashMap<>();

    Callers(String keycloak) {
        this.keycloak = keycloak;
    }

    /** Adds the users the realm lacks for partnership B, and the unscoped one. */
    void addUsers() {
        String admin = adminToken();
        // Colchester's own council, not Essex Police: the police's records are partnership A's too.
        addUser(admin, "colchester-analyst", "analyst", "colchester-city-council");
        addUser(admin, "colchester-submitter", "agency-submitter", "colchester-city-council");
        addUser(admin, "colchester-funding-officer", "funding-officer", FUNDER_OF_B);
        addUser(admin, EXPORTER, "analyst", "colchester-city-council");
        addUser(admin, UNSCOPED, "analyst", null);
    }

    /**
     * A token the realm signed itself, of a client that is csp-cli in all but its access tokens'
     * lifespan: it verifies now, and is expired {@link #SHORT_LIFESPAN_SECONDS} seconds later.
     */
    JsonNode shortLivedLogin(String user) {
        String admin = adminToken();
        JsonNode cli = read(Http.get(keycloak + "/admin/realms/csp/clients?clientId=csp-cli", admin)).path(0);
        ObjectNode client = cli.deepCopy();
        client.remove("id");
        client.put("clientId", SHORT_LIVED_CLIENT);
        client.put("name", "Security suite: access tokens of " + SHORT_LIFESPAN_SECONDS + " s");
        (client.has("attributes") ? (ObjectNode) client.get("attributes") : client.putObject("attributes"))
                .put("access.token.lifespan", String.valueOf(SHORT_LIFESPAN_SECONDS));
        client.path("protocolMappers").forEach(mapper -> ((ObjectNode) mapper).remove("id"));
        Http.Answer created = Http.json("POST", keycloak + "/admin/realms/csp/clients", admin, client.toString());
        if (created.status() != 201 && created.status() != 409) {
            throw new IllegalStateException("Keycloak did not add " + SHORT_LIVED_CLIENT + ": " + created.status() + " "
                    + created.body());
        }
        return login("csp", SHORT_LIVED_CLIENT, user, "demo");
    }

    private String adminToken() {
        return login("master", "admin-cli", "admin", "admin").path("access_token").asText();
    }

    String token(String user) {
        return logins.computeIfAbsent(user, u -> login("csp", "csp-cli", u, "demo")).path("access_token").asText();
    }

    /** The whole answer of a sign-in with scope openid: access, ID and refresh tokens. */
    JsonNode openIdLogin(String user) {
        return post("/realms/csp/protocol/openid-connect/token", Map.of("grant_type", "password", "client_id", "csp-cli",
                "username", user, "password", "demo", "scope", "openid"));
    }

    /** A token of the same realm for another client, which does not name the API as its audience. */
    String tokenForAnotherClient(String user) {
        return login("csp", "admin-cli", user, "demo").path("access_token").asText();
    }

    /** A token of the Keycloak's other realm. */
    String tokenOfAnotherRealm() {
        return login("master", "admin-cli", "admin", "admin").path("access_token").asText();
    }

    /** A token signed by the realm's own key but issued under another host name: another issuer. */
    String tokenWithAnotherIssuer(String user) {
        return post(keycloak.replace("127.0.0.1", "localhost"), "/realms/csp/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "csp-cli", "username", user, "password", "demo"))
                .path("access_token").asText();
    }

    /** The realm's description: its public key among it. */
    JsonNode realm() {
        Http.Answer answer = Http.get(keycloak + "/realms/csp", null);
        return read(answer);
    }

    private JsonNode login(String realm, String client, String user, String password) {
        return post("/realms/" + realm + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", client, "username", user, "password", password));
    }

    private JsonNode post(String path, Map<String, String> form) {
        return post(keycloak, path, form);
    }

    private static JsonNode post(String base, String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Http.Answer answer = Http.send("POST", base + path, null,
                Map.of("Content-Type", "application/x-www-form-urlencoded"), HttpRequest.BodyPublishers.ofString(body));
        if (answer.status() != 200) {
            throw new IllegalStateException("sign-in at " + base + path + " answered " + answer.status() + ": "
                    + answer.body());
        }
        return read(answer);
    }

    private void addUser(String adminToken, String username, String role, String agency) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("emailVerified", true);
        user.put("email", username + "@example.org");
        user.put("firstName", "Suite");
        user.put("lastName", username);
        if (agency != null) {
            user.put("attributes", Map.of("agency_id", List.of(agency), "partnerships", List.of(PARTNERSHIP_B)));
        }
        user.put("credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false)));
        Http.Answer created = Http.json("POST", keycloak + "/admin/realms/csp/users", adminToken, write(user));
        if (created.status() != 201) {
            throw new IllegalStateException("Keycloak did not add " + username + ": " + created.status() + " "
                    + created.body());
        }
        String location = created.header("Location").orElseThrow();
        JsonNode roleRepresentation = read(Http.get(keycloak + "/admin/realms/csp/roles/" + role, adminToken));
        Http.Answer mapped = Http.json("POST", location + "/role-mappings/realm", adminToken,
                "[" + roleRepresentation + "]");
        if (mapped.status() != 204) {
            throw new IllegalStateException("Keycloak did not give " + username + " " + role + ": " + mapped.status());
        }
    }

    private static JsonNode read(Http.Answer answer) {
        try {
            return ApiDocument.JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object value) {
        try {
            return ApiDocument.JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
