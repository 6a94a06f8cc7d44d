package org.saferpartnerships.reporting.partnerships;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

import org.saferpartnerships.platform.events.partnership.ActionUpdated;
import org.saferpartnerships.platform.events.partnership.AgencyChanged;
import org.saferpartnerships.platform.events.partnership.DomesticHomicideReviewChanged;
import org.saferpartnerships.platform.events.partnership.GovernanceBodyChanged;
import org.saferpartnerships.platform.events.partnership.MeetingRecorded;
import org.saferpartnerships.platform.events.partnership.MembershipChanged;
import org.saferpartnerships.platform.events.partnership.RiskChanged;

/**
 * Applies partnership events to the records a scrutiny report prints about a partnership
 * ({@link PartnershipRecords} reads them). Each event carries its record's whole state and
 * version; one older than the version kept changes nothing.
 */
@ApplicationScoped
public class PartnershipRecordsProjection {

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    PartnershipRecordsProjection(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(AgencyChanged changed) {
        update("""
                insert into partnership_agency (id, name, type, responsible_authority, version) values (?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, type = excluded.type,
                    responsible_authority = excluded.responsible_authority, version = excluded.version
                where partnership_agency.version <= excluded.version""",
                changed.agencyId(), changed.name(), changed.type(), changed.responsibleAuthority(), changed.version());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(MembershipChanged changed) {
        update("""
                insert into partnership_membership (id, partnership_id, agency_id, role, statutory, member_from,
                    member_until, version)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set partnership_id = excluded.partnership_id,
                    agency_id = excluded.agency_id, role = excluded.role, statutory = excluded.statutory,
                    member_from = excluded.member_from, member_until = excluded.member_until,
                    version = excluded.version
                where partnership_membership.version <= excluded.version""",
                changed.membershipId(), changed.partnershipId(), changed.agencyId(), changed.role(),
                changed.statutory(), changed.from(), changed.until(), changed.version());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(GovernanceBodyChanged changed) {
        update("""
                insert into partnership_body (id, partnership_id, name, kind, cadence, version) values (?, ?, ?, ?, ?, ?)
                on conflict (id) do update set partnership_id = excluded.partnership_id, name = excluded.name,
                    kind = excluded.kind, cadence = excluded.cadence, version = excluded.version
                where partnership_body.version <= excluded.version""",
                changed.bodyId(), changed.partnershipId(), changed.name(), changed.kind(), changed.cadence(),
                changed.version());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(MeetingRecorded recorded) {
        List<String> attending = recorded.attendingAgencies() == null ? List.of() : recorded.attendingAgencies();
        try (Connection connection = dataSource.getConnection()) {
            update(connection, """
                    insert into partnership_meeting (id, partnership_id, body_id, held_on, attending_agencies, version)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (id) do update set partnership_id = excluded.partnership_id,
                        body_id = excluded.body_id, held_on = excluded.held_on,
                        attending_agencies = excluded.attending_agencies, version = excluded.version
                    where partnership_meeting.version <= excluded.version""",
                    recorded.meetingId(), recorded.partnershipId(), recorded.bodyId(), recorded.heldOn(),
                    connection.createArrayOf("text", attending.toArray()), recorded.version());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not apply meeting " + recorded.meetingId(), e);
        }
    }

    /** The action with its measures as the event gives them and its latest progress report, if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ActionUpdated updated) {
        ActionUpdated.Progress progress = updated.latestProgress();
        update("""
                insert into partnership_action (id, partnership_id, financial_year, priority_id, title, owner_agency_id,
                    start_on, due_on, status, measures, progress_on, progress_status, progress_note, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)
                on conflict (id) do update set partnership_id = excluded.partnership_id,
                    financial_year = excluded.financial_year, priority_id = excluded.priority_id,
                    title = excluded.title, owner_agency_id = excluded.owner_agency_id, start_on = excluded.start_on,
                    due_on = excluded.due_on, status = excluded.status, measures = excluded.measures,
                    progress_on = excluded.progress_on, progress_status = excluded.progress_status,
                    progress_note = excluded.progress_note, version = excluded.version
                where partnership_action.version <= excluded.version""",
                updated.actionId(), updated.partnershipId(), updated.financialYear(), updated.priorityId(),
                updated.title(), updated.ownerAgencyId(), updated.startOn(), updated.dueOn(),
                updated.status(), measuresOf(updated), progress == null ? null : progress.on(),
                progress == null ? null : progress.status(), progress == null ? null : progress.note(),
                updated.version());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(RiskChanged changed) {
        update("""
                insert into partnership_risk (id, partnership_id, reference, description, likelihood, impact, score,
                    rating, mitigation, owner, review_on, closed, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set partnership_id = excluded.partnership_id,
                    reference = excluded.reference, description = excluded.description,
                    likelihood = excluded.likelihood, impact = excluded.impact, score = excluded.score,
                    rating = excluded.rating, mitigation = excluded.mitigation, owner = excluded.owner,
                    review_on = excluded.review_on, closed = excluded.closed, version = excluded.version
                where partnership_risk.version <= excluded.version""",
                changed.riskId(), changed.partnershipId(), changed.reference(), changed.description(),
                changed.likelihood(), changed.impact(), changed.score(), changed.rating(), changed.mitigation(),
                changed.owner(), changed.reviewOn(), changed.closed(), changed.version());
    }

    /** Only the review's status, so that it counts under the status it is at now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(DomesticHomicideReviewChanged changed) {
        update("""
                insert into partnership_dhr (review_id, partnership_id, status, version) values (?, ?, ?, ?)
                on conflict (review_id) do update set partnership_id = excluded.partnership_id,
                    status = excluded.status, version = excluded.version
                where partnership_dhr.version <= excluded.version""",
                changed.reviewId(), changed.partnershipId(), changed.status(), changed.version());
    }

    private String measuresOf(ActionUpdated updated) {
        try {
            return json.writeValueAsString(updated.measures() == null ? List.of() : updated.measures());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the measures of action " + updated.actionId(), e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            update(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not apply a partnership event to the partnership's records", e);
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
