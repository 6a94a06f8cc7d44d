package org.saferpartnerships.platform.lifecycle;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Whether the service has begun to stop. Once it has, the persistence layer is closed under
 * whatever is still running, and a failure says nothing about the work that failed: consumers
 * ask here before they blame an event for it.
 */
@ApplicationScoped
public class ServiceLifecycle {

    private volatile boolean stopping;

    /** Before any other observer: they may be what closes the persistence layer. */
    void stopping(@Observes @Priority(1) ShutdownEvent shutdown) {
        stopping = true;
    }

    public boolean stopping() {
        return stopping;
    }
}
