package org.saferpartnerships.e2e.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes incidents as a partner agency's system does, while faults happen: single postings,
 * batches, corrections that move an incident to another partnership, and police.uk CSV imports.
 * Like a careful client it sends a write again after an error or a lost connection, with the
 * same externalRef (or If-Match), until it is answered, and re-posts an import the service says
 * failed. Every answer goes into the {@link Ledger}.
 */
final class LoadDriver implements AutoCloseable {

    /** Where an incident may be placed: a district of a partnership, and an LSOA in it for CSV rows. */
    record Place(String partnershipId, String districtCode, String lsoaCode, String lsoaName) {
    }

    private static final Map<String, String> CATEGORIES = Map.of("burglary", "Burglary", "drugs", "Drugs",
            "robbery", "Robbery", "shoplifting", "Shoplifting", "vehicle-crime", "Vehicle crime");
    private static final List<String> CATEGORY_SLUGS = List.copyOf(CATEGORIES.keySet());
    private static final int BATCH = 10;
    private static final int CSV_ROWS = 150;
    /** How long after {@link #stop()} a write still unanswered is sent again: beyond the two minutes after which an import whose instance died is declared failed, so it is posted again. */
    private static final Duration RETRY_AFTER_STOP = Duration.ofMinutes(3);

    private final String incidents;
    private final String token;
    private final String run;
    private final List<Place> places;
    private final Ledger ledger = new Ledger();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ExecutorService writers;
    private final int writerCount;
    private final boolean imports;
    private final boolean corrections;
    private final AtomicLong csvImports = new AtomicLong();
    private volatile boolean stopping;
    private volatile Instant giveUpAt = Instant.MAX;

    /**
     * @param run     a prefix of every externalRef, so each fault's records are told apart
     * @param writers threads posting single incidents, batches and corrections
     * @param imports whether one more thread posts CSV imports
     * @param corrections whether a tenth of the writes correct an earlier incident
     */
    LoadDriver(String incidentServiceUrl, String token, String run, List<Place> places, int writers, boolean imports,
            boolean corrections) {
        this.incidents = incidentServiceUrl + "/api/v1/incidents";
        this.token = token;
        this.run = run;
        this.places = places;
        this.writerCount = writers;
        this.imports = imports;
        this.corrections = corrections;
        this.writers = Executors.newFixedThreadPool(writers + (imports ? 1 : 0));
    }

    LoadDriver start() {
        for (int writer = 0; writer < writerCount; writer++) {
            int number = writer;
            writers.submit(() -> write(number));
        }
        if (imports) {
            writers.submit(this::importFiles);
        }
        return this;
    }

    Ledger ledger() {
        return ledger;
    }

    long acknowledged() {
        return ledger.acknowledged().size();
    }

    long csvImports() {
        return csvImports.get();
    }

    /** Starts no new write; those under way are sent until answered, for at most {@link #RETRY_AFTER_STOP}. */
    void stop() {
        giveUpAt = Instant.now().plus(RETRY_AFTER_STOP);
        stopping = true;
        writers.shutdown();
        try {
            if (!writers.awaitTermination(RETRY_AFTER_STOP.plusSeconds(30).toSeconds(), TimeUnit.SECONDS)) {
                writers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (!stopping) {
            stop();
        }
    }

    private void write(int writer) {
        List<String> mine = new ArrayList<>();
        long n = 0;
        while (!stopping) {
            n++;
            try {
                switch ((int) (n % 10)) {
                    case 7, 8 -> batch(writer, n, mine);
                    case 9 -> {
                        if (corrections) {
                            correct(mine);
                        } else {
                            single(writer, n, mine);
                        }
                    }
                    default -> single(writer, n, mine);
                }
            } catch (RuntimeException e) {
                ledger.refused("writer " + writer + " failed: " + e);
            }
        }
    }

    private void single(int writer, long n, List<String> mine) {
        String ref = run + "-" + writer + "-" + n;
        ObjectNode incident = incident(ref, place(), category());
        ledger.sent(ref);
        answer(post(incidents, incident)).ifPresent(body -> {
            ledger.acknowledged(ref, stored(body));
            mine.add(ref);
        });
    }

    private void batch(int writer, long n, List<String> mine) {
        ArrayNode batch = json.createArrayNode();
        List<Place> placed = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            String ref = run + "-" + writer + "-" + n + "-" + i;
            placed.add(place());
            batch.add(incident(ref, placed.get(i), category()));
            ledger.sent(ref);
        }
        answer(post(incidents + "/batch", batch)).ifPresent(result -> {
            for (JsonNode item : result.get("items")) {
                String ref = item.get("externalRef").asText();
                if ("rejected".equals(item.get("result").asText())) {
                    ledger.refused(ref + " rejected in a batch: " + item.get("reasons"));
                    continue;
                }
                int index = item.get("index").asInt();
                JsonNode sent = batch.get(index);
                // A batch answers no version; a correction reads it first (-1), as a client would.
                ledger.acknowledged(ref, new Ledger.Stored(item.get("id").asText(), placed.get(index).partnershipId(),
                        sent.get("category").asText(), sent.get("occurredOn").asText().substring(0, 7), -1));
                mine.add(ref);
            }
        });
    }

    /** Moves one of the writer's incidents to another category and, often, another partnership. */
    private void correct(List<String> mine) {
        if (mine.isEmpty()) {
            return;
        }
        String ref = mine.get(ThreadLocalRandom.current().nextInt(mine.size()));
        Ledger.Stored before = ledger.acknowledged().get(ref);
        Place to = place();
        String category = category();
        ObjectNode patch = json.createObjectNode().put("category", category).put("partnershipId", to.partnershipId())
                .put("districtCode", to.districtCode());
        ledger.uncertain(ref);
        long version = before.version();
        if (version < 0) {
            Optional<JsonNode> current = answer(get(incidents + "/" + before.id()));
            if (current.isEmpty()) {
                return;
            }
            version = current.get().get("version").asLong();
        }
        while (true) {
            HttpResponse<String> response = patch(incidents + "/" + before.id(), patch, version);
            if (response == null) {
                return;
            }
            if (response.statusCode() == 200) {
                ledger.acknowledged(ref, stored(read(response.body())));
                return;
            }
            if (response.statusCode() != 412) {
                ledger.refused("correction of " + ref + ": " + response.statusCode() + " " + response.body());
                return;
            }
            // An earlier attempt whose answer was lost may have made the change already.
            Optional<JsonNode> current = answer(get(incidents + "/" + before.id()));
            if (current.isEmpty()) {
                return;
            }
            Ledger.Stored now = stored(current.get());
            if (now.category().equals(category) && to.partnershipId().equals(now.partnershipId())) {
                ledger.acknowledged(ref, now);
                return;
            }
            version = now.version();
        }
    }

    private void importFiles() {
        while (!stopping) {
            List<String> lines = new ArrayList<>();
            lines.add("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
                    + "Crime type,Last outcome category,Context");
            List<String> refs = new ArrayList<>();
            List<Ledger.Stored> expected = new ArrayList<>();
            for (int i = 0; i < CSV_ROWS; i++) {
                String ref = run + "-csv-" + UUID.randomUUID();
                Place place = place();
                String category = category();
                String month = month();
                lines.add(String.join(",", ref, month, "Essex Police", "Essex Police", "0.900000", "51.890000",
                        "On or near Fault Street", place.lsoaCode(), place.lsoaName(), CATEGORIES.get(category),
                        "Under investigation", ""));
                refs.add(ref);
                expected.add(new Ledger.Stored(null, place.partnershipId(), category, month, 0));
            }
            refs.forEach(ledger::sent);
            byte[] file = (String.join("\n", lines) + "\n").getBytes();
            if (importUntilComplete(file)) {
                for (int i = 0; i < refs.size(); i++) {
                    ledger.acknowledged(refs.get(i), expected.get(i));
                }
                csvImports.incrementAndGet();
            }
            // An agency's system sends a file now and then, not back to back.
            pause(Duration.ofSeconds(2));
        }
    }

    /** Posts the file, follows the import, and posts it again if the service says the import failed. */
    private boolean importUntilComplete(byte[] file) {
        while (Instant.now().isBefore(giveUpAt)) {
            HttpResponse<String> received = send(HttpRequest.newBuilder(URI.create(incidents.replace("/incidents",
                    "/incident-imports"))).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
            if (received == null) {
                return false;
            }
            if (received.statusCode() != 202) {
                ledger.refused("import: " + received.statusCode() + " " + received.body());
                return false;
            }
            String progress = incidents.replace("/api/v1/incidents", "")
                    + received.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
            while (Instant.now().isBefore(giveUpAt)) {
                Optional<JsonNode> state = answer(get(progress));
                if (state.isEmpty()) {
                    return false;
                }
                String status = state.get().get("status").asText();
                if ("completed".equals(status)) {
                    return true;
                }
                if ("failed".equals(status)) {
                    ledger.retried();
                    break;
                }
                pause(Duration.ofMillis(250));
            }
        }
        return false;
    }

    private ObjectNode incident(String ref, Place place, String category) {
        return json.createObjectNode().put("externalRef", ref).put("category", category)
                .put("occurredOn", month() + "-" + String.format("%02d", 1 + ThreadLocalRandom.current().nextInt(28)))
                .put("districtCode", place.districtCode());
    }

    private Place place() {
        return places.get(ThreadLocalRandom.current().nextInt(places.size()));
    }

    private static String category() {
        return CATEGORY_SLUGS.get(ThreadLocalRandom.current().nextInt(CATEGORY_SLUGS.size()));
    }

    private static String month() {
        return "2024-0" + (1 + ThreadLocalRandom.current().nextInt(6));
    }

    private Ledger.Stored stored(JsonNode incident) {
        return new Ledger.Stored(incident.get("id").asText(), incident.get("partnershipId").asText(),
                incident.get("category").asText(), incident.get("occurredMonth").asText(),
                incident.get("version").asLong());
    }

    private HttpResponse<String> post(String url, JsonNode body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> patch(String url, JsonNode body, long version) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/merge-patch+json")
                .header("If-Match", "\"" + version + "\"")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /**
     * Sends until the service gives an answer that is not an outage: a lost connection, a timeout,
     * 500, 502, 503 and 504 are sent again after a pause, as an agency's system would.
     *
     * @return the answer, or null when the driver gave up
     */
    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).build();
        Duration pause = Duration.ofMillis(100);
        while (Instant.now().isBefore(giveUpAt)) {
            ledger.requested();
            try {
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500 || response.statusCode() > 504 || response.statusCode() == 501) {
                    return response;
                }
            } catch (IOException e) {
                // Connection refused or reset, or no answer in time: the service is down or restarting.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            ledger.retried();
            pause(pause);
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : pause.multipliedBy(2);
        }
        return null;
    }

    /** The body of a 2xx; a refusal is noted in the ledger. */
    private Optional<JsonNode> answer(HttpResponse<String> response) {
        if (response == null) {
            return Optional.empty();
        }
        if (response.statusCode() / 100 != 2) {
            ledger.refused(response.request().method() + " " + response.request().uri() + ": "
                    + response.statusCode() + " " + response.body());
            return Optional.empty();
        }
        return Optional.of(read(response.body()));
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + body, e);
        }
    }

    /** The client's back-off between attempts: this is the load, not a test waiting for a result. */
    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
