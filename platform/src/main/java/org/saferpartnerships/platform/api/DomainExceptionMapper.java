package org.saferpartnerships.platform.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.saferpartnerships.platform.domain.DomainException;

/** A domain refusal as a problem response: the one place that knows which status each kind is. */
public class DomainExceptionMapper {

    @ServerExceptionMapper
    public Response refused(DomainException e, UriInfo uri) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case NOT_PERMITTED -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
        };
        return HttpProblem.builder().withStatus(status).withDetail(e.getMessage()).build().toResponse(uri.getPath());
    }
}
