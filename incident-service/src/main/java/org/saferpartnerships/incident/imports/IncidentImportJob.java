package org.saferpartnerships.incident.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import org.saferpartnerships.incident.register.ConcurrentChangeException;
import org.saferpartnerships.incident.register.IncidentInput;
import org.saferpartnerships.incident.register.IncidentRegister;
import org.saferpartnerships.incident.register.Refusal;
import org.saferpartnerships.incident.register.Registration;
import org.saferpartnerships.incident.register.Submitter;
import org.saferpartnerships.platform.calendar.BusinessCalendar;
import org.saferpartnerships.platform.geography.LocalAuthorityDistricts;

/**
 * Imports a spooled data.police.uk file in the background, one chunk of rows per transaction, each
 * chunk stored by the {@link IncidentRegister} in a fixed number of statements. A row whose Crime ID
 * was imported before with other content (police.uk republishes months with later outcomes)
 * corrects its record. Counters are saved with each chunk, so progress is visible and a chunk is
 * all-or-nothing.
 */
@ApplicationScoped
public class IncidentImportJob {

    private final ExecutorService queue = Executors.newSingleThreadExecutor(r -> new Thread(r, "incident-import"));
    private final String worker = UUID.randomUUID().toString();
    private final AtomicInteger places = new AtomicInteger();
    private final AtomicLong spooled = new AtomicLong();
    private final ImportConfig config;
    private final IncidentRegister register;
    private final BusinessCalendar calendar;

    IncidentImportJob(ImportConfig config, IncidentRegister register, BusinessCalendar calendar) {
        if (config.abandonedAfter().compareTo(config.heartbeat().multipliedBy(3)) < 0) {
            throw new IllegalStateException("csp.imports.abandoned-after must be at least three heartbeats ("
                    + config.heartbeat().multipliedBy(3) + "), or live imports would be failed");
        }
        this.config = config;
        this.register = register;
        this.calendar = calendar;
    }

    /** Takes a place in this instance's queue; false when it is full. */
    boolean reservePlace() {
        int held;
        do {
            held = places.get();
            if (held >= config.maxQueued()) {
                return false;
            }
        } while (!places.compareAndSet(held, held + 1));
        return true;
    }

    /** Gives back a place reserved for a file that will not be imported after all. */
    void releasePlace() {
        places.decrementAndGet();
    }

    /** Claims spool disk for bytes about to be written; false when the instance's spool is full. */
    boolean claimSpool(long bytes) {
        if (spooled.addAndGet(bytes) > config.maxSpoolBytes()) {
            spooled.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    void releaseSpool(long bytes) {
        spooled.addAndGet(-bytes);
    }

    /** Queues a spooled file in the place reserved for it; its place and spool go when it is done. */
    void submit(UUID importId, Path file, long bytes) {
        // The import's events join the trace of the request that handed the file in.
        queue.submit(Context.current().wrap(() -> {
            try {
                run(importId, file);
            } finally {
                releaseSpool(bytes);
                releasePlace();
            }
        }));
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
                IncidentImport failed = locked(importId);
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
            IncidentImport i = locked(importId);
            if (i.status == IncidentImport.Status.FAILED) {
                throw new ImportGivenUp(importId);
            }
            i.status = IncidentImport.Status.RUNNING;
            return i;
        });
        Submitter submitter = new Submitter(started.agencyId, Set.copyOf(started.allowedPartnerships));
        PoliceUkRowMapper mapper = new PoliceUkRowMapper(calendar.thisMonth());
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
                    store(importId, chunk, submitter, false);
                    chunk.clear();
                }
            }
            store(importId, chunk, submitter, true);
        }
    }

    private record Row(long number, PoliceUkRowMapper.Fate fate) {
    }

    /** Attempts at a chunk whose records another writer changed meanwhile. */
    private static final int ATTEMPTS = 3;

    private void store(UUID importId, List<Row> chunk, Submitter submitter, boolean last) {
        for (int attempt = 1;; attempt++) {
            try {
                QuarkusTransaction.requiringNew().timeout((int) config.chunkTimeout().toSeconds())
                        .run(() -> storeOnce(importId, chunk, submitter, last));
                return;
            } catch (ConcurrentChangeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                Log.infof("Import %s: %s; storing the chunk again", importId, e.getMessage());
            }
        }
    }

    private void storeOnce(UUID importId, List<Row> chunk, Submitter submitter, boolean last) {
        // A chunk's statements may take as long as its transaction (csp.imports.chunk-timeout), not
        // only the statement_timeout every pooled connection has for request work; this transaction only.
        IncidentImport.getEntityManager().createNativeQuery("select set_config('statement_timeout', ?1, true)")
                .setParameter(1, config.chunkTimeout().toMillis() + "ms").getSingleResult();
        // Locked: Hibernate writes the whole row back at commit, which without the lock put back the
        // heard_at it had read over the heartbeat's, and RUNNING over a FAILED mark made meanwhile.
        IncidentImport progress = locked(importId);
        if (progress.status == IncidentImport.Status.FAILED) {
            // Given up on while this instance stalled: the agency was told to post the file again.
            throw new ImportGivenUp(importId);
        }
        List<IncidentInput> mapped = new ArrayList<>(chunk.size());
        for (Row row : chunk) {
            progress.rowsRead++;
            if (row.fate() instanceof PoliceUkRowMapper.WithoutLocation) {
                progress.withoutLocation++;
            } else if (row.fate() instanceof PoliceUkRowMapper.OutsideDistricts outside) {
                progress.outside(outside.area(), outside.area(), null,
                        "not the name of a local authority district of England or Wales (ONS, 2011 to 2023)");
            } else if (row.fate() instanceof PoliceUkRowMapper.Rejected rejected) {
                progress.reject(rejected.reason(), row.number());
            } else if (row.fate() instanceof PoliceUkRowMapper.Mapped incident) {
                mapped.add(incident.incident());
            }
        }
        List<Registration> registrations = register.register(submitter, progress.publication, mapped,
                IncidentRegister.OnChangedContent.CORRECT);
        for (int index = 0; index < mapped.size(); index++) {
            Registration registration = registrations.get(index);
            switch (registration.outcome()) {
                case CREATED -> progress.created++;
                case UNCHANGED -> progress.unchanged++;
                case CORRECTED -> progress.updated++;
                case REFUSED -> {
                    String district = mapped.get(index).currentDistrictCode();
                    progress.outside(district, LocalAuthorityDistricts.nameOf(district).orElse(district),
                            registration.refusal().partnershipId(), outsideReason(submitter, registration.refusal()));
                }
            }
        }
        // A chunk stored is this instance vouching for the import, whatever the heartbeat's timing.
        IncidentImport.getEntityManager().createNativeQuery("update incident_import set heard_at = now() where id = ?1")
                .setParameter(1, importId).executeUpdate();
        if (last) {
            progress.status = IncidentImport.Status.COMPLETED;
            progress.finishedAt = Instant.now();
        }
    }

    private static IncidentImport locked(UUID importId) {
        return IncidentImport.findById(importId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Why a district's rows were not stored, as an import report says it. */
    private static String outsideReason(Submitter submitter, Refusal refusal) {
        return switch (refusal.reason()) {
            case NOT_COVERED -> "no partnership covers this district";
            case NOT_IN_TOKEN -> "the partnership is not among those in your token";
            case NOT_A_MEMBER -> submitter.agencyId() + " is not a current member of " + refusal.partnershipId()
                    + " (as far as incident-service has heard from partnership-service)";
            default -> refusal.detail();
        };
    }

    @PreDestroy
    void stop() {
        queue.shutdownNow();
    }
}
