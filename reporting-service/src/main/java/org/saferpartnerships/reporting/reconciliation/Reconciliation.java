package org.saferpartnerships.reporting.reconciliation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

import org.saferpartnerships.platform.admission.ServiceBusyException;
import org.saferpartnerships.reporting.counts.IncidentCountProjection;

/**
 * Compares the incident counts with the figures of incident-service, which owns the records:
 * incidents per partnership and month. Counts are kept as deltas, so an event lost or applied
 * twice would leave them wrong for ever without a word; this check says so, per month, on the
 * admin endpoint and as {@code csp_reconciliation_differences} (as of the last check: an admin's,
 * or the scheduled one, {@link ScheduledReconciliation}); {@code csp_reconciliation_checks_total}
 * counts checks by outcome. While events are in flight the two may differ for a moment; a
 * difference that stays once the consumer has caught up is drift.
 */
@ApplicationScoped
public class Reconciliation {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** One partnership's month, where the two disagree. */
    public record Difference(String partnershipId, YearMonth month, long incidentService, long projection) {
    }

    /** The outcome of one check. */
    public record Report(String projection, Instant checkedAt, int monthsCompared, List<Difference> differences) {
        public String status() {
            return differences.isEmpty() ? "consistent" : "different";
        }
    }

    /** A month of a partnership, as incident-service lists it. */
    record MonthTotal(String partnershipId, YearMonth month, long incidents) {
    }

    record PartnershipMonth(String partnershipId, YearMonth month) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final URI incidentTotals;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong lastDifferences = new AtomicLong();
    private final MeterRegistry meters;

    Reconciliation(AgroalDataSource dataSource, ObjectMapper json, MeterRegistry meters,
            @ConfigProperty(name = "csp.reconciliation.incident-service") URI incidentService) {
        this.dataSource = dataSource;
        this.json = json;
        this.meters = meters;
        this.incidentTotals = incidentService.resolve("/api/v1/admin/incident-totals");
        Gauge.builder("csp.reconciliation.differences", lastDifferences, AtomicLong::get)
                .tag("projection", IncidentCountProjection.NAME)
                .description("Months of a partnership whose count differed from the owning service's at the last check")
                .register(meters);
    }

    /**
     * Checks now. {@code authorization} is the caller's own credential, which incident-service
     * checks as it checks any other caller's.
     */
    public Report check(String authorization) {
        Instant checkedAt = Instant.now();
        Map<PartnershipMonth, Long> source;
        try {
            source = totalsOf(fetch(authorization));
        } catch (RuntimeException e) {
            failed();
            throw e;
        }
        Map<PartnershipMonth, Long> projection = projected();
        List<Difference> differences = differences(source, projection);
        lastDifferences.set(differences.size());
        checked(differences.isEmpty() ? "consistent" : "different");
        if (!differences.isEmpty()) {
            Log.warnf("Reconciliation: %d months differ from incident-service, first %s", differences.size(),
                    differences.get(0));
        }
        Set<PartnershipMonth> compared = new HashSet<>(source.keySet());
        compared.addAll(projection.keySet());
        return new Report(IncidentCountProjection.NAME, checkedAt, compared.size(), differences);
    }

    /** A check that could not compare: incident-service, or a token for it, was not to be had. */
    void failed() {
        checked("failed");
    }

    private void checked(String outcome) {
        Counter.builder("csp.reconciliation.checks").tag("outcome", outcome)
                .description("Reconciliation checks run, by outcome: consistent, different or failed").register(meters)
                .increment();
    }

    /** Every month either side counts, where the two counts are not the same; absent counts as zero. */
    static List<Difference> differences(Map<PartnershipMonth, Long> source, Map<PartnershipMonth, Long> projection) {
        Set<PartnershipMonth> months = new HashSet<>(source.keySet());
        months.addAll(projection.keySet());
        List<Difference> differences = new ArrayList<>();
        for (PartnershipMonth month : months) {
            long expected = source.getOrDefault(month, 0L);
            long counted = projection.getOrDefault(month, 0L);
            if (expected != counted) {
                differences.add(new Difference(month.partnershipId(), month.month(), expected, counted));
            }
        }
        differences.sort(Comparator.comparing(Difference::partnershipId).thenComparing(Difference::month));
        return differences;
    }

    static Map<PartnershipMonth, Long> totalsOf(List<MonthTotal> totals) {
        Map<PartnershipMonth, Long> byMonth = new HashMap<>();
        totals.forEach(t -> byMonth.merge(new PartnershipMonth(t.partnershipId(), t.month()), t.incidents(), Long::sum));
        return byMonth;
    }

    private List<MonthTotal> fetch(String authorization) {
        HttpRequest request = HttpRequest.newBuilder(incidentTotals).timeout(PATIENCE)
                .header("Authorization", authorization).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new ServiceBusyException("incident-service answered " + response.statusCode()
                        + " for its totals; nothing was compared", Duration.ofSeconds(30));
            }
            return json.readValue(response.body(), new TypeReference<List<MonthTotal>>() {
            });
        } catch (IOException e) {
            throw new ServiceBusyException("incident-service did not answer for its totals (" + e.getMessage()
                    + "); nothing was compared", Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceBusyException("Interrupted while asking incident-service", Duration.ofSeconds(30));
        }
    }

    private Map<PartnershipMonth, Long> projected() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select partnership_id, to_char(month, 'YYYY-MM'), sum(incident_count) from incident_count
                        group by partnership_id, month having sum(incident_count) <> 0""");
                ResultSet rows = query.executeQuery()) {
            Map<PartnershipMonth, Long> counts = new HashMap<>();
            while (rows.next()) {
                counts.put(new PartnershipMonth(rows.getString(1), YearMonth.parse(rows.getString(2))), rows.getLong(3));
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not total the incident counts", e);
        }
    }
}
