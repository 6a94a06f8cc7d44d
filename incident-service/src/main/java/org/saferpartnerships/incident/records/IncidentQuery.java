package org.saferpartnerships.incident.records;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.ws.rs.core.Response;

import org.saferpartnerships.incident.register.Incident;
import org.saferpartnerships.platform.api.HttpProblem;

/**
 * A filtered, keyset-paged read of incidents: pages walk (recording transaction, id), so a page
 * costs the same however deep into the history it is. A page stops short of the oldest transaction
 * of this database still running ({@link #HORIZON}): every transaction below it has ended, so no
 * record can commit behind a cursor once handed out, however long the import that writes it runs.
 * Records of running transactions are listed once they commit, after the cursor.
 */
record IncidentQuery(String agencyId, Set<String> partnerships, String partnership, String fromMonth,
        String toMonth, String category, String district, String flag, boolean includeWithdrawn, String after,
        int limit) {

    /**
     * The oldest transaction still running that could write incidents: a transaction of this
     * database, or one whose database cannot be told (it may have ended meanwhile). Transactions of
     * other databases on the same server, which the snapshot's xmin would count, never hold pages back.
     */
    private static final String HORIZON = """
            coalesce((select min(running::text::bigint) from pg_snapshot_xip(pg_current_snapshot()) running
                where not exists (select 1 from pg_stat_activity other where other.backend_xid is not null
                    and other.datname is distinct from current_database()
                    and other.backend_xid::text::bigint = running::text::bigint % 4294967296)),
                pg_snapshot_xmax(pg_current_snapshot())::text::bigint)""";

    List<Incident> run(EntityManager entityManager) {
        StringBuilder sql = new StringBuilder("select * from incident where true");
        List<Object> parameters = new ArrayList<>();
        if (agencyId != null) {
            sql.append(" and agency_id = ?").append(parameters.size() + 1);
            parameters.add(agencyId);
        }
        if (partnerships != null) {
            sql.append(" and partnership_id = any(cast(?").append(parameters.size() + 1).append(" as text[]))");
            parameters.add(partnerships.toArray(String[]::new));
        }
        condition(sql, parameters, "partnership_id = ", partnership);
        condition(sql, parameters, "occurred_month >= ", fromMonth);
        condition(sql, parameters, "occurred_month <= ", toMonth);
        condition(sql, parameters, "category = ", category);
        if (district != null) {
            // Counted there now, or reported there: an abolished district finds what was reported in it.
            int at = parameters.size() + 1;
            sql.append(" and (district_code = ?").append(at).append(" or reported_district_code = ?").append(at)
                    .append(")");
            parameters.add(district);
        }
        if (flag != null) {
            sql.append(" and flags @> cast(?").append(parameters.size() + 1).append(" as jsonb)");
            parameters.add("[\"" + flag + "\"]");
        }
        if (!includeWithdrawn) {
            sql.append(" and withdrawn_at is null");
        }
        if (after != null) {
            Cursor cursor = Cursor.decode(after);
            int at = parameters.size() + 1;
            sql.append(" and (recorded_xid, id) > (?").append(at).append(", ?").append(at + 1).append(")");
            parameters.add(cursor.recordedXid());
            parameters.add(cursor.id());
        }
        sql.append(" and recorded_xid < ").append(HORIZON);
        sql.append(" order by recorded_xid, id limit ").append(limit + 1);
        Query query = entityManager.createNativeQuery(sql.toString(), Incident.class);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Incident> found = query.getResultList();
        return found;
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append('?').append(parameters.size() + 1);
            parameters.add(value);
        }
    }

    /** Where a page ended: opaque to clients. */
    record Cursor(long recordedXid, UUID id) {

        static Cursor after(Incident incident) {
            return new Cursor(incident.recordedXid, incident.id);
        }

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("x" + recordedXid + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        /** Cursors of the earlier (recordedAt, id) form are refused: they cannot be placed in this order. */
        static Cursor decode(String value) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|");
                if (parts.length != 2 || !parts[0].startsWith("x")) {
                    throw new IllegalArgumentException("not a cursor of this form");
                }
                return new Cursor(Long.parseLong(parts[0].substring(1)), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw HttpProblem.valueOf(Response.Status.BAD_REQUEST, "after: not a cursor this API gave out");
            }
        }
    }
}
