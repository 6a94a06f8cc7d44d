package org.saferpartnerships.incident.register;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

import org.saferpartnerships.platform.calendar.BusinessCalendar;
import org.saferpartnerships.platform.events.DomainEvent;
import org.saferpartnerships.platform.events.incident.IncidentCorrected;
import org.saferpartnerships.platform.events.incident.IncidentRecorded;
import org.saferpartnerships.platform.events.incident.IncidentSnapshot;
import org.saferpartnerships.platform.outbox.Outbox;
import org.saferpartnerships.platform.persistence.TimeOrderedIds;
import org.saferpartnerships.platform.vocabulary.Term;

/**
 * The one place where posted incidents are placed and stored, whichever way they arrive: a single
 * POST is a list of one, a batch or a chunk of an imported file a longer list. For the whole list it
 * checks where each incident belongs and whether the agency may post there, finds what the agency
 * recorded before under the same externalRefs, inserts what is new, corrects what changed (when
 * asked to) and appends the events, with a fixed number of statements however long the list is.
 * Every statement looks rows up by arrays ({@code = any(?)}, {@code unnest}), so its plan is the
 * same index lookup for one row or five thousand, and its cost does not grow with the agency's history.
 */
@ApplicationScoped
public class IncidentRegister {

    /** What to do with a posting under an externalRef the agency used before with other content. */
    public enum OnChangedContent {
        /** Refuse it: an API client that means to change a record corrects it, with If-Match. */
        REFUSE,
        /** Correct the record: data.police.uk republishes months with later outcomes. */
        CORRECT
    }

    private static final String COLUMNS = """
            id, agency_id, external_ref, partnership_id, category, asb_type, asb_sub_type, flags::text,
            hate_crime_strand, occurred_on, occurred_month, reported_on, district_code, reported_district_code,
            lsoa_code, latitude, longitude, location_description, outcome, enforcement_actions::text, publication,
            recorded_at, withdrawn_at, withdrawal_reason, version""";

    private static final String CONTENT_ARRAYS = """
            ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::date[],
            ?::text[], ?::text[], ?::text[], ?::numeric[], ?::numeric[], ?::text[], ?::text[], ?::text[]""";

    private static final String CONTENT_NAMES = """
            partnership_id, category, asb_type, asb_sub_type, flags, hate_crime_strand, occurred_on,
            occurred_month, reported_on, district_code, reported_district_code, lsoa_code, latitude, longitude,
            location_description, outcome, enforcement_actions""";

    private static final String INSERT = """
            insert into incident (id, agency_id, external_ref, partnership_id, category, asb_type, asb_sub_type,
                flags, hate_crime_strand, occurred_on, occurred_month, reported_on, district_code,
                reported_district_code, lsoa_code, latitude, longitude, location_description, outcome,
                enforcement_actions, publication, recorded_at, version)
            select r.id, ?, r.external_ref, r.partnership_id, r.category, r.asb_type, r.asb_sub_type, r.flags::jsonb,
                r.hate_crime_strand, r.occurred_on, r.occurred_month, r.reported_on, r.district_code,
                r.reported_district_code, r.lsoa_code, r.latitude, r.longitude, r.location_description, r.outcome,
                r.enforcement_actions::jsonb, ?, ?, 0
            from unnest(?::uuid[], ?::text[], %s) as r(id, external_ref, %s)
            on conflict (agency_id, external_ref) do nothing
            returning id""".formatted(CONTENT_ARRAYS, CONTENT_NAMES);

    private static final String CORRECT = """
            update incident i set partnership_id = r.partnership_id, category = r.category, asb_type = r.asb_type,
                asb_sub_type = r.asb_sub_type, flags = r.flags::jsonb, hate_crime_strand = r.hate_crime_strand,
                occurred_on = r.occurred_on, occurred_month = r.occurred_month, reported_on = r.reported_on,
                district_code = r.district_code, reported_district_code = r.reported_district_code,
                lsoa_code = r.lsoa_code, latitude = r.latitude, longitude = r.longitude,
                location_description = r.location_description, outcome = r.outcome,
                enforcement_actions = r.enforcement_actions::jsonb, version = i.version + 1
            from unnest(?::uuid[], ?::bigint[], %s) as r(id, version, %s)
            where i.id = r.id and i.version = r.version""".formatted(CONTENT_ARRAYS, CONTENT_NAMES);

    private static final TypeReference<List<String>> FLAGS = new TypeReference<>() {
    };
    private static final TypeReference<List<IncidentSnapshot.EnforcementAction>> ENFORCEMENT = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final BusinessCalendar calendar;

    IncidentRegister(AgroalDataSource dataSource, Outbox outbox, ObjectMapper json, BusinessCalendar calendar) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.json = json;
        this.calendar = calendar;
    }

    /**
     * Where each incident goes, in the order given. The partnership is the one posted, or else the
     * one covering the district that holds the place now (a place reported in an abolished district
     * goes to its successor's partnership); it must cover that district, be in the token, and have
     * the agency as a current member (as far as incident-service has heard from partnership-service).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Placement> place(Submitter submitter, List<IncidentInput> posted) {
        try (Connection connection = dataSource.getConnection()) {
            return place(connection, submitter, posted);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the partnership replica", e);
        }
    }

    /**
     * Places and stores the incidents, and answers for each, in the order given. A second posting of
     * an externalRef in the same list is answered like a re-post of the first.
     *
     * @param publication {@link IncidentSnapshot#DATA_POLICE_UK} when the incidents are rows of a
     *        data.police.uk publication, null when the agency posts its own; it marks only the records
     *        this creates: a record keeps the mark it was created with (it is not content, so a re-post
     *        that differs only in it is unchanged)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Registration> register(Submitter submitter, String publication, List<IncidentInput> posted,
            OnChangedContent onChange) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (Connection connection = dataSource.getConnection()) {
            List<Placement> placements = place(connection, submitter, posted);
            Map<String, Integer> firstPosting = new LinkedHashMap<>();
            Incident[] candidates = new Incident[posted.size()];
            for (int index = 0; index < posted.size(); index++) {
                if (placements.get(index).placed()) {
                    candidates[index] = build(submitter.agencyId(), placements.get(index).partnershipId(),
                            publication, posted.get(index), now);
                    firstPosting.putIfAbsent(posted.get(index).externalRef(), index);
                }
            }
            // Inserted first, looked up only where the agency's reference was taken: a fresh file,
            // the common case, then costs one probe of the unique index per row, not two. A posting
            // that lost the race to a concurrent one is answered as a re-post of the winner.
            List<Incident> firsts = firstPosting.values().stream().map(index -> candidates[index]).toList();
            Set<UUID> inserted = insert(connection, submitter.agencyId(), publication, firsts, now);
            Map<String, Incident> stored = stored(connection, submitter.agencyId(),
                    firsts.stream().filter(i -> !inserted.contains(i.id)).map(i -> i.externalRef).toList());

            Registration[] results = new Registration[posted.size()];
            List<DomainEvent> events = new ArrayList<>();
            List<Incident> corrected = new ArrayList<>();
            for (int index = 0; index < posted.size(); index++) {
                Incident candidate = candidates[index];
                if (candidate == null) {
                    results[index] = Registration.refused(placements.get(index).refusal());
                    continue;
                }
                int first = firstPosting.get(candidate.externalRef);
                if (first != index) {
                    results[index] = repeated(results[first], candidates[first], candidate, onChange);
                } else if (inserted.contains(candidate.id)) {
                    results[index] = Registration.of(Registration.Outcome.CREATED, candidate);
                    events.add(new IncidentRecorded(candidate.snapshot()));
                } else {
                    Incident earlier = stored.get(candidate.externalRef);
                    results[index] = reposted(earlier, candidate, onChange);
                    if (results[index].outcome() == Registration.Outcome.CORRECTED) {
                        corrected.add(results[index].incident());
                        events.add(new IncidentCorrected(earlier.snapshot(), results[index].incident().snapshot(), now));
                    }
                }
            }
            correct(connection, corrected);
            outbox.appendAll(events);
            return List.of(results);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store incidents", e);
        }
    }

    /** Copies what the agency may set (and correct) onto the record. */
    public static void apply(Incident incident, IncidentInput posted) {
        incident.category = posted.category();
        incident.asbType = Term.slugOf(posted.asbType());
        incident.asbSubType = posted.asbSubType();
        incident.flags = posted.flags() == null ? List.of()
                : posted.flags().stream().map(Term::slug).sorted().toList();
        incident.hateCrimeStrand = Term.slugOf(posted.hateCrimeStrand());
        incident.occurredOn = posted.occurredOn();
        incident.occurredMonth = posted.month();
        incident.reportedOn = posted.reportedOn();
        incident.districtCode = posted.currentDistrictCode();
        incident.reportedDistrictCode = posted.reportedDistrictCode();
        incident.lsoaCode = posted.lsoaCode();
        incident.latitude = posted.latitude();
        incident.longitude = posted.longitude();
        incident.locationDescription = posted.locationDescription();
        incident.outcome = Term.slugOf(posted.outcome());
        incident.enforcementActions = posted.enforcementActions() == null ? List.of()
                : posted.enforcementActions().stream()
                        .map(a -> new IncidentSnapshot.EnforcementAction(a.type().slug(), a.on())).toList();
    }

    private List<Placement> place(Connection connection, Submitter submitter, List<IncidentInput> posted)
            throws SQLException {
        Map<String, String> covering = covering(connection,
                posted.stream().map(IncidentInput::currentDistrictCode).collect(Collectors.toSet()));
        Set<String> named = new HashSet<>(covering.values());
        posted.stream().map(IncidentInput::partnershipId).filter(Objects::nonNull).forEach(named::add);
        Set<String> known = strings(connection, "select id from partnership_replica where id = any(?)",
                statement -> statement.setArray(1, textArray(connection, named)));
        Set<String> allowed = named.stream().filter(submitter.partnerships()::contains)
                .collect(Collectors.toSet());
        LocalDate today = calendar.today();
        Set<String> memberOf = strings(connection, """
                select distinct partnership_id from membership_replica
                where agency_id = ? and partnership_id = any(?)
                and member_from <= ? and (member_until is null or member_until >= ?)""", statement -> {
            statement.setString(1, submitter.agencyId());
            statement.setArray(2, textArray(connection, allowed));
            statement.setObject(3, today);
            statement.setObject(4, today);
        });
        List<Placement> placements = new ArrayList<>(posted.size());
        for (IncidentInput incident : posted) {
            String district = incident.currentDistrictCode();
            String partnership = incident.partnershipId() != null ? incident.partnershipId() : covering.get(district);
            Refusal refusal;
            if (partnership == null) {
                refusal = new Refusal(Refusal.Reason.NOT_COVERED, null, "No partnership covers district " + district);
            } else if (!known.contains(partnership)) {
                refusal = new Refusal(Refusal.Reason.NO_SUCH_PARTNERSHIP, partnership, "No partnership " + partnership);
            } else if (!partnership.equals(covering.get(district))) {
                refusal = new Refusal(Refusal.Reason.OTHER_DISTRICT, partnership,
                        "Partnership " + partnership + " does not cover district " + district);
            } else if (!allowed.contains(partnership)) {
                refusal = new Refusal(Refusal.Reason.NOT_IN_TOKEN, partnership, submitter.agencyId()
                        + " may not post for " + partnership + ": it is not among the partnerships in your token");
            } else if (!memberOf.contains(partnership)) {
                refusal = new Refusal(Refusal.Reason.NOT_A_MEMBER, partnership, submitter.agencyId()
                        + " may not post for " + partnership + ": it is not a current member of it");
            } else {
                refusal = null;
            }
            placements.add(new Placement(refusal == null ? partnership : null, refusal));
        }
        return placements;
    }

    /** The partnership each district's incidents go to: where two claim one, the later claim. */
    private static Map<String, String> covering(Connection connection, Set<String> districts) throws SQLException {
        Map<String, String> covering = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select distinct on (district_code) district_code, partnership_id from district_replica
                where district_code = any(?) order by district_code, claimed_at desc, partnership_id""")) {
            select.setArray(1, textArray(connection, districts));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    covering.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return covering;
    }

    private static Registration repeated(Registration first, Incident firstPosting, Incident again,
            OnChangedContent onChange) {
        if (content(firstPosting).equals(content(again))) {
            return first.outcome() == Registration.Outcome.REFUSED ? first
                    : Registration.of(Registration.Outcome.UNCHANGED, first.incident());
        }
        if (onChange == OnChangedContent.REFUSE || first.outcome() == Registration.Outcome.REFUSED) {
            return Registration.refused(changed(again));
        }
        // A file holding one reference twice: its first row counts, as a re-import of it would.
        return Registration.of(Registration.Outcome.UNCHANGED, first.incident());
    }

    private static Registration reposted(Incident stored, Incident reposted, OnChangedContent onChange) {
        if (content(stored).equals(content(reposted))) {
            return Registration.of(Registration.Outcome.UNCHANGED, stored);
        }
        if (onChange == OnChangedContent.REFUSE) {
            return Registration.refused(changed(reposted));
        }
        if (stored.withdrawnAt != null) {
            // The agency withdrew it; a republished file does not bring it back.
            return Registration.of(Registration.Outcome.UNCHANGED, stored);
        }
        // The posting, placed and built, becomes the stored record's next version; its publication stays.
        reposted.id = stored.id;
        reposted.publication = stored.publication;
        reposted.recordedAt = stored.recordedAt;
        reposted.version = stored.version + 1;
        return Registration.of(Registration.Outcome.CORRECTED, reposted);
    }

    private static Refusal changed(Incident reposted) {
        return new Refusal(Refusal.Reason.CHANGED_CONTENT, reposted.partnershipId, "Incident " + reposted.externalRef
                + " was already recorded with different content; correct it instead of re-posting");
    }

    private static Incident build(String agencyId, String partnershipId, String publication, IncidentInput posted,
            Instant recordedAt) {
        Incident incident = new Incident();
        incident.id = TimeOrderedIds.next();
        incident.agencyId = agencyId;
        incident.externalRef = posted.externalRef();
        incident.partnershipId = partnershipId;
        apply(incident, posted);
        incident.publication = publication;
        incident.recordedAt = recordedAt;
        return incident;
    }

    private Map<String, Incident> stored(Connection connection, String agencyId, Collection<String> externalRefs)
            throws SQLException {
        Map<String, Incident> stored = new HashMap<>();
        if (externalRefs.isEmpty()) {
            return stored;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from incident where agency_id = ? and external_ref = any(?)")) {
            select.setString(1, agencyId);
            select.setArray(2, textArray(connection, externalRefs));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Incident incident = read(rows);
                    stored.put(incident.externalRef, incident);
                }
            }
        }
        return stored;
    }

    private Set<UUID> insert(Connection connection, String agencyId, String publication, List<Incident> fresh,
            Instant recordedAt) throws SQLException {
        Set<UUID> inserted = new HashSet<>();
        if (fresh.isEmpty()) {
            return inserted;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, agencyId);
            insert.setString(2, publication);
            insert.setTimestamp(3, Timestamp.from(recordedAt));
            insert.setArray(4, connection.createArrayOf("uuid", fresh.stream().map(i -> i.id).toArray()));
            insert.setArray(5, textArray(connection, fresh.stream().map(i -> i.externalRef).toList()));
            bindContent(connection, insert, 6, fresh);
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return inserted;
    }

    private void correct(Connection connection, List<Incident> corrected) throws SQLException {
        if (corrected.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(CORRECT)) {
            update.setArray(1, connection.createArrayOf("uuid", corrected.stream().map(i -> i.id).toArray()));
            update.setArray(2, connection.createArrayOf("bigint", corrected.stream().map(i -> i.version - 1).toArray()));
            bindContent(connection, update, 3, corrected);
            int updated = update.executeUpdate();
            if (updated != corrected.size()) {
                throw new ConcurrentChangeException((corrected.size() - updated)
                        + " incident(s) changed while they were being corrected");
            }
        }
    }

    /** Binds the content columns, in the order of {@link #CONTENT_NAMES}, from {@code first} on. */
    private void bindContent(Connection connection, PreparedStatement statement, int first, List<Incident> incidents)
            throws SQLException {
        List<Function<Incident, Object>> columns = List.of(i -> i.partnershipId, i -> i.category, i -> i.asbType,
                i -> i.asbSubType, i -> write(i.flags), i -> i.hateCrimeStrand, i -> text(i.occurredOn),
                i -> i.occurredMonth, i -> text(i.reportedOn), i -> i.districtCode, i -> i.reportedDistrictCode,
                i -> i.lsoaCode, i -> text(i.latitude), i -> text(i.longitude), i -> i.locationDescription,
                i -> i.outcome, i -> write(i.enforcementActions));
        for (int column = 0; column < columns.size(); column++) {
            Function<Incident, Object> value = columns.get(column);
            statement.setArray(first + column, connection.createArrayOf("text",
                    incidents.stream().map(value).toArray()));
        }
    }

    private Incident read(ResultSet row) throws SQLException {
        Incident incident = new Incident();
        incident.id = row.getObject("id", UUID.class);
        incident.agencyId = row.getString("agency_id");
        incident.externalRef = row.getString("external_ref");
        incident.partnershipId = row.getString("partnership_id");
        incident.category = row.getString("category");
        incident.asbType = row.getString("asb_type");
        incident.asbSubType = row.getString("asb_sub_type");
        incident.flags = readJson(row.getString("flags"), FLAGS);
        incident.hateCrimeStrand = row.getString("hate_crime_strand");
        incident.occurredOn = row.getObject("occurred_on", LocalDate.class);
        incident.occurredMonth = row.getString("occurred_month");
        incident.reportedOn = row.getObject("reported_on", LocalDate.class);
        incident.districtCode = row.getString("district_code");
        incident.reportedDistrictCode = row.getString("reported_district_code");
        incident.lsoaCode = row.getString("lsoa_code");
        incident.latitude = row.getBigDecimal("latitude");
        incident.longitude = row.getBigDecimal("longitude");
        incident.locationDescription = row.getString("location_description");
        incident.outcome = row.getString("outcome");
        incident.enforcementActions = readJson(row.getString("enforcement_actions"), ENFORCEMENT);
        incident.publication = row.getString("publication");
        incident.recordedAt = row.getTimestamp("recorded_at").toInstant();
        Timestamp withdrawnAt = row.getTimestamp("withdrawn_at");
        incident.withdrawnAt = withdrawnAt == null ? null : withdrawnAt.toInstant();
        incident.withdrawalReason = row.getString("withdrawal_reason");
        incident.version = row.getLong("version");
        return incident;
    }

    /** The snapshot without what the service assigns or the record keeps, so two postings can be compared. */
    private static IncidentSnapshot content(Incident i) {
        IncidentSnapshot s = i.snapshot();
        return new IncidentSnapshot(null, s.agencyId(), s.externalRef(), s.partnershipId(), s.category(), s.asbType(),
                s.asbSubType(), s.flags(), s.hateCrimeStrand(), s.occurredOn(), s.occurredMonth(), s.reportedOn(),
                s.districtCode(), s.reportedDistrictCode(), s.lsoaCode(), s.latitude() == null ? null : s.latitude().stripTrailingZeros(),
                s.longitude() == null ? null : s.longitude().stripTrailingZeros(), s.locationDescription(),
                s.outcome(), s.enforcementActions(), null, null, 0);
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private static Set<String> strings(Connection connection, String sql, Binder binder) throws SQLException {
        Set<String> found = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            binder.bind(select);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    private static Array textArray(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value + " as JSON", e);
        }
    }

    private <T> T readJson(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored incident JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
