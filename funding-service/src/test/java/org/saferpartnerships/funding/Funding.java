package org.saferpartnerships.funding;

import static org.saferpartnerships.testing.api.Requests.jsonWithToken;

import java.util.UUID;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.testing.identity.TestTokens;

/** A funder with two streams, registered through the API as the platform admin does, and its officers' tokens. */
public final class Funding {

    public static final String ADMIN = TestTokens.withRole(Roles.PLATFORM_ADMIN);

    public final String funderId;
    public final String coreGrant;
    public final String developmentFund;

    private Funding(String funderId, String coreGrant, String developmentFund) {
        this.funderId = funderId;
        this.coreGrant = coreGrant;
        this.developmentFund = developmentFund;
    }

    public static Funding funder() {
        String id = "pfcc-" + UUID.randomUUID().toString().substring(0, 8);
        jsonWithToken(ADMIN).body("""
                {"id": "%s", "name": "Commissioner %s", "kind": "commissioner", "orgId": "GB-GOVUK-%s",
                 "grantPrefix": "360G-%s"}""".formatted(id, id, id, id)).post("/api/v1/funders")
                .then().statusCode(201);
        return new Funding(id, stream(id, "Core grant", "core-grant"), stream(id, "Development fund", "development-fund"));
    }

    private static String stream(String funderId, String name, String kind) {
        return jsonWithToken(ADMIN).body("{\"name\": \"%s\", \"kind\": \"%s\"}".formatted(name, kind))
                .post("/api/v1/funders/" + funderId + "/streams").then().statusCode(201).extract().path("id");
    }

    /** The funder's funding officer, for these partnerships. */
    public String officer(String... partnerships) {
        return TestTokens.forUser("officer-of-" + funderId).roles(Roles.FUNDING_OFFICER).agency(funderId)
                .partnerships(partnerships).token();
    }

    /** An officer of the partnerships, who commits and spends their money. */
    public static String partnershipOfficer(String... partnerships) {
        return TestTokens.forUser("partnership-officer").roles(Roles.PARTNERSHIP_OFFICER).agency("council")
                .partnerships(partnerships).token();
    }

    /** Allocates gross pounds of a stream for a year; returns the allocation's id. */
    public String allocate(String partnershipId, String streamId, int year, String gross) {
        return jsonWithToken(officer(partnershipId)).body("""
                {"streamId": "%s", "financialYear": %d, "gross": %s, "awardedOn": "%d-04-01",
                 "reference": "G-%s", "title": "Grant %d"}""".formatted(streamId, year, gross, year,
                UUID.randomUUID().toString().substring(0, 8), year))
                .post("/api/v1/partnerships/" + partnershipId + "/allocations").then().statusCode(201)
                .extract().path("id");
    }

    /** Records an approved initiative committing amount (or none, null) in the year; returns its id. */
    public static String initiative(String partnershipId, String streamId, int year, String amount, String status) {
        return jsonWithToken(partnershipOfficer(partnershipId)).body("""
                {"streamId": "%s", "financialYear": %d, "title": "Initiative", "amount": %s,
                 "approvedOn": "%d-06-01", "status": "%s"}""".formatted(streamId, year, amount, year, status))
                .post("/api/v1/partnerships/" + partnershipId + "/initiatives").then().statusCode(201)
                .extract().path("id");
    }
}
