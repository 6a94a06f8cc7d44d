package org.saferpartnerships.platform.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An RFC 9457 problem as an exception: thrown at the edge of a service (resources, filters) and
 * answered as {@code application/problem+json} by {@link ProblemMappers}. Application services
 * throw domain exceptions instead, which the mappers translate.
 *
 * <p>Ours, not the Quarkiverse extension's: that extension, built against Quarkus 3.21, answered
 * 500 instead of 401 on Quarkus 3.33.
 */
public class HttpProblem extends RuntimeException {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String title;
    private final String detail;
    private final Map<String, Object> headers;
    private final Map<String, Object> members;

    private HttpProblem(Builder builder) {
        super(builder.detail != null ? builder.detail : builder.title);
        this.status = builder.status;
        this.title = builder.title != null ? builder.title : reasonOf(builder.status);
        this.detail = builder.detail;
        this.headers = Map.copyOf(builder.headers);
        this.members = new LinkedHashMap<>(builder.members);
    }

    public static HttpProblem valueOf(Response.StatusType status, String detail) {
        return builder().withStatus(status).withDetail(detail).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    /** The response, without the {@code instance} member (the request is not known here). */
    public Response toResponse() {
        return toResponse(null);
    }

    /** The response, naming the request's path as the problem's {@code instance}. */
    public Response toResponse(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("title", title);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        body.putAll(members);
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE);
        headers.forEach(response::header);
        try {
            return response.entity(JSON.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem response could not be written", e);
        }
    }

    private static String reasonOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 428 -> "Precondition Required";
            case 429 -> "Too Many Requests";
            default -> "HTTP " + status;
        };
    }

    public static final class Builder {
        private int status = 500;
        private String title;
        private String detail;
        private final Map<String, Object> headers = new LinkedHashMap<>();
        private final Map<String, Object> members = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder withStatus(int status) {
            this.status = status;
            return this;
        }

        public Builder withStatus(Response.StatusType status) {
            return withStatus(status.getStatusCode());
        }

        public Builder withTitle(String title) {
            this.title = title;
            return this;
        }

        public Builder withDetail(String detail) {
            this.detail = detail;
            return this;
        }

        public Builder withHeader(String name, Object value) {
            headers.put(name, value);
            return this;
        }

        /** A member of the problem beyond the standard ones, such as {@code violations}. */
        public Builder with(String member, Object value) {
            members.put(member, value);
            return this;
        }

        public HttpProblem build() {
            return new HttpProblem(this);
        }
    }
}
