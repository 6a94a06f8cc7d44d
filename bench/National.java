import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The national-scale run (bench/national): every district of England (2023) and Wales (2022) a
 * partnership, grouped into 43 forces, each force an agency posting a year of police.uk-shaped rows
 * per file through POST /api/v1/incident-imports, ten years in all. Volumes follow the districts'
 * residents at Census 2021; categories, outcomes and the months' shares follow the Essex files of
 * the demo data. Records throughput over time, feed latency as history grows, disk per million
 * incidents, and the extrapolation to 80 M.
 *
 * <p>The forces are made up: police force areas are not in the repository's reference data, so
 * the districts, in code order, are cut into 43 runs of neighbours in the ONS numbering.
 */
public class National {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final int FORCES = 43;
    static final int YEARS = 10;
    static final String HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
            + "LSOA name,Crime type,Last outcome category,Context";

    record District(String code, String name, long residents) {
    }

    record Force(String id, List<District> districts) {
        List<String> partnerships() {
            return districts.stream().map(d -> partnershipOf(d)).toList();
        }
    }

    record Shares(Map<String, Double> categories, Map<String, Map<String, Double>> outcomes, double[] months) {
    }

    record ImportRun(String force, int year, long rows, long created, double seconds, double endedAt) {
    }

    record Checkpoint(long stored, long counted, double countedLagSeconds, double feedP50, double feedP99,
            double performanceP50, double performanceP99, double groupByP50, long incidentDbBytes,
            long reportingDbBytes, long kafkaBytes) {
    }

    final Path repo;
    final Path out;
    final long target;
    final int concurrency;
    final String pg;
    final Path home;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final Map<String, String[]> tokens = new HashMap<>();
    final long started = System.nanoTime();
    /** In every row, so that a second run's rows are new ones too (Crime IDs, and ASB rows' references). */
    final long run = System.currentTimeMillis();
    final Path work;

    National(Map<String, String> options) throws IOException {
        repo = Path.of(options.get("repo"));
        out = Path.of(options.get("out"));
        target = Long.parseLong(options.getOrDefault("incidents", "10000000"));
        concurrency = Integer.parseInt(options.getOrDefault("concurrency", "2"));
        pg = "postgresql://postgres@" + env("CSP_PG_HOST", "127.0.0.1") + ":" + env("CSP_PG_PORT", "5432") + "/";
        home = Path.of(env("CSP_HOME", repo.resolve(".local/stack").toString()));
        work = Files.createTempDirectory("csp-national-");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new National(options).run();
    }

    void run() throws Exception {
        List<District> districts = districts();
        Shares shares = shares();
        YearMonth last = YearMonth.now().minusMonths(1);
        YearMonth first = last.minusMonths(12L * YEARS - 1);
        log("target " + target + " incidents, " + districts.size() + " districts, " + first + " to " + last);
        List<District> placed = setUpPartnerships(districts);
        List<Force> forces = forces(placed);
        setUpUsers(forces);
        Force largest = forces.stream().max(Comparator.comparingLong(f -> f.districts().stream()
                .mapToLong(District::residents).sum())).orElseThrow();
        District probe = largest.districts().stream().max(Comparator.comparingLong(District::residents)).orElseThrow();
        addUser("nat-analyst", "analyst", largest.id(), largest.partnerships());

        long residents = placed.stream().mapToLong(District::residents).sum();
        List<ImportRun> runs = new ArrayList<>();
        List<Checkpoint> checkpoints = new ArrayList<>();
        long stored = stored();
        long baseline = stored;
        long nextCheckpoint = baseline + target / 10;
        checkpoints.add(checkpoint(probe, first, last, stored, baseline));
        ExecutorService posters = Executors.newFixedThreadPool(concurrency);
        for (int y = 0; y < YEARS; y++) {
            YearMonth from = first.plusMonths(12L * y);
            List<Future<ImportRun>> year = new ArrayList<>();
            for (Force force : forces) {
                int index = y;
                year.add(posters.submit(() -> importYear(force, from, index, shares, residents)));
            }
            for (Future<ImportRun> run : year) {
                runs.add(run.get());
            }
            stored = stored();
            log(String.format(Locale.ROOT, "year %d of %d: %,d stored, %.0f rows/s over the year's files", y + 1,
                    YEARS, stored - baseline, rate(runs.subList(runs.size() - forces.size(), runs.size()))));
            if (stored >= nextCheckpoint || y == YEARS - 1) {
                checkpoints.add(checkpoint(probe, first, last, stored, baseline));
                nextCheckpoint = stored + target / 10;
            }
        }
        posters.shutdown();
        write(districts.size(), placed, forces, first, last, runs, checkpoints, baseline);
        deleteTree(work);
    }

    // ---- reference data --------------------------------------------------------------------------

    List<District> districts() throws IOException {
        Path ons = repo.resolve("platform/src/main/resources/reference/ons");
        Map<String, Long> residents = new HashMap<>();
        for (String[] row : csv(ons.resolve("population-lad-2021.csv"))) {
            residents.put(row[0], Long.parseLong(row[3]));
        }
        // Districts formed since 2021 (Cumberland, Somerset, ...) had their predecessors' residents.
        for (String[] change : csv(ons.resolve("district-changes-2011-2023.csv"))) {
            if (change[5].equals("merged") && residents.containsKey(change[1])
                    && change[0].compareTo("2021-03-21") > 0) {
                residents.merge(change[3], residents.get(change[1]), Long::sum);
            }
        }
        List<District> districts = new ArrayList<>();
        for (String file : List.of("local-authority-districts-england-2023.csv", "local-authority-districts-wales-2022.csv")) {
            for (String[] row : csv(ons.resolve(file))) {
                Long people = residents.get(row[0]);
                if (people == null) {
                    throw new IllegalStateException("no Census 2021 residents for " + row[0]);
                }
                districts.add(new District(row[0], row[1], people));
            }
        }
        districts.sort(Comparator.comparing(District::code));
        return districts;
    }

    /** Categories, their outcomes and the months' shares of the year, as the Essex files have them. */
    Shares shares() throws IOException {
        Map<String, Long> categories = new TreeMap<>();
        Map<String, Map<String, Long>> outcomes = new TreeMap<>();
        long[] months = new long[12];
        try (Stream<Path> files = Files.list(repo.resolve("deploy/local/demo-data/police-uk/essex"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                for (String[] row : csv(file)) {
                    categories.merge(row[9], 1L, Long::sum);
                    outcomes.computeIfAbsent(row[9], c -> new TreeMap<>()).merge(row[10], 1L, Long::sum);
                    months[YearMonth.parse(row[1]).getMonthValue() - 1]++;
                }
            }
        }
        // The files are January to July: a month they do not have takes the mean of those they do.
        double known = Arrays.stream(months).filter(m -> m > 0).average().orElseThrow();
        double[] share = Arrays.stream(months).mapToDouble(m -> m > 0 ? m : known).toArray();
        double total = Arrays.stream(share).sum();
        for (int i = 0; i < 12; i++) {
            share[i] /= total;
        }
        Map<String, Map<String, Double>> outcomeShares = new TreeMap<>();
        outcomes.forEach((category, counts) -> outcomeShares.put(category, normalised(counts)));
        return new Shares(normalised(categories), outcomeShares, share);
    }

    static <K> Map<K, Double> normalised(Map<K, Long> counts) {
        double total = counts.values().stream().mapToLong(Long::longValue).sum();
        Map<K, Double> shares = new LinkedHashMap<>();
        counts.forEach((k, v) -> shares.put(k, v / total));
        return shares;
    }

    static String partnershipOf(District district) {
        return "nat-" + district.code().toLowerCase(Locale.ROOT);
    }

    // ---- the partnerships, forces and their users -------------------------------------------------

    /** A partnership per district; a district a partnership already holds (the demo's) is left out. */
    List<District> setUpPartnerships(List<District> districts) {
        String admin = token("platform-admin", "demo");
        List<District> placed = new ArrayList<>();
        for (District district : districts) {
            int status = post(url("partnership", "/api/v1/partnerships"), admin, JSON.createObjectNode()
                    .put("id", partnershipOf(district)).put("name", district.name() + " (national bench)")
                    .set("districts", JSON.createArrayNode().add(district.code())).toString());
            if (status == 201) {
                placed.add(district);
            } else if (status == 409) {
                // Made by an earlier run, or the district is another partnership's (the demo's).
                if (get(url("partnership", "/api/v1/partnerships/" + partnershipOf(district)), admin) == 200) {
                    placed.add(district);
                } else {
                    log("left out " + district.code() + " " + district.name() + ": another partnership holds it");
                }
            } else {
                throw new IllegalStateException("partnership for " + district.code() + ": " + status);
            }
        }
        return placed;
    }

    List<Force> forces(List<District> districts) {
        String admin = token("platform-admin", "demo");
        List<Force> forces = new ArrayList<>();
        for (int f = 0; f < FORCES; f++) {
            List<District> own = districts.subList(f * districts.size() / FORCES, (f + 1) * districts.size() / FORCES);
            Force force = new Force(String.format(Locale.ROOT, "nat-force-%02d", f + 1), List.copyOf(own));
            int status = post(url("partnership", "/api/v1/agencies"), admin, JSON.createObjectNode()
                    .put("id", force.id()).put("name", "National bench force " + (f + 1)).put("type", "police")
                    .toString());
            require(status == 201 || status == 409, "agency " + force.id() + ": " + status);
            for (String partnership : force.partnerships()) {
                status = post(url("partnership", "/api/v1/partnerships/" + partnership + "/members"), admin,
                        JSON.createObjectNode().put("agencyId", force.id()).put("role", "member")
                                .put("from", "2010-04-01").toString());
                require(status == 201 || status == 409, "membership of " + force.id() + " in " + partnership + ": "
                        + status);
            }
            forces.add(force);
        }
        return forces;
    }

    void setUpUsers(List<Force> forces) {
        for (Force force : forces) {
            addUser(force.id(), "agency-submitter", force.id(), force.partnerships());
        }
    }

    /** A Keycloak user of realm csp with the password "demo", made or brought up to date. */
    void addUser(String username, String role, String agency, List<String> partnerships) {
        String admin = keycloakAdmin();
        String users = keycloak() + "/admin/realms/csp/users";
        String body = JSON.createObjectNode().put("username", username).put("enabled", true)
                .put("emailVerified", true).put("email", username + "@example.invalid").put("firstName", "Bench")
                .put("lastName", username)
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("attributes", JSON.valueToTree(Map.of(
                        "agency_id", List.of(agency), "partnerships", partnerships)))
                .set("credentials", JSON.valueToTree(List.of(Map.of("type", "password", "value", "demo",
                        "temporary", false)))).toString();
        HttpResponse<String> made = send(HttpRequest.newBuilder(URI.create(users)).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        String id;
        if (made.statusCode() == 201) {
            String location = made.headers().firstValue("Location").orElseThrow();
            id = location.substring(location.lastIndexOf('/') + 1);
        } else {
            require(made.statusCode() == 409, "user " + username + ": " + made.statusCode() + " " + made.body());
            id = tree(send(HttpRequest.newBuilder(URI.create(users + "?exact=true&username=" + username))
                    .header("Authorization", "Bearer " + admin).GET().build()).body()).get(0).get("id").asText();
            HttpResponse<String> updated = send(HttpRequest.newBuilder(URI.create(users + "/" + id))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
            require(updated.statusCode() == 204, "user " + username + ": " + updated.statusCode());
        }
        String realmRole = send(HttpRequest.newBuilder(URI.create(keycloak() + "/admin/realms/csp/roles/" + role))
                .header("Authorization", "Bearer " + admin).GET().build()).body();
        HttpResponse<String> mapped = send(HttpRequest.newBuilder(URI.create(users + "/" + id + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + realmRole + "]")).build());
        require(mapped.statusCode() == 204, "role of " + username + ": " + mapped.statusCode());
        synchronized (tokens) {
            tokens.remove(username);
        }
    }

    // ---- the files and their imports --------------------------------------------------------------

    /** The force's year: its districts' share of the national volume, by month and category. */
    ImportRun importYear(Force force, YearMonth from, int year, Shares shares, long residents) throws Exception {
        Random random = new Random(run * 31 + force.id().hashCode() * 17L + year);
        Path file = work.resolve(force.id() + "-" + from + ".csv");
        long rows = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(file)) {
            writer.write(HEADER);
            writer.write("\r\n");
            for (District district : force.districts()) {
                double perYear = (double) target / YEARS * district.residents() / residents;
                // A district's places: its own few hundred points, somewhere in England and Wales.
                Random places = new Random(district.code().hashCode());
                double lat = 51.0 + places.nextDouble() * 2.5;
                double lng = -3.0 + places.nextDouble() * 3.0;
                for (int m = 0; m < 12; m++) {
                    YearMonth month = from.plusMonths(m);
                    long count = Math.round(perYear * shares.months()[month.getMonthValue() - 1]);
                    for (long i = 0; i < count; i++) {
                        String category = pick(shares.categories(), random);
                        String outcome = pick(shares.outcomes().get(category), random);
                        int place = places.nextInt(300);
                        boolean asb = category.equals("Anti-social behaviour");
                        writer.write(String.join(",", asb ? "" : hex(random), month.toString(), "National bench " + run,
                                "National bench", String.format(Locale.ROOT, "%.6f", lng + (place % 20) * 0.002),
                                String.format(Locale.ROOT, "%.6f", lat + (place / 20) * 0.002),
                                "On or near Place " + place, String.format(Locale.ROOT, "E01%06d", place),
                                district.name().contains(",") ? "\"" + district.name() + " 001A\"" : district.name() + " 001A",
                                category, outcome, ""));
                        writer.write("\r\n");
                        rows++;
                    }
                }
            }
        }
        String user = force.id();
        for (int attempt = 1; ; attempt++) {
            long t0 = System.nanoTime();
            HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(url("incident",
                    "/api/v1/incident-imports"))).header("Authorization", "Bearer " + token(user, "demo"))
                    .header("Content-Type", "text/csv").timeout(Duration.ofMinutes(10))
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build());
            if (posted.statusCode() == 503) {
                Thread.sleep(2000);
                continue;
            }
            require(posted.statusCode() == 202, force.id() + " " + from + ": " + posted.statusCode() + " " + posted.body());
            String location = URI.create(url("incident", "/")).resolve(posted.headers().firstValue("Location")
                    .orElseThrow()).toString();
            JsonNode status;
            while (true) {
                status = tree(send(HttpRequest.newBuilder(URI.create(location)).header("Authorization", "Bearer "
                        + token(user, "demo")).GET().build()).body());
                String state = status.path("status").asText();
                if (state.equalsIgnoreCase("completed")) {
                    break;
                }
                require(!state.equalsIgnoreCase("failed"), force.id() + " " + from + " failed: " + status);
                Thread.sleep(250);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long outside = status.path("outsidePartnerships").asLong() + status.path("rejected").asLong();
            // Memberships reach incident-service by events: until they have, rows fall outside the force.
            if (outside > 0 && attempt < 30) {
                log(force.id() + " " + from + ": " + outside + " rows not placed yet; posting the file again");
                Thread.sleep(3000);
                continue;
            }
            require(outside == 0, force.id() + " " + from + ": rows refused " + status);
            Files.delete(file);
            return new ImportRun(force.id(), year, rows, status.path("created").asLong(), seconds,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    static String pick(Map<String, Double> shares, Random random) {
        double x = random.nextDouble();
        String last = null;
        for (Map.Entry<String, Double> share : shares.entrySet()) {
            last = share.getKey();
            x -= share.getValue();
            if (x < 0) {
                return last;
            }
        }
        return last;
    }

    static String hex(Random random) {
        return String.format(Locale.ROOT, "%016x%016x%016x%016x", random.nextLong(), random.nextLong(),
                random.nextLong(), random.nextLong());
    }

    // ---- measurements -----------------------------------------------------------------------------

    long stored() {
        return Long.parseLong(psql("csp_incident", "select count(*) from incident where agency_id like 'nat-force-%'"));
    }

    long counted() {
        return Long.parseLong(psql("csp_reporting",
                "select coalesce(sum(incident_count), 0) from incident_count where partnership_id like 'nat-%'"));
    }

    /** Waits for the feed to count what is stored, then times the feed, a performance summary and a GROUP BY. */
    Checkpoint checkpoint(District probe, YearMonth first, YearMonth last, long stored, long baseline) throws Exception {
        long t0 = System.nanoTime();
        long counted = counted();
        while (counted < stored && System.nanoTime() - t0 < Duration.ofMinutes(30).toNanos()) {
            Thread.sleep(500);
            counted = counted();
        }
        double lag = (System.nanoTime() - t0) / 1e9;
        String partnership = partnershipOf(probe);
        String feed = url("reporting", "/api/v1/feeds/incident-counts?partnership=" + partnership + "&from=" + first
                + "&to=" + last + "&groupBy=month,category");
        String performance = url("reporting", "/api/v1/partnerships/" + partnership + "/performance?asOf=" + last);
        List<Double> feeds = timings(feed, 30);
        List<Double> performances = timings(performance, 30);
        // The reference as the server times it (psql's timing), without a process start per query.
        List<Double> groupBy = groupByTimings("select occurred_month, category, count(*) from incident where "
                + "partnership_id = '" + partnership + "' group by 1, 2", 10);
        Checkpoint point = new Checkpoint(stored - baseline, counted, lag, percentile(feeds, 50),
                percentile(feeds, 99), percentile(performances, 50), percentile(performances, 99),
                percentile(groupBy, 50), Long.parseLong(psql("postgres", "select pg_database_size('csp_incident')")),
                Long.parseLong(psql("postgres", "select pg_database_size('csp_reporting')")),
                size(home.resolve("kafka/data")));
        log("checkpoint " + point);
        return point;
    }

    List<Double> groupByTimings(String sql, int n) {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1",
                pg + "csp_incident", "-c", "\\timing on"));
        for (int i = 0; i < n; i++) {
            command.addAll(List.of("-c", sql));
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            require(process.waitFor() == 0, "psql: " + output);
            return output.lines().filter(l -> l.startsWith("Time: "))
                    .map(l -> Double.parseDouble(l.substring(6, l.indexOf(" ms")))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    List<Double> timings(String url, int n) throws IOException {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < n + 3; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token("nat-analyst", "demo")).GET().build());
            require(response.statusCode() == 200, url + ": " + response.statusCode() + " " + response.body());
            if (i >= 3) {
                ms.add((System.nanoTime() - t0) / 1e6);
            }
        }
        return ms;
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p / 100 * sorted.size()) - 1));
    }

    /** Rows a second from the first of the imports' start to the last one's end. */
    static double rate(List<ImportRun> runs) {
        double from = runs.stream().mapToDouble(r -> r.endedAt() - r.seconds()).min().orElseThrow();
        double to = runs.stream().mapToDouble(ImportRun::endedAt).max().orElseThrow();
        return runs.stream().mapToLong(ImportRun::rows).sum() / (to - from);
    }

    static long size(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return -1;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    // ---- the results ------------------------------------------------------------------------------

    void write(int districtCount, List<District> placed, List<Force> forces, YearMonth first, YearMonth last,
            List<ImportRun> runs, List<Checkpoint> checkpoints, long baseline) throws IOException {
        Checkpoint end = checkpoints.get(checkpoints.size() - 1);
        Checkpoint start = checkpoints.get(0);
        double millions = end.stored() / 1e6;
        double dbPerMillion = (end.incidentDbBytes() + end.reportingDbBytes() - start.incidentDbBytes()
                - start.reportingDbBytes()) / millions;
        double kafkaPerMillion = (end.kafkaBytes() - start.kafkaBytes()) / millions;
        double rowsPerSecond = rate(runs);
        double elapsed = end.stored() / rowsPerSecond;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startedAt", LocalDateTime.now().withNano(0).toString());
        json.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "host", host()));
        json.put("target", target);
        json.put("districts", districtCount);
        json.put("partnerships", placed.size());
        json.put("forces", forces.size());
        json.put("months", first + " to " + last);
        json.put("baselineIncidentsOfTheBench", baseline);
        json.put("imports", runs);
        json.put("checkpoints", checkpoints);
        json.put("rowsPerSecondOverall", rowsPerSecond);
        json.put("databaseBytesPerMillion", dbPerMillion);
        json.put("kafkaBytesPerMillion", kafkaPerMillion);
        Files.createDirectories(out);
        String name = "national-" + LocalDate.now() + "-" + host();
        JSON.writeValue(out.resolve(name + ".json").toFile(), json);

        StringBuilder md = new StringBuilder();
        md.append("# National-scale run, ").append(LocalDate.now()).append(" on ").append(host()).append(" (")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores)\n\n");
        md.append(String.format(Locale.ROOT, "%,d incidents through `POST /api/v1/incident-imports` for %d partnerships "
                + "(every district of England 2023 and Wales 2022 that no demo partnership holds) in %d made-up forces, "
                + "%s to %s, %d imports of a force's year each, %d at a time. Volumes by Census 2021 residents; "
                + "categories, outcomes and the months' shares from the Essex demo files.%n%n", end.stored(),
                placed.size(), forces.size(), first, last, runs.size(), concurrency));
        md.append(String.format(Locale.ROOT, "The stack held %,d incidents of earlier national runs when this one began: "
                + "the feeds below are timed over those and this run's together.%n%n", baseline));
        md.append(String.format(Locale.ROOT, "- Throughput: **%,.0f rows/s** over the whole run (%s).%n", rowsPerSecond,
                human(elapsed)));
        md.append(String.format(Locale.ROOT, "- Disk per million incidents: **%.0f MB** in PostgreSQL (incident and "
                + "reporting databases), **%.0f MB** in Kafka.%n", dbPerMillion / 1e6, kafkaPerMillion / 1e6));
        md.append(String.format(Locale.ROOT, "- Extrapolated to 80 M at this rate on this node: %s to import, %.0f GB "
                + "in PostgreSQL and %.0f GB in Kafka (one replica; three replicas triple Kafka's).%n%n",
                human(80e6 / rowsPerSecond), dbPerMillion * 80 / 1e9, kafkaPerMillion * 80 / 1e9));
        md.append("## Throughput over time (each year of the ten: all forces' files)\n\n| year | rows | rows/s |\n|---:|---:|---:|\n");
        for (int y = 0; y < YEARS; y++) {
            int year = y;
            List<ImportRun> ofYear = runs.stream().filter(r -> r.year() == year).toList();
            md.append(String.format(Locale.ROOT, "| %d | %,d | %,.0f |%n", y + 1,
                    ofYear.stream().mapToLong(ImportRun::rows).sum(), rate(ofYear)));
        }
        md.append("\n## As history grows (the largest district's partnership, ten years by month and category)\n\n")
                .append("| incidents stored | counted after | feed p50 / p99 ms | performance p50 / p99 ms | raw GROUP BY p50 ms "
                        + "| PostgreSQL GB | Kafka GB |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Checkpoint c : checkpoints) {
            md.append(String.format(Locale.ROOT, "| %,d | %.1f s | %.1f / %.1f | %.1f / %.1f | %.1f | %.2f | %.2f |%n",
                    c.stored(), c.countedLagSeconds(), c.feedP50(), c.feedP99(), c.performanceP50(), c.performanceP99(),
                    c.groupByP50(), (c.incidentDbBytes() + c.reportingDbBytes()) / 1e9, c.kafkaBytes() / 1e9));
        }
        Files.writeString(out.resolve(name + ".md"), md.toString());
        log("wrote " + out.resolve(name + ".md"));
    }

    // ---- plumbing ---------------------------------------------------------------------------------

    String url(String service, String path) {
        int port = switch (service) {
            case "partnership" -> Integer.parseInt(env("CSP_PARTNERSHIP_PORT", "8081"));
            case "incident" -> Integer.parseInt(env("CSP_INCIDENT_PORT", "8083"));
            case "reporting" -> Integer.parseInt(env("CSP_REPORTING_PORT", "8084"));
            default -> throw new IllegalArgumentException(service);
        };
        return "http://127.0.0.1:" + port + path;
    }

    String keycloak() {
        return "http://127.0.0.1:" + env("CSP_KEYCLOAK_PORT", "8180");
    }

    /** A token of the user, fetched again a minute before it expires. */
    String token(String user, String password) {
        synchronized (tokens) {
            String[] held = tokens.get(user);
            if (held != null && Long.parseLong(held[1]) > System.nanoTime()) {
                return held[0];
            }
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(keycloak()
                    + "/realms/csp/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=csp-cli&username="
                            + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + password)).build());
            require(response.statusCode() == 200, "token of " + user + ": " + response.statusCode());
            JsonNode body = tree(response.body());
            long expires = System.nanoTime() + Duration.ofSeconds(Math.max(10, body.path("expires_in").asLong() - 60)).toNanos();
            tokens.put(user, new String[] { body.get("access_token").asText(), String.valueOf(expires) });
            return body.get("access_token").asText();
        }
    }

    String keycloakAdmin() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(keycloak()
                + "/realms/master/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                .build());
        require(response.statusCode() == 200, "Keycloak admin token: " + response.statusCode());
        return tree(response.body()).get("access_token").asText();
    }

    int post(String url, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build())
                .statusCode();
    }

    int get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build())
                .statusCode();
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    String psql(String database, String sql) {
        try {
            Process process = new ProcessBuilder("psql", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", pg + database,
                    "-c", sql).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            require(process.waitFor() == 0, "psql " + database + ": " + output);
            return output.lines().findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV file's rows after its header; police.uk quotes only fields with commas. */
    static List<String[]> csv(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (char c : line.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            rows.add(fields.toArray(String[]::new));
        }
        return rows;
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    static String host() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    static String human(double seconds) {
        return seconds >= 86400 ? String.format(Locale.ROOT, "%.1f days", seconds / 86400)
                : seconds >= 3600 ? String.format(Locale.ROOT, "%.1f h", seconds / 3600)
                : String.format(Locale.ROOT, "%.0f min", seconds / 60);
    }

    static void log(String message) {
        System.out.println("bench/national: " + message);
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
