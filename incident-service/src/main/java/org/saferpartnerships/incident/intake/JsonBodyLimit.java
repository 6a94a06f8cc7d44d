package org.saferpartnerships.incident.intake;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * JSON bodies are read whole into memory, so they get a far smaller limit than the CSV imports
 * (which stream to disk): a full batch of 5,000 incidents is a few megabytes.
 */
public class JsonBodyLimit {

    static final long MAX_JSON_BYTES = 16L * 1024 * 1024;

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversizeJson(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type != null && type.getSubtype().endsWith("json") && request.getLength() > MAX_JSON_BYTES) {
            return HttpProblem.builder().withStatus(413).withTitle("Content Too Large")
                    .withDetail("A JSON body may be at most " + MAX_JSON_BYTES + " bytes; send larger sets as "
                            + "several batches, or as a data.police.uk file to /api/v1/incident-imports")
                    .build().toResponse();
        }
        return null;
    }
}
