package org.saferpartnerships.platform.api;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;


import org.saferpartnerships.platform.admission.ServiceBusyException;

/** 503 with {@code Retry-After}: a client that honours it gets its turn without a human looking. */
public class ServiceBusyMapper {

    @ServerExceptionMapper
    public Response busy(ServiceBusyException e) {
        return HttpProblem.builder().withStatus(Response.Status.SERVICE_UNAVAILABLE).withTitle("Service Unavailable")
                .withHeader("Retry-After", Math.max(1, e.retryAfter().toSeconds())).withDetail(e.getMessage())
                .build().toResponse();
    }
}
