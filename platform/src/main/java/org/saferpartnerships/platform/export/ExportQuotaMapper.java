package org.saferpartnerships.platform.export;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.saferpartnerships.platform.api.HttpProblem;

/** 429 with {@code Retry-After} until the quota renews, so a client that honours it stops until then. */
public class ExportQuotaMapper {

    @ServerExceptionMapper
    public Response exceeded(ExportQuotaExceededException e) {
        return HttpProblem.builder().withStatus(429).withTitle("Daily export quota reached")
                .withHeader("Retry-After", Math.max(1, e.untilRenewal().toSeconds())).withDetail(e.getMessage())
                .build().toResponse();
    }
}
