package org.saferpartnerships.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/** A service's audit trail as a platform admin queries it. */
final class AuditTrail {

    private AuditTrail() {
    }

    /** How many refusals of partnership B's users the service's audit trail holds. */
    static long refusals(String baseUrl, String adminToken, Callers callers) {
        return refusals(baseUrl, adminToken, Callers.OF_PARTNERSHIP_B.values().stream()
                .filter(u -> !u.equals(Callers.ADMIN)).map(u -> subject(callers.token(u))).collect(Collectors.toSet()));
    }

    /** How many refusals of these accounts ({@code sub}) the service's audit trail holds. */
    static long refusals(String baseUrl, String adminToken, Set<String> subjects) {
        long refusals = 0;
        for (String subject : subjects) {
            String url = baseUrl + "/api/v1/admin/audit?outcome=refused&subject=" + subject + "&limit=100";
            for (int page = 0; url != null && page < 100; page++) {
                Http.Answer answer = Http.get(url, adminToken);
                if (answer.status() != 200) {
                    return -answer.status();
                }
                JsonNode body = Inputs.read(answer.body());
                refusals += RecordPaths.items(body).size();
                String next = body.path("next").asText(null);
                url = next == null || next.isBlank() ? null : next.startsWith("http") ? next
                        : baseUrl + "/api/v1/admin/audit?outcome=refused&subject=" + subject + "&limit=100&before="
                                + Inputs.encode(next);
            }
        }
        return refusals;
    }

    static String subject(String token) {
        JsonNode claims = Inputs.read(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
        return claims.path("sub").asText();
    }
}
