package org.saferpartnerships.platform.audit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.testing.identity.TestTokens;

/** Platform admins find entries by caller, agency, record, time and outcome, newest first; nobody else does. */
@QuarkusTest
class AuditQueryTest {

    private static final String ADMIN = TestTokens.forUser("audit-admin").roles(Roles.PLATFORM_ADMIN).token();

    private final String partnership = "queried-" + UUID.randomUUID();
    private final String subject = UUID.randomUUID().toString();
    private final String agency = "agency-" + UUID.randomUUID();
    private final String writer = TestTokens.forUser("a.writer").subject(subject).roles(Roles.PARTNERSHIP_OFFICER)
            .agency(agency).partnerships(partnership).token();

    @Test
    void entriesAreFoundByCallerAgencyRecordTimeAndOutcomeNewestFirst() {
        String first = write();
        Instant between = Instant.now();
        String second = write();
        withToken(writer).get("/notes/" + UUID.randomUUID()).then().statusCode(404);

        assertThat(ids(find(Map.of("subject", subject))), hasSize(3));
        assertThat(find(Map.of("agency", agency)).getList("entries.agencyId"), everyItem(is(agency)));
        JsonPath byRecord = find(Map.of("recordType", "note", "record", first));
        assertThat(byRecord.getList("entries.recordIds"), contains(List.of(first)));
        assertThat(byRecord.getList("entries.action"), contains("create"));
        assertThat(find(Map.of("subject", subject, "from", between.toString())).getList("entries.recordIds"),
                not(hasItem(List.of(first))));
        assertThat(find(Map.of("subject", subject, "to", between.toString())).getList("entries.recordIds"),
                contains(List.of(first)));
        assertThat(find(Map.of("subject", subject, "outcome", "refused")).getList("entries.status"), contains(404));

        JsonPath newest = find(Map.of("subject", subject, "limit", "2"));
        assertThat(newest.getList("entries.outcome"), contains("refused", "allowed"));
        assertThat(newest.getList("entries.recordIds"), hasItem(List.of(second)));
        JsonPath older = find(Map.of("subject", subject, "limit", "2", "before", newest.getString("next")));
        assertThat(older.getList("entries.recordIds"), contains(List.of(first)));
    }

    @Test
    void readingTheTrailIsAuditedWithTheEntriesRead() {
        write();
        List<Object> read = ids(find(Map.of("subject", subject)));

        JsonPath audit = find(Map.of("subject", "audit-admin", "recordType", "audit-entry", "limit", "1"));
        assertThat(audit.getList("entries.action"), contains("list"));
        assertThat(audit.getList("entries.recordIds[0]"), is(read.stream().map(String::valueOf).toList()));
    }

    @Test
    void onlyPlatformAdminsReadTheTrailAndARefusalIsAudited() {
        withToken(writer).get("/api/v1/admin/audit").then().statusCode(403);

        JsonPath refused = find(Map.of("subject", subject, "recordType", "audit-entry"));
        assertThat(refused.getList("entries.outcome"), contains("refused"));
        assertThat(refused.getList("entries.status"), contains(403));
    }

    @Test
    void anUnreadableFilterIsRefused() {
        withToken(ADMIN).queryParam("from", "yesterday").get("/api/v1/admin/audit").then().statusCode(400);
        withToken(ADMIN).queryParam("outcome", "maybe").get("/api/v1/admin/audit").then().statusCode(400);
    }

    private String write() {
        return jsonWithToken(writer).body("{\"partnershipId\": \"%s\", \"text\": \"queried\"}".formatted(partnership))
                .post("/notes").then().statusCode(201).extract().path("noteId");
    }

    private static JsonPath find(Map<String, String> filters) {
        return withToken(ADMIN).queryParams(filters).get("/api/v1/admin/audit").then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<Object> ids(JsonPath page) {
        return page.getList("entries.id");
    }
}
