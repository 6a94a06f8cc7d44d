package org.saferpartnerships.platform.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;


/**
 * JSON bodies are read whole into memory, so they get a limit of their own, far below what a
 * service may take as a streamed file (incident-service's CSV imports): a full batch of 5,000
 * incidents is a few megabytes. A declared length over the limit is refused before anything is
 * read; a chunked body, which declares none, is counted as it is read and refused when it passes
 * the limit.
 */
public class JsonBodyLimit {

    private final long maxBytes;

    JsonBodyLimit(@ConfigProperty(name = "csp.api.max-json-bytes", defaultValue = "16777216") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A JSON body, or one that says nothing of its type (read as JSON by the endpoints that take JSON). */
    public static boolean isJson(MediaType type) {
        return type == null || type.getSubtype().endsWith("json");
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversizeJson(ContainerRequestContext request) {
        if (!isJson(request.getMediaType())) {
            return null;
        }
        if (request.getLength() > maxBytes) {
            return tooLarge().toResponse();
        }
        if (request.getLength() < 0) {
            request.setEntityStream(new Bounded(request.getEntityStream()));
        }
        return null;
    }

    private HttpProblem tooLarge() {
        return HttpProblem.builder().withStatus(413).withTitle("Content Too Large")
                .withDetail("A JSON body may be at most " + maxBytes + " bytes; send larger sets in several "
                        + "requests, or as a file where the API takes one (incident-service: /api/v1/incident-imports)")
                .build();
    }

    /** Stops reading, with a 413, at the first byte past the limit. */
    private final class Bounded extends FilterInputStream {

        private long read;

        Bounded(InputStream body) {
            super(body);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long bytes) {
            read += bytes;
            if (read > maxBytes) {
                throw tooLarge();
            }
        }
    }
}
