package org.saferpartnerships.platform.audit;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.arc.Arc;
/**
 * What the request being handled has read or changed, for its audit entry. {@link AuditFilters}
 * begins it with who asked for what and writes the entry with the answer's outcome; resources and
 * services add the ids of the records they touch. Ids named inside a transaction (the subjects of
 * the events {@code Outbox} appends, or {@link #records} called by a service) are written at once
 * as an entry of that transaction, so a change and its entry commit or roll back together.
 */
@RequestScoped
public class AuditTrail {

    /** The request header in which a caller says why it reads or changes records. */
    public static final String PURPOSE = "X-Purpose";

    /** Who asked for what, taken when the request began. */
    record Request(String subject, String username, String agencyId, List<String> roles, boolean platformAdmin,
            String action, String recordType, String recordId, String purpose, String method, String path,
            String query) {
    }

    private final AuditLog log;
    private final TransactionSynchronizationRegistry transactions;

    private Request request;
    /** Every record the request touched, for an entry of a refusal or a failure. */
    private final Set<String> touched = new LinkedHashSet<>();
    /** Those not yet in an entry written with a change. */
    private final Set<String> unwritten = new LinkedHashSet<>();
    private boolean writtenWithChange;

    AuditTrail(AuditLog log, TransactionSynchronizationRegistry transactions) {
        this.log = log;
        this.transactions = transactions;
    }

    /** The trail of the HTTP request being handled; none for a job or a consumer. */
    public static Optional<AuditTrail> ofCurrentRequest() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        AuditTrail trail = Arc.container().instance(AuditTrail.class).get();
        return trail.begun() ? Optional.of(trail) : Optional.empty();
    }

    /**
     * The request read or changed these records. Inside an active transaction they are written
     * now, in it: if the entry cannot be written, the change fails with it.
     */
    public void records(Collection<?> ids) {
        List<String> named = ids.stream().map(String::valueOf).toList();
        touched.addAll(named);
        unwritten.addAll(named);
        if (request != null && transactions.getTransactionKey() != null
                && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            log.append(entry(AuditOutcome.ALLOWED, null, List.copyOf(unwritten)));
            unwritten.clear();
            writtenWithChange = true;
        }
    }

    public void record(Object id) {
        records(List.of(id));
    }

    /** Names the records of a page of a list, and returns the page. */
    public <T> RestResponse<List<T>> listed(RestResponse<List<T>> page, Function<? super T, ?> id) {
        records(page.getEntity().stream().map(id).toList());
        return page;
    }

    boolean begun() {
        return request != null;
    }

    void begin(Request asked) {
        request = asked;
        if (asked.recordId() != null) {
            touched.add(asked.recordId());
            unwritten.add(asked.recordId());
        }
    }

    /**
     * The ids of the entry to write with the answer, or none when the entries already written with
     * the request's changes say all there is: an answered request whose every record is in one.
     */
    Optional<List<String>> toWriteWithAnswer(AuditOutcome outcome) {
        if (outcome != AuditOutcome.ALLOWED) {
            return Optional.of(List.copyOf(touched));
        }
        if (writtenWithChange && unwritten.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(unwritten));
    }

    AuditEntry entry(AuditOutcome outcome, Integer status, List<String> ids) {
        return new AuditEntry(null, null, request.subject(), request.username(), request.agencyId(), request.roles(),
                request.platformAdmin(), request.action(), request.recordType(), ids, request.purpose(),
                request.method(), request.path(), request.query(), outcome, status);
    }
}
