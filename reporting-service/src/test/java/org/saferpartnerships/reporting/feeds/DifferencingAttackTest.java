package org.saferpartnerships.reporting.feeds;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.reporting.counts.IncidentEvents;
import org.saferpartnerships.reporting.counts.IncidentEvents.Incident;
import org.saferpartnerships.testing.identity.TestTokens;

/**
 * A viewer's differencing attack: ask every period, grouping and filter the count feed takes, and
 * the performance and dashboard answers besides, then subtract every answer from every answer that
 * contains it. The data holds the case that broke cell suppression (Maldon robbery: 11 from
 * January to June 2018, 1 in July), and many other small counts.
 */
@QuarkusTest
class DifferencingAttackTest {

    private static final String MALDON = "E07000074";
    private static final String COLCHESTER = "E07000071";
    private static final List<String> DISTRICTS = List.of(MALDON, COLCHESTER);
    private static final List<String> CATEGORIES = List.of("robbery", "burglary", "drugs", "anti-social-behaviour");
    private static final YearMonth FIRST = YearMonth.of(2017, 1);
    private static final YearMonth LAST = YearMonth.of(2018, 8);
    /** The months a viewer's count queries range over. */
    private static final YearMonth ASKED_FROM = YearMonth.of(2018, 1);
    private static final List<String> GROUPINGS = List.of("month", "category", "district", "category,district",
            "month,category", "month,district", "month,category,district");

    /** The incidents behind one answer: a set of (month, category, district) cells. */
    private static int cell(YearMonth month, String category, String district) {
        return ((int) (month.getYear() * 12L + month.getMonthValue() - FIRST.getYear() * 12L - FIRST.getMonthValue())
                * CATEGORIES.size() + CATEGORIES.indexOf(category)) * DISTRICTS.size() + DISTRICTS.indexOf(district);
    }

    /** What a shown figure tells about the true count, by the rule each answer states. */
    private record Answer(String question, BitSet cells, long low, long high) {
    }

    private final Map<Integer, Integer> truth = new HashMap<>();
    private int threshold;
    private int roundedTo;
    /** Every distinct set of cells asked about, with the first answer given for it. */
    private final Map<BitSet, Answer> answers = new HashMap<>();
    private final List<String> inconsistent = new ArrayList<>();

    @Test
    void noPairOfAnswersAViewerCanGetPinsASmallCount() {
        String p = seed();
        String viewer = TestTokens.withRole(Roles.VIEWER, p);
        for (YearMonth from = ASKED_FROM; !from.isAfter(LAST); from = from.plusMonths(1)) {
            for (YearMonth to = from; !to.isAfter(LAST); to = to.plusMonths(1)) {
                for (String grouping : GROUPINGS) {
                    for (String category : new String[] { null, "robbery" }) {
                        for (String district : new String[] { null, MALDON }) {
                            askCounts(viewer, p, from, to, grouping, category, district);
                        }
                    }
                }
            }
        }
        for (YearMonth asOf = ASKED_FROM; !asOf.isAfter(LAST); asOf = asOf.plusMonths(1)) {
            for (String period : List.of("financial-ytd", "assessment-year", "rolling-12")) {
                askPerformance(viewer, p, asOf, period);
            }
            askDashboard(viewer, p, asOf);
        }

        List<String> pinned = new ArrayList<>();
        long pairs = 0;
        for (Answer whole : answers.values()) {
            for (Answer part : answers.values()) {
                if (whole == part) {
                    continue;
                }
                BitSet rest = (BitSet) part.cells().clone();
                rest.andNot(whole.cells());
                if (!rest.isEmpty()) {
                    continue;
                }
                pairs++;
                long low = Math.max(0, whole.low() - part.high());
                long high = whole.high() - part.low();
                BitSet between = (BitSet) whole.cells().clone();
                between.andNot(part.cells());
                long actual = between.stream().mapToLong(c -> truth.getOrDefault(c, 0)).sum();
                if (low == high && actual > 0) {
                    pinned.add(whole.question() + " minus " + part.question() + " = " + actual);
                }
            }
        }
        assertThat(pairs, greaterThan(10_000L));
        assertThat(inconsistent, empty());
        assertThat(pinned, empty());
    }

    /** Maldon robbery as in the attack that broke cell suppression; everything else at random, mostly small. */
    private String seed() {
        String p = "p-" + UUID.randomUUID();
        Random random = new Random(20180701);
        int[] maldonRobbery2018 = { 2, 1, 3, 0, 4, 1, 1, 6 };
        List<Incident> incidents = new ArrayList<>();
        for (YearMonth month = FIRST; !month.isAfter(LAST); month = month.plusMonths(1)) {
            for (String category : CATEGORIES) {
                for (String district : DISTRICTS) {
                    int count = month.getYear() == 2018 && category.equals("robbery") && district.equals(MALDON)
                            ? maldonRobbery2018[month.getMonthValue() - 1]
                            : random.nextInt(category.equals("anti-social-behaviour") ? 30 : 14);
                    truth.put(cell(month, category, district), count);
                    for (int i = 0; i < count; i++) {
                        incidents.add(Incident.of(p, category, month.toString(), district));
                    }
                }
            }
        }
        IncidentEvents.recordedAll(incidents);
        await().atMost(Duration.ofSeconds(60)).until(() -> withToken(TestTokens.analyst(p))
                .queryParam("partnership", p).queryParam("from", FIRST.toString()).queryParam("to", LAST.toString())
                .queryParam("groupBy", "district").get("/api/v1/feeds/incident-counts")
                .then().extract().path("rows.count.sum()"), equalTo(incidents.size()));
        return p;
    }

    private void askCounts(String viewer, String p, YearMonth from, YearMonth to, String grouping, String category,
            String district) {
        var request = withToken(viewer).queryParam("partnership", p).queryParam("from", from.toString())
                .queryParam("to", to.toString()).queryParam("groupBy", grouping);
        if (category != null) {
            request.queryParam("category", category);
        }
        if (district != null) {
            request.queryParam("district", district);
        }
        JsonPath feed = request.get("/api/v1/feeds/incident-counts").then().statusCode(200).extract().jsonPath();
        rule(feed);
        String question = "counts " + from + ".." + to + " by [" + grouping + "] category=" + category + " district="
                + district;
        for (Map<String, Object> row : feed.<Map<String, Object>>getList("rows")) {
            String month = (String) row.get("month");
            String rowCategory = (String) row.getOrDefault("category", category);
            String rowDistrict = (String) row.getOrDefault("district", district);
            BitSet cells = cells(month == null ? from : YearMonth.parse(month), month == null ? to : YearMonth.parse(month),
                    rowCategory == null ? CATEGORIES : List.of(rowCategory),
                    rowDistrict == null ? DISTRICTS : List.of(rowDistrict));
            answer(question + " row " + month + "/" + rowCategory + "/" + rowDistrict, cells,
                    shown(row.get("count")));
        }
    }

    private void askPerformance(String viewer, String p, YearMonth asOf, String period) {
        JsonPath performance = withToken(viewer).queryParam("asOf", asOf.toString()).queryParam("period", period)
                .get("/api/v1/partnerships/" + p + "/performance").then().statusCode(200).extract().jsonPath();
        rule(performance);
        YearMonth from = YearMonth.parse(performance.getString("from"));
        for (Map<String, Object> line : performance.<Map<String, Object>>getList("lines")) {
            String key = (String) line.get("key");
            List<String> categories = key.equals("all-crime")
                    ? CATEGORIES.stream().filter(c -> !c.equals("anti-social-behaviour")).toList()
                    : CATEGORIES.contains(key) ? List.of(key) : List.of();
            String question = "performance " + period + " to " + asOf + " " + key;
            answer(question + " current", cells(from, asOf, categories, DISTRICTS),
                    shown(line.get("current")));
            answer(question + " previous",
                    cells(from.minusYears(1), asOf.minusYears(1), categories, DISTRICTS), shown(line.get("previous")));
        }
    }

    private void askDashboard(String viewer, String p, YearMonth asOf) {
        JsonPath dashboard = withToken(viewer).queryParam("asOf", asOf.toString())
                .get("/api/v1/partnerships/" + p + "/dashboard").then().statusCode(200).extract().jsonPath();
        rule(dashboard);
        List<String> months = dashboard.getList("months");
        for (Map<String, Object> series : dashboard.<Map<String, Object>>getList("series")) {
            String category = (String) series.get("category");
            @SuppressWarnings("unchecked")
            List<Object> counts = (List<Object>) series.get("counts");
            for (int i = 0; i < months.size(); i++) {
                YearMonth month = YearMonth.parse(months.get(i));
                answer("dashboard to " + asOf + " series " + category + " " + month,
                        cells(month, month, List.of(category), DISTRICTS), shown(counts.get(i)));
            }
        }
        for (Map<String, Object> district : dashboard.<Map<String, Object>>getList("districts")) {
            String code = (String) district.get("key");
            answer("dashboard to " + asOf + " district " + code,
                    cells(asOf.minusMonths(11), asOf, CATEGORIES, List.of(code)), shown(district.get("count")));
        }
    }

    /** The same incidents must read the same whichever question asked for them. */
    private void answer(String question, BitSet cells, Long shown) {
        Answer answer = shown == null ? new Answer(question, cells, 1, threshold - 1)
                : shown == 0 ? new Answer(question, cells, 0, 0)
                : new Answer(question, cells, shown - roundedTo / 2, shown + roundedTo - 1 - roundedTo / 2);
        Answer earlier = answers.putIfAbsent(cells, answer);
        if (earlier != null && (earlier.low() != answer.low() || earlier.high() != answer.high())) {
            inconsistent.add(earlier.question() + " = " + earlier.low() + ".." + earlier.high() + " but " + question
                    + " = " + answer.low() + ".." + answer.high());
        }
    }

    /** Every answer states the rule it was given under; the attacker reads it from there. */
    private void rule(JsonPath answer) {
        assertThat(answer.getBoolean("disclosure.applied"), equalTo(true));
        threshold = answer.getInt("disclosure.threshold");
        roundedTo = answer.getInt("disclosure.roundedTo");
    }

    /** The cells of the months from..to within the seeded history (earlier and later months hold nothing). */
    private static BitSet cells(YearMonth from, YearMonth to, List<String> categories, List<String> districts) {
        BitSet cells = new BitSet();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            if (month.isBefore(FIRST) || month.isAfter(LAST)) {
                continue;
            }
            for (String category : categories) {
                for (String district : districts) {
                    cells.set(cell(month, category, district));
                }
            }
        }
        return cells;
    }

    private static Long shown(Object count) {
        return count == null ? null : ((Number) count).longValue();
    }
}
