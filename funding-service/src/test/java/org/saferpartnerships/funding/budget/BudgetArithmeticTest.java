package org.saferpartnerships.funding.budget;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

import org.saferpartnerships.funding.Funding;
import org.saferpartnerships.funding.Partnerships;

/**
 * Random sequences of allocations, top-slices, carry-forwards, commitments, spend, reversals and
 * status changes, through the API; after every step both years' budget positions must equal what
 * the test's own ledger says, to the penny, and add up: net = gross − top-sliced, available = net +
 * carried in, remaining = available − spent, anticipated underspend = available − forecast, what was
 * approved to roll into the next year is carried out of this one and into that, and the total is the
 * sum of its streams. Money carried out of a year is neither spent nor top-sliced there as well.
 */
@QuarkusTest
class BudgetArithmeticTest {

    private static final int YEAR = 2030;
    /** Amounts read as written, not as floats. */
    private static final JsonPathConfig EXACT = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);
    private static final String[] FIGURES = { "gross", "topSliced", "net", "carriedIn", "available", "committed",
            "spent", "remaining", "forecastOutturn", "anticipatedUnderspend", "carriedOut" };

    @Inject
    AgroalDataSource dataSource;

    /** The test's ledger of one stream in one year. */
    private static final class Cell {
        String allocation;
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal topSliced = BigDecimal.ZERO;
        BigDecimal carriedIn = BigDecimal.ZERO;
        BigDecimal carriedOut = BigDecimal.ZERO;
        final List<Commitment> initiatives = new ArrayList<>();

        BigDecimal available() {
            return gross.subtract(topSliced).add(carriedIn);
        }

        BigDecimal spent() {
            return initiatives.stream().map(c -> c.spent).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** Whether taking this much (spend, a top-slice) would reach into what was carried out of the year. */
        boolean refuses(BigDecimal taken) {
            return carriedOut.signum() > 0 && taken.compareTo(available().subtract(spent()).subtract(carriedOut)) > 0;
        }
    }

    private static final class Commitment {
        String id;
        String etag;
        String status;
        BigDecimal amount;
        BigDecimal spent = BigDecimal.ZERO;
        final List<String[]> unreversedLines = new ArrayList<>();

        /** The forecast, worked out here without the service's code. */
        BigDecimal forecast() {
            return switch (status) {
                case "approved" -> amount == null || spent.compareTo(amount) > 0 ? spent : amount;
                case "completed", "cancelled" -> spent;
                default -> BigDecimal.ZERO;
            };
        }
    }

    @Test
    void everyPositionAddsUpExactlyWhateverHappens() {
        for (long seed : new long[] { 1, 2, 3 }) {
            run(seed, 45);
        }
    }

    private void run(long seed, int steps) {
        Random random = new Random(seed);
        String partnership = Partnerships.partnership(dataSource);
        Funding funding = Funding.funder();
        String officer = Funding.partnershipOfficer(partnership);
        String funder = funding.officer(partnership);
        String[] streams = { funding.coreGrant, funding.developmentFund };
        Map<String, Cell> ledger = new LinkedHashMap<>();
        for (int year : new int[] { YEAR, YEAR + 1 }) {
            for (String stream : streams) {
                ledger.put(year + stream, new Cell());
            }
        }
        String base = "/api/v1/partnerships/" + partnership;
        for (int step = 0; step < steps; step++) {
            int year = YEAR + random.nextInt(2);
            String stream = streams[random.nextInt(2)];
            Cell cell = ledger.get(year + stream);
            switch (random.nextInt(7)) {
                case 0 -> {
                    if (cell.allocation == null) {
                        BigDecimal gross = pounds(random, 50_000);
                        cell.allocation = funding.allocate(partnership, stream, year, gross.toPlainString());
                        cell.gross = gross;
                    }
                }
                case 1 -> {
                    BigDecimal room = cell.gross.subtract(cell.topSliced);
                    if (cell.allocation != null && room.signum() > 0) {
                        BigDecimal slice = upTo(random, room);
                        boolean refused = cell.refuses(slice);
                        jsonWithToken(funder).body("{\"amount\": %s, \"purpose\": \"DHR\"}".formatted(slice))
                                .post(base + "/allocations/" + cell.allocation + "/top-slices").then()
                                .statusCode(refused ? 409 : 201);
                        if (!refused) {
                            cell.topSliced = cell.topSliced.add(slice);
                        }
                    }
                }
                case 2 -> {
                    Cell from = ledger.get(YEAR + stream);
                    Cell into = ledger.get((YEAR + 1) + stream);
                    BigDecimal left = from.available().subtract(from.spent());
                    if (from.carriedOut.signum() == 0 && left.signum() > 0) {
                        BigDecimal asked = upTo(random, left);
                        String id = jsonWithToken(officer).body("""
                                {"streamId": "%s", "fromYear": %d, "requested": %s, "reason": "Underspend"}"""
                                .formatted(stream, YEAR, asked)).post(base + "/carry-forwards").then().statusCode(201)
                                .extract().path("id");
                        if (random.nextBoolean()) {
                            BigDecimal approved = upTo(random, left);
                            jsonWithToken(funder).body("{\"decision\": \"approved\", \"approved\": %s}".formatted(approved))
                                    .post(base + "/carry-forwards/" + id + "/decision").then().statusCode(200);
                            into.carriedIn = into.carriedIn.add(approved);
                            from.carriedOut = approved;
                        } else {
                            jsonWithToken(funder).body("{\"decision\": \"declined\"}")
                                    .post(base + "/carry-forwards/" + id + "/decision").then().statusCode(200);
                        }
                    }
                }
                case 3 -> {
                    Commitment commitment = new Commitment();
                    commitment.status = random.nextInt(3) == 0 ? "proposed" : "approved";
                    commitment.amount = random.nextInt(4) == 0 ? null : pounds(random, 20_000);
                    // Only a stream that funds the partnership in the year (allocated, or carried in) commits money.
                    boolean funded = cell.allocation != null || cell.carriedIn.signum() > 0;
                    var answer = jsonWithToken(officer).body("""
                            {"streamId": "%s", "financialYear": %d, "title": "Initiative %d", "amount": %s,
                             "approvedOn": "%d-05-01", "status": "%s"}""".formatted(stream, year, step,
                            commitment.amount == null ? "null" : commitment.amount.toPlainString(), year,
                            commitment.status)).post(base + "/initiatives").then().statusCode(funded ? 201 : 409)
                            .extract();
                    if (funded) {
                        commitment.id = answer.path("id");
                        commitment.etag = answer.header("ETag");
                        cell.initiatives.add(commitment);
                    }
                }
                case 4 -> cell.initiatives.stream().filter(c -> c.status.equals("approved") || c.status.equals("completed"))
                        .findAny().ifPresent(c -> {
                            BigDecimal amount = pounds(random, 5_000).max(new BigDecimal("0.01"));
                            boolean refused = cell.refuses(amount);
                            String line = jsonWithToken(officer).body("""
                                    {"spentOn": "%d-%02d-15", "amount": %s, "description": "Invoice"}"""
                                    .formatted(year, 4 + random.nextInt(9), amount))
                                    .post(base + "/initiatives/" + c.id + "/spend").then()
                                    .statusCode(refused ? 409 : 201).extract().path("id");
                            if (!refused) {
                                c.spent = c.spent.add(amount);
                                c.unreversedLines.add(new String[] { line, amount.toPlainString() });
                            }
                        });
                case 5 -> cell.initiatives.stream().filter(c -> !c.unreversedLines.isEmpty()).findAny().ifPresent(c -> {
                    String[] line = c.unreversedLines.remove(random.nextInt(c.unreversedLines.size()));
                    jsonWithToken(officer).body("{\"reason\": \"Mistake\", \"reversedOn\": \"%d-12-01\"}".formatted(year))
                            .post(base + "/initiatives/" + c.id + "/spend/" + line[0] + "/reversal").then()
                            .statusCode(201);
                    c.spent = c.spent.subtract(new BigDecimal(line[1]));
                });
                default -> cell.initiatives.stream().filter(c -> c.status.equals("proposed") || c.status.equals("approved"))
                        .findAny().ifPresent(c -> {
                            String next = c.status.equals("proposed") ? "approved"
                                    : random.nextBoolean() ? "completed" : "cancelled";
                            c.etag = jsonWithToken(officer).header("If-Match", c.etag).body("""
                                    {"streamId": "%s", "financialYear": %d, "title": "Initiative", "amount": %s,
                                     "approvedOn": "%d-05-01", "status": "%s"}""".formatted(stream, year,
                                    c.amount == null ? "null" : c.amount.toPlainString(), year, next))
                                    .put(base + "/initiatives/" + c.id).then().statusCode(200).extract().header("ETag");
                            c.status = next;
                        });
            }
            for (int y : new int[] { YEAR, YEAR + 1 }) {
                check("seed " + seed + " step " + step + " year " + y, withToken(officer).queryParam("year", y)
                        .get(base + "/budget").then().statusCode(200).extract().jsonPath().using(EXACT), y, streams, ledger);
            }
        }
    }

    private static void check(String at, JsonPath position, int year, String[] streams, Map<String, Cell> ledger) {
        Map<String, BigDecimal> total = new LinkedHashMap<>();
        for (String figure : FIGURES) {
            total.put(figure, BigDecimal.ZERO);
        }
        List<String> shown = position.getList("streams.streamId");
        for (String stream : streams) {
            Cell cell = ledger.get(year + stream);
            BigDecimal committed = cell.initiatives.stream().filter(c -> c.amount != null
                    && (c.status.equals("approved") || c.status.equals("completed"))).map(c -> c.amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal spent = cell.initiatives.stream().map(c -> c.spent).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal forecast = cell.initiatives.stream().map(Commitment::forecast).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal net = cell.gross.subtract(cell.topSliced);
            BigDecimal available = net.add(cell.carriedIn);
            Map<String, BigDecimal> expected = new LinkedHashMap<>();
            expected.put("gross", cell.gross);
            expected.put("topSliced", cell.topSliced);
            expected.put("net", net);
            expected.put("carriedIn", cell.carriedIn);
            expected.put("available", available);
            expected.put("committed", committed);
            expected.put("spent", spent);
            expected.put("remaining", available.subtract(spent));
            expected.put("forecastOutturn", forecast);
            expected.put("anticipatedUnderspend", available.subtract(forecast));
            expected.put("carriedOut", cell.carriedOut);
            int index = shown.indexOf(stream);
            if (index < 0) {
                expected.values().forEach(v -> assertThat(at + ": a stream with no money shows", v, comparesEqualTo(BigDecimal.ZERO)));
                continue;
            }
            for (String figure : FIGURES) {
                BigDecimal actual = new BigDecimal(position.getString("streams[" + index + "].figures." + figure));
                assertThat(at + " stream " + stream + " " + figure, actual, comparesEqualTo(expected.get(figure)));
                assertThat(at + " " + figure + " to the penny", actual.scale(), equalTo(2));
                total.merge(figure, actual, BigDecimal::add);
            }
            assertThat(at + " overspent", position.getBoolean("streams[" + index + "].figures.overspent"),
                    equalTo(expected.get("anticipatedUnderspend").signum() < 0));
        }
        for (String figure : FIGURES) {
            assertThat(at + " total " + figure, new BigDecimal(position.getString("total." + figure)),
                    comparesEqualTo(total.get(figure)));
        }
    }

    /** Pounds and pence below a bound, as JSON would carry them. */
    private static BigDecimal pounds(Random random, int below) {
        return BigDecimal.valueOf(random.nextInt(below * 100), 2);
    }

    private static BigDecimal upTo(Random random, BigDecimal bound) {
        long pence = bound.movePointRight(2).longValueExact();
        return BigDecimal.valueOf(1 + (long) (random.nextDouble() * pence), 2).min(bound);
    }
}
