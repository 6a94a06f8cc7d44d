package org.saferpartnerships.incident.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import org.saferpartnerships.incident.intake.IncidentInput;
import org.saferpartnerships.incident.intake.IncidentIntakeService;
import org.saferpartnerships.incident.partnerships.PartnershipReplica;
import org.saferpartnerships.incident.records.Incident;
import org.saferpartnerships.platform.events.incident.IncidentRecorded;
import org.saferpartnerships.platform.geography.LocalAuthorityDistricts;
import org.saferpartnerships.platform.outbox.Outbox;

/**
 * Imports a spooled data.police.uk file in the background, one chunk of rows per transaction:
 * one query for the chunk's existing references, one insert batch, one outbox batch. Counters
 * are saved with each chunk, so progress is visible and a chunk is all-or-nothing.
 */
@ApplicationScoped
public class IncidentImportJob {

    private final ExecutorService queue = Executors.newSingleThreadExecutor(r -> new Thread(r, "incident-import"));
    private final String worker = UUID.randomUUID().toString();
    private final ImportConfig config;
    private final PartnershipReplica partnerships;
    private final Outbox outbox;

    IncidentImportJob(ImportConfig config, PartnershipReplica partnerships, Outbox outbox) {
        if (config.abandonedAfter().compareTo(config.heartbeat().multipliedBy(3)) < 0) {
            throw new IllegalStateException("csp.imports.abandoned-after must be at least three heartbeats ("
                    + config.heartbeat().multipliedBy(3) + "), or live imports would be failed");
        }
        this.config = config;
        this.partnerships = partnerships;
        this.outbox = outbox;
    }

    void submit(UUID importId, Path file) {
        // The import's events join the trace of the request that handed the file in.
        queue.submit(Context.current().wrap(() -> run(importId, file)));
    }

    /** This instance, as the worker of the imports it receives; a restart is a new worker. */
    String worker() {
        return worker;
    }

    /** The queue and the spooled files are in this instance: its unfinished imports are alive. */
    @Scheduled(every = "${csp.imports.heartbeat:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void vouchForUnfinishedImports() {
        // The database's clock, not this instance's: every instance judges silence by the same clock.
        QuarkusTransaction.requiringNew().run(() -> IncidentImport.getEntityManager().createNativeQuery("""
                update incident_import set heard_at = now() where worker = ?1 and status in ('QUEUED', 'RUNNING')""")
                .setParameter(1, worker).executeUpdate());
    }

    /**
     * Imports wait in the memory of the instance that received them. One that nobody has vouched
     * for in a while stopped with its instance: it is marked failed, so nobody waits on it; posting
     * the file again is safe. Other instances' live imports are left alone.
     */
    @Scheduled(every = "${csp.imports.heartbeat:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void failAbandonedImports() {
        int failed = QuarkusTransaction.requiringNew().call(() -> IncidentImport.getEntityManager().createNativeQuery("""
                update incident_import set status = 'FAILED', failure = ?1, finished_at = now()
                where status in ('QUEUED', 'RUNNING') and heard_at < now() - make_interval(secs => ?2)""")
                .setParameter(1, "The service instance importing this file stopped before it finished; post the "
                        + "file again (rows already imported are recognised and not duplicated)")
                .setParameter(2, (double) config.abandonedAfter().toSeconds()).executeUpdate());
        if (failed > 0) {
            Log.warnf("Marked %d import(s) failed: their instance stopped before they finished", failed);
        }
    }

    /** The import was marked failed while this instance was not heard from; it stops here. */
    private static final class ImportGivenUp extends RuntimeException {
        ImportGivenUp(UUID importId) {
            super("Import " + importId + " was given up as abandoned");
        }
    }

    private void run(UUID importId, Path file) {
        try {
            importFile(importId, file);
        } catch (ImportGivenUp e) {
            Log.warn(e.getMessage());
        } catch (Exception | OutOfMemoryError e) {
            Log.errorf(e, "Import %s failed", importId);
            QuarkusTransaction.requiringNew().run(() -> {
                IncidentImport failed = IncidentImport.findById(importId);
                failed.status = IncidentImport.Status.FAILED;
                failed.failure = "The import stopped at row " + (failed.rowsRead + 1) + "; post the file again "
                        + "(rows already imported are recognised and not duplicated)";
                failed.finishedAt = Instant.now();
            });
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                Log.warnf("Could not delete spooled import file %s", file);
            }
        }
    }

    private void importFile(UUID importId, Path file) throws IOException {
        IncidentImport started = QuarkusTransaction.requiringNew().call(() -> {
            IncidentImport i = IncidentImport.findById(importId);
            i.status = IncidentImport.Status.RUNNING;
            return i;
        });
        Placement placement = new Placement(started.agencyId, started.allowedPartnerships);
        PoliceUkRowMapper mapper = new PoliceUkRowMapper();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long row = 1; // the header, checked when the file was received
            List<Row> chunk = new ArrayList<>(config.chunkRows());
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                row++;
                if (line.isBlank()) {
                    continue;
                }
                chunk.add(new Row(row, mapper.map(line, PoliceUkCsv.split(line))));
                if (chunk.size() == config.chunkRows()) {
                    store(importId, chunk, placement, false);
                    chunk.clear();
                }
            }
            store(importId, chunk, placement, true);
        }
    }

    private record Row(long number, PoliceUkRowMapper.Fate fate) {
    }

    /** Where a district's rows go: to a partnership, or nowhere, for a reason the agency is told. */
    private record Destination(String partnershipId, String outsideReason) {
        boolean stored() {
            return outsideReason == null;
        }
    }

    /** Where rows go, for one import: looked up once per district, not once per row. */
    private final class Placement {
        private final IncidentIntakeService.Submitter submitter;
        private final Map<String, Destination> byDistrict = new HashMap<>();

        Placement(String agencyId, List<String> allowed) {
            submitter = new IncidentIntakeService.Submitter(agencyId, java.util.Set.copyOf(allowed));
        }

        Destination destinationOf(String district) {
            return byDistrict.computeIfAbsent(district, d -> {
                Optional<String> covering = partnerships.covering(d);
                if (covering.isEmpty()) {
                    return new Destination(null, "no partnership covers this district");
                }
                String partnership = covering.get();
                if (!submitter.partnerships().contains(partnership)) {
                    return new Destination(partnership, "the partnership is not among those in your token");
                }
                if (!partnerships.isMember(submitter.agencyId(), partnership, LocalDate.now())) {
                    return new Destination(partnership, submitter.agencyId() + " is not a current member of "
                            + partnership + " (as far as incident-service has heard from partnership-service)");
                }
                return new Destination(partnership, null);
            });
        }
    }

    private void store(UUID importId, List<Row> chunk, Placement placement, boolean last) {
        QuarkusTransaction.requiringNew().run(() -> {
            IncidentImport progress = IncidentImport.findById(importId);
            if (progress.status == IncidentImport.Status.FAILED) {
                // Given up on while this instance stalled: the agency was told to post the file again.
                throw new ImportGivenUp(importId);
            }
            Map<String, Incident> candidates = new HashMap<>();
            for (Row row : chunk) {
                progress.rowsRead++;
                if (row.fate() instanceof PoliceUkRowMapper.WithoutLocation) {
                    progress.withoutLocation++;
                } else if (row.fate() instanceof PoliceUkRowMapper.OutsideDistricts outside) {
                    progress.outside(outside.area(), outside.area(), null, "not a local authority district now (ONS)");
                } else if (row.fate() instanceof PoliceUkRowMapper.Rejected rejected) {
                    progress.reject(rejected.reason(), row.number());
                } else if (row.fate() instanceof PoliceUkRowMapper.Mapped mapped) {
                    IncidentInput input = mapped.incident();
                    Destination destination = placement.destinationOf(input.districtCode());
                    if (!destination.stored()) {
                        progress.outside(input.districtCode(), LocalAuthorityDistricts.nameOf(input.districtCode())
                                .orElse(input.districtCode()), destination.partnershipId(), destination.outsideReason());
                    } else if (candidates.putIfAbsent(input.externalRef(),
                            incident(placement, destination.partnershipId(), input)) != null) {
                        progress.unchanged++; // the same Crime ID twice in one file
                    }
                }
            }
            Map<String, Incident> existing = candidates.isEmpty() ? Map.of()
                    : Incident.<Incident>list("agencyId = ?1 and externalRef in ?2", placement.submitter.agencyId(),
                            List.copyOf(candidates.keySet())).stream()
                            .collect(Collectors.toMap(i -> i.externalRef, Function.identity()));
            List<Incident> created = new ArrayList<>();
            for (Incident candidate : candidates.values()) {
                if (existing.containsKey(candidate.externalRef)) {
                    progress.unchanged++;
                } else {
                    created.add(candidate);
                }
            }
            Incident.persist(created);
            Incident.flush();
            outbox.appendAll(created.stream().map(i -> new IncidentRecorded(i.snapshot())).toList());
            progress.created += created.size();
            if (last) {
                progress.status = IncidentImport.Status.COMPLETED;
                progress.finishedAt = Instant.now();
            }
        });
    }

    private static Incident incident(Placement placement, String partnershipId, IncidentInput input) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.agencyId = placement.submitter.agencyId();
        incident.externalRef = input.externalRef();
        incident.partnershipId = partnershipId;
        IncidentIntakeService.apply(incident, input);
        incident.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return incident;
    }

    @PreDestroy
    void stop() {
        queue.shutdownNow();
    }
}
