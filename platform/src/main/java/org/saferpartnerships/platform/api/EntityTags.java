package org.saferpartnerships.platform.api;

import java.net.URI;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;


/**
 * Optimistic concurrency over HTTP: a record's version is its strong {@code ETag}; an update must
 * send it back in {@code If-Match}. Without it the answer is 428, with a stale one 412, so two
 * officers editing the same record never overwrite each other unknowingly.
 */
public final class EntityTags {

    private EntityTags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** 200 with the record and its ETag. */
    public static Response tagged(Object body, long version) {
        return Response.ok(body).tag(of(version)).build();
    }

    /** 201 with the new record, where it lives, and its ETag. */
    public static Response created(URI location, Object body, long version) {
        return Response.created(location).tag(of(version)).entity(body).build();
    }

    /** @throws HttpProblem 428 when {@code ifMatch} is absent, 412 when it names another version */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw HttpProblem.builder().withStatus(428).withTitle("Precondition Required")
                    .withDetail("Send the record's ETag in If-Match to update it").build();
        }
        String expected = "\"" + currentVersion + "\"";
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(expected) || tag.equals("W/" + expected)) {
                return;
            }
        }
        throw HttpProblem.valueOf(Response.Status.PRECONDITION_FAILED,
                "The record has changed since you read it (now version " + currentVersion + "); read it again");
    }
}
