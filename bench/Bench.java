// The driver behind bench/run: plain JDK 17, no dependencies, run as a single-file program
// (java bench/Bench.java [--quick] [--only a,b] --repo DIR --out DIR). It loads the local stack
// over loopback only, measures each benchmark of issue 8 next to a reference measured in the same
// run (PostgreSQL through psql), and writes <date>-<host>.md and .json into DIR (a complete full
// run), DIR/quick (--quick) or DIR/partial (--only, or a run that broke). Benchmarks never pass or
// fail; the exit status is 1 only when the harness breaks (a request errors, psql fails).

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

public class Bench {

    static final String SUBMITTER = "essex-police-submitter";
    static final String ANALYST = "essex-analyst";
    static final String ADMIN = "platform-admin";
    static final String AGENCY = "essex-police";
    /** The scratch database for the references, beside the services' (csp_bench with the default prefix). */
    static String BENCH_DB;
    /** Synthetic projection rows (benchmark 5) live under these ids and months, which no real data uses. */
    static final String SYNTHETIC = "bench-synthetic-";
    /** Ten financial years, 2012/13 to 2021/22, so that a scrutiny report can be drafted on them. */
    static final YearMonth SYNTHETIC_FIRST_MONTH = YearMonth.of(2012, 4);
    static final int SYNTHETIC_MONTHS = 120;
    static final int SYNTHETIC_DISTRICTS = 2;
    static final int SYNTHETIC_PER_PARTNERSHIP = 100_000;

    final Options options;
    final Sizes sizes;
    final Stack stack;
    final Api api;
    final Pg pg;
    final Report report;
    final DemoData demo;
    final Path work;
    final long startedNanos = System.nanoTime();
    final Deadline overall;
    Months months;
    final Map<String, Map<String, Object>> footprints = new LinkedHashMap<>();
    final AtomicBoolean syntheticPresent = new AtomicBoolean();

    Bench(Options options) throws IOException {
        this.options = options;
        this.sizes = options.quick ? Sizes.quick() : Sizes.full();
        this.stack = Stack.fromEnvironment(options.repo);
        BENCH_DB = stack.db("bench");
        this.api = new Api(stack);
        this.pg = new Pg(stack);
        this.report = new Report(options.quick);
        this.demo = DemoData.load(options.repo);
        this.work = Files.createTempDirectory("csp-bench-");
        this.overall = Deadline.in(sizes.overall);
    }

    public static void main(String[] args) throws Exception {
        System.exit(new Bench(Options.parse(args)).run());
    }

    int run() throws IOException {
        Runtime.getRuntime().addShutdownHook(new Thread(this::tidyAfterInterrupt));
        int status = 0;
        try {
            environment();
            pg.ensureDatabase(BENCH_DB);
            ActivitySampler.install(pg);
            months = Months.below(pg.scalar(stack.db("incident"), "select min(occurred_month) from incident"
                    + " where agency_id = '" + AGENCY + "' and occurred_month < '2010-01'"));
            footprintSnapshot("at bench start");
            status |= benchmark("import", () -> {
                importBenchmark("empty", "on the table as the stack holds it");
                footprintSnapshot("after the import");
            });
            status |= benchmark("batch", this::batchBenchmark);
            status |= benchmark("single", this::singleBenchmark);
            status |= benchmark("feeds", this::feedBenchmark);
            status |= benchmark("report", this::reportBenchmark);
            status |= benchmark("police-uk", this::policeUkBenchmark);
            status |= benchmark("freshness", this::freshnessBenchmark);
            if (!options.quick) {
                status |= benchmark("growth", this::growthBenchmark);
            }
            // Last: its file adds millions of incidents, which the others would then measure against.
            status |= benchmark("memory", this::memoryBenchmark);
            report.load("end", loadAverage());
            footprintSnapshot("at bench end");
            footprintSection();
        } catch (Exception | AssertionError e) {
            status = 1;
            report.failed("the bench", e);
            e.printStackTrace();
        } finally {
            removeSynthetic();
            dropScratchTables();
            report.months(months);
            report.elapsed(seconds(System.nanoTime() - startedNanos));
            // Only a complete full run belongs with the committed results.
            Path dir = options.quick ? options.out.resolve("quick")
                    : status != 0 || options.only.size() < Options.BENCHMARKS.size() ? options.out.resolve("partial")
                    : options.out;
            Path[] written = report.write(dir, LocalDate.now() + "-" + hostname());
            log("wrote " + written[0] + " and " + written[1]);
            deleteTree(work);
        }
        return status;
    }

    interface Step {
        void run() throws Exception;
    }

    /**
     * Runs one benchmark if it was asked for. When its harness breaks (a request errors), that is
     * recorded and the next benchmark still runs, so one failure does not lose the others.
     * @return 1 when it broke
     */
    int benchmark(String name, Step step) {
        if (!options.on(name)) {
            return 0;
        }
        try {
            step.run();
            return 0;
        } catch (Exception | AssertionError e) {
            report.failed(name, e);
            log(name + " broke: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    // ---- the environment -------------------------------------------------------------------------

    void environment() throws IOException {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("host", hostname());
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", cpuModel());
        machine.put("memoryGiB", round(memInfoKb("MemTotal") / 1024.0 / 1024.0, 1));
        machine.put("loadAverageAtStart", loadAverage());
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        versions.put("postgresql", pg.scalar("postgres", "show server_version"));
        // The server's settings move every figure that touches it; autovacuum off (as on the machine
        // these were first measured on) leaves the churned tables to the services' own vacuums.
        Map<String, String> settings = new LinkedHashMap<>();
        for (String[] row : pg.rowsFromScript("postgres", "select name, current_setting(name) from pg_settings"
                + " where name in ('autovacuum', 'shared_buffers', 'work_mem', 'max_wal_size', 'synchronous_commit',"
                + " 'fsync', 'max_connections') order by name")) {
            settings.put(row[0], row[1]);
        }
        machine.put("postgresqlSettings", settings);
        versions.put("quarkus", quarkusVersion());
        versions.put("kafka", commonSetting("CSP_KAFKA_VERSION"));
        versions.put("keycloak", commonSetting("CSP_KEYCLOAK_VERSION"));
        String commit = git("rev-parse", "HEAD");
        String changed = git("status", "--porcelain", "--untracked-files=no");
        versions.put("gitCommit", commit);
        versions.put("gitUncommittedFiles", changed.isBlank() ? 0 : changed.split("\n").length);
        versions.put("services", serviceBuilds());
        report.json.put("machine", machine);
        report.json.put("versions", versions);
        report.json.put("mode", options.quick ? "quick" : "full");
        report.json.put("startedAt", LocalDateTime.now().withNano(0).toString());
        report.header(machine, versions, sizes);
        log("machine " + machine + ", versions " + versions);
    }

    // ---- 1. CSV import vs COPY -------------------------------------------------------------------

    /** One import of a fresh file next to COPY of the same bytes, and what each step cost. */
    record ImportRun(String label, int rows, List<YearMonth> months, long storedBefore, double copySeconds,
            double acceptedSeconds, Double completedSeconds, Double countedSeconds, long created, long unchanged,
            long outside, long rejected, long rowsReadAtCap, long peakRssKb, long hwmKb, long pendingAtCompleted,
            Double outboxDrainedSeconds, Map<String, Double> cpuSeconds, String note) {

        boolean capped() {
            return note != null;
        }

        double copyRate() {
            return rows / copySeconds;
        }
    }

    void importBenchmark(String key, String condition) throws Exception {
        phase("import-" + key, "1. import vs COPY (" + key + "): " + sizes.runs + " runs of " + sizes.importRows + " rows");
        List<ImportRun> runs = new ArrayList<>();
        long phaseStart = System.nanoTime();
        String skipped = null;
        for (int i = 1; i <= sizes.runs && skipped == null; i++) {
            long runStart = System.nanoTime();
            ImportRun run = importRun("import-" + key + "-" + i, sizes.importRows, null);
            runs.add(run);
            long now = System.nanoTime();
            // Today's imports can take longer than a run should: a next one starts only if it
            // would end within the phase's budget, judged by the last one.
            if (i < sizes.runs && (run.capped() || overall.passed()
                    || now - phaseStart + (now - runStart) > sizes.importPhaseBudget.toNanos())) {
                skipped = "runs " + (i + 1) + ".." + sizes.runs + " skipped: " + (run.capped() ? "run " + i
                        + " hit its cap" : "another run would not end within the phase budget of "
                                + human(sizes.importPhaseBudget));
                log(skipped);
            }
        }
        reportImports(key, condition, runs, skipped);
    }

    /** @param accepted counted down once the service has accepted the file (202), or null */
    ImportRun importRun(String label, int rows, CountDownLatch accepted) throws Exception {
        List<YearMonth> block = months.take(demo.months.size(), label);
        Path file = work.resolve(label + ".csv");
        int written = demo.writeImport(file, rows, block, nonce());
        double copySeconds = copyReference(file, written);
        long storedBefore = agencyIncidents();
        long baseline = feedTotal(demo.partnerships, block);
        log(label + ": " + written + " rows in " + block.get(0) + ".." + block.get(block.size() - 1)
                + ", COPY " + fmtRate(written / copySeconds) + ", " + storedBefore + " incidents of " + AGENCY
                + " stored before");
        Deadline completedBy = Deadline.in(sizes.importCap).min(overall);
        try (ActivitySampler activity = new ActivitySampler(pg, label, List.of(stack.db("incident"), stack.db("reporting")),
                sizes.importCap.plus(sizes.countedCap));
                ProcessSampler processes = new ProcessSampler(stack, api)) {
            Map<String, Double> cpuBefore = CpuUse.snapshot();
            long t0 = System.nanoTime();
            Api.Response posted = api.postFile(stack.incident("/api/v1/incident-imports"), SUBMITTER, file,
                    "text/csv", 202);
            if (accepted != null) {
                accepted.countDown();
            }
            double acceptedSeconds = seconds(posted.doneNanos() - t0);
            String location = URI.create(stack.incident("/")).resolve(posted.header("location")).toString();
            Map<String, Object> status = Map.of();
            Long completedAt = null;
            while (!completedBy.passed()) {
                status = Json.object(api.get(location, SUBMITTER, 200).body());
                String state = String.valueOf(status.get("status"));
                if (state.equalsIgnoreCase("completed")) {
                    completedAt = System.nanoTime();
                    break;
                }
                if (state.equalsIgnoreCase("failed")) {
                    throw new HarnessError(label + ": the import failed: " + status.get("failure"));
                }
                sleep(200);
            }
            long created = Json.num(status, "created");
            long unchanged = Json.num(status, "unchanged");
            long outside = Json.num(status, "outsidePartnerships");
            long rejected = Json.num(status, "rejected");
            if (completedAt == null) {
                long read = Json.num(status, "rowsRead");
                log(label + ": not COMPLETED within " + human(sizes.importCap) + " (" + read + " rows read)");
                long peak = processes.peakIncidentRssKb();
                long hwm = processes.incidentHwmKb();
                // Before the restart takes the import's process, and its CPU, away.
                Map<String, Double> cpu = CpuUse.since(cpuBefore);
                double restart = stopImportByRestart();
                return new ImportRun(label, written, block, storedBefore, copySeconds, acceptedSeconds, null, null,
                        created, unchanged, outside, rejected, read, peak, hwm, -1, null,
                        cpu, "not COMPLETED within "
                                + human(sizes.importCap) + ": " + fmtInt(read) + " of " + fmtInt(written) + " rows read ("
                                + fmtRate(read / seconds(System.nanoTime() - t0)) + "); stopped by restarting"
                                + " incident-service (ready again in " + fmtSeconds(restart) + ")");
            }
            if (created + unchanged + outside + rejected != written || unchanged + outside + rejected > 0) {
                log(label + ": WARNING not every row was new and stored: " + status);
            }
            long pendingAtCompleted = processes.lastPending();
            Deadline countedBy = Deadline.in(sizes.countedCap).min(overall);
            Long countedAt = waitUntilCounted(demo.partnerships, block, baseline + created, countedBy);
            double completedSeconds = seconds(completedAt - t0);
            Double countedSeconds = countedAt == null ? null : seconds(countedAt - t0);
            Map<String, Double> cpu = CpuUse.since(cpuBefore);
            Double drained = processes.pendingZeroAfter(completedAt).map(t -> seconds(t - t0)).orElse(null);
            log(label + ": COMPLETED after " + fmtSeconds(completedSeconds) + " (" + fmtRate(written / completedSeconds)
                    + "), counted " + (countedSeconds == null ? "not within " + human(sizes.countedCap)
                            : "after " + fmtSeconds(countedSeconds) + " (" + fmtRate(created / countedSeconds) + ")"));
            return new ImportRun(label, written, block, storedBefore, copySeconds, acceptedSeconds, completedSeconds,
                    countedSeconds, created, unchanged, outside, rejected, -1, processes.peakIncidentRssKb(),
                    processes.incidentHwmKb(), pendingAtCompleted, drained, cpu,
                    countedSeconds == null ? "not counted in the feed within " + human(sizes.countedCap) : null);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** COPY of the same file into an equivalent table (the 12 columns, a primary key), timed by psql. */
    double copyReference(Path file, int rows) {
        pg.script(BENCH_DB, """
                drop table if exists police_uk_copy;
                create table police_uk_copy (
                    id bigint generated always as identity primary key,
                    crime_id text, month text, reported_by text, falls_within text,
                    longitude numeric(9, 6), latitude numeric(9, 6), location text, lsoa_code text,
                    lsoa_name text, crime_type text, last_outcome_category text, context text);
                """);
        double ms = pg.timedCopy(BENCH_DB, "copy police_uk_copy (crime_id, month, reported_by, falls_within,"
                + " longitude, latitude, location, lsoa_code, lsoa_name, crime_type, last_outcome_category, context)"
                + " from stdin with (format csv, header)", file);
        long copied = Long.parseLong(pg.scalar(BENCH_DB, "select count(*) from police_uk_copy"));
        if (copied != rows) {
            throw new HarnessError("COPY stored " + copied + " of " + rows + " rows");
        }
        return ms / 1000;
    }

    void reportImports(String key, String condition, List<ImportRun> runs, String skipped) {
        List<ImportRun> done = runs.stream().filter(r -> r.completedSeconds() != null).toList();
        List<ImportRun> counted = runs.stream().filter(r -> r.countedSeconds() != null).toList();
        Fig copy = Fig.of(runs.stream().map(ImportRun::copyRate).toList(), "rows/s");
        Fig completed = Fig.of(done.stream().map(r -> r.rows() / r.completedSeconds()).toList(), "rows/s");
        Fig completedRatio = Fig.of(done.stream().map(r -> r.rows() / r.completedSeconds() / r.copyRate()).toList(),
                "ratio");
        Fig countedRate = Fig.of(counted.stream().map(r -> r.created() / r.countedSeconds()).toList(), "rows/s");
        Fig countedRatio = Fig.of(counted.stream().map(r -> r.created() / r.countedSeconds() / r.copyRate()).toList(),
                "ratio");
        Fig peak = Fig.of(runs.stream().map(r -> r.peakRssKb() / 1024.0).toList(), "MiB");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("condition", condition);
        json.put("rowsPerRun", sizes.importRows);
        json.put("copyRowsPerSecond", copy.json());
        json.put("importRowsPerSecondToCompleted", completed.json());
        json.put("ratioCompletedToCopy", completedRatio.json());
        json.put("rowsPerSecondToCounted", countedRate.json());
        json.put("ratioCountedToCopy", countedRatio.json());
        json.put("incidentServicePeakRssMiB", peak.json());
        json.put("runs", runs.stream().map(Bench::importRunJson).toList());
        json.put("skipped", skipped);
        List<Map<String, Object>> statements = ActivitySampler.top(pg, "import-" + key + "-", 6);
        json.put("postgresActiveStatements", statements);
        report.json.put("import-" + key, json);

        report.h2(key.equals("empty") ? "1. CSV import vs COPY" : "1c. Growth test: CSV import vs COPY with the history stored");
        report.p("Fresh police.uk rows built from the demo Essex files (kept to the demo partnerships' districts, "
                + "months shifted to months no other run used, Crime IDs re-keyed, ASB rows' Context altered per "
                + "copy, so every row is new), " + fmtInt(sizes.importRows) + " rows per run, posted as text/csv to "
                + "`POST /api/v1/incident-imports`; COMPLETED is the import's status, counted is when the reporting "
                + "feed's total for those months (summed over the demo partnerships) has grown by the created "
                + "count. Reference: psql `COPY ... from stdin (format csv, header)` of the same file into a table "
                + "of the 12 columns with a generated primary key, on the same server, just before each import. "
                + "Incidents stored before: " + runs.stream().map(r -> fmtInt(r.storedBefore()))
                        .collect(Collectors.joining(", ")) + " (" + condition + ").");
        report.table(List.of("figure", "median (min–max)"), List.of(
                List.of("COPY (reference)", copy.md(Bench::fmtRate)),
                List.of("import, POST → COMPLETED", completed.md(Bench::fmtRate)),
                List.of("**ratio to COPY**", completedRatio.md(Bench::fmtRatio)),
                List.of("import, POST → counted in the feed", countedRate.md(Bench::fmtRate)),
                List.of("**ratio to COPY**", countedRatio.md(Bench::fmtRatio)),
                List.of("incident-service peak RSS during the import", peak.md(v -> fmtNum(v, 0) + " MiB"))));
        report.p("Where the time goes, run by run (seconds from the POST):");
        List<List<String>> rows = new ArrayList<>();
        for (ImportRun r : runs) {
            rows.add(List.of(r.label(), fmtInt(r.storedBefore()), fmtSeconds(r.copySeconds()),
                    fmtSeconds(r.acceptedSeconds()), r.completedSeconds() == null ? "—" : fmtSeconds(r.completedSeconds()),
                    r.pendingAtCompleted() < 0 ? "—" : fmtInt(r.pendingAtCompleted()),
                    r.outboxDrainedSeconds() == null ? "—" : fmtSeconds(r.outboxDrainedSeconds()),
                    r.countedSeconds() == null ? "—" : fmtSeconds(r.countedSeconds()),
                    fmtInt(r.created()) + " / " + fmtInt(r.unchanged()) + " / " + fmtInt(r.outside()),
                    fmtNum(r.peakRssKb() / 1024.0, 0) + " MiB", r.note() == null ? "" : r.note()));
        }
        report.table(List.of("run", "stored before", "COPY", "upload (202)", "COMPLETED", "outbox pending then (±2 s)",
                "outbox seen empty", "counted", "created / unchanged / outside", "peak RSS", "note"), rows);
        if (skipped != null) {
            report.p("Only " + runs.size() + " of " + sizes.runs + " runs: " + skipped + ".");
        }
        report.p("CPU each process used from the POST until the import was counted (or gave up), in seconds "
                + "and in microseconds per row, from /proc (PostgreSQL: its server processes then running, so a "
                + "backend that ended meanwhile is missed); on " + Runtime.getRuntime().availableProcessors()
                + " cores the run had " + fmtNum(Runtime.getRuntime().availableProcessors(), 0) + " CPU seconds per "
                + "second of wall time:");
        List<List<String>> cpuRows = new ArrayList<>();
        for (ImportRun r : runs) {
            List<String> row = new ArrayList<>(List.of(r.label()));
            for (String family : CpuUse.FAMILIES) {
                double used = r.cpuSeconds().getOrDefault(family, 0.0);
                row.add(fmtNum(used, 1) + " s (" + fmtNum(used * 1e6 / r.rows(), 0) + " µs)");
            }
            cpuRows.add(row);
        }
        List<String> cpuHeader = new ArrayList<>(List.of("run"));
        cpuHeader.addAll(CpuUse.FAMILIES);
        report.table(cpuHeader, cpuRows);
        reportStatements(statements, "during these imports");
    }

    static Map<String, Object> importRunJson(ImportRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", r.label());
        m.put("rows", r.rows());
        m.put("months", r.months().get(0) + ".." + r.months().get(r.months().size() - 1));
        m.put("storedBefore", r.storedBefore());
        m.put("copySeconds", r.copySeconds());
        m.put("uploadSeconds", r.acceptedSeconds());
        m.put("completedSeconds", r.completedSeconds());
        m.put("countedSeconds", r.countedSeconds());
        m.put("created", r.created());
        m.put("unchanged", r.unchanged());
        m.put("outsidePartnerships", r.outside());
        m.put("rejected", r.rejected());
        m.put("outboxPendingAtCompleted", r.pendingAtCompleted() < 0 ? null : r.pendingAtCompleted());
        m.put("outboxEmptySeconds", r.outboxDrainedSeconds());
        m.put("incidentServicePeakRssKb", r.peakRssKb());
        m.put("incidentServiceVmHwmKb", r.hwmKb());
        m.put("cpuSecondsByProcess", r.cpuSeconds());
        m.put("note", r.note());
        if (r.rowsReadAtCap() >= 0) {
            m.put("rowsReadAtCap", r.rowsReadAtCap());
        }
        return m;
    }

    void reportStatements(List<Map<String, Object>> statements, String when) {
        if (statements.isEmpty()) {
            return;
        }
        report.p("PostgreSQL's view " + when + " (pg_stat_activity sampled every 200 ms; \"sessions\" is the "
                + "average number of sessions running the statement, so 1.0 means one connection was busy with it "
                + "all the time):");
        report.table(List.of("database", "sessions", "mostly waiting on", "statement"), statements.stream()
                .map(s -> List.of(String.valueOf(s.get("database")), fmtNum(((Number) s.get("sessions")).doubleValue(), 2),
                        String.valueOf(s.get("wait")), "`" + s.get("statement").toString().replace("|", "\\|") + "`"))
                .toList());
    }

    // ---- 2. batch API ----------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    void batchBenchmark() throws Exception {
        phase("batch", "2. batch API: " + sizes.batchRecords + " records per batch, clients " + sizes.batchClients);
        YearMonth month = months.take(1, "batch").get(0);
        String nonce = nonce();
        long baseline = feedTotal(demo.partnerships, List.of(month));
        java.util.concurrent.atomic.AtomicLong created = new java.util.concurrent.atomic.AtomicLong();
        long lastBatchDone = 0;
        String failure = null;
        List<List<String>> rows = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("recordsPerBatch", sizes.batchRecords);
        json.put("batchesPerClientPerRun", sizes.batchesPerClient);
        json.put("month", month.toString());
        int serial = 0;
        for (int clients : sizes.batchClients) {
            if (failure != null) {
                break; // more clients than broke it would only break it again
            }
            List<Double> rates = new ArrayList<>();
            List<Double> p50s = new ArrayList<>();
            List<Double> p99s = new ArrayList<>();
            List<Double> copyRates = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int run = 1; run <= sizes.runs && !overall.passed(); run++) {
                // A COPY this small is mostly its commit, which a busy neighbour can hold up: the median of three.
                List<Double> copies = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    copies.add(copyIncidents(nonce + "-c" + serial + "-" + i, sizes.batchRecords, month));
                }
                double copyRate = sizes.batchRecords / (Fig.of(copies, "ms").median() / 1000);
                List<List<String>> payloads = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    List<String> batches = new ArrayList<>();
                    for (int b = 0; b < sizes.batchesPerClient; b++) {
                        StringBuilder body = new StringBuilder("[");
                        for (int i = 0; i < sizes.batchRecords; i++, serial++) {
                            body.append(i == 0 ? "" : ",").append(incidentJson("bench-" + nonce + "-b" + serial,
                                    demo.rows.get(serial % demo.rows.size()), month.atDay(1 + serial % 28)));
                        }
                        batches.add(body.append(']').toString());
                    }
                    payloads.add(batches);
                }
                List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
                ExecutorService pool = Executors.newFixedThreadPool(clients);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Long>> results = new ArrayList<>();
                for (List<String> batches : payloads) {
                    results.add(pool.submit(() -> {
                        go.await();
                        long stored = 0;
                        for (String body : batches) {
                            long t = System.nanoTime();
                            Api.Response r = api.postJson(stack.incident("/api/v1/incidents/batch"), SUBMITTER, body, 200);
                            latencies.add((r.doneNanos() - t) / 1e6);
                            Map<String, Object> result = Json.object(r.body());
                            if (Json.num(result, "rejected") > 0 || Json.num(result, "unchanged") > 0) {
                                throw new HarnessError("a batch was not all new and valid: " + r.body().substring(0,
                                        Math.min(600, r.body().length())));
                            }
                            stored += Json.num(result, "created");
                            created.addAndGet(Json.num(result, "created"));
                        }
                        return stored;
                    }));
                }
                long stored = 0;
                long wall;
                try (ActivitySampler activity = new ActivitySampler(pg, "batch-" + clients + "-" + run,
                        List.of(stack.db("incident"), stack.db("reporting")), Duration.ofMinutes(30))) {
                    long t0 = System.nanoTime();
                    go.countDown();
                    for (Future<Long> f : results) {
                        stored += getOrThrow(f);
                    }
                    wall = System.nanoTime() - t0;
                } catch (HarnessError e) {
                    failure = clients + " client(s), run " + run + ": " + e.getMessage();
                    log("batch broke: " + failure);
                    break;
                } finally {
                    // The other clients' batches still in flight end (each within its timeout) before anything else runs.
                    pool.shutdownNow();
                    pool.awaitTermination(6, TimeUnit.MINUTES);
                    lastBatchDone = System.nanoTime();
                }
                rates.add(stored / seconds(wall));
                copyRates.add(copyRate);
                ratios.add(stored / seconds(wall) / copyRate);
                p50s.add(percentile(latencies, 50));
                p99s.add(percentile(latencies, 99));
                log("batch, " + clients + " client(s), run " + run + ": " + fmtRate(stored / seconds(wall)).replace("rows", "records")
                        + ", p50 " + fmtMs(percentile(latencies, 50)) + ", p99 " + fmtMs(percentile(latencies, 99)));
            }
            Fig rate = Fig.of(rates, "records/s");
            Fig p50 = Fig.of(p50s, "ms");
            Fig p99 = Fig.of(p99s, "ms");
            Fig copy = Fig.of(copyRates, "rows/s");
            Fig ratio = Fig.of(ratios, "ratio");
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("recordsPerSecond", rate.json());
            level.put("p50Ms", p50.json());
            level.put("p99Ms", p99.json());
            level.put("copyRowsPerSecond", copy.json());
            level.put("ratioToCopy", ratio.json());
            json.put(clients + "-clients", level);
            rows.add(List.of(String.valueOf(clients), rate.md(v -> fmtNum(v, 0) + " records/s"), p50.md(Bench::fmtMs),
                    p99.md(Bench::fmtMs), copy.md(Bench::fmtRate), ratio.md(Bench::fmtRatio)));
        }
        Long countedAt = waitUntilCounted(demo.partnerships, List.of(month), baseline + created.get(),
                Deadline.in(sizes.countedCap).min(overall));
        Double lag = countedAt == null ? null : seconds(countedAt - lastBatchDone);
        json.put("reportingLagAfterLastBatchSeconds", lag);
        report.json.put("batch", json);
        report.h2("2. Batch API");
        report.p("`POST /api/v1/incidents/batch`, " + fmtInt(sizes.batchRecords) + " new records per batch (built "
                + "from the demo rows, one bench month), each client posting " + sizes.batchesPerClient
                + " batch(es) one after another per run; records/s = records created / wall time of the run; "
                + "p50/p99 of the batches' response times within a run. Reference, just before each run: psql "
                + "`COPY` (median of three) of one batch's records (the same fields) into an equivalent table (generated primary key, "
                + "unique agency and reference, like incident-service's) in " + BENCH_DB + "; ratio = records/s ÷ "
                + "COPY rows/s.");
        report.table(List.of("clients", "records/s", "p50 per batch", "p99 per batch", "COPY (reference)",
                "**ratio to COPY**"), rows);
        for (int clients : sizes.batchClients) {
            Map<String, Object> level = (Map<String, Object>) json.get(clients + "-clients");
            if (level != null) {
                List<Map<String, Object>> statements = ActivitySampler.top(pg, "batch-" + clients + "-", 4);
                level.put("postgresActiveStatements", statements);
                reportStatements(statements, "while " + clients + " client(s) posted");
            }
        }
        report.p("The reporting feed counted the last of the " + fmtInt(created.get()) + " records "
                + (lag == null ? "not within " + human(sizes.countedCap) : fmtSeconds(lag) + " after the last batch returned")
                + ".");
        if (failure != null) {
            json.put("failure", failure);
            report.p("**Broke at " + failure + "** (no more clients were tried).");
            throw new HarnessError("batch, " + failure);
        }
    }

    /** incident-service's columns for what the bench posts, its key and its uniqueness, without the service. */
    void createIncidentCopy() {
        pg.script(BENCH_DB, """
                drop table if exists incident_copy;
                create table incident_copy (
                    id bigint generated always as identity primary key,
                    agency_id text not null, external_ref text not null, partnership_id text not null,
                    category text not null, occurred_on date not null, district_code text not null,
                    lsoa_code text, latitude numeric(9, 6), longitude numeric(9, 6), location_description text,
                    unique (agency_id, external_ref));
                """);
    }

    /** The rows a batch of n would hold, as CSV. */
    String incidentCsv(String ref, int n, YearMonth month) {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < n; i++) {
            DemoData.Row row = demo.rows.get(i % demo.rows.size());
            csv.append(String.join(",", AGENCY, "bench-" + ref + "-" + i, row.partnership(), row.category(),
                    month.atDay(1 + i % 28).toString(), row.district(), row.lsoaCode(), row.latitude(), row.longitude(),
                    DemoData.csvField(row.location()))).append('\n');
        }
        return csv.toString();
    }

    /** @return psql's time for a COPY of n incidents into a fresh equivalent table, in ms */
    double copyIncidents(String ref, int n, YearMonth month) throws IOException {
        createIncidentCopy();
        Path file = work.resolve("incidents.csv");
        Files.writeString(file, incidentCsv(ref, n, month));
        try {
            return pg.timedCopy(BENCH_DB, "copy incident_copy (agency_id, external_ref, partnership_id, category,"
                    + " occurred_on, district_code, lsoa_code, latitude, longitude, location_description)"
                    + " from stdin with (format csv)", file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** psql's time of n single-row INSERTs into a fresh equivalent table, each in its own transaction, in ms. */
    List<Double> insertIncidents(String ref, int n, YearMonth month) {
        createIncidentCopy();
        StringBuilder script = new StringBuilder("\\timing on\n");
        for (String line : incidentCsv(ref, n, month).split("\n")) {
            String[] f = DemoData.split(line);
            script.append("insert into incident_copy (agency_id, external_ref, partnership_id, category, occurred_on,"
                    + " district_code, lsoa_code, latitude, longitude, location_description) values (")
                    .append(Arrays.stream(f).map(v -> v.isEmpty() ? "null" : "'" + v.replace("'", "''") + "'")
                            .collect(Collectors.joining(", "))).append(");\n");
        }
        return pg.timings(Proc.run(pg.command(BENCH_DB), script.toString()));
    }

    // ---- 3. single POST --------------------------------------------------------------------------

    void singleBenchmark() throws Exception {
        int total = sizes.singleRate * (int) sizes.singleDuration.toSeconds();
        phase("single", "3. single POST: " + sizes.singleRate + "/s for " + human(sizes.singleDuration) + " per run");
        YearMonth month = months.take(1, "single").get(0);
        String nonce = nonce();
        long baseline = feedTotal(demo.partnerships, List.of(month));
        List<Double> p50s = new ArrayList<>();
        List<Double> p99s = new ArrayList<>();
        List<Double> maxes = new ArrayList<>();
        List<Double> achieved = new ArrayList<>();
        long created = 0;
        long lastDone = 0;
        long periodNanos = 1_000_000_000L / sizes.singleRate;
        for (int run = 1; run <= sizes.runs && !overall.passed(); run++) {
            // Latency counts from the moment each request was due, so a slow answer that holds up
            // the next ones is charged to them too (no coordinated omission).
            ExecutorService pool = Executors.newFixedThreadPool(32);
            List<Future<Double>> futures = new ArrayList<>(total);
            long start = System.nanoTime() + 50_000_000L;
            for (int k = 0; k < total; k++) {
                long due = start + k * periodNanos;
                String body = incidentJson("bench-" + nonce + "-s" + run + "-" + k, demo.rows.get(k % demo.rows.size()),
                        month.atDay(1 + k % 28));
                futures.add(pool.submit(() -> {
                    sleepUntil(due);
                    Api.Response r = api.postJson(stack.incident("/api/v1/incidents"), SUBMITTER, body, 201);
                    return (r.doneNanos() - due) / 1e6;
                }));
            }
            List<Double> latencies = new ArrayList<>();
            try {
                for (Future<Double> f : futures) {
                    latencies.add(getOrThrow(f));
                }
            } finally {
                pool.shutdownNow(); // when one broke, the rest are not sent
                pool.awaitTermination(2, TimeUnit.MINUTES);
            }
            long end = System.nanoTime();
            lastDone = end;
            created += total;
            p50s.add(percentile(latencies, 50));
            p99s.add(percentile(latencies, 99));
            maxes.add(Collections.max(latencies));
            achieved.add(total / seconds(end - start));
            log("single, run " + run + ": p50 " + fmtMs(percentile(latencies, 50)) + ", p99 "
                    + fmtMs(percentile(latencies, 99)) + ", max " + fmtMs(Collections.max(latencies)));
        }
        Long countedAt = waitUntilCounted(demo.partnerships, List.of(month), baseline + created,
                Deadline.in(sizes.countedCap).min(overall));
        List<Double> insertP50s = new ArrayList<>();
        for (int run = 1; run <= sizes.runs; run++) {
            insertP50s.add(percentile(insertIncidents(nonce + "-i" + run, Math.min(total, 200), month), 50));
        }
        Fig p50 = Fig.of(p50s, "ms");
        Fig p99 = Fig.of(p99s, "ms");
        Fig max = Fig.of(maxes, "ms");
        Fig rate = Fig.of(achieved, "requests/s");
        Fig insert = Fig.of(insertP50s, "ms");
        Fig ratio = Fig.of(java.util.stream.IntStream.range(0, Math.min(p50s.size(), insertP50s.size()))
                .mapToObj(i -> insertP50s.get(i) / p50s.get(i)).toList(), "ratio");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ratePerSecond", sizes.singleRate);
        json.put("secondsPerRun", sizes.singleDuration.toSeconds());
        json.put("p50Ms", p50.json());
        json.put("p99Ms", p99.json());
        json.put("maxMs", max.json());
        json.put("achievedPerSecond", rate.json());
        json.put("referenceInsertP50Ms", insert.json());
        json.put("speedRatioToInsert", ratio.json());
        json.put("reportingLagAfterLastPostSeconds", countedAt == null ? null : seconds(countedAt - lastDone));
        report.json.put("single", json);
        report.h2("3. Single POST");
        report.p("`POST /api/v1/incidents` at a steady " + sizes.singleRate + " requests/s for "
                + human(sizes.singleDuration) + " per run (open loop, up to 32 in flight; latency from when each "
                + "request was due). Reference: psql's `\\timing` of single-row INSERTs (each its own transaction) "
                + "of the same fields into the equivalent table in " + BENCH_DB + "; speed ratio = INSERT p50 / POST "
                + "p50.");
        report.table(List.of("p50", "p99", "max", "achieved rate", "INSERT p50 (reference)", "**speed ratio**"),
                List.of(List.of(p50.md(Bench::fmtMs), p99.md(Bench::fmtMs), max.md(Bench::fmtMs),
                        rate.md(v -> fmtNum(v, 1) + " req/s"), insert.md(Bench::fmtMs), ratio.md(Bench::fmtRatio))));
        report.p("The feed counted the last of them " + (countedAt == null ? "not within " + human(sizes.countedCap)
                : fmtSeconds(seconds(countedAt - lastDone)) + " after the last POST returned") + ".");
    }

    // ---- 4. freshness ----------------------------------------------------------------------------

    void freshnessBenchmark() throws Exception {
        phase("freshness", "4. freshness: " + sizes.freshnessSamples + " samples at idle, then during a "
                + sizes.freshnessImportRows + "-row import");
        List<Sample> idle = freshnessSamples("idle", sizes.freshnessSamples,
                Deadline.in(sizes.freshnessCap).min(overall), new AtomicBoolean(true));
        AtomicBoolean importRunning = new AtomicBoolean(true);
        CountDownLatch accepted = new CountDownLatch(1);
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<ImportRun> load = background.submit(() -> {
            try {
                return importRun("import-during-freshness", sizes.freshnessImportRows, accepted);
            } finally {
                importRunning.set(false);
                accepted.countDown();
            }
        });
        // Samples start once the service has the file (making it and its COPY reference take a while).
        accepted.await(sizes.importCap.toSeconds(), TimeUnit.SECONDS);
        List<Sample> busy = freshnessSamples("during-import", sizes.freshnessSamples,
                Deadline.in(sizes.importCap.plus(sizes.countedCap)).min(overall), importRunning);
        ImportRun run = getOrThrow(load);
        background.shutdown();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("idle", freshnessJson(idle));
        Map<String, Object> busyJson = freshnessJson(busy);
        busyJson.put("import", importRunJson(run));
        json.put("duringImport", busyJson);
        report.json.put("freshness", json);
        report.h2("4. Freshness");
        report.p("One incident at a time: `POST /api/v1/incidents` (201), then the analyst's feed "
                + "`/api/v1/feeds/incident-counts` for that incident's own cell (bench month × district × category, "
                + "cells taken in turn) polled every 5 ms until it counts it; the figure is 201 → first answer that "
                + "counts it. Runs are consecutive thirds of the samples. During import: the samples are taken while a "
                + fmtInt(sizes.freshnessImportRows) + "-row import of the same agency runs, until it is counted"
                + " (the import " + (run.countedSeconds() == null ? "was not counted within the cap"
                        : "took " + fmtSeconds(run.countedSeconds()) + " to be counted") + ").");
        report.table(List.of("", "samples", "p50", "p99", "max", "not counted within " + human(sizes.freshnessTimeout)),
                List.of(freshnessRow("at idle", idle), freshnessRow("during an import", busy)));
        report.p("Where the time goes (medians over the samples, from the services' own timestamps: the Kafka record's "
                + "CreateTime, which the relay's producer stamps as it sends the event, and reporting's "
                + "`consumed_event.consumed_at`, the start of the transaction that applied it; a transaction that "
                + "began before the record was sent shows as a negative time):");
        report.table(List.of("", "201 → relay sent it", "→ consumer applied it", "→ feed poll saw it"),
                List.of(breakdownRow("at idle", (Map<?, ?>) json.get("idle")),
                        breakdownRow("during an import", busyJson)));
    }

    /** One freshness sample: the latency, and when the incident was answered 201 and seen, by the wall clock. */
    record Sample(double ms, String incidentId, double postedEpoch, double seenEpoch) {
    }

    /** Freshness samples until enough are taken, the deadline passes or {@code whileTrue} turns false. */
    List<Sample> freshnessSamples(String label, int samples, Deadline deadline, AtomicBoolean whileTrue) {
        YearMonth month = months.take(1, "freshness-" + label).get(0);
        String nonce = nonce();
        Map<String, Integer> cells = new LinkedHashMap<>();
        List<Sample> taken = new ArrayList<>();
        for (int i = 0; i < samples && !deadline.passed() && whileTrue.get(); i++) {
            DemoData.Row row = demo.freshnessRow(i);
            String category = DemoData.CATEGORIES.get((i / demo.districts.size()) % DemoData.CATEGORIES.size()).slug();
            String cell = row.district() + "/" + category;
            int expected = cells.merge(cell, 1, Integer::sum);
            String body = incidentJson("bench-" + nonce + "-f" + i, row.withCategory(category), month.atDay(1 + i % 28));
            Api.Response posted = api.postJson(stack.incident("/api/v1/incidents"), SUBMITTER, body, 201);
            double postedEpoch = epochNow();
            String id = (String) Json.object(posted.body()).get("id");
            String feed = stack.reporting("/api/v1/feeds/incident-counts?partnership=" + row.partnership() + "&from="
                    + month + "&to=" + month + "&groupBy=&district=" + row.district() + "&category=" + category);
            Sample sample = new Sample(Double.POSITIVE_INFINITY, id, postedEpoch, Double.NaN);
            long giveUp = posted.doneNanos() + sizes.freshnessTimeout.toNanos();
            while (System.nanoTime() < giveUp) {
                Api.Response f = api.get(feed, ANALYST, 200);
                if (sumCounts(f.body()) >= expected) {
                    sample = new Sample((f.doneNanos() - posted.doneNanos()) / 1e6, id, postedEpoch, epochNow());
                    break;
                }
                sleep(5);
            }
            taken.add(sample);
        }
        List<Double> latencies = taken.stream().map(Sample::ms).toList();
        log("freshness " + label + ": " + latencies.size() + " samples, p50 " + fmtMs(percentile(latencies, 50))
                + ", p99 " + fmtMs(percentile(latencies, 99)));
        return taken;
    }

    static double epochNow() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() + now.getNano() / 1e9;
    }

    /** Medians of the freshness segments, from the Kafka records' and the consumer's timestamps of the samples' events. */
    Map<String, Object> breakdown(List<Sample> samples) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (samples.isEmpty()) {
            return m;
        }
        Map<String, String[]> events = published(samples); // incident id -> event id, published
        Map<String, Double> applied = new LinkedHashMap<>();
        if (!events.isEmpty()) {
            for (String[] r : pg.rowsFromScript(stack.db("reporting"), "select event_id, extract(epoch from consumed_at)"
                    + " from consumed_event where consumer = 'reporting.incident-counts' and event_id = any(array["
                    + quoted(events.values().stream().map(e -> e[0]).toList()) + "])")) {
                applied.put(r[0], Double.parseDouble(r[1]));
            }
        }
        List<Double> relay = new ArrayList<>();
        List<Double> consumer = new ArrayList<>();
        List<Double> poll = new ArrayList<>();
        for (Sample sample : samples) {
            String[] event = events.get(sample.incidentId());
            Double consumed = event == null ? null : applied.get(event[0]);
            if (consumed == null || Double.isNaN(sample.seenEpoch())) {
                continue;
            }
            double published = Double.parseDouble(event[1]);
            relay.add((published - sample.postedEpoch()) * 1000);
            consumer.add((consumed - published) * 1000);
            poll.add((sample.seenEpoch() - consumed) * 1000);
        }
        m.put("samplesTraced", relay.size());
        m.put("postedToSentMs", percentile(relay, 50));
        m.put("sentToAppliedMs", percentile(consumer, 50));
        m.put("appliedToSeenMs", percentile(poll, 50));
        return m;
    }

    /**
     * The recorded event of each sample's incident, as it is on Kafka: its id and its record's
     * CreateTime, which the relay's producer stamps as it sends the event. The relay deletes what
     * it has published, so the topic is where this is still to be seen.
     */
    Map<String, String[]> published(List<Sample> samples) {
        Set<String> subjects = samples.stream().map(Sample::incidentId).collect(Collectors.toSet());
        long from = (long) (samples.stream().mapToDouble(Sample::postedEpoch).min().orElseThrow() * 1000) - 5_000;
        // Up to the last sample seen, not the topic's end: a later import's events are not read.
        long until = (long) (samples.stream().mapToDouble(s -> Double.isNaN(s.seenEpoch()) ? s.postedEpoch() : s.seenEpoch())
                .max().orElseThrow() * 1000) + 5_000;
        java.util.Properties props = new java.util.Properties();
        props.put("bootstrap.servers", "127.0.0.1:" + stack.kafkaPort);
        props.put("key.deserializer", ByteArrayDeserializer.class.getName());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        Map<String, String[]> found = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor("incident.events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = new LinkedHashMap<>(consumer.endOffsets(partitions));
            consumer.offsetsForTimes(partitions.stream().collect(Collectors.toMap(p -> p, p -> until)))
                    .forEach((partition, offset) -> {
                        if (offset != null) {
                            end.put(partition, offset.offset());
                        }
                    });
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndTimestamp> start = consumer.offsetsForTimes(
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> from)));
            for (TopicPartition partition : partitions) {
                var offset = start.get(partition);
                consumer.seek(partition, offset == null ? end.get(partition) : offset.offset());
            }
            long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < giveUp
                    && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String subject = header(record, "ce_subject");
                    if (subject != null && subjects.contains(subject)) {
                        found.put(subject, new String[] { header(record, "ce_id"), String.valueOf(record.timestamp() / 1000.0) });
                    }
                }
            }
        }
        return found;
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static List<String> breakdownRow(String label, Map<?, ?> samples) {
        Map<?, ?> b = (Map<?, ?>) samples.get("breakdown");
        if (b == null || b.isEmpty() || ((Number) b.get("samplesTraced")).intValue() == 0) {
            return List.of(label, "—", "—", "—");
        }
        return List.of(label, fmtMs((Double) b.get("postedToSentMs")), fmtMs((Double) b.get("sentToAppliedMs")),
                fmtMs((Double) b.get("appliedToSeenMs")));
    }

    Map<String, Object> freshnessJson(List<Sample> taken) {
        List<Double> samples = taken.stream().map(Sample::ms).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", samples.size());
        m.put("notCounted", samples.stream().filter(v -> v.isInfinite()).count());
        m.put("p50Ms", Fig.of(thirds(samples, 50), "ms").json());
        m.put("p99Ms", Fig.of(thirds(samples, 99), "ms").json());
        m.put("pooledP50Ms", percentile(samples, 50));
        m.put("pooledP99Ms", percentile(samples, 99));
        m.put("maxMs", samples.isEmpty() ? null : Collections.max(samples));
        m.put("breakdown", breakdown(taken));
        return m;
    }

    List<String> freshnessRow(String label, List<Sample> taken) {
        List<Double> samples = taken.stream().map(Sample::ms).toList();
        return List.of(label, String.valueOf(samples.size()), Fig.of(thirds(samples, 50), "ms").md(Bench::fmtMs),
                Fig.of(thirds(samples, 99), "ms").md(Bench::fmtMs),
                samples.isEmpty() ? "—" : fmtMs(Collections.max(samples)),
                String.valueOf(samples.stream().filter(v -> v.isInfinite()).count()));
    }

    static List<Double> thirds(List<Double> samples, double p) {
        List<Double> result = new ArrayList<>();
        int n = samples.size() / 3;
        if (n == 0) {
            return samples.isEmpty() ? result : List.of(percentile(samples, p));
        }
        for (int i = 0; i < 3; i++) {
            result.add(percentile(samples.subList(i * n, i == 2 ? samples.size() : (i + 1) * n), p));
        }
        return result;
    }

    // ---- 5. feed, performance and dashboard latency vs history size ------------------------------

    void feedBenchmark() throws Exception {
        phase("feeds", "5. feed latency at " + sizes.feedSizes + " incidents in the projections");
        deleteSynthetic(); // left by a run that was killed
        List<String> districts = DemoData.onsDistricts(options.repo).stream()
                .filter(d -> !demo.districts.contains(d)).toList();
        int[] base = demo.categoryBase(SYNTHETIC_PER_PARTNERSHIP, SYNTHETIC_MONTHS * SYNTHETIC_DISTRICTS);
        int remainder = SYNTHETIC_PER_PARTNERSHIP - SYNTHETIC_MONTHS * SYNTHETIC_DISTRICTS * Arrays.stream(base).sum();
        createRawTable();
        String partnership = SYNTHETIC + "001";
        YearMonth last = SYNTHETIC_FIRST_MONTH.plusMonths(SYNTHETIC_MONTHS - 1);
        YearMonth first = last.minusMonths(11);
        long expectedYear = 0;
        for (int cell = (SYNTHETIC_MONTHS - 12) * 28; cell < SYNTHETIC_MONTHS * 28; cell++) {
            expectedYear += base[cell % 14] + (cell < remainder ? 1 : 0);
        }
        String feed = stack.reporting("/api/v1/feeds/incident-counts?partnership=" + partnership + "&from=" + first
                + "&to=" + last + "&groupBy=month,category");
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("feed", feed);
        endpoints.put("performance", stack.reporting("/api/v1/partnerships/" + partnership + "/performance?asOf=" + last
                + "&period=rolling-12"));
        endpoints.put("dashboard", stack.reporting("/api/v1/partnerships/" + partnership + "/dashboard?asOf=" + last));
        String rawSql = "select month, category, count(*) from incident_raw where partnership_id = '" + partnership
                + "' and month between '" + first.atDay(1) + "' and '" + last.atDay(1) + "' group by month, category"
                + " order by month, category";
        String projectionSql = "select month, category, sum(incident_count) from incident_count"
                + " where partnership_id = any(array['" + partnership + "']) and month between '" + first.atDay(1)
                + "' and '" + last.atDay(1) + "' group by month, category having sum(incident_count) <> 0"
                + " order by month, category";
        Map<String, Object> json = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        int present = 0;
        for (int size : sizes.feedSizes) {
            if (overall.passed()) {
                break;
            }
            int wanted = size / SYNTHETIC_PER_PARTNERSHIP;
            long t = System.nanoTime();
            addSynthetic(present + 1, wanted, districts, base, remainder);
            present = wanted;
            double loadSeconds = seconds(System.nanoTime() - t);
            long feedTotal = sumCounts(api.get(feed, ADMIN, 200).body());
            if (feedTotal != expectedYear) {
                throw new HarnessError("the feed counts " + feedTotal + " synthetic incidents in " + first + ".." + last
                        + ", expected " + expectedYear);
            }
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("incidents", size);
            level.put("projectionCells", (long) wanted * SYNTHETIC_MONTHS * SYNTHETIC_DISTRICTS * 14);
            level.put("loadSeconds", loadSeconds);
            Map<String, Fig[]> figs = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : endpoints.entrySet()) {
                figs.put(e.getKey(), endpointLatency(e.getValue()));
            }
            figs.put("raw GROUP BY", sqlLatency(BENCH_DB, rawSql));
            figs.put("projection SQL", sqlLatency(stack.db("reporting"), projectionSql));
            double raw = figs.get("raw GROUP BY")[0].median();
            for (Map.Entry<String, Fig[]> e : figs.entrySet()) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("p50Ms", e.getValue()[0].json());
                f.put("p99Ms", e.getValue()[1].json());
                f.put("speedRatioToRawGroupBy", raw / e.getValue()[0].median());
                level.put(e.getKey(), f);
                rows.add(List.of(fmtInt(size), e.getKey(), e.getValue()[0].md(Bench::fmtMs),
                        e.getValue()[1].md(Bench::fmtMs), fmtNum(raw / e.getValue()[0].median(), 2) + "×"));
            }
            json.put(String.valueOf(size), level);
            log("feeds at " + size + ": " + figs.entrySet().stream().map(e -> e.getKey() + " p50 "
                    + fmtMs(e.getValue()[0].median())).collect(Collectors.joining(", ")));
        }
        removeSynthetic();
        report.json.put("feeds", json);
        report.h2("5. Feed, performance and dashboard latency vs history size");
        report.p("History generated by the projection's own bulk path, not through events: a SQL insert into "
                + "reporting-service's `incident_count` of synthetic partnerships (`" + SYNTHETIC + "NNN`, "
                + fmtInt(SYNTHETIC_PER_PARTNERSHIP) + " incidents each over " + SYNTHETIC_MONTHS + " months "
                + SYNTHETIC_FIRST_MONTH + ".." + last + " × " + SYNTHETIC_DISTRICTS + " districts × 14 categories, "
                + "category shares as in the demo data), removed afterwards. Requests as platform-admin for "
                + partnership + "'s year " + first + ".." + last + ": the feed (groupBy month,category), "
                + "`performance?period=rolling-12` and `dashboard`, sequentially. Reference: the plain SQL "
                + "`GROUP BY month, category` over a raw table of the same number of incident rows in " + BENCH_DB
                + " (indexed on partnership and month, like incident-service's table), timed by psql `\\timing`; "
                + "\"projection SQL\" is the feed's own query run by psql. Speed ratio = reference p50 / p50 "
                + "(above 1: faster than the plain GROUP BY).");
        report.table(List.of("incidents", "what", "p50", "p99", "speed ratio to raw GROUP BY"), rows);
    }

    /** The reference's table: one row per incident, as incident-service keeps them. */
    void createRawTable() {
        pg.script(BENCH_DB, """
                drop table if exists incident_raw;
                create table incident_raw (
                    id bigint generated always as identity primary key,
                    partnership_id text not null, month date not null, district_code text not null,
                    category text not null);
                """);
    }

    // ---- 5b. scrutiny report assembly on ten years of history ------------------------------------

    void reportBenchmark() throws Exception {
        String partnership = SYNTHETIC + "001";
        YearMonth last = SYNTHETIC_FIRST_MONTH.plusMonths(SYNTHETIC_MONTHS - 1);
        int year = last.getYear() - 1;
        phase("report", "5b. scrutiny report of " + partnership + " for " + year + "/" + (year + 1) % 100
                + " on " + SYNTHETIC_MONTHS / 12 + " years of history");
        deleteSynthetic();
        List<String> districts = DemoData.onsDistricts(options.repo).stream()
                .filter(d -> !demo.districts.contains(d)).toList();
        int[] base = demo.categoryBase(SYNTHETIC_PER_PARTNERSHIP, SYNTHETIC_MONTHS * SYNTHETIC_DISTRICTS);
        int remainder = SYNTHETIC_PER_PARTNERSHIP - SYNTHETIC_MONTHS * SYNTHETIC_DISTRICTS * Arrays.stream(base).sum();
        createRawTable();
        addSynthetic(1, 1, districts, base, remainder);
        addSyntheticRecords(partnership, districts);
        Api.Response draft = api.postJson(stack.reporting("/api/v1/partnerships/" + partnership + "/reports"), ADMIN,
                "{\"type\": \"scrutiny\", \"period\": {\"financialYear\": " + year + "}}", 201);
        String reportUrl = stack.reporting(URI.create(draft.raw().headers().firstValue("Location")
                .orElseThrow(() -> new HarnessError("a draft without a Location"))).getPath());
        Map<String, Object> content = Json.object(api.get(reportUrl, ADMIN, 200).body());
        String written = String.valueOf(content.get("content"));
        for (String section : List.of("statutoryMembers", "actions", "register", "byStatus", "streams")) {
            if (!written.contains(section)) {
                throw new HarnessError("the report has no " + section + ": " + written.substring(0,
                        Math.min(300, written.length())));
            }
        }
        // The paper's own arithmetic on the same history: the year and the year before, by category.
        String rawSql = "select month, category, count(*) from incident_raw where partnership_id = '" + partnership
                + "' and month between '" + last.minusMonths(23).atDay(1) + "' and '" + last.atDay(1) + "'"
                + " group by month, category order by month, category";
        Map<String, Fig[]> figs = new LinkedHashMap<>();
        int requests = Math.max(5, Math.min(sizes.feedRequests, 20));
        for (String type : List.of("application/json", "text/html", "application/pdf")) {
            figs.put(type, acceptLatency(reportUrl, type, requests));
        }
        figs.put("raw GROUP BY", sqlLatency(BENCH_DB, rawSql));
        removeSynthetic();
        double raw = figs.get("raw GROUP BY")[0].median();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("partnership", partnership);
        json.put("incidents", SYNTHETIC_PER_PARTNERSHIP);
        json.put("months", SYNTHETIC_MONTHS);
        json.put("requestsPerRun", requests);
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Fig[]> e : figs.entrySet()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("p50Ms", e.getValue()[0].json());
            f.put("p99Ms", e.getValue()[1].json());
            f.put("speedRatioToRawGroupBy", raw / e.getValue()[0].median());
            json.put(e.getKey(), f);
            rows.add(List.of(e.getKey(), e.getValue()[0].md(Bench::fmtMs), e.getValue()[1].md(Bench::fmtMs),
                    fmtNum(raw / e.getValue()[0].median(), 2) + "×"));
        }
        log("report: " + figs.entrySet().stream().map(e -> e.getKey() + " p50 " + fmtMs(e.getValue()[0].median()))
                .collect(Collectors.joining(", ")));
        report.json.put("report", json);
        report.h2("5b. Scrutiny report assembly on ten years of history");
        report.p("A draft scrutiny report of " + partnership + " for " + year + "/" + (year + 1) % 100 + ", read "
                + requests + " times a run as platform-admin in each format: a draft is assembled afresh on every "
                + "read, from the projections only. Its history is put in the projections' tables by SQL and removed "
                + "afterwards: " + fmtInt(SYNTHETIC_PER_PARTNERSHIP) + " incidents over " + SYNTHETIC_MONTHS
                + " months " + SYNTHETIC_FIRST_MONTH + ".." + last + " (as in 5), and ten years of partnership "
                + "records: 12 agencies and memberships, 3 bodies meeting quarterly, 4 priorities a year with 5 "
                + "actions each, 40 risks (half closed), 15 reviews, a grant a year with 10 initiatives and 50 "
                + "spend lines. Reference: the plain SQL `GROUP BY month, category` over the raw incident rows of "
                + "the report's 24 months in " + BENCH_DB + "; speed ratio = reference p50 / p50.");
        report.table(List.of("what", "p50", "p99", "speed ratio to raw GROUP BY"), rows);
    }

    // ---- 5c. police.uk-compatible API: a one-mile query over ten years of a county -------------

    /** Town centres of the synthetic county, where its crimes cluster; the queries are asked round them. */
    static final int POLICE_UK_TOWNS = 20;
    /** data.police.uk's rate per address, which the open-data routes keep: the bench stays below it. */
    static final int POLICE_UK_REQUESTS_PER_SECOND = 12;

    void policeUkBenchmark() throws Exception {
        int perMonth = options.quick ? 1_500 : 15_000;
        long crimes = (long) perMonth * SYNTHETIC_MONTHS;
        YearMonth last = SYNTHETIC_FIRST_MONTH.plusMonths(SYNTHETIC_MONTHS - 1);
        phase("police-uk", "5c. police.uk one-mile query over " + fmtInt(crimes) + " open crimes, "
                + SYNTHETIC_FIRST_MONTH + ".." + last);
        deleteSynthetic();
        syntheticPresent.set(true);
        // Essex-sized: 0.6° × 1.3° of a county, seven crimes in ten within a few km of one of its towns.
        pg.script(stack.db("reporting"), """
                insert into open_crime (incident_id, id, month, category, persistent_id, force, latitude, longitude,
                    street_id, street_name, outcome, version)
                select gen_random_uuid(), 9000000000000 + n,
                    (date '%1$s' + ((n - 1) / %2$d) * interval '1 month')::date,
                    (array[%3$s])[n %% 14 + 1], '%4$s' || n, 'essex',
                    round((case when n %% 10 < 7 then town_lat + (random() - 0.5) * 0.06 else 51.5 + random() * 0.6 end)::numeric, 6),
                    round((case when n %% 10 < 7 then town_lng + (random() - 0.5) * 0.09 else 0.0 + random() * 1.3 end)::numeric, 6),
                    9000000000000 + n %% 50000, 'On or near Bench Street', null, 0
                from generate_series(1, %5$d) n,
                    lateral (select 51.5 + ((n %% %6$d) * 0.0271) %% 0.6 as town_lat,
                                    0.0 + ((n %% %6$d) * 0.0613) %% 1.3 as town_lng) town;
                analyze open_crime;
                """.formatted(SYNTHETIC_FIRST_MONTH.atDay(1), perMonth,
                quoted(DemoData.CATEGORIES.stream().map(DemoData.Category::slug).toList()), SYNTHETIC, crimes,
                POLICE_UK_TOWNS));
        String base = stack.reporting("/police-uk/api/crimes-street/all-crime");
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < Math.max(20, sizes.feedRequests); i++) {
            int town = i % POLICE_UK_TOWNS;
            urls.add(base + "?lat=" + fmtDegrees(51.5 + (town * 0.0271) % 0.6) + "&lng="
                    + fmtDegrees((town * 0.0613) % 1.3) + "&date=" + SYNTHETIC_FIRST_MONTH.plusMonths((i * 37L) % SYNTHETIC_MONTHS));
        }
        long answered = 0;
        for (String url : urls.subList(0, Math.min(urls.size(), 20))) { // warm-up, and the answers' sizes
            paceOpenData();
            answered += Json.array(api.get(url, ADMIN, 200).body()).size();
        }
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (int run = 0; run < sizes.runs; run++) {
            List<Double> latencies = new ArrayList<>();
            for (String url : urls) {
                paceOpenData();
                long t = System.nanoTime();
                api.get(url, ADMIN, 200);
                latencies.add((System.nanoTime() - t) / 1e6);
            }
            p50.add(percentile(latencies, 50));
            p99.add(percentile(latencies, 99));
        }
        // Reference: the same box of the same month selected in psql, without the service.
        double dLat = Math.toDegrees(1609.344 / 6_371_008.8);
        double dLng = dLat / Math.cos(Math.toRadians(51.5));
        String box = "select id, category, persistent_id, latitude, longitude, street_id, street_name, outcome"
                + " from open_crime where month = '" + SYNTHETIC_FIRST_MONTH.atDay(1) + "' and latitude between "
                + fmtDegrees(51.5 - dLat) + " and " + fmtDegrees(51.5 + dLat) + " and longitude between "
                + fmtDegrees(-dLng) + " and " + fmtDegrees(dLng);
        Fig[] reference = sqlLatency(stack.db("reporting"), box);
        removeSynthetic();
        Fig api50 = Fig.of(p50, "ms");
        Fig api99 = Fig.of(p99, "ms");
        double ratio = reference[0].median() / api50.median();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("openCrimes", crimes);
        json.put("months", SYNTHETIC_MONTHS);
        json.put("requestsPerRun", urls.size());
        json.put("meanCrimesPerAnswer", (double) answered / Math.min(urls.size(), 20));
        json.put("p50Ms", api50.json());
        json.put("p99Ms", api99.json());
        json.put("boxSelectP50Ms", reference[0].json());
        json.put("speedRatioToBoxSelect", ratio);
        report.json.put("police-uk", json);
        log("police-uk: p50 " + fmtMs(api50.median()) + ", p99 " + fmtMs(api99.median()) + ", box select p50 "
                + fmtMs(reference[0].median()));
        report.h2("5c. police.uk-compatible API: one mile over ten years of a county");
        report.p("`GET /police-uk/api/crimes-street/all-crime?lat=&lng=&date=` round the towns of a synthetic county "
                + "of " + fmtInt(crimes) + " open crimes (" + fmtInt(perMonth) + " a month over " + SYNTHETIC_MONTHS
                + " months " + SYNTHETIC_FIRST_MONTH + ".." + last + ", seven in ten clustered round "
                + POLICE_UK_TOWNS + " towns, an Essex-sized 0.6° × 1.3°), written into `open_crime` by SQL and removed "
                + "afterwards; " + urls.size() + " requests a run across the months, without a token, paced at "
                + POLICE_UK_REQUESTS_PER_SECOND + " a second (the open-data rate limit is 15 per address). Answers held "
                + fmtNum((double) answered / Math.min(urls.size(), 20), 0) + " crimes on average. The issue asks for "
                + "well under 100 ms at p99. Reference: the same month's box of latitude and longitude selected in "
                + "psql; speed ratio = reference p50 / p50.");
        report.table(List.of("what", "p50", "p99", "speed ratio to box select"), List.of(
                List.of("one-mile query through the API", api50.md(Bench::fmtMs), api99.md(Bench::fmtMs),
                        fmtNum(ratio, 2) + "×"),
                List.of("box select in psql (reference)", reference[0].md(Bench::fmtMs), reference[1].md(Bench::fmtMs),
                        "1×")));
    }

    /** Waits until the next open-data request may go, no faster than data.police.uk's clients may send them. */
    void paceOpenData() throws InterruptedException {
        long due = lastOpenDataRequest + 1_000_000_000L / POLICE_UK_REQUESTS_PER_SECOND;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        lastOpenDataRequest = System.nanoTime();
    }

    long lastOpenDataRequest;

    static String fmtDegrees(double degrees) {
        return String.format(Locale.ROOT, "%.6f", degrees);
    }

    /** Latency of a GET by content type, after a few warm-up reads. */
    Fig[] acceptLatency(String url, String accept, int requests) {
        for (int i = 0; i < requests; i++) {
            api.get(url, ADMIN, accept, 200);
        }
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (int run = 0; run < sizes.runs; run++) {
            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                long t = System.nanoTime();
                api.get(url, ADMIN, accept, 200);
                latencies.add((System.nanoTime() - t) / 1e6);
            }
            p50.add(percentile(latencies, 50));
            p99.add(percentile(latencies, 99));
        }
        return new Fig[] { Fig.of(p50, "ms"), Fig.of(p99, "ms") };
    }

    /**
     * Ten years of a partnership's records, written straight into reporting's tables as its
     * consumers would have left them; {@link #deleteSynthetic} takes them out again.
     */
    void addSyntheticRecords(String partnership, List<String> districts) {
        String p = "'" + partnership + "'";
        int first = SYNTHETIC_FIRST_MONTH.getYear();
        int last = first + SYNTHETIC_MONTHS / 12 - 1;
        syntheticPresent.set(true);
        pg.script(stack.db("reporting"), """
                insert into partnership_directory (id, name, districts, version)
                    values (%1$s, 'Synthetic CSP', '["%5$s", "%6$s"]'::jsonb, 0) on conflict do nothing;
                insert into partnership_agency (id, name, type, responsible_authority, version)
                    select %1$s || '-agency-' || n, 'Agency ' || n, case when n <= 8 then 'police' else 'voluntary-sector' end,
                        n <= 8, 0 from generate_series(1, 12) n;
                insert into partnership_membership (id, partnership_id, agency_id, role, statutory, member_from, version)
                    select gen_random_uuid(), %1$s, %1$s || '-agency-' || n,
                        case n when 1 then 'chair' when 2 then 'vice-chair' else 'member' end, n <= 8, date '%2$d-04-01', 0
                    from generate_series(1, 12) n;
                insert into partnership_body (id, partnership_id, name, kind, cadence, version)
                    select ('00000000-0000-0000-0000-00000000000' || n)::uuid, %1$s, 'Body ' || n, 'steering-group',
                        'quarterly', 0 from generate_series(1, 3) n;
                insert into partnership_meeting (id, partnership_id, body_id, held_on, attending_agencies, version)
                    select gen_random_uuid(), %1$s, ('00000000-0000-0000-0000-00000000000' || b)::uuid,
                        (date '%2$d-06-10' + q * interval '3 months')::date, array[%1$s || '-agency-1'], 0
                    from generate_series(1, 3) b, generate_series(0, %4$d) q;
                insert into partnership_priority (id, partnership_id, financial_year, title, theme, status, version)
                    select gen_random_uuid(), %1$s, y, 'Priority ' || n, 'violence', 'adopted', 0
                    from generate_series(%2$d, %3$d) y, generate_series(1, 4) n;
                insert into partnership_action (id, partnership_id, financial_year, priority_id, title, owner_agency_id,
                        start_on, due_on, status, measures, progress_on, progress_status, progress_note, version)
                    select gen_random_uuid(), %1$s, pr.financial_year, pr.id, pr.title || ', action ' || n,
                        %1$s || '-agency-' || n, make_date(pr.financial_year, 4, 1), make_date(pr.financial_year + 1, 3, 31),
                        'on-track', '[{"name": "people reached", "unit": "people", "target": 100, "actual": 80}]'::jsonb,
                        make_date(pr.financial_year, 12, 1), 'on-track', 'Delivered as planned', 0
                    from partnership_priority pr, generate_series(1, 5) n where pr.partnership_id = %1$s;
                insert into partnership_risk (id, partnership_id, reference, description, likelihood, impact, score,
                        rating, mitigation, owner, review_on, closed, version)
                    select gen_random_uuid(), %1$s, 'R' || n, 'Risk ' || n, n %% 6 + 1, n %% 4 + 1,
                        (n %% 6 + 1) * (n %% 4 + 1), case when (n %% 6 + 1) * (n %% 4 + 1) <= 6 then 'low'
                        when (n %% 6 + 1) * (n %% 4 + 1) <= 12 then 'medium' else 'high' end, 'Mitigation', 'Owner',
                        null, n > 20, 0 from generate_series(1, 40) n;
                insert into partnership_dhr (review_id, partnership_id, status, version)
                    select gen_random_uuid(), %1$s, (array['notified', 'commissioned', 'under-review', 'published'])[n %% 4 + 1], 0
                    from generate_series(1, 15) n;
                insert into budget_funder (id, name, version) values (%1$s || '-funder', 'Synthetic PCC', 0)
                    on conflict do nothing;
                insert into budget_stream (id, funder_id, name, version)
                    values ('00000000-0000-0000-0000-0000000000f1', %1$s || '-funder', 'Core grant', 0)
                    on conflict do nothing;
                insert into budget_allocation (id, partnership_id, stream_id, financial_year, gross, made_version,
                        top_sliced, version)
                    select gen_random_uuid(), %1$s, '00000000-0000-0000-0000-0000000000f1', y, 12337.00, 0, 0.00, 0
                    from generate_series(%2$d, %3$d) y;
                insert into budget_initiative (id, partnership_id, stream_id, financial_year, status, amount, title,
                        amount_illustrative, version)
                    select gen_random_uuid(), %1$s, '00000000-0000-0000-0000-0000000000f1', y, 'approved', 1000.00,
                        'Initiative ' || n, false, 0
                    from generate_series(%2$d, %3$d) y, generate_series(1, 10) n;
                insert into budget_spend_line (id, initiative_id, partnership_id, stream_id, financial_year, amount)
                    select gen_random_uuid(), i.id, %1$s, i.stream_id, i.financial_year, 150.00
                    from budget_initiative i, generate_series(1, 5) n where i.partnership_id = %1$s;
                analyze;
                """.formatted(p, first, last, (last - first + 1) * 4 - 1, districts.get(0), districts.get(1)));
    }

    void addSynthetic(int from, int to, List<String> districts, int[] base, int remainder) {
        String cells = "with p as (select generate_series(" + from + ", " + to + ") as n),"
                + " c as (select n, i from p, generate_series(0, " + (SYNTHETIC_MONTHS * 28 - 1) + ") i),"
                + " cell as (select format('" + SYNTHETIC + "%s', lpad(n::text, 3, '0')) as partnership_id,"
                + " (date '" + SYNTHETIC_FIRST_MONTH.atDay(1) + "' + (i / 28) * interval '1 month')::date as month,"
                + " (array[" + quoted(districts) + "])[(n - 1) * 2 + (i / 14) % 2 + 1] as district_code,"
                + " (array[" + quoted(DemoData.CATEGORIES.stream().map(DemoData.Category::slug).toList()) + "])[i % 14 + 1]"
                + " as category, (array[" + Arrays.stream(base).mapToObj(String::valueOf).collect(Collectors.joining(","))
                + "])[i % 14 + 1] + case when i < " + remainder + " then 1 else 0 end as incidents from c)";
        syntheticPresent.set(true);
        pg.script(stack.db("reporting"), cells + " insert into incident_count (partnership_id, month, district_code,"
                + " category, asb_type, incident_count) select partnership_id, month, district_code, category, '',"
                + " incidents from cell; analyze incident_count;");
        pg.script(BENCH_DB, "drop index if exists incident_raw_partnership_month; " + cells
                + " insert into incident_raw (partnership_id, month, district_code, category)"
                + " select partnership_id, month, district_code, category from cell, generate_series(1, incidents);"
                + " create index incident_raw_partnership_month on incident_raw (partnership_id, month);"
                + " vacuum analyze incident_raw;");
    }

    /**
     * When the bench is stopped (Ctrl-C, kill): nothing synthetic stays in the projections, the
     * samplers' sessions end, and the generated files go. After a normal end there is nothing left to do.
     */
    void tidyAfterInterrupt() {
        removeSynthetic();
        if (Files.exists(work)) {
            try {
                pg.script(BENCH_DB, "insert into bench_sampler_stop select distinct tag from bench_activity"
                        + " on conflict do nothing;");
            } catch (RuntimeException e) {
                log("could not stop the activity samplers: " + e.getMessage());
            }
            deleteTree(work);
        }
    }

    void removeSynthetic() {
        if (syntheticPresent.getAndSet(false)) {
            deleteSynthetic();
        }
    }

    void deleteSynthetic() {
        String synthetic = "'" + SYNTHETIC + "%'";
        StringBuilder sql = new StringBuilder();
        for (String table : List.of("incident_count", "partnership_membership", "partnership_meeting",
                "partnership_body", "partnership_action", "partnership_priority", "partnership_risk", "partnership_dhr",
                "budget_spend_line", "budget_initiative", "budget_allocation", "report")) {
            sql.append("delete from ").append(table).append(" where partnership_id like ").append(synthetic).append(";\n");
        }
        sql.append("delete from partnership_agency where id like ").append(synthetic).append(";\n");
        sql.append("delete from budget_stream where funder_id like ").append(synthetic).append(";\n");
        sql.append("delete from budget_funder where id like ").append(synthetic).append(";\n");
        sql.append("delete from partnership_directory where id like ").append(synthetic).append(";\n");
        sql.append("delete from open_crime where persistent_id like ").append(synthetic).append(";\n");
        pg.script(stack.db("reporting"), sql.toString());
    }

    /** p50 and p99 of sequential requests, per run, after a warm-up. */
    Fig[] endpointLatency(String url) {
        for (int i = 0; i < Math.max(500, sizes.feedRequests * 2); i++) { // the JIT's compilations of the whole request path
            api.get(url, ADMIN, 200);
        }
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (int run = 0; run < sizes.runs; run++) {
            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < sizes.feedRequests; i++) {
                long t = System.nanoTime();
                api.get(url, ADMIN, 200);
                latencies.add((System.nanoTime() - t) / 1e6);
            }
            p50.add(percentile(latencies, 50));
            p99.add(percentile(latencies, 99));
        }
        return new Fig[] { Fig.of(p50, "ms"), Fig.of(p99, "ms") };
    }

    Fig[] sqlLatency(String db, String sql) {
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        pg.timedRepeats(db, sql, 5);
        for (int run = 0; run < sizes.runs; run++) {
            List<Double> latencies = pg.timedRepeats(db, sql, sizes.feedRequests);
            p50.add(percentile(latencies, 50));
            p99.add(percentile(latencies, 99));
        }
        return new Fig[] { Fig.of(p50, "ms"), Fig.of(p99, "ms") };
    }

    // ---- 1b. growth: the import again with >= 1 M incidents of the agency stored ----------------

    void growthBenchmark() throws Exception {
        long stored = agencyIncidents();
        phase("growth", "1b. growth: " + stored + " incidents of " + AGENCY + " stored; loading history to " + sizes.historyTarget);
        Deadline historyBy = Deadline.in(sizes.historyCap).min(overall);
        List<YearMonth> block = stored < sizes.historyTarget ? months.take(demo.months.size(), "history") : List.of();
        long baseline = block.isEmpty() ? 0 : feedTotal(demo.partnerships, block);
        long created = 0;
        List<Map<String, Object>> files = new ArrayList<>();
        String stopped = null;
        while (stored < sizes.historyTarget) {
            if (historyBy.passed()) {
                stopped = "history loading stopped at its cap of " + human(sizes.historyCap);
                break;
            }
            int rows = (int) Math.min(sizes.historyFileRows, Math.max(1000, sizes.historyTarget - stored));
            Path file = work.resolve("history-" + files.size() + ".csv");
            int written = demo.writeImport(file, rows, block, nonce());
            long t0 = System.nanoTime();
            Api.Response accepted = api.postFile(stack.incident("/api/v1/incident-imports"), SUBMITTER, file,
                    "text/csv", 202);
            Files.deleteIfExists(file);
            String location = URI.create(stack.incident("/")).resolve(accepted.header("location")).toString();
            // Waited for whatever the history cap says: the measured imports would queue behind it.
            Deadline fileBy = Deadline.in(sizes.importCap).min(overall);
            Map<String, Object> status = Map.of();
            while (!fileBy.passed()) {
                status = Json.object(api.get(location, SUBMITTER, 200).body());
                if (!String.valueOf(status.get("status")).matches("(?i)queued|running")) {
                    break;
                }
                sleep(500);
            }
            double secs = seconds(System.nanoTime() - t0);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("storedBefore", stored);
            f.put("rows", written);
            f.put("status", status.get("status"));
            f.put("seconds", secs);
            f.put("rowsPerSecond", Json.num(status, "rowsRead") / secs);
            files.add(f);
            created += Json.num(status, "created");
            log("history file " + files.size() + ": " + status.get("status") + ", " + Json.num(status, "rowsRead")
                    + " rows in " + fmtSeconds(secs) + " at " + stored + " stored before");
            if (!"completed".equalsIgnoreCase(String.valueOf(status.get("status")))) {
                stopImportByRestart();
                stopped = "a history file was not COMPLETED within " + human(sizes.importCap)
                        + " (stopped by restarting incident-service)";
                break;
            }
            stored = agencyIncidents();
        }
        Long countedAt = block.isEmpty() ? Long.valueOf(System.nanoTime())
                : waitUntilCounted(demo.partnerships, block, baseline + created, Deadline.in(sizes.countedCap).min(overall));
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("target", sizes.historyTarget);
        history.put("storedAfterLoading", stored);
        history.put("files", files);
        history.put("stoppedBecause", stopped);
        history.put("historyCountedBeforeMeasuring", countedAt != null);
        report.json.put("growth-history", history);
        report.h2("1b. Growth test: the history");
        report.p(files.isEmpty() ? "The earlier phases had already stored " + fmtInt(stored) + " incidents of " + AGENCY
                + " (the target is " + fmtInt(sizes.historyTarget) + "), so no history file was needed."
                : "Generated files of up to " + fmtInt(sizes.historyFileRows) + " rows imported one after another until "
                + AGENCY + " had " + fmtInt(sizes.historyTarget) + " incidents stored (cap " + human(sizes.historyCap)
                + "): " + fmtInt(stored) + " stored" + (stopped == null ? "" : "; " + stopped) + ". The reporting feed "
                + (countedAt == null ? "had NOT caught up with them before the measured runs." : "had counted them before the measured runs."));
        if (!files.isEmpty()) {
            report.table(List.of("stored before", "rows", "status", "seconds", "rows/s"), files.stream()
                    .map(f -> List.of(fmtInt(((Number) f.get("storedBefore")).longValue()), fmtInt(((Number) f.get("rows")).longValue()),
                            String.valueOf(f.get("status")), fmtNum((Double) f.get("seconds"), 1),
                            fmtRate((Double) f.get("rowsPerSecond"))))
                    .toList());
        }
        if (stopped == null || stopped.startsWith("history loading")) {
            importBenchmark("history", "after loading history to " + fmtInt(stored) + " incidents");
        }
    }

    /**
     * An import cannot be cancelled through the API, and one left running would load every later
     * phase (and the stack others use): restarting incident-service abandons it (the new instance
     * marks it failed). The restart is timed for the footprint.
     * @return seconds until the service was ready again
     */
    double stopImportByRestart() {
        Path service = options.repo.resolve("deploy/local/bin/service");
        log("restarting incident-service to stop the import");
        Proc.run(List.of(service.toString(), "stop", "incident"), null);
        long t = System.nanoTime();
        Proc.run(List.of(service.toString(), "start", "incident"), null);
        double ready = seconds(System.nanoTime() - t);
        restarts.add(ready);
        return ready;
    }

    final List<Double> restarts = new ArrayList<>();

    // ---- 1d. memory: one import of a file of about 1 GB ------------------------------------------

    /** One tick of the memory benchmark: seconds from the POST, rows read then, RSS, heap used (-1: unknown). */
    record MemorySample(double seconds, long rowsRead, long rssKb, long heapBytes) {
        List<Number> json() {
            return List.of(round(seconds, 1), rowsRead, rssKb, heapBytes);
        }
    }

    void memoryBenchmark() throws Exception {
        phase("memory", "1d. memory: one import of about " + fmtMiB(sizes.memoryFileBytes / 1024.0) + ", budget "
                + human(sizes.memoryPhaseBudget));
        Deadline phaseBy = Deadline.in(sizes.memoryPhaseBudget).min(overall);
        long pid = stack.pid("incident-service").orElseThrow(() -> new HarnessError("incident-service is not running"));
        List<YearMonth> block = months.take(demo.months.size(), "memory");
        String nonce = nonce();
        // Rows for the size: one pass over the demo rows, as the file will hold them, gives bytes per row.
        Path file = work.resolve("memory.csv");
        demo.writeImport(file, demo.rows.size(), block, nonce);
        double bytesPerRow = (double) Files.size(file) / demo.rows.size();
        int rows = (int) Math.round(sizes.memoryFileBytes / bytesPerRow);
        ExecutorService poster = Executors.newSingleThreadExecutor();
        try {
            int written = demo.writeImport(file, rows, block, nonce);
            long bytes = Files.size(file);
            long baseline = feedTotal(demo.partnerships, block);
            log("memory: " + fmtInt(written) + " rows, " + fmtInt(bytes) + " bytes in " + block.get(0) + ".."
                    + block.get(block.size() - 1));
            List<MemorySample> samples = new ArrayList<>();
            List<Double> scrapeMs = new ArrayList<>();
            samples.add(memorySample(pid, System.nanoTime(), 0, scrapeMs)); // at 0 s: just before the POST
            long t0 = System.nanoTime();
            Future<Api.Response> posting = poster.submit(() -> api.postFile(stack.incident("/api/v1/incident-imports"),
                    SUBMITTER, file, "text/csv", 202));
            String location = null;
            Double uploadSeconds = null;
            MemorySample uploaded = null;
            Map<String, Object> status = Map.of();
            String state = "";
            Long finishedAt = null;
            // Once a second, on the tick: the POST streams the file first, so the upload is sampled too.
            for (long tick = t0 + 1_000_000_000L; finishedAt == null && !phaseBy.passed(); tick += 1_000_000_000L) {
                sleepUntil(tick);
                if (location == null && posting.isDone()) {
                    Api.Response posted = getOrThrow(posting);
                    uploadSeconds = seconds(posted.doneNanos() - t0);
                    location = URI.create(stack.incident("/")).resolve(posted.header("location")).toString();
                    Files.deleteIfExists(file); // the service has its own copy in its spool
                }
                if (location != null) {
                    status = Json.object(api.get(location, SUBMITTER, 200).body());
                    state = String.valueOf(status.get("status")).toUpperCase(Locale.ROOT);
                    if (state.equals("COMPLETED") || state.equals("FAILED")) {
                        finishedAt = System.nanoTime();
                    }
                }
                MemorySample s = memorySample(pid, t0, location == null ? 0 : Json.num(status, "rowsRead"), scrapeMs);
                samples.add(s);
                if (location != null && uploaded == null) {
                    uploaded = s;
                }
            }
            long created = Json.num(status, "created");
            long read = Json.num(status, "rowsRead");
            long hwmKb = Proc.statusKb(pid, "VmHWM"); // before a restart ends the process
            List<String> notes = new ArrayList<>();
            Double completedSeconds = null;
            Double countedSeconds = null;
            if (finishedAt == null) {
                double restart = stopImportByRestart();
                notes.add("not COMPLETED within the phase budget of " + human(sizes.memoryPhaseBudget) + ": "
                        + fmtInt(read) + " of " + fmtInt(written) + " rows read; stopped by restarting incident-service"
                        + " (ready again in " + fmtSeconds(restart) + ")");
            } else {
                if (state.equals("FAILED")) {
                    notes.add("the import FAILED after " + fmtSeconds(seconds(finishedAt - t0)) + " with " + fmtInt(read)
                            + " of " + fmtInt(written) + " rows read: \"" + status.get("failure") + "\"");
                } else {
                    completedSeconds = seconds(finishedAt - t0);
                    if (created != written) {
                        log("memory: WARNING not every row was new and stored: " + status);
                    }
                }
                // What was stored is waited for, so the next benchmark does not run while reporting-service counts.
                Long countedAt = waitUntilCounted(demo.partnerships, block, baseline + created, phaseBy);
                countedSeconds = countedAt == null ? null : seconds(countedAt - t0);
                if (countedAt == null) {
                    notes.add("not counted in the feed within the phase budget of " + human(sizes.memoryPhaseBudget));
                }
            }
            String note = notes.isEmpty() ? null : String.join("; ", notes);
            log("memory: " + (completedSeconds == null ? "" : "COMPLETED after " + fmtSeconds(completedSeconds) + " ("
                    + fmtRate(written / completedSeconds) + "), ") + "counted " + (countedSeconds == null ? "—"
                            : "after " + fmtSeconds(countedSeconds)) + (note == null ? "" : "; " + note));
            reportMemory(written, bytes, block, samples, uploaded, uploadSeconds, completedSeconds, countedSeconds,
                    state.equals("FAILED") ? "FAILED" : completedSeconds == null ? "the last sample" : "COMPLETED",
                    status, hwmKb, scrapeMs, note);
            if (state.equals("FAILED")) {
                // Reported first: the memory until the failure is still worth reading. The run is a broken one.
                throw new HarnessError("memory: the import failed: " + status.get("failure"));
            }
        } finally {
            poster.shutdownNow();
            Files.deleteIfExists(file);
        }
    }

    /** RSS as the footprint reads it (the process group) and heap used from the metrics, the scrape timed. */
    MemorySample memorySample(long pid, long t0, long rowsRead, List<Double> scrapeMs) {
        long at = System.nanoTime();
        long rss = Proc.groupRssKb(pid);
        long scrape = System.nanoTime();
        long heap = incidentHeapUsedBytes();
        scrapeMs.add((System.nanoTime() - scrape) / 1e6);
        return new MemorySample(seconds(at - t0), rowsRead, rss, heap);
    }

    /** @return jvm_memory_used_bytes of the heap's pools, summed, or -1 when the metrics did not answer */
    long incidentHeapUsedBytes() {
        try {
            Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{([^}]*)} ([0-9.eE+]+)")
                    .matcher(api.metrics(stack.incidentManagement("/q/metrics")));
            double sum = 0;
            boolean found = false;
            while (m.find()) {
                if (m.group(1).contains("area=\"heap\"")) {
                    sum += Double.parseDouble(m.group(2));
                    found = true;
                }
            }
            return found ? (long) sum : -1;
        } catch (HarnessError e) {
            return -1;
        }
    }

    void reportMemory(int rows, long bytes, List<YearMonth> block, List<MemorySample> samples, MemorySample uploaded,
            Double uploadSeconds, Double completedSeconds, Double countedSeconds, String endLabel,
            Map<String, Object> status, long hwmKb, List<Double> scrapeMs, String note) {
        MemorySample start = samples.get(0);
        MemorySample end = samples.get(samples.size() - 1);
        MemorySample peak = samples.stream().max((a, b) -> Long.compare(a.rssKb(), b.rssKb())).orElseThrow();
        MemorySample peakHeap = samples.stream().max((a, b) -> Long.compare(a.heapBytes(), b.heapBytes())).orElseThrow();
        Map<String, MemorySample> moments = new LinkedHashMap<>();
        moments.put("before the POST", start);
        moments.put("file accepted (202)", uploaded);
        for (int p : List.of(25, 50, 75)) {
            moments.put(p + " % of the rows read", samples.stream().filter(s -> s.rowsRead() >= rows * (p / 100.0))
                    .findFirst().orElse(null));
        }
        moments.put(endLabel, end);
        moments.put("peak RSS", peak);
        moments.put("peak heap used", peakHeap);
        MemorySample at25 = moments.get("25 % of the rows read");
        MemorySample at75 = moments.get("75 % of the rows read");
        Double growthKb = at25 == null || at75 == null ? null : (double) (at75.rssKb() - at25.rssKb());

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fileBytes", bytes);
        json.put("rows", rows);
        json.put("months", block.get(0) + ".." + block.get(block.size() - 1));
        json.put("uploadSeconds", uploadSeconds);
        json.put("completedSeconds", completedSeconds);
        json.put("rowsPerSecondToCompleted", completedSeconds == null ? null : rows / completedSeconds);
        json.put("countedSeconds", countedSeconds);
        for (String key : List.of("created", "unchanged", "outsidePartnerships", "rejected")) {
            json.put(key, Json.num(status, key));
        }
        Map<String, Object> at = new LinkedHashMap<>();
        moments.forEach((moment, s) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            if (s != null) {
                m.put("seconds", round(s.seconds(), 1));
                m.put("rowsRead", s.rowsRead());
                m.put("rssKb", s.rssKb());
                m.put("heapUsedBytes", s.heapBytes() < 0 ? null : s.heapBytes());
            }
            at.put(moment, s == null ? null : m);
        });
        json.put("incidentService", at);
        json.put("rssGrowthFrom25To75PercentKb", growthKb);
        json.put("incidentServiceVmHwmKbAtEnd", hwmKb);
        json.put("metricsScrapeMs", Fig.of(scrapeMs, "ms").json());
        json.put("samplesSecondsRowsReadRssKbHeapBytes", samples.stream().map(MemorySample::json).toList());
        json.put("note", note);
        report.json.put("memory", json);

        report.h2("1d. Memory of one large import");
        report.p("One file of " + fmtMiB(bytes / 1024.0) + " built like benchmark 1's (fresh police.uk rows from the demo "
                + "Essex files, kept to the demo partnerships' districts, months shifted to months no other run used, "
                + "Crime IDs re-keyed, so every row is new), streamed to a file in the bench's scratch folder and posted "
                + "as text/csv to `POST /api/v1/incident-imports`. Every second from just before the POST until the "
                + "import is COMPLETED, the bench read incident-service's RSS from /proc (the process group, as in the "
                + "footprint), its heap used (`jvm_memory_used_bytes{area=\"heap\"}` summed over the pools, from "
                + "`/q/metrics`; a scrape took " + fmtMs(percentile(scrapeMs, 50)) + " at the median) and the import's "
                + "`rowsRead`, so each sample stands against the rows read: memory that stays flat from 25 % to 75 % of "
                + "the rows does not grow with the file. The service runs with -Xmx256m -XX:+UseSerialGC, so heap used "
                + "saws between collections; RSS is what the machine pays. No reference: this is a footprint, not a "
                + "speed. Then the bench waited until the reporting feed counted the rows, within the phase budget of "
                + human(sizes.memoryPhaseBudget) + ", so the next benchmark starts on a quiet stack.");
        report.table(List.of("figure", "value"), List.of(
                List.of("file", fmtMiB(bytes / 1024.0) + " (" + fmtInt(bytes) + " bytes), " + fmtInt(rows) + " rows"),
                List.of("upload, POST → 202", uploadSeconds == null ? "—" : fmtSeconds(uploadSeconds)),
                List.of("import, POST → COMPLETED", completedSeconds == null ? "—"
                        : fmtSeconds(completedSeconds) + " (" + fmtRate(rows / completedSeconds) + ")"),
                List.of("POST → counted in the feed", countedSeconds == null ? "—" : fmtSeconds(countedSeconds)),
                List.of("created / unchanged / outside", fmtInt(Json.num(status, "created")) + " / "
                        + fmtInt(Json.num(status, "unchanged")) + " / " + fmtInt(Json.num(status, "outsidePartnerships"))),
                List.of("RSS before the POST", fmtMiB(start.rssKb())),
                List.of("**peak RSS** (sampled)", fmtMiB(peak.rssKb())),
                List.of("RSS at " + endLabel, fmtMiB(end.rssKb())),
                List.of("**RSS at 75 % of the rows − at 25 %**", growthKb == null ? "—"
                        : (growthKb >= 0 ? "+" : "") + fmtMiB(growthKb)),
                List.of("VmHWM at the end (the process's peak since it started)", fmtMiB(hwmKb))));
        report.p("incident-service at each moment (" + samples.size() + " samples; all of them are in the .json):");
        List<List<String>> table = new ArrayList<>();
        moments.forEach((moment, s) -> table.add(s == null ? List.of(moment, "—", "—", "—", "—")
                : List.of(moment, fmtSeconds(s.seconds()), fmtInt(s.rowsRead()), fmtMiB(s.rssKb()),
                        s.heapBytes() < 0 ? "—" : fmtMiB(s.heapBytes() / 1024.0))));
        report.table(List.of("moment", "seconds from the POST", "rows read", "RSS", "heap used"), table);
        if (note != null) {
            report.p("Note: " + note + ".");
        }
    }

    static String fmtMiB(double kb) {
        return kb >= 1024 * 1024 ? fmtNum(kb / 1024 / 1024, 2) + " GiB" : fmtNum(kb / 1024, 0) + " MiB";
    }

    // ---- 6. footprint ----------------------------------------------------------------------------

    void footprintSnapshot(String when) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        for (String name : Stack.PROCESSES) {
            stack.pid(name).ifPresent(pid -> {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("pid", pid);
                p.put("rssKb", Proc.groupRssKb(pid));
                p.put("vmHwmKb", Proc.statusKb(pid, "VmHWM"));
                p.put("uptimeSeconds", Proc.uptimeSeconds(pid));
                snapshot.put(name, p);
            });
        }
        footprints.put(when, snapshot);
    }

    void footprintSection() throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (String name : Stack.PROCESSES) {
            List<Double> starts = stack.startTimes(name);
            Fig ready = Fig.of(starts.subList(Math.max(0, starts.size() - 5), starts.size()), "s");
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("startedInSeconds", ready.json());
            List<String> row = new ArrayList<>(List.of(name, starts.isEmpty() ? "—" : ready.md(v -> fmtNum(v, 1) + " s")));
            for (Map.Entry<String, Map<String, Object>> snapshot : footprints.entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> s = (Map<String, Object>) snapshot.getValue().get(name);
                p.put(snapshot.getKey(), s);
                row.add(s == null ? "—" : fmtNum(((Number) s.get("rssKb")).doubleValue() / 1024, 0) + " MiB");
            }
            Object first = footprints.values().stream().map(f -> f.get(name)).filter(Objects::nonNull)
                    .map(f -> ((Map<?, ?>) f).get("pid")).findFirst().orElse(null);
            boolean restarted = footprints.values().stream().map(f -> f.get(name)).filter(Objects::nonNull)
                    .anyMatch(f -> !((Map<?, ?>) f).get("pid").equals(first));
            p.put("restartedDuringTheRun", restarted);
            row.add(restarted ? "yes" : "no");
            json.put(name, p);
            rows.add(row);
        }
        json.put("incidentServiceRestartsToStopAnImportSeconds", restarts);
        report.json.put("footprint", json);
        report.h2("6. Footprint");
        report.p("Time to ready is the \"started in X s\" line of each process's log under .local/stack/logs "
                + "(median (min–max) of its last starts, at most five); RSS from /proc (the process group, so "
                + "Keycloak's forked JVM counts), at the moments named. The services run with -Xmx256m "
                + "-XX:+UseSerialGC (deploy/local/bin/service).");
        List<String> header = new ArrayList<>(List.of("process", "started in"));
        footprints.keySet().forEach(k -> header.add("RSS " + k));
        header.add("restarted during the run");
        report.table(header, rows);
        if (!restarts.isEmpty()) {
            report.p("The bench restarted incident-service " + restarts.size() + " time(s) to stop an import that hit "
                    + "its cap; it was ready again after " + restarts.stream().map(Bench::fmtSeconds)
                            .collect(Collectors.joining(", ")) + ".");
        }
    }

    // ---- shared steps ----------------------------------------------------------------------------

    long agencyIncidents() {
        return Long.parseLong(pg.scalar(stack.db("incident"), "select count(*) from incident where agency_id = '"
                + AGENCY + "'"));
    }

    /** The analyst's feed total over the months, summed over the partnerships. */
    long feedTotal(List<String> partnerships, List<YearMonth> block) {
        return sumCounts(api.get(stack.reporting("/api/v1/feeds/incident-counts?partnership="
                + String.join(",", partnerships) + "&from=" + block.get(0) + "&to=" + block.get(block.size() - 1)
                + "&groupBy="), ANALYST, 200).body());
    }

    /** @return when the feed first showed the total, or null when the deadline passed first */
    Long waitUntilCounted(List<String> partnerships, List<YearMonth> block, long total, Deadline deadline) {
        while (!deadline.passed()) {
            if (feedTotal(partnerships, block) >= total) {
                return System.nanoTime();
            }
            sleep(200);
        }
        return null;
    }

    static long sumCounts(String feedBody) {
        Object rows = Json.object(feedBody).get("rows");
        long sum = 0;
        for (Object row : (List<?>) rows) {
            Object count = ((Map<?, ?>) row).get("count");
            sum += count == null ? 0 : ((Number) count).longValue();
        }
        return sum;
    }

    /** An incident as an agency system would post it, from a demo row. */
    static String incidentJson(String ref, DemoData.Row row, LocalDate on) {
        StringBuilder s = new StringBuilder("{\"externalRef\":").append(Json.quote(ref))
                .append(",\"partnershipId\":").append(Json.quote(row.partnership()))
                .append(",\"category\":").append(Json.quote(row.category()))
                .append(",\"occurredOn\":\"").append(on).append('"')
                .append(",\"districtCode\":").append(Json.quote(row.district()));
        if (!row.lsoaCode().isEmpty()) {
            s.append(",\"lsoaCode\":").append(Json.quote(row.lsoaCode()));
        }
        if (!row.latitude().isEmpty()) {
            s.append(",\"latitude\":").append(row.latitude()).append(",\"longitude\":").append(row.longitude());
        }
        if (!row.location().isEmpty()) {
            s.append(",\"locationDescription\":").append(Json.quote(row.location()));
        }
        return s.append('}').toString();
    }

    void dropScratchTables() {
        try {
            pg.script(BENCH_DB, "drop table if exists police_uk_copy; drop table if exists incident_raw;"
                    + " drop table if exists incident_copy;"
                    + " truncate bench_activity; truncate bench_sampler_stop;");
        } catch (RuntimeException e) {
            log("could not drop the scratch tables in " + BENCH_DB + ": " + e.getMessage());
        }
    }

    /**
     * When each service's jars were built and its process started: the working tree may hold
     * uncommitted work, and a service started before its latest build runs the older code.
     */
    Map<String, Object> serviceBuilds() throws IOException {
        Map<String, Object> builds = new LinkedHashMap<>();
        for (String service : List.of("partnership", "funding", "incident", "reporting")) {
            Map<String, Object> b = new LinkedHashMap<>();
            Path app = options.repo.resolve(service + "-service/target/quarkus-app");
            long built = 0;
            if (Files.isDirectory(app)) {
                try (var files = Files.walk(app)) {
                    built = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().lastModified()).max().orElse(0);
                }
            }
            Optional<Long> pid = stack.pid(service + "-service");
            long started = pid.map(p -> System.currentTimeMillis() - (long) (Proc.uptimeSeconds(p) * 1000)).orElse(0L);
            b.put("builtAt", built == 0 ? null : java.time.Instant.ofEpochMilli(built).toString());
            b.put("runningSince", started == 0 ? null : java.time.Instant.ofEpochMilli(started).toString());
            b.put("runsAnOlderBuild", built > started + 60_000);
            builds.put(service + "-service", b);
        }
        return builds;
    }

    String quarkusVersion() throws IOException {
        Matcher m = Pattern.compile("<quarkus.platform.version>([^<]+)<").matcher(read(options.repo.resolve("pom.xml")));
        return m.find() ? m.group(1) : "unknown";
    }

    String commonSetting(String name) throws IOException {
        Matcher m = Pattern.compile(name + "=(\\S+)").matcher(read(options.repo.resolve("deploy/local/lib/common.sh")));
        return m.find() ? m.group(1) : "unknown";
    }

    String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", options.repo.toString()));
        command.addAll(List.of(args));
        return Proc.run(command, null).trim();
    }

    // ---- small helpers ---------------------------------------------------------------------------

    /** A benchmark begins: said, and the machine's load noted, since others share it. */
    void phase(String name, String message) {
        log(message);
        report.load(name, loadAverage());
    }

    static String loadAverage() {
        try {
            return firstWords(read(Path.of("/proc/loadavg")), 3);
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void log(String message) {
        System.out.println("bench: " + message);
        System.out.flush();
    }

    /** A short random tag that makes a run's references and ASB rows its own. */
    static String nonce() {
        byte[] b = new byte[4];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static <T> T getOrThrow(Future<T> f) throws Exception {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessError("interrupted");
        }
    }

    static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            sleep(wait / 1_000_000);
        }
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    static String fmtNum(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Double.isInfinite(v)) {
            return "∞";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    static String fmtInt(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String fmtRate(double v) {
        return fmtNum(v, 0) + " rows/s";
    }

    static String fmtRatio(double v) {
        return Double.isNaN(v) ? "—" : fmtNum(v * 100, v < 0.1 ? 2 : 1) + " %";
    }

    static String fmtMs(double v) {
        if (Double.isInfinite(v)) {
            return "not counted";
        }
        return v < 100 ? fmtNum(v, 1) + " ms" : fmtNum(v, 0) + " ms";
    }

    static String fmtSeconds(double v) {
        return fmtNum(v, v < 10 ? 2 : 1) + " s";
    }

    static String human(Duration d) {
        return d.toMinutes() >= 1 && d.toSecondsPart() == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    static String quoted(List<String> values) {
        return values.stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(","));
    }

    static String read(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException again) {
                return "unknown-host";
            }
        }
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static long memInfoKb(String field) throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith(field + ":"))
                .map(l -> Long.parseLong(l.replaceAll("\\D+", ""))).findFirst().orElse(0L);
    }

    static String firstWords(String text, int n) {
        return String.join(" ", Arrays.asList(text.trim().split("\\s+")).subList(0, n));
    }

    static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log("could not remove " + dir);
        }
    }
}

/** The harness itself broke: a request errored, psql failed, the data were not what was sent. */
class HarnessError extends RuntimeException {
    HarnessError(String message) {
        super(message);
    }
}

final class Options {
    static final Set<String> BENCHMARKS = Set.of("import", "batch", "single", "freshness", "feeds", "report",
            "police-uk", "growth", "memory");
    boolean quick;
    Path repo;
    Path out;
    Set<String> only = BENCHMARKS;

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> o.quick = true;
                case "--repo" -> o.repo = Path.of(args[++i]).toAbsolutePath();
                case "--out" -> o.out = Path.of(args[++i]).toAbsolutePath();
                case "--only" -> {
                    o.only = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
                    if (!BENCHMARKS.containsAll(o.only)) {
                        throw new IllegalArgumentException("--only takes any of " + BENCHMARKS);
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (o.repo == null || o.out == null) {
            throw new IllegalArgumentException("usage: java bench/Bench.java [--quick] [--only a,b] --repo DIR --out DIR");
        }
        return o;
    }

    boolean on(String benchmark) {
        return only.contains(benchmark);
    }
}

/** How big and how long: every loop of the bench is bounded by one of these. */
final class Sizes {
    /** Runs behind each figure's median and spread. */
    int runs = 3;
    /** 1: rows per import file; an import not COMPLETED or counted within its caps is given up. */
    int importRows;
    Duration importCap;
    Duration countedCap;
    /** 1: a next run starts only if it would end within this (today's imports are slow). */
    Duration importPhaseBudget;
    /** 1c: incidents of the agency stored before the growth runs, loaded in files of this size. */
    int historyTarget;
    int historyFileRows;
    Duration historyCap;
    /** 2: records per batch, batches each client posts per run, client counts. */
    int batchRecords;
    int batchesPerClient;
    List<Integer> batchClients = List.of(1, 4, 16);
    /** 3: requests per second, and how long a run lasts. */
    int singleRate = 20;
    Duration singleDuration;
    /** 4: samples per condition, how long one may wait to be counted, the idle phase's cap. */
    int freshnessSamples;
    Duration freshnessTimeout;
    Duration freshnessCap;
    int freshnessImportRows;
    /** 1d: the size of the one large import file, and the budget of its phase (file, import, counted). */
    long memoryFileBytes;
    Duration memoryPhaseBudget;
    /** 5: incidents in the projections, and sequential requests per run. */
    List<Integer> feedSizes;
    int feedRequests;
    /** The whole bench: every wait ends by then. */
    Duration overall;

    static Sizes full() {
        Sizes s = new Sizes();
        s.importRows = 300_000;
        s.importCap = Duration.ofMinutes(30);
        s.countedCap = Duration.ofMinutes(20);
        s.importPhaseBudget = Duration.ofMinutes(45);
        s.historyTarget = 1_000_000;
        s.historyFileRows = 100_000;
        s.historyCap = Duration.ofMinutes(20);
        s.memoryFileBytes = 1L << 30;
        s.memoryPhaseBudget = Duration.ofMinutes(40);
        s.batchRecords = 1000;
        s.batchesPerClient = 3;
        s.singleDuration = Duration.ofSeconds(60);
        s.freshnessSamples = 1000;
        s.freshnessTimeout = Duration.ofSeconds(60);
        s.freshnessCap = Duration.ofMinutes(30);
        s.freshnessImportRows = 300_000;
        s.feedSizes = List.of(100_000, 1_000_000, 10_000_000);
        s.feedRequests = 200;
        s.overall = Duration.ofHours(5);
        return s;
    }

    /** Small enough for CI: under 4 minutes on today's services (the caps see to it). */
    static Sizes quick() {
        Sizes s = new Sizes();
        s.importRows = 3_000;
        s.importCap = Duration.ofSeconds(60);
        s.countedCap = Duration.ofSeconds(60);
        s.importPhaseBudget = Duration.ofSeconds(75);
        s.memoryFileBytes = 30L << 20;
        s.memoryPhaseBudget = Duration.ofSeconds(60);
        s.batchRecords = 100;
        s.batchesPerClient = 1;
        s.singleDuration = Duration.ofSeconds(4);
        s.freshnessSamples = 51;
        s.freshnessTimeout = Duration.ofSeconds(10);
        s.freshnessCap = Duration.ofSeconds(25);
        s.freshnessImportRows = 5_000;
        s.feedSizes = List.of(100_000);
        s.feedRequests = 30;
        s.overall = Duration.ofSeconds(210);
        return s;
    }
}

final class Deadline {
    private final long at;

    private Deadline(long at) {
        this.at = at;
    }

    static Deadline in(Duration d) {
        return new Deadline(System.nanoTime() + d.toNanos());
    }

    Deadline min(Deadline other) {
        return at - other.at <= 0 ? this : other;
    }

    boolean passed() {
        return System.nanoTime() - at >= 0;
    }
}

/** Where the local stack is: the same environment variables deploy/local/lib/common.sh reads. */
final class Stack {
    static final List<String> PROCESSES = List.of("partnership-service", "funding-service", "incident-service",
            "reporting-service", "kafka", "keycloak");
    final Path home;
    final String pgHost;
    final int pgPort;
    final String dbPrefix;
    final int incidentPort;
    final int incidentManagementPort;
    final int reportingPort;
    final int keycloakPort;
    final int kafkaPort;

    private Stack(Path home, String pgHost, int pgPort, String dbPrefix, int incidentPort,
            int incidentManagementPort, int reportingPort, int keycloakPort, int kafkaPort) {
        this.home = home;
        this.pgHost = pgHost;
        this.pgPort = pgPort;
        this.dbPrefix = dbPrefix;
        this.incidentPort = incidentPort;
        this.incidentManagementPort = incidentManagementPort;
        this.reportingPort = reportingPort;
        this.keycloakPort = keycloakPort;
        this.kafkaPort = kafkaPort;
    }

    static Stack fromEnvironment(Path repo) {
        Map<String, String> env = System.getenv();
        return new Stack(Path.of(env.getOrDefault("CSP_HOME", repo.resolve(".local/stack").toString())),
                env.getOrDefault("CSP_PG_HOST", "127.0.0.1"), Integer.parseInt(env.getOrDefault("CSP_PG_PORT", "5432")),
                env.getOrDefault("CSP_DB_PREFIX", "csp_"), Integer.parseInt(env.getOrDefault("CSP_INCIDENT_PORT", "8083")),
                Integer.parseInt(env.getOrDefault("CSP_INCIDENT_MANAGEMENT_PORT", "9083")),
                Integer.parseInt(env.getOrDefault("CSP_REPORTING_PORT", "8084")),
                Integer.parseInt(env.getOrDefault("CSP_KEYCLOAK_PORT", "8180")),
                Integer.parseInt(env.getOrDefault("CSP_KAFKA_PORT", "9092")));
    }

    String incident(String path) {
        return "http://127.0.0.1:" + incidentPort + path;
    }

    /** incident-service's management interface: health and metrics. */
    String incidentManagement(String path) {
        return "http://127.0.0.1:" + incidentManagementPort + path;
    }

    String reporting(String path) {
        return "http://127.0.0.1:" + reportingPort + path;
    }

    String tokenUrl() {
        return "http://127.0.0.1:" + keycloakPort + "/realms/csp/protocol/openid-connect/token";
    }

    String db(String service) {
        return dbPrefix + service;
    }

    /** The pid deploy/local/bin recorded for a process (first field of its pid file). */
    Optional<Long> pid(String name) {
        Path file = home.resolve("run").resolve(name + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(file).trim().split("\\s+")[0]);
            return Files.isDirectory(Path.of("/proc/" + pid)) ? Optional.of(pid) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The "started in X.XXXs" lines of a process's log, oldest first. */
    List<Double> startTimes(String name) throws IOException {
        Path log = home.resolve("logs").resolve(name + ".log");
        List<Double> times = new ArrayList<>();
        if (!Files.exists(log)) {
            return times;
        }
        Pattern started = Pattern.compile("started in ([0-9.]+)s");
        try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            lines.forEach(l -> {
                Matcher m = started.matcher(l);
                if (m.find()) {
                    times.add(Double.parseDouble(m.group(1)));
                }
            });
        }
        return times;
    }
}

/** HTTP to the stack with the demo users' tokens; any unexpected status is a harness error. */
final class Api {
    record Response(int status, String body, HttpResponse<String> raw, long doneNanos) {
        String header(String name) {
            return raw.headers().firstValue(name).orElseThrow(() -> new HarnessError("no " + name + " header"));
        }
    }

    private record Token(String value, long expiresNanos) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Stack stack;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    Api(Stack stack) {
        this.stack = stack;
    }

    /** A token of the demo user, fetched again once half its lifetime has passed. */
    String token(String user) {
        Token t = tokens.get(user);
        if (t != null && System.nanoTime() - t.expiresNanos() < 0) {
            return t.value();
        }
        synchronized (this) {
            String form = "grant_type=password&client_id=csp-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                    + "&password=demo";
            Response r = send(HttpRequest.newBuilder(URI.create(stack.tokenUrl()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), 200);
            Map<String, Object> json = Json.object(r.body());
            long lifetime = Json.num(json, "expires_in");
            Token fresh = new Token((String) json.get("access_token"),
                    System.nanoTime() + TimeUnit.SECONDS.toNanos(lifetime) / 2);
            tokens.put(user, fresh);
            return fresh.value();
        }
    }

    Response get(String url, String user, int expected) {
        return send(authorized(url, user).GET().timeout(Duration.ofSeconds(60)).build(), expected);
    }

    Response get(String url, String user, String accept, int expected) {
        return send(authorized(url, user).header("Accept", accept).GET().timeout(Duration.ofSeconds(60)).build(),
                expected);
    }

    Response postJson(String url, String user, String body, int expected) {
        return send(authorized(url, user).header("Content-Type", "application/json").timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), expected);
    }

    Response postFile(String url, String user, Path file, String contentType, int expected) throws IOException {
        return send(authorized(url, user).header("Content-Type", contentType).timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), expected);
    }

    /** GET without a token: the services' metrics. */
    String metrics(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(), 200).body();
    }

    private HttpRequest.Builder authorized(String url, String user) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token(user));
    }

    private Response send(HttpRequest request, int expected) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new HarnessError(request.method() + " " + request.uri() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessError("interrupted");
        }
        long done = System.nanoTime();
        if (response.statusCode() != expected) {
            String body = response.body();
            throw new HarnessError(request.method() + " " + request.uri() + ": " + response.statusCode() + " (expected "
                    + expected + "): " + body.substring(0, Math.min(500, body.length())));
        }
        return new Response(response.statusCode(), response.body(), response, done);
    }
}

/** PostgreSQL through psql, as user postgres (trust, or the password PGPASSWORD, default "postgres"). */
final class Pg {
    private final Stack stack;

    Pg(Stack stack) {
        this.stack = stack;
    }

    List<String> command(String db, String... extra) {
        List<String> c = new ArrayList<>(List.of("psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h",
                stack.pgHost, "-p", String.valueOf(stack.pgPort), "-U", "postgres", "-d", db));
        c.addAll(Arrays.asList(extra));
        return c;
    }

    String scalar(String db, String sql) {
        return Proc.run(command(db, "-c", sql), null).trim();
    }

    String script(String db, String sql) {
        return Proc.run(command(db), sql);
    }

    /** Rows with fields separated by the unit separator (text may hold any printable character). */
    List<String[]> rows(String db, String sql) {
        String out = Proc.run(command(db, "-F", "\u001f", "-c", sql), null);
        return out.lines().filter(l -> !l.isEmpty()).map(l -> l.split("\u001f", -1)).toList();
    }

    /** The same, with the query on psql's stdin: long literal lists stay off the command line. */
    List<String[]> rowsFromScript(String db, String sql) {
        String out = Proc.run(command(db, "-F", "\u001f"), sql + ";\n");
        return out.lines().filter(l -> !l.isEmpty()).map(l -> l.split("\u001f", -1)).toList();
    }

    void ensureDatabase(String db) {
        if (scalar("postgres", "select count(*) from pg_database where datname = '" + db + "'").equals("0")) {
            scalar("postgres", "create database " + db);
        }
    }

    /** psql's own timing of a COPY from the file, in ms: server work and transfer, not psql's start. */
    double timedCopy(String db, String copy, Path file) {
        String out = Proc.run(command(db, "-c", "\\timing on", "-c", copy), file);
        return timings(out).get(0);
    }

    /** psql's \timing of the same query run n times in one session, in ms. */
    List<Double> timedRepeats(String db, String sql, int n) {
        StringBuilder script = new StringBuilder("\\timing on\n\\o /dev/null\n");
        for (int i = 0; i < n; i++) {
            script.append(sql).append(";\n");
        }
        return timings(Proc.run(command(db), script.toString()));
    }

    static List<Double> timings(String psqlOutput) {
        List<Double> ms = new ArrayList<>();
        Matcher m = Pattern.compile("Time: ([0-9.]+) ms").matcher(psqlOutput);
        while (m.find()) {
            ms.add(Double.parseDouble(m.group(1)));
        }
        if (ms.isEmpty()) {
            throw new HarnessError("psql reported no timing: " + psqlOutput);
        }
        return ms;
    }

    Process start(String db, String sql) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(db, "-c", sql)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Proc.environment(pb);
        return pb.start();
    }
}

/** Processes: psql and git runs, and what /proc says about the stack's processes. */
final class Proc {
    static void environment(ProcessBuilder pb) {
        pb.environment().putIfAbsent("PGPASSWORD", "postgres");
        pb.environment().putIfAbsent("PGCONNECT_TIMEOUT", "10");
    }

    /** Runs a command to its end; its stdin is the text, the file, or nothing. Fails on a non-zero exit. */
    static String run(List<String> command, Object stdin) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            environment(pb);
            if (stdin instanceof Path file) {
                pb.redirectInput(file.toFile());
            }
            Process p = pb.start();
            if (stdin instanceof String text) {
                try (var in = p.getOutputStream()) {
                    in.write(text.getBytes(StandardCharsets.UTF_8));
                }
            } else if (!(stdin instanceof Path)) {
                p.getOutputStream().close();
            }
            String out;
            try (InputStream o = p.getInputStream()) {
                out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new HarnessError(command.get(0) + " did not finish");
            }
            if (p.exitValue() != 0) {
                throw new HarnessError(String.join(" ", command.subList(0, Math.min(command.size(), 16))) + ": exit "
                        + p.exitValue() + ": " + out.substring(0, Math.min(out.length(), 800)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessError("interrupted");
        }
    }

    static long statusKb(long pid, String field) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith(field + ":")).map(l -> Long.parseLong(l.replaceAll("\\D+", "")))
                    .findFirst().orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }

    /** RSS of every process in the process group the stack's scripts started the component in. */
    static long groupRssKb(long pgid) {
        long sum = 0;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(name);
                    if (pid == pgid || Long.parseLong(fields[2]) == pgid) {
                        sum += statusKb(pid, "VmRSS");
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            return statusKb(pgid, "VmRSS");
        }
        return sum;
    }

    static double uptimeSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            long startTicks = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19]);
            double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return Bench.round(uptime - startTicks / 100.0, 0); // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}

/**
 * Samples incident-service's RSS every 500 ms and its outbox backlog every 2 s while an import
 * runs. The backlog gauge counts pending outbox rows in the database on every scrape, which costs
 * real time during an import, so it is read no more often than that.
 */
/** CPU time the stack's processes have used, by family, from /proc. */
final class CpuUse {
    static final List<String> FAMILIES = List.of("postgresql", "incident-service", "reporting-service", "kafka",
            "bench", "the rest");
    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux

    private CpuUse() {
    }

    static Map<String, Double> snapshot() {
        Map<String, Double> used = new LinkedHashMap<>();
        java.io.File[] processes = new java.io.File("/proc").listFiles(f -> f.getName().chars().allMatch(Character::isDigit));
        for (java.io.File process : processes == null ? new java.io.File[0] : processes) {
            try {
                String command = Files.readString(process.toPath().resolve("cmdline")).replace('\0', ' ');
                String stat = Files.readString(process.toPath().resolve("stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                used.merge(family(command), seconds, Double::sum);
            } catch (IOException | RuntimeException gone) {
                // The process ended while it was read.
            }
        }
        return used;
    }

    static Map<String, Double> since(Map<String, Double> before) {
        Map<String, Double> used = new LinkedHashMap<>();
        snapshot().forEach((family, now) -> used.put(family, Math.max(0, now - before.getOrDefault(family, 0.0))));
        return used;
    }

    private static String family(String command) {
        if (command.startsWith("postgres")) {
            return "postgresql";
        }
        if (command.contains("Bench.java")) {
            return "bench"; // before kafka: the bench has the Kafka client jars on its class path
        }
        for (String service : List.of("incident-service", "reporting-service")) {
            if (command.contains(service)) {
                return service;
            }
        }
        return command.contains("kafka.Kafka") ? "kafka" : "the rest";
    }
}

final class ProcessSampler implements AutoCloseable {
    private final Stack stack;
    private final Api api;
    private final Thread thread;
    private volatile boolean running = true;
    private final List<long[]> samples = Collections.synchronizedList(new ArrayList<>()); // nanos, rss kB, pending
    private final Optional<Long> incidentPid;

    ProcessSampler(Stack stack, Api api) {
        this.stack = stack;
        this.api = api;
        this.incidentPid = stack.pid("incident-service");
        thread = new Thread(this::loop, "process-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        for (long tick = 0; running; tick++) {
            long rss = incidentPid.map(p -> Proc.statusKb(p, "VmRSS")).orElse(0L);
            samples.add(new long[] { System.nanoTime(), rss, tick % 4 == 0 ? outboxPending() : -1 });
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** @return csp_outbox_pending from incident-service's metrics, or -1 when it did not answer (no harness failure) */
    private long outboxPending() {
        try {
            Matcher m = Pattern.compile("(?m)^csp_outbox_pending(?:\\{[^}]*})? ([0-9.eE+]+)")
                    .matcher(api.metrics(stack.incidentManagement("/q/metrics")));
            return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
        } catch (HarnessError e) {
            return -1;
        }
    }

    long peakIncidentRssKb() {
        synchronized (samples) {
            return samples.stream().mapToLong(s -> s[1]).max().orElse(0);
        }
    }

    long incidentHwmKb() {
        return incidentPid.map(p -> Proc.statusKb(p, "VmHWM")).orElse(0L);
    }

    long lastPending() {
        synchronized (samples) {
            for (int i = samples.size() - 1; i >= 0; i--) {
                if (samples.get(i)[2] >= 0) {
                    return samples.get(i)[2];
                }
            }
            return -1;
        }
    }

    Optional<Long> pendingZeroAfter(long nanos) {
        synchronized (samples) {
            return samples.stream().filter(s -> s[0] - nanos >= 0 && s[2] == 0).map(s -> s[0]).findFirst();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}

/**
 * PostgreSQL's own view of where the time goes: a procedure in the bench database samples
 * pg_stat_activity of the services' databases every 200 ms into a table until told to stop.
 * (pg_stat_statements is rarely installed, and log settings belong to a shared server.)
 */
final class ActivitySampler implements AutoCloseable {
    private final Pg pg;
    private final String tag;
    private final Process process;

    static void install(Pg pg) {
        pg.script(Bench.BENCH_DB, """
                create table if not exists bench_activity (
                    tag text not null, at timestamptz not null, datname text, query text, wait text);
                create table if not exists bench_sampler_stop (tag text primary key);
                create or replace procedure bench_sample_activity(p_tag text, p_dbs text[], p_seconds int)
                language plpgsql as $$
                declare
                    stop_at timestamptz := clock_timestamp() + make_interval(secs => p_seconds);
                begin
                    while clock_timestamp() < stop_at
                            and not exists (select 1 from bench_sampler_stop where tag = p_tag) loop
                        -- pg_stat_activity is read once per transaction unless told otherwise
                        perform pg_stat_clear_snapshot();
                        insert into bench_activity values (p_tag, clock_timestamp(), null, null, null);
                        insert into bench_activity
                        select p_tag, clock_timestamp(), datname,
                               left(regexp_replace(query, '\\s+', ' ', 'g'), 1000),
                               coalesce(wait_event_type || ':' || wait_event, 'CPU')
                        from pg_stat_activity
                        where state = 'active' and backend_type = 'client backend'
                          and pid <> pg_backend_pid() and datname = any(p_dbs);
                        commit;
                        perform pg_sleep(0.2);
                    end loop;
                end $$;
                """);
    }

    ActivitySampler(Pg pg, String tag, List<String> databases, Duration max) throws IOException {
        this.pg = pg;
        this.tag = tag;
        pg.script(Bench.BENCH_DB, "delete from bench_activity where tag = '" + tag + "';"
                + " delete from bench_sampler_stop where tag = '" + tag + "';");
        process = pg.start(Bench.BENCH_DB, "call bench_sample_activity('" + tag + "', array[" + Bench.quoted(databases)
                + "], " + max.toSeconds() + ")");
    }

    @Override
    public void close() throws InterruptedException {
        pg.script(Bench.BENCH_DB, "insert into bench_sampler_stop values ('" + tag + "') on conflict do nothing;");
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroy();
        }
    }

    /**
     * The statements most often seen running, as average active sessions over the sampled time.
     * Select lists and long parameter lists are shortened, so the statement's shape shows.
     */
    static List<Map<String, Object>> top(Pg pg, String tagPrefix, int n) {
        String like = tagPrefix.replace("'", "''") + "%";
        double ticks = Math.max(1, Double.parseDouble(pg.scalar(Bench.BENCH_DB, "select count(*) from bench_activity"
                + " where tag like '" + like + "' and datname is null")));
        Map<String, Map<String, Object>> byStatement = new LinkedHashMap<>();
        Map<String, Map<String, Long>> waits = new LinkedHashMap<>();
        for (String[] r : pg.rows(Bench.BENCH_DB, "select datname, wait, count(*), query from bench_activity"
                + " where tag like '" + like + "' and datname is not null group by datname, wait, query")) {
            String statement = r[3].replaceFirst("(?i)^select .+? from ", "select … from ")
                    .replaceAll("(\\$\\d+, ?){2,}\\$\\d+", "\\$…");
            String key = r[0] + " " + statement;
            long count = Long.parseLong(r[2]);
            Map<String, Object> m = byStatement.computeIfAbsent(key, k -> {
                Map<String, Object> fresh = new LinkedHashMap<>();
                fresh.put("database", r[0]);
                fresh.put("samples", 0L);
                fresh.put("statement", statement.length() > 240 ? statement.substring(0, 240) + "…" : statement);
                return fresh;
            });
            m.put("samples", (Long) m.get("samples") + count);
            waits.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(r[1], count, Long::sum);
        }
        return byStatement.entrySet().stream()
                .sorted((a, b) -> Long.compare((Long) b.getValue().get("samples"), (Long) a.getValue().get("samples")))
                .limit(n).map(e -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("database", e.getValue().get("database"));
                    m.put("sessions", Bench.round((Long) e.getValue().get("samples") / ticks, 2));
                    m.put("wait", waits.get(e.getKey()).entrySet().stream().max(Map.Entry.comparingByValue())
                            .map(Map.Entry::getKey).orElse(""));
                    m.put("statement", e.getValue().get("statement"));
                    return m;
                }).toList();
    }
}

/** Months for the bench's own data, handed out going back in time from before any real data. */
final class Months {
    private YearMonth next;
    private final Map<String, String> used = new LinkedHashMap<>();

    private Months(YearMonth next) {
        this.next = next;
    }

    /** @param earliestBenchMonth the earliest month stored before 2010 (an earlier bench run's), or empty */
    static Months below(String earliestBenchMonth) {
        YearMonth start = YearMonth.of(2009, 12);
        if (!earliestBenchMonth.isBlank()) {
            YearMonth earliest = YearMonth.parse(earliestBenchMonth.trim());
            if (!earliest.isAfter(start)) {
                start = earliest.minusMonths(1);
            }
        }
        return new Months(start);
    }

    synchronized List<YearMonth> take(int n, String label) {
        YearMonth first = next.minusMonths(n - 1);
        List<YearMonth> block = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(next); m = m.plusMonths(1)) {
            block.add(m);
        }
        used.put(label, n == 1 ? first.toString() : first + ".." + next);
        next = first.minusMonths(1);
        return block;
    }

    synchronized Map<String, String> used() {
        return new LinkedHashMap<>(used);
    }
}

/** The demo Essex rows in the demo partnerships' districts, and fresh files made from them. */
final class DemoData {
    record Category(String name, String slug) {
    }

    /** data.police.uk's crime types and the platform's slugs for them (IncidentCategory). */
    static final List<Category> CATEGORIES = List.of(new Category("Anti-social behaviour", "anti-social-behaviour"),
            new Category("Bicycle theft", "bicycle-theft"), new Category("Burglary", "burglary"),
            new Category("Criminal damage and arson", "criminal-damage-arson"), new Category("Drugs", "drugs"),
            new Category("Other theft", "other-theft"), new Category("Possession of weapons", "possession-of-weapons"),
            new Category("Public order", "public-order"), new Category("Robbery", "robbery"),
            new Category("Shoplifting", "shoplifting"), new Category("Theft from the person", "theft-from-the-person"),
            new Category("Vehicle crime", "vehicle-crime"), new Category("Violence and sexual offences", "violent-crime"),
            new Category("Other crime", "other-crime"));
    static final int CRIME_ID = 0;
    static final int MONTH = 1;
    static final int CONTEXT = 11;
    static final String HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
            + "LSOA name,Crime type,Last outcome category,Context";

    record Row(String[] fields, int monthIndex, String district, String partnership, String category) {
        String longitude() {
            return fields[4];
        }

        String latitude() {
            return fields[5];
        }

        String location() {
            return fields[6];
        }

        String lsoaCode() {
            return fields[7];
        }

        Row withCategory(String slug) {
            return new Row(fields, monthIndex, district, partnership, slug);
        }
    }

    final List<Row> rows;
    final List<YearMonth> months;
    /** The partnerships essex-police is a member of in the demo data, and their districts. */
    final List<String> partnerships;
    final List<String> districts;
    private final Map<String, List<Row>> byDistrict;

    private DemoData(List<Row> rows, List<YearMonth> months, List<String> partnerships, List<String> districts) {
        this.rows = rows;
        this.months = months;
        this.partnerships = partnerships;
        this.districts = districts;
        this.byDistrict = rows.stream().collect(Collectors.groupingBy(Row::district));
    }

    static DemoData load(Path repo) throws IOException {
        Map<String, String> partnershipOf = new TreeMap<>();
        try (var files = Files.list(repo.resolve("deploy/local/demo-data/partnerships"))) {
            for (Path file : files.sorted().toList()) {
                Object members = Json.object(Bench.read(file)).get("members");
                Map<?, ?> partnership = (Map<?, ?>) Json.object(Bench.read(file)).get("partnership");
                if (partnership == null || !(members instanceof List<?> list)
                        || list.stream().noneMatch(m -> Bench.AGENCY.equals(((Map<?, ?>) m).get("agencyId")))) {
                    continue;
                }
                for (Object district : (List<?>) partnership.get("districts")) {
                    partnershipOf.put((String) district, (String) partnership.get("id"));
                }
            }
        }
        Map<String, String> codeByName = new LinkedHashMap<>();
        for (String line : Files.readAllLines(onsFile(repo))) {
            String[] f = line.split(",", 2);
            if (partnershipOf.containsKey(f[0])) {
                codeByName.put(f[1].trim().toLowerCase(Locale.ROOT), f[0]);
            }
        }
        Map<String, String> slugOf = CATEGORIES.stream().collect(Collectors.toMap(Category::name, Category::slug));
        List<String[]> kept = new ArrayList<>();
        Set<String> monthNames = new java.util.TreeSet<>();
        try (var files = Files.list(repo.resolve("deploy/local/demo-data/police-uk/essex"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = split(line.replace("\r", ""));
                    int space = f.length == 12 ? f[8].lastIndexOf(' ') : -1;
                    if (space > 0 && codeByName.containsKey(f[8].substring(0, space).toLowerCase(Locale.ROOT))
                            && slugOf.containsKey(f[9])) {
                        kept.add(f);
                        monthNames.add(f[MONTH]);
                    }
                }
            }
        }
        List<String> monthList = new ArrayList<>(monthNames);
        List<Row> rows = new ArrayList<>(kept.size());
        for (String[] f : kept) {
            String district = codeByName.get(f[8].substring(0, f[8].lastIndexOf(' ')).toLowerCase(Locale.ROOT));
            rows.add(new Row(f, monthList.indexOf(f[MONTH]), district, partnershipOf.get(district), slugOf.get(f[9])));
        }
        if (rows.isEmpty()) {
            throw new HarnessError("no demo rows in the demo partnerships' districts");
        }
        return new DemoData(rows, monthList.stream().map(YearMonth::parse).toList(),
                partnershipOf.values().stream().distinct().toList(), List.copyOf(partnershipOf.keySet()));
    }

    /** The English districts standing now; the folder also holds earlier sets and the table of changes. */
    static Path onsFile(Path repo) {
        Path file = repo.resolve("platform/src/main/resources/reference/ons/local-authority-districts-england-2023.csv");
        if (!Files.isRegularFile(file)) {
            throw new HarnessError("no ONS district list at " + file);
        }
        return file;
    }

    /** Every district code in the ONS list, in its order. */
    static List<String> onsDistricts(Path repo) throws IOException {
        List<String> lines = Files.readAllLines(onsFile(repo));
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",", 2)[0]).toList();
    }

    /**
     * Writes a file of fresh rows: the demo rows over and over, each month moved into the block,
     * each Crime ID replaced by a hash of the nonce, the copy and the original, and each ASB row
     * (no Crime ID: the service tells them apart by content) given this copy's Context.
     */
    int writeImport(Path out, int target, List<YearMonth> block, String nonce) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int written = 0;
        try (var writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write(HEADER);
            writer.write('\n');
            for (int copy = 0; written < target; copy++) {
                for (Row row : rows) {
                    if (written == target) {
                        break;
                    }
                    String[] f = row.fields().clone();
                    if (f[CRIME_ID].isEmpty()) {
                        f[CONTEXT] = "bench " + nonce + " copy " + copy;
                    } else {
                        f[CRIME_ID] = HexFormat.of().formatHex(sha.digest((nonce + ":" + copy + ":" + f[CRIME_ID])
                                .getBytes(StandardCharsets.UTF_8)));
                    }
                    f[MONTH] = block.get(row.monthIndex()).toString();
                    for (int i = 0; i < f.length; i++) {
                        if (i > 0) {
                            writer.write(',');
                        }
                        writer.write(csvField(f[i]));
                    }
                    writer.write('\n');
                    written++;
                }
            }
        }
        return written;
    }

    /** A demo row of the i-th district in turn, for incidents posted one by one. */
    Row freshnessRow(int i) {
        List<Row> of = byDistrict.get(districts.get(i % districts.size()));
        return of.get((i / districts.size()) % of.size());
    }

    /** Incidents per cell of each category so a partnership of {@code total} has the demo's shares. */
    int[] categoryBase(int total, int cellsPerCategory) {
        int[] base = new int[CATEGORIES.size()];
        for (int c = 0; c < base.length; c++) {
            String slug = CATEGORIES.get(c).slug();
            long n = rows.stream().filter(r -> r.category().equals(slug)).count();
            base[c] = (int) Math.floor((double) total * n / rows.size() / cellsPerCategory);
        }
        return base;
    }

    static String csvField(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    static String[] split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }
}

/** A figure measured in several runs: its median and spread. */
record Fig(List<Double> runs, String unit) {
    static Fig of(List<Double> runs, String unit) {
        return new Fig(List.copyOf(runs), unit);
    }

    double median() {
        if (runs.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(runs);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return runs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
        return runs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median", median());
        m.put("min", min());
        m.put("max", max());
        m.put("runs", runs);
        m.put("unit", unit);
        return m;
    }

    /** "median (min–max)", the spread without its unit; a lone run says so. */
    String md(DoubleFunction<String> format) {
        if (runs.isEmpty()) {
            return "—";
        }
        if (runs.size() == 1) {
            return format.apply(median()) + " (1 run)";
        }
        return format.apply(median()) + " (" + bare(format.apply(min())) + "–" + bare(format.apply(max())) + ")";
    }

    private static String bare(String formatted) {
        return formatted.replaceAll(" [^0-9 ]+$", "").replaceAll(" [a-z/]+$", "");
    }
}

/** The results as they are measured: a JSON tree and the Markdown page that presents it. */
final class Report {
    final Map<String, Object> json = new LinkedHashMap<>();
    private final StringBuilder head = new StringBuilder();
    /** Sections by title, so they print in the issue's order whatever order they ran in. */
    private final Map<String, StringBuilder> sections = new TreeMap<>();
    private StringBuilder body = new StringBuilder();
    private final boolean quick;

    Report(boolean quick) {
        this.quick = quick;
    }

    private Object cores;

    void header(Map<String, Object> machine, Map<String, Object> versions, Sizes sizes) {
        cores = machine.get("cores");
        head.append("# Benchmarks: ").append(LocalDate.now()).append(", ").append(machine.get("host"))
                .append(quick ? " (quick run)" : " (full run)").append("\n\n");
        head.append("Made by `bench/run").append(quick ? " --quick" : "").append("` at ")
                .append(LocalDateTime.now().withNano(0).toString().replace('T', ' ')).append(", commit `")
                .append(String.valueOf(versions.get("gitCommit")), 0, Math.min(12, String.valueOf(versions.get("gitCommit")).length()))
                .append("`").append(((Number) versions.get("gitUncommittedFiles")).intValue() > 0
                        ? " with " + versions.get("gitUncommittedFiles") + " uncommitted changed files in the working tree"
                        : "")
                .append(".\n\n");
        head.append("- Machine: ").append(machine.get("cores")).append(" cores (").append(machine.get("cpu")).append("), ")
                .append(machine.get("memoryGiB")).append(" GiB memory, load average at start ")
                .append(machine.get("loadAverageAtStart")).append(".\n");
        head.append("- PostgreSQL settings: ").append(((Map<?, ?>) machine.get("postgresqlSettings")).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append(".\n");
        head.append("- Versions: ").append(versions.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("git") && !e.getKey().equals("services"))
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append(".\n");
        head.append("- Services (jars built / process running since, UTC): ").append(((Map<?, ?>) versions.get("services"))
                .entrySet().stream().map(e -> {
                    Map<?, ?> b = (Map<?, ?>) e.getValue();
                    return e.getKey() + " " + minute(b.get("builtAt")) + " / " + minute(b.get("runningSince"))
                            + (Boolean.TRUE.equals(b.get("runsAnOlderBuild")) ? " (runs an older build than the jars)" : "");
                }).collect(Collectors.joining(", "))).append(".\n");
        head.append("- Every figure is the median (min–max) of ").append(sizes.runs).append(" runs unless it says "
                + "otherwise. Absolute times drift on a shared machine; the ratios to the reference measured in the same "
                + "run are the figures to compare. Benchmarks never pass or fail.\n");
        if (quick) {
            head.append("- Quick run: small sizes, to keep the harness working (CI); not figures to quote.\n");
        }
    }

    private static String minute(Object instant) {
        return instant == null ? "—" : instant.toString().replace('T', ' ').replaceAll(":\\d\\d(\\.\\d+)?Z$", "");
    }

    void h2(String title) {
        body = sections.computeIfAbsent(title, t -> new StringBuilder());
        body.append("\n## ").append(title).append("\n\n");
    }

    void p(String text) {
        body.append(text).append("\n\n");
    }

    void table(List<String> header, List<List<String>> rows) {
        body.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> body.append("---|"));
        body.append('\n');
        for (List<String> row : rows) {
            body.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        body.append('\n');
    }

    /** A phase begins (or, as "end", the bench ends): the load then, and how long the one before took. */
    void load(String phase, String average) {
        long now = System.nanoTime();
        if (lastPhase != null) {
            durations.put(lastPhase, Bench.round((now - lastPhaseStart) / 1e9, 1));
        }
        lastPhase = phase;
        lastPhaseStart = now;
        loads.put(phase, average);
    }

    private final Map<String, String> loads = new LinkedHashMap<>();
    private final Map<String, Double> durations = new LinkedHashMap<>();
    private String lastPhase;
    private long lastPhaseStart;

    void failed(String what, Throwable e) {
        failures.put(what, e.toString());
        json.put("failures", failures);
    }

    private final Map<String, String> failures = new LinkedHashMap<>();

    void months(Months months) {
        if (months == null || months.used().isEmpty()) {
            return;
        }
        json.put("monthsUsed", months.used());
        h2("7. Months used");
        p("The bench's own incidents went into these months (each run its own, going back in time from before any "
                + "real data), so every row is new and each count can be checked: " + months.used().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; ")) + ".");
    }

    void elapsed(double seconds) {
        json.put("elapsedSeconds", seconds);
        head.append("- The bench took ").append(Bench.fmtNum(seconds / 60, 1)).append(" min.\n");
    }

    Path[] write(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path md = dir.resolve(name + ".md");
        Path js = dir.resolve(name + ".json");
        String abort = failures.isEmpty() ? "" : "\n**Benchmarks that broke (the others ran):** " + failures.entrySet()
                .stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")) + "\n";
        json.put("loadAverageAsEachPhaseBegan", loads);
        json.put("phaseSeconds", durations);
        String load = loads.isEmpty() ? "" : "- Load average (1, 5, 15 min) as each phase began, on " + cores
                + " cores, and how long it took: " + loads.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue() + (durations.containsKey(e.getKey())
                                ? " (" + Bench.fmtNum(durations.get(e.getKey()), 0) + " s)" : ""))
                        .collect(Collectors.joining("; ")) + ".\n";
        Files.writeString(md, head + load + abort + String.join("", sections.values()));
        Files.writeString(js, Json.write(json, "") + "\n");
        return new Path[] { md, js };
    }
}

/** Just enough JSON: parsing the services' answers, writing the results. */
final class Json {
    private final String s;
    private int i;

    private Json(String s) {
        this.s = s;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String text) {
        Object value = new Json(text).value();
        if (!(value instanceof Map)) {
            throw new HarnessError("not a JSON object: " + text.substring(0, Math.min(200, text.length())));
        }
        return (Map<String, Object>) value;
    }

    static List<?> array(String text) {
        Object value = new Json(text).value();
        if (!(value instanceof List<?> list)) {
            throw new HarnessError("not a JSON array: " + text.substring(0, Math.min(200, text.length())));
        }
        return list;
    }

    static long num(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? n.longValue() : 0;
    }

    private Object value() {
        ws();
        char c = s.charAt(i);
        switch (c) {
            case '{' -> {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                ws();
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    ws();
                    String key = string();
                    ws();
                    i++; // :
                    m.put(key, value());
                    ws();
                    if (s.charAt(i++) == '}') {
                        return m;
                    }
                }
            }
            case '[' -> {
                List<Object> l = new ArrayList<>();
                i++;
                ws();
                if (s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    ws();
                    if (s.charAt(i++) == ']') {
                        return l;
                    }
                }
            }
            case '"' -> {
                return string();
            }
            case 't' -> {
                i += 4;
                return Boolean.TRUE;
            }
            case 'f' -> {
                i += 5;
                return Boolean.FALSE;
            }
            case 'n' -> {
                i += 4;
                return null;
            }
            default -> {
                int start = i;
                while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                    i++;
                }
                String n = s.substring(start, i);
                return n.matches("-?\\d{1,18}") ? (Object) Long.parseLong(n) : (Object) Double.parseDouble(n);
            }
        }
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        i++; // "
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    static String quote(String v) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String write(Object v, String indent) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                return "{}";
            }
            String inner = indent + "  ";
            return m.entrySet().stream().map(e -> inner + quote(String.valueOf(e.getKey())) + ": " + write(e.getValue(), inner))
                    .collect(Collectors.joining(",\n", "{\n", "\n" + indent + "}"));
        }
        if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                return "[]";
            }
            if (l.stream().allMatch(x -> x instanceof Number)) {
                return l.stream().map(x -> write(x, indent)).collect(Collectors.joining(", ", "[", "]"));
            }
            String inner = indent + "  ";
            return l.stream().map(x -> inner + write(x, inner)).collect(Collectors.joining(",\n", "[\n", "\n" + indent + "]"));
        }
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return "null";
            }
            return new java.math.BigDecimal(d).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return quote(v.toString());
    }
}
