package org.saferpartnerships.platform.api;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.logging.Log;

/**
 * What the database refuses that the checks before a write could not see: two requests changing
 * one record, or creating the same one, at the same moment; a value it cannot store. The caller
 * gets a problem response, not a 500.
 */
public class PersistenceConflictMappers {

    @ServerExceptionMapper
    public Response concurrentUpdate(OptimisticLockException e) {
        return HttpProblem.valueOf(Response.Status.PRECONDITION_FAILED,
                "The record was changed by someone else meanwhile; read it again").toResponse();
    }

    /** Text the database cannot store, such as a NUL character: the input is at fault, not the server. */
    @ServerExceptionMapper
    public Response unstorable(DataException e) {
        Log.debugf("Unstorable value: %s", e.getMessage());
        return HttpProblem.valueOf(Response.Status.BAD_REQUEST,
                "A value cannot be stored as given (control characters such as NUL are not accepted)").toResponse();
    }

    @ServerExceptionMapper
    public Response constraintViolated(ConstraintViolationException e) {
        Log.debugf("Constraint %s violated: %s", e.getConstraintName(), e.getMessage());
        return HttpProblem.valueOf(Response.Status.CONFLICT,
                "This conflicts with a record that exists already").toResponse();
    }
}
