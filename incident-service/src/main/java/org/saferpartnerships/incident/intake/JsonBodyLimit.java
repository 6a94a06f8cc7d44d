package org.saferpartnerships.incident.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * JSON bodies are read whole into memory, so they get a far smaller limit than the CSV imports
 * (which stream to disk): a full batch of 5,000 incidents is a few megabytes. A declared length
 * over the limit is refused before anything is read; a chunked body, which declares none, is
 * counted as it is read and refused when it passes the limit.
 */
public class JsonBodyLimit {

    static final long MAX_JSON_BYTES = 16L * 1024 * 1024;

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversizeJson(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !type.getSubtype().endsWith("json")) {
            return null;
        }
        if (request.getLength() > MAX_JSON_BYTES) {
            return tooLarge().toResponse();
        }
        if (request.getLength() < 0) {
            request.setEntityStream(new Bounded(request.getEntityStream()));
        }
        return null;
    }

    private static HttpProblem tooLarge() {
        return HttpProblem.builder().withStatus(413).withTitle("Content Too Large")
                .withDetail("A JSON body may be at most " + MAX_JSON_BYTES + " bytes; send larger sets as "
                        + "several batches, or as a data.police.uk file to /api/v1/incident-imports")
                .build();
    }

    /** Stops reading, with a 413, at the first byte past the limit. */
    private static final class Bounded extends FilterInputStream {

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
            if (read > MAX_JSON_BYTES) {
                throw tooLarge();
            }
        }
    }
}
