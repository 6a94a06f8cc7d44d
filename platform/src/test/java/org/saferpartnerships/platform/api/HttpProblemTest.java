package org.saferpartnerships.platform.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class HttpProblemTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aProblemIsAnRfc9457BodyWithItsHeaders() throws Exception {
        Response response = HttpProblem.builder().withStatus(503).withDetail("Come back later")
                .withHeader("Retry-After", 2).build().toResponse("/api/v1/incidents");

        assertThat(response.getStatus(), equalTo(503));
        assertThat(response.getMediaType().toString(), equalTo("application/problem+json"));
        assertThat(response.getHeaderString("Retry-After"), equalTo("2"));
        assertThat(JSON.readValue((String) response.getEntity(), Map.class), equalTo(Map.of("status", 503,
                "title", "Service Unavailable", "detail", "Come back later", "instance", "/api/v1/incidents")));
    }

    @Test
    void statusesJaxRsDoesNotNameStillGetTheirTitle() throws Exception {
        Response response = HttpProblem.builder().withStatus(428).build().toResponse();
        assertThat(JSON.readValue((String) response.getEntity(), Map.class).get("title"),
                equalTo("Precondition Required"));
    }

    @Test
    void violationsTravelAsAMemberOfTheProblem() throws Exception {
        Response response = HttpProblem.builder().withStatus(400)
                .with("violations", List.of(new ProblemMappers.Violation("limit", "query", "must be at most 500")))
                .build().toResponse();
        assertThat(JSON.readValue((String) response.getEntity(), Map.class).get("violations"),
                equalTo(List.of(Map.of("field", "limit", "in", "query", "message", "must be at most 500"))));
    }

    @Test
    void aJsonFieldIsNamedAsTheClientWroteIt() {
        JsonMappingException e = new JsonMappingException(null, "bad");
        e.prependPath(new JsonMappingException.Reference(null, "scores"));
        e.prependPath(new JsonMappingException.Reference(null, 0));
        e.prependPath(new JsonMappingException.Reference(null, "issues"));
        assertThat(ProblemMappers.pathOf(e), equalTo("issues[0].scores"));
    }
}
