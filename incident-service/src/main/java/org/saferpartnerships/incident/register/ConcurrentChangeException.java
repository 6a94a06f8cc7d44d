package org.saferpartnerships.incident.register;

/** A record changed between reading and correcting it: the whole unit of work is worth trying again. */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String message) {
        super(message);
    }
}
