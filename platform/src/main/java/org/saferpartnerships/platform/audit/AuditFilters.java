package org.saferpartnerships.platform.audit;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.runtime.BlockingOperationNotAllowedException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import org.saferpartnerships.platform.api.HttpProblem;
import org.saferpartnerships.platform.api.OpenDataRoutes;
import org.saferpartnerships.platform.api.PageRequest;
import org.saferpartnerships.platform.identity.Caller;
import org.saferpartnerships.platform.persistence.PassingRefusal;

/**
 * Audits every request of the API, whatever its resource: {@link #begin} notes who asks for what
 * before the resource runs; {@link #finish} writes the request's entry with the answer's outcome
 * before the answer leaves, in a transaction of its own, so a refusal's entry stays although the
 * refused work was rolled back. A request whose changes were already written with their entries
 * (see {@link AuditTrail}) and that was answered needs none. An answer whose entry cannot be
 * written is replaced by a problem: nobody reads records the trail does not know were read.
 * Requests refused because their token does not verify (401) name no caller and are not audited;
 * nor are reads of the open-data routes ({@link OpenDataRoutes}), which anyone may make without a
 * token and which hold only what is already published: an entry per anonymous read would let anyone
 * fill the trail.
 */
public class AuditFilters {

    /** Longer purposes are refused (400), so the trail keeps what the caller said, whole. */
    static final int LONGEST_PURPOSE = 500;

    private final AuditTrail trail;
    private final AuditLog log;
    private final Caller caller;

    AuditFilters(AuditTrail trail, AuditLog log, Caller caller) {
        this.trail = trail;
        this.log = log;
        this.caller = caller;
    }

    /** Before IdempotencyKeys (USER), so the trail has begun before any change is made. */
    @ServerRequestFilter(priority = Priorities.USER - 100)
    public void begin(ContainerRequestContext request, ResourceInfo resource) {
        if (OpenDataRoutes.isOpenData(request.getUriInfo().getPath())) {
            return;
        }
        trail.begin(describe(request, resource));
        String purpose = request.getHeaderString(AuditTrail.PURPOSE);
        if (purpose != null && purpose.length() > LONGEST_PURPOSE) {
            throw HttpProblem.valueOf(Response.Status.BAD_REQUEST,
                    AuditTrail.PURPOSE + " is at most " + LONGEST_PURPOSE + " characters");
        }
    }

    /**
     * Response filters run from the highest priority down: this one after IdempotencyKeys has
     * committed or rolled back the request's transaction, so it sees the final outcome. A request
     * refused on the I/O thread (a role the method does not allow, checked before the body is read)
     * has its entry written on a worker thread, and is answered once it is.
     */
    @ServerResponseFilter(priority = Priorities.USER - 100)
    public Uni<Void> finish(ContainerRequestContext request, ContainerResponseContext response,
            ResourceInfo resource) {
        if (HttpMethod.OPTIONS.equals(request.getMethod())) {
            // Answered by the framework (allowed methods, a CORS preflight): no record is read.
            return Uni.createFrom().voidItem();
        }
        if (OpenDataRoutes.isOpenData(request.getUriInfo().getPath())) {
            return Uni.createFrom().voidItem();
        }
        boolean onWorker = BlockingOperationControl.isBlockingAllowed();
        Optional<AuditEntry> entry;
        try {
            entry = entryOf(request, response, resource);
        } catch (BlockingOperationNotAllowedException e) {
            // A token that did not verify: there is no caller to name, and nothing was read.
            return Uni.createFrom().voidItem();
        }
        if (entry.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (onWorker) {
            write(entry.get(), request, response);
            return Uni.createFrom().voidItem();
        }
        if (entry.get().outcome() == AuditOutcome.ALLOWED) {
            // A resource answering on the event loop cannot have its reads audited there: not answered.
            Log.errorf("%s %s was answered on an I/O thread, where it is not audited", request.getMethod(),
                    request.getUriInfo().getPath());
            withhold(request, response, false);
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().voidItem().emitOn(Infrastructure.getDefaultWorkerPool())
                .invoke(() -> write(entry.get(), request, response));
    }

    /** The entry to write with the answer, if the entries written with the request's changes do not say it all. */
    private Optional<AuditEntry> entryOf(ContainerRequestContext request, ContainerResponseContext response,
            ResourceInfo resource) {
        if (!trail.begun()) {
            // Refused before the request filters ran (a role the method does not allow).
            trail.begin(describe(request, resource));
        }
        AuditOutcome outcome = AuditOutcome.of(response.getStatus());
        return trail.toWriteWithAnswer(outcome).map(ids -> trail.entry(outcome, response.getStatus(), ids));
    }

    /** Writes the entry in a transaction of its own; an answer it cannot be written for is withheld. */
    private void write(AuditEntry entry, ContainerRequestContext request, ContainerResponseContext response) {
        try {
            QuarkusTransaction.requiringNew().run(() -> log.append(entry));
        } catch (RuntimeException e) {
            Log.errorf(e, "Could not audit %s %s (%s)", entry.method(), entry.path(), entry.outcome().slug());
            if (entry.outcome() == AuditOutcome.ALLOWED) {
                withhold(request, response, PassingRefusal.in(e));
            }
        }
    }

    private AuditTrail.Request describe(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        Audited onMethod = method == null ? null : method.getAnnotation(Audited.class);
        Audited onClass = method == null ? null : resource.getResourceClass().getAnnotation(Audited.class);
        String recordType = either(onMethod == null ? "" : onMethod.value(), onClass == null ? "" : onClass.value());
        String idParameter = either(onMethod == null ? "" : onMethod.id(), onClass == null ? "" : onClass.id());
        String recordId = idParameter == null ? null : request.getUriInfo().getPathParameters().getFirst(idParameter);
        String action = onMethod != null && !onMethod.action().isEmpty() ? onMethod.action()
                : defaultAction(request.getMethod(), recordId != null);
        String purpose = request.getHeaderString(AuditTrail.PURPOSE);
        if (purpose != null && purpose.length() > LONGEST_PURPOSE) {
            purpose = purpose.substring(0, LONGEST_PURPOSE);
        }
        URI uri = request.getUriInfo().getRequestUri();
        return new AuditTrail.Request(caller.subject().orElse(null), caller.name(), caller.agencyId().orElse(null),
                caller.roles().stream().sorted().toList(), caller.isPlatformAdmin(), action, recordType, recordId,
                purpose == null || purpose.isBlank() ? null : purpose.strip(), request.getMethod(), uri.getRawPath(),
                uri.getRawQuery());
    }

    private static String either(String preferred, String otherwise) {
        String chosen = preferred.isEmpty() ? otherwise : preferred;
        return chosen.isEmpty() ? null : chosen;
    }

    private static String defaultAction(String method, boolean namesRecord) {
        return switch (method) {
            case "GET", "HEAD" -> namesRecord ? "read" : "list";
            case "POST" -> "create";
            case "PUT", "PATCH" -> "update";
            case "DELETE" -> "delete";
            default -> method.toLowerCase(Locale.ROOT);
        };
    }

    /**
     * Replaces an answer whose entry could not be written. A read is not answered (503 when the
     * database refused for now, so it is asked again). A change made in transactions that wrote no
     * entry of their own (an admin action) was made, and the answer says so.
     */
    private static void withhold(ContainerRequestContext request, ContainerResponseContext response, boolean passing) {
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        HttpProblem.Builder problem = HttpProblem.builder();
        if (read && passing) {
            problem.withStatus(503).withTitle("Service Unavailable").withHeader("Retry-After", 2)
                    .withDetail("The audit trail could not record this read for now, so it is not answered; "
                            + "send it again");
        } else if (read) {
            problem.withStatus(500).withDetail("The audit trail could not record this read, so it is not answered");
        } else {
            problem.withStatus(500).withDetail("This was done, but the audit trail could not record it");
        }
        Response replacement = problem.build().toResponse(request.getUriInfo().getPath());
        for (String header : List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.LAST_MODIFIED, "Link",
                PageRequest.TOTAL_COUNT)) {
            response.getHeaders().remove(header);
        }
        replacement.getHeaders().forEach((name, values) -> response.getHeaders().put(name, values));
        response.setStatus(replacement.getStatus());
        response.setEntity(replacement.getEntity(), null, MediaType.valueOf(HttpProblem.MEDIA_TYPE));
    }
}
