package org.saferpartnerships.partnership;

import static org.saferpartnerships.testing.api.Requests.jsonWithToken;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.saferpartnerships.platform.geography.District;
import org.saferpartnerships.platform.geography.LocalAuthorityDistricts;
import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.testing.identity.TestTokens;

/** Records that tests build on, created through the API; every call makes new ids so tests never clash. */
public final class Fixtures {

    public static final String ADMIN = TestTokens.withRole(Roles.PLATFORM_ADMIN);
    public static final String VIEWER = TestTokens.withRole(Roles.VIEWER);

    /** Current districts handed out one per partnership, as the service allows a district only once. */
    private static final List<String> FREE_DISTRICTS = new ArrayList<>(LocalAuthorityDistricts.current().stream()
            .map(District::code).toList());
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** An assessment of 2020/21 on a two-criterion matrix: domestic abuse ranks first. */
    public static final String ASSESSMENT_2020 = """
            {"periodStart": "2020-10-01", "periodEnd": "2021-09-30",
             "criteria": [{"name": "harm", "weight": 3}, {"name": "volume", "weight": 2}],
             "issues": [
               {"title": "Anti-social behaviour", "theme": "anti-social-behaviour", "scores": {"harm": 2, "volume": 5}},
               {"title": "Domestic abuse", "theme": "domestic-abuse", "scores": {"harm": 5, "volume": 4}},
               {"title": "Shoplifting", "theme": "other", "scores": {"harm": 2, "volume": 5}}]}""";

    private Fixtures() {
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static synchronized String freeDistrict() {
        return FREE_DISTRICTS.remove(0);
    }

    /** The first unused district that {@code which} accepts. */
    public static synchronized String freeDistrict(Predicate<String> which) {
        String district = FREE_DISTRICTS.stream().filter(which).findFirst().orElseThrow();
        FREE_DISTRICTS.remove(district);
        return district;
    }

    /** Registers a partnership covering one unused district; returns its id. */
    public static String partnership() {
        String id = uniqueId("csp");
        jsonWithToken(ADMIN)
                .body("""
                        {"id": "%s", "name": "Partnership %d", "districts": ["%s"], "pccArea": "Essex"}"""
                        .formatted(id, SEQUENCE.incrementAndGet(), freeDistrict()))
                .post("/api/v1/partnerships").then().statusCode(201);
        return id;
    }

    public static String agency(String type) {
        String id = uniqueId("agency");
        jsonWithToken(ADMIN)
                .body("""
                        {"id": "%s", "name": "Agency %s", "type": "%s"}""".formatted(id, id, type))
                .post("/api/v1/agencies").then().statusCode(201);
        return id;
    }

    public static String officerOf(String partnershipId) {
        return TestTokens.forUser("officer-" + partnershipId).roles(Roles.PARTNERSHIP_OFFICER)
                .agency("some-council").partnerships(partnershipId).token();
    }
}
