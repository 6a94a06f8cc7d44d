package org.saferpartnerships.reporting.partnerships;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

/**
 * What a scrutiny report prints about a partnership itself, read from reporting's own copy of
 * partnership-service's records ({@link PartnershipRecordsProjection}): its members on a day, its
 * bodies and how often they met, its priorities with their plan actions, its open risks, and its
 * Domestic Homicide Reviews as counts only. An agency no event has named yet has a null name.
 */
@ApplicationScoped
public class PartnershipRecords {

    /** The roles partnership-service gives members besides {@code member}. */
    public static final String CHAIR = "chair";
    public static final String VICE_CHAIR = "vice-chair";

    /**
     * The members on a day, statutory (responsible authorities) and not, by agency name; the
     * chairs and vice-chairs among them (lists: nothing stops a partnership having co-chairs).
     */
    public record Members(LocalDate on, List<Member> statutory, List<Member> nonStatutory, List<Member> chairs,
            List<Member> viceChairs) {
    }

    /** {@code until}: the last day of membership, null while it lasts. */
    public record Member(String agencyId, String agencyName, String agencyType, String role, boolean statutory,
            LocalDate from, LocalDate until) {
    }

    /** A governance body with its meetings in the period asked, by date. */
    public record BodyMeetings(UUID id, String name, String kind, String cadence, int meetingCount,
            List<Meeting> meetings) {
    }

    public record Meeting(LocalDate heldOn, List<String> attendingAgencyIds) {
    }

    /** {@code adoptedBy}: the name of the body that adopted it, null while it is a draft. */
    public record Priority(UUID id, String title, String theme, String description, String status, String adoptedBy,
            LocalDate adoptedOn, List<Action> actions) {
    }

    /** An action of the annual plan; {@code latestProgress} is null until progress is reported. */
    public record Action(UUID id, String title, String ownerAgencyId, String ownerAgencyName, LocalDate startOn,
            LocalDate dueOn, String status, Progress latestProgress, List<Measure> measures) {
    }

    public record Progress(LocalDate on, String status, String note) {
    }

    /** An outcome measure: the target set and the actual reported to date, either possibly null. */
    public record Measure(String name, String unit, BigDecimal target, BigDecimal actual) {
    }

    /** A risk of the register, scored likelihood (1-6) × impact (1-4). */
    public record Risk(UUID id, String reference, String description, int likelihood, int impact, int score,
            String rating, String owner, String mitigation, LocalDate reviewOn) {
    }

    /** How many of the partnership's Domestic Homicide Reviews are at a status. */
    public record ReviewCount(String status, long reviews) {
    }

    private static final TypeReference<List<Measure>> MEASURES = new TypeReference<>() {
    };

    private static final String ACTION_COLUMNS = """
            a.id, a.priority_id, a.title, a.owner_agency_id, owner.name as owner_name, a.start_on, a.due_on,
            a.status, a.measures::text as measures, a.progress_on, a.progress_status, a.progress_note""";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    PartnershipRecords(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** The agencies that were members on the day (from and until both inclusive). */
    public Members membersOn(String partnershipId, LocalDate on) {
        List<Member> members = read("""
                select m.agency_id, a.name, a.type, m.role, m.statutory, m.member_from, m.member_until
                from partnership_membership m left join partnership_agency a on a.id = m.agency_id
                where m.partnership_id = ? and m.member_from <= ? and (m.member_until is null or m.member_until >= ?)
                order by a.name nulls last, m.agency_id""",
                row -> new Member(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getBoolean(5), row.getObject(6, LocalDate.class), row.getObject(7, LocalDate.class)),
                partnershipId, on, on);
        return new Members(on, members.stream().filter(Member::statutory).toList(),
                members.stream().filter(m -> !m.statutory()).toList(),
                members.stream().filter(m -> m.role().equals(CHAIR)).toList(),
                members.stream().filter(m -> m.role().equals(VICE_CHAIR)).toList());
    }

    /** Every body of the partnership, by name, with its meetings held from {@code from} to {@code to} inclusive. */
    public List<BodyMeetings> bodiesWithMeetings(String partnershipId, LocalDate from, LocalDate to) {
        record Row(UUID id, String name, String kind, String cadence, Meeting meeting) {
        }
        Map<UUID, List<Row>> bodies = new LinkedHashMap<>();
        for (Row row : read("""
                select b.id, b.name, b.kind, b.cadence, m.held_on, m.attending_agencies
                from partnership_body b
                left join partnership_meeting m on m.body_id = b.id and m.held_on between ? and ?
                where b.partnership_id = ?
                order by b.name, b.id, m.held_on, m.id""",
                row -> {
                    LocalDate heldOn = row.getObject(5, LocalDate.class);
                    return new Row(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                            heldOn == null ? null : new Meeting(heldOn, texts(row.getArray(6))));
                },
                from, to, partnershipId)) {
            bodies.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row);
        }
        return bodies.values().stream().map(rows -> {
            Row body = rows.get(0);
            List<Meeting> meetings = rows.stream().map(Row::meeting).filter(Objects::nonNull).toList();
            return new BodyMeetings(body.id(), body.name(), body.kind(), body.cadence(), meetings.size(), meetings);
        }).toList();
    }

    /**
     * The priorities for the financial year (named by the calendar year it starts in), by title,
     * each with the year's plan actions that deliver it, by due date.
     */
    public List<Priority> priorities(String partnershipId, int financialYear) {
        record Row(Priority priority, Action action) {
        }
        Map<UUID, Priority> priorities = new LinkedHashMap<>();
        Map<UUID, List<Action>> actions = new HashMap<>();
        for (Row row : read("""
                select p.id as p_id, p.title as p_title, p.theme, p.description, p.status as p_status,
                    body.name as adopted_by, p.adopted_on, %s
                from partnership_priority p
                left join partnership_body body on body.id = p.adopted_by_body_id
                left join partnership_action a on a.priority_id = p.id and a.financial_year = p.financial_year
                left join partnership_agency owner on owner.id = a.owner_agency_id
                where p.partnership_id = ? and p.financial_year = ?
                order by p.title, p.id, a.due_on, a.title, a.id""".formatted(ACTION_COLUMNS),
                row -> new Row(new Priority(row.getObject("p_id", UUID.class), row.getString("p_title"),
                        row.getString("theme"), row.getString("description"), row.getString("p_status"),
                        row.getString("adopted_by"), row.getObject("adopted_on", LocalDate.class), List.of()),
                        row.getObject("id", UUID.class) == null ? null : actionOf(row)),
                partnershipId, financialYear)) {
            priorities.putIfAbsent(row.priority().id(), row.priority());
            List<Action> ofPriority = actions.computeIfAbsent(row.priority().id(), id -> new ArrayList<>());
            if (row.action() != null) {
                ofPriority.add(row.action());
            }
        }
        return priorities.values().stream().map(p -> new Priority(p.id(), p.title(), p.theme(), p.description(),
                p.status(), p.adoptedBy(), p.adoptedOn(), List.copyOf(actions.get(p.id())))).toList();
    }

    /**
     * The year's plan actions that deliver none of the year's priorities (none named, or one of
     * another year or not known yet), by due date: a report lists them apart.
     */
    public List<Action> actionsOutsidePriorities(String partnershipId, int financialYear) {
        return read("""
                select %s
                from partnership_action a
                left join partnership_agency owner on owner.id = a.owner_agency_id
                where a.partnership_id = ? and a.financial_year = ?
                    and not exists (select 1 from partnership_priority p where p.id = a.priority_id
                        and p.partnership_id = a.partnership_id and p.financial_year = a.financial_year)
                order by a.due_on, a.title, a.id""".formatted(ACTION_COLUMNS),
                this::actionOf, partnershipId, financialYear);
    }

    /** The risks of the register not closed, highest score first. */
    public List<Risk> risks(String partnershipId) {
        return read("""
                select id, reference, description, likelihood, impact, score, rating, owner, mitigation, review_on
                from partnership_risk where partnership_id = ? and not closed
                order by score desc, reference, id""",
                row -> new Risk(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getInt(4),
                        row.getInt(5), row.getInt(6), row.getString(7), row.getString(8), row.getString(9),
                        row.getObject(10, LocalDate.class)),
                partnershipId);
    }

    /** The number of reviews at each status, by status; statuses no review is at are left out. */
    public List<ReviewCount> dhrCountsByStatus(String partnershipId) {
        return read("""
                select status, count(*) from partnership_dhr where partnership_id = ?
                group by status order by status""",
                row -> new ReviewCount(row.getString(1), row.getLong(2)), partnershipId);
    }

    private Action actionOf(ResultSet row) throws SQLException {
        LocalDate progressOn = row.getObject("progress_on", LocalDate.class);
        return new Action(row.getObject("id", UUID.class), row.getString("title"), row.getString("owner_agency_id"),
                row.getString("owner_name"), row.getObject("start_on", LocalDate.class),
                row.getObject("due_on", LocalDate.class), row.getString("status"),
                progressOn == null ? null
                        : new Progress(progressOn, row.getString("progress_status"), row.getString("progress_note")),
                measuresOf(row.getString("measures")));
    }

    private List<Measure> measuresOf(String measures) {
        try {
            return List.copyOf(json.readValue(measures, MEASURES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not read an action's measures: " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> texts(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> List<T> read(String sql, RowReader<T> reader, Object... parameters) {
        List<T> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(reader.read(row));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read partnership records", e);
        }
        return List.copyOf(rows);
    }
}
