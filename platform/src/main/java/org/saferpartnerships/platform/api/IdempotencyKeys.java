package org.saferpartnerships.platform.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * {@code Idempotency-Key} on POSTs with a JSON body (IETF draft-ietf-httpapi-idempotency-key-header):
 * a client that never saw the answer to a create (a timeout, a dropped connection) sends the same
 * request again with the same key and gets the first answer, marked {@code Idempotent-Replayed},
 * instead of creating a second record. Keys belong to the caller and are kept for {@link #KEPT}. The
 * same key on a different request is refused (422); a retry while the first is still being handled
 * is told so (409). A refused request keeps no answer, so it can be corrected and sent again.
 * <p>
 * The claim commits on its own, so that a concurrent retry sees it; the request then runs in a
 * transaction this filter opens, which the services' {@code @Transactional} methods join, and the
 * answer is stored in it. The change and its answer therefore commit together or not at all: after a
 * crash at any point a retry either finds the answer or finds nothing done and makes the change.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    /** How long a key is kept; platform's Retention deletes it after. */
    public static final Duration KEPT = Duration.ofHours(24);
    private static final String CLAIM = IdempotencyKeys.class.getName() + ".claim";
    private static final int LONGEST_KEY = 255;

    private final AgroalDataSource dataSource;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final TransactionManager transactions;

    IdempotencyKeys(AgroalDataSource dataSource, SecurityIdentity identity, ObjectMapper json,
            TransactionManager transactions) {
        this.dataSource = dataSource;
        this.identity = identity;
        this.json = json;
        this.transactions = transactions;
    }

    private record Claim(String caller, String key, UUID token, String request, String fingerprint) {
    }

    /** A claim and the transaction its request runs in. */
    private record Open(Claim claim, Transaction transaction) {
    }

    private record Answer(String request, String fingerprint, Integer status, String location, String etag,
            byte[] body) {
    }

    @ServerRequestFilter
    public Optional<Response> claimOrReplay(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod()) || identity.isAnonymous()
                || !JsonBodyLimit.isJson(request.getMediaType())) {
            return Optional.empty();
        }
        if (key.isBlank() || key.length() > LONGEST_KEY) {
            throw HttpProblem.valueOf(Response.Status.BAD_REQUEST,
                    HEADER + " must be 1 to " + LONGEST_KEY + " characters, such as a UUID");
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        URI uri = request.getUriInfo().getRequestUri();
        Claim claim = new Claim(identity.getPrincipal().getName(), key, UUID.randomUUID(), request.getMethod() + " "
                + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), fingerprint(body));
        Optional<Answer> earlier = claimOrFind(claim);
        if (earlier.isEmpty()) {
            request.setProperty(CLAIM, new Open(claim, begin(claim)));
            return Optional.empty();
        }
        Answer answer = earlier.get();
        if (!answer.request().equals(claim.request()) || !answer.fingerprint().equals(claim.fingerprint())) {
            throw HttpProblem.builder().withStatus(422).withTitle("Unprocessable Content")
                    .withDetail("This " + HEADER + " was used for a different request; use a new key for a new request")
                    .build();
        }
        if (answer.status() == null) {
            throw HttpProblem.valueOf(Response.Status.CONFLICT,
                    "The first request with this " + HEADER + " is still being handled; retry shortly");
        }
        Response.ResponseBuilder replay = Response.status(answer.status()).header(REPLAYED, "true");
        if (answer.body() != null) {
            replay.entity(answer.body()).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (answer.location() != null) {
            replay.header(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.etag() != null) {
            replay.header(HttpHeaders.ETAG, answer.etag());
        }
        return Optional.of(replay.build());
    }

    /**
     * Ends the request's transaction. A successful answer is stored in it and committed with the
     * change. Anything else rolls the change back, so the claim is released and the key may be used
     * again: a refused request (4xx) changed nothing, and neither did a failed one. A success that
     * cannot be committed is not answered as a success.
     */
    @ServerResponseFilter
    public void keepAnswer(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Open open)) {
            return;
        }
        request.removeProperty(CLAIM);
        Claim claim = open.claim();
        try {
            if (transactions.getTransaction() != open.transaction()) {
                transactions.suspend();
                transactions.resume(open.transaction());
            }
            boolean succeeded = response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL;
            if (succeeded && transactions.getStatus() == Status.STATUS_ACTIVE) {
                try {
                    storeAnswer(claim, response);
                } catch (JsonProcessingException | RuntimeException e) {
                    Log.errorf(e, "Could not keep the answer under %s %s", HEADER, claim.key());
                    rollBack(claim);
                    replace(response, request, 500, "The answer could not be kept, so nothing was changed; send it again");
                    return;
                }
                transactions.commit();
                return;
            }
            rollBack(claim);
            if (succeeded) {
                Log.errorf("A request under %s %s succeeded in a transaction marked for rollback", HEADER, claim.key());
                replace(response, request, 500, "The change was not stored; nothing was changed");
            }
        } catch (RollbackException e) {
            Log.warnf("The change under %s %s did not commit: %s", HEADER, claim.key(), e);
            release(claim);
            // Rolled back for certain, so sending it again is safe. What fails at commit here passes (a
            // serialization conflict, a lost connection): the services check their rules before, and
            // flush to surface constraints as 409 while the request is still theirs.
            replace(response, request, 503, "The change could not be stored and nothing was changed; send it again");
        } catch (SystemException | HeuristicMixedException | HeuristicRollbackException
                | InvalidTransactionException | RuntimeException e) {
            // Whether the change was made is unknown, so the claim stays open and unanswered: a retry is
            // told the request is in progress until the claim is taken over.
            Log.errorf(e, "Could not end the request under %s %s", HEADER, claim.key());
            replace(response, request, 500, "It is not known whether the change was stored; read before sending it again");
        }
    }

    /**
     * Rolls the request's transaction back, if the transaction timeout has not done so already,
     * and releases the claim: nothing of the request was stored.
     */
    private void rollBack(Claim claim) throws SystemException {
        int status = transactions.getStatus();
        if (status == Status.STATUS_ROLLEDBACK || status == Status.STATUS_NO_TRANSACTION) {
            transactions.suspend();
        } else {
            transactions.rollback();
        }
        release(claim);
    }

    private Transaction begin(Claim claim) {
        try {
            transactions.begin();
            return transactions.getTransaction();
        } catch (NotSupportedException | SystemException e) {
            release(claim);
            throw new IllegalStateException("Could not begin the transaction for " + HEADER + " " + claim.key(), e);
        }
    }

    /** Stores the answer on the request's transaction, so it commits with the change. */
    private void storeAnswer(Claim claim, ContainerResponseContext response) throws JsonProcessingException {
        byte[] body = response.hasEntity() ? json.writeValueAsBytes(response.getEntity()) : null;
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        update("""
                update idempotency_key set status = ?, location = ?, etag = ?, body = ?
                where caller = ? and key = ? and claim_token = ?""", claim, statement -> {
            statement.setInt(1, response.getStatus());
            statement.setString(2, location == null ? null : location.toString());
            statement.setString(3, etag == null ? null : etag.toString());
            statement.setBytes(4, body);
            return 5;
        });
    }

    /** Deletes the claim outside any transaction; the request it held changed nothing. */
    private void release(Claim claim) {
        try {
            update("delete from idempotency_key where caller = ? and key = ? and claim_token = ?", claim, null);
        } catch (RuntimeException e) {
            // An unreleased claim makes retries wait (409) until it is taken over; never a second change.
            Log.errorf("Could not release %s %s: %s", HEADER, claim.key(), e);
        }
    }

    private static void replace(ContainerResponseContext response, ContainerRequestContext request, int status,
            String detail) {
        Response problem = HttpProblem.builder().withStatus(status).withDetail(detail).build()
                .toResponse(request.getUriInfo().getPath());
        response.getHeaders().remove(HttpHeaders.LOCATION);
        response.getHeaders().remove(HttpHeaders.ETAG);
        response.setStatus(status);
        response.setEntity(problem.getEntity(), null, MediaType.valueOf(HttpProblem.MEDIA_TYPE));
    }

    /**
     * Claims the key for this request, or finds the earlier request's answer. A claim unanswered for
     * five minutes (far beyond any request's time) died with its instance or with a server error,
     * and an expired one is spent: either is taken over.
     */
    private Optional<Answer> claimOrFind(Claim claim) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into idempotency_key (caller, key, claim_token, request, fingerprint, claimed_at)
                    values (?, ?, ?, ?, ?, now())
                    on conflict (caller, key) do update set claim_token = excluded.claim_token,
                        request = excluded.request, fingerprint = excluded.fingerprint, claimed_at = now(),
                        status = null, location = null, etag = null, body = null
                    where idempotency_key.claimed_at < now() - make_interval(secs => ?)
                       or (idempotency_key.status is null and idempotency_key.claimed_at < now() - interval '5 minutes')
                    """)) {
                insert.setString(1, claim.caller());
                insert.setString(2, claim.key());
                insert.setObject(3, claim.token());
                insert.setString(4, claim.request());
                insert.setString(5, claim.fingerprint());
                insert.setDouble(6, KEPT.toSeconds());
                if (insert.executeUpdate() == 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement select = connection.prepareStatement("""
                    select request, fingerprint, status, location, etag, body from idempotency_key
                    where caller = ? and key = ?""")) {
                select.setString(1, claim.caller());
                select.setString(2, claim.key());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return claimOrFind(claim); // the earlier claim was released meanwhile
                    }
                    return Optional.of(new Answer(row.getString(1), row.getString(2), (Integer) row.getObject(3),
                            row.getString(4), row.getString(5), row.getBytes(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim " + HEADER + " " + claim.key(), e);
        }
    }

    private interface Parameters {
        /** Sets the statement's leading parameters; returns the index of the next one. */
        int set(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, Claim claim, Parameters leading) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = leading == null ? 1 : leading.set(statement);
            statement.setString(next, claim.caller());
            statement.setString(next + 1, claim.key());
            statement.setObject(next + 2, claim.token());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the answer for " + HEADER + " " + claim.key(), e);
        }
    }

    private static String fingerprint(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
