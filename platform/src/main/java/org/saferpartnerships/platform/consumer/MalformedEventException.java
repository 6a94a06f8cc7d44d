package org.saferpartnerships.platform.consumer;

/** An event that no retry can make processable: it belongs on the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
