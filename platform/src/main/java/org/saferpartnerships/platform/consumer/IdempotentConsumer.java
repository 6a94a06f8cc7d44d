package org.saferpartnerships.platform.consumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/**
 * Remembers which events each consumer has applied, in the same transaction as the effect, so a
 * redelivered event (Kafka delivers at least once; the outbox relay may re-send) changes nothing.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private final AgroalDataSource dataSource;

    IdempotentConsumer(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records that {@code consumer} is applying {@code event} now.
     *
     * @return true the first time, false for a redelivery, which the caller must then skip
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, IncomingEvent event) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into consumed_event (consumer, event_id, event_type, consumed_at)
                        values (?, ?, ?, now()) on conflict do nothing""")) {
            insert.setString(1, consumer);
            insert.setString(2, event.id());
            insert.setString(3, event.type());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record consumption of event " + event.id(), e);
        }
    }
}
