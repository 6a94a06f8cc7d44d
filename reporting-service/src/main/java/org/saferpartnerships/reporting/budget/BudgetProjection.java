package org.saferpartnerships.reporting.budget;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

import org.saferpartnerships.platform.consumer.MalformedEventException;
import org.saferpartnerships.platform.events.funding.AllocationMade;
import org.saferpartnerships.platform.events.funding.CarryForwardChanged;
import org.saferpartnerships.platform.events.funding.FinancialYearChanged;
import org.saferpartnerships.platform.events.funding.FinancialYearChanged.StreamOutturn;
import org.saferpartnerships.platform.events.funding.FunderChanged;
import org.saferpartnerships.platform.events.funding.FundingStreamChanged;
import org.saferpartnerships.platform.events.funding.InitiativeChanged;
import org.saferpartnerships.platform.events.funding.SpendRecorded;
import org.saferpartnerships.platform.events.funding.TopSliceApplied;
import org.saferpartnerships.platform.funding.BudgetLine;
import org.saferpartnerships.reporting.budget.BudgetPosition.StreamPosition;

/**
 * Applies funding events to the budget tables and sums a partnership's position for a year from
 * them. Each funding record is kept as its latest whole state, by id: an event older than the
 * version kept changes nothing, and a spend line, which is never edited, is kept once however
 * often it is delivered. The figures are worked out by {@link BudgetLine}, as funding-service's are.
 */
@ApplicationScoped
public class BudgetProjection {

    /** A year no event has published or closed. */
    public static final String OPEN = "open";

    private final AgroalDataSource dataSource;

    BudgetProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(FunderChanged changed) {
        update("""
                insert into budget_funder (id, name, version) values (?, ?, ?)
                on conflict (id) do update set name = excluded.name, version = excluded.version
                where budget_funder.version < excluded.version""",
                changed.funderId(), changed.name(), changed.version());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(FundingStreamChanged changed) {
        update("""
                insert into budget_stream (id, funder_id, name, version) values (?, ?, ?, ?)
                on conflict (id) do update set funder_id = excluded.funder_id, name = excluded.name,
                    version = excluded.version
                where budget_stream.version < excluded.version""",
                changed.streamId(), changed.funderId(), changed.name(), changed.version());
    }

    /**
     * The allocation's whole state, unless a later one was kept; its top-sliced total only if no
     * top-slice of a later version was kept.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(AllocationMade made) {
        update("""
                insert into budget_allocation (id, partnership_id, stream_id, financial_year, gross, made_version,
                    top_sliced, version)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set partnership_id = excluded.partnership_id,
                    stream_id = excluded.stream_id, financial_year = excluded.financial_year, gross = excluded.gross,
                    made_version = excluded.made_version,
                    top_sliced = case when excluded.version >= budget_allocation.version
                        then excluded.top_sliced else budget_allocation.top_sliced end,
                    version = greatest(excluded.version, budget_allocation.version)
                where budget_allocation.made_version is null or budget_allocation.made_version < excluded.made_version""",
                made.allocationId(), made.partnershipId(), made.streamId(), made.financialYear(),
                pounds(made.gross(), "gross"), made.version(), pounds(made.topSliced(), "topSliced"), made.version());
    }

    /** The allocation's top-sliced total after the top-slice, unless a later version was kept. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(TopSliceApplied applied) {
        update("""
                insert into budget_allocation (id, partnership_id, stream_id, financial_year, top_sliced, version)
                values (?, ?, ?, ?, ?, ?)
                on conflict (id) do update set top_sliced = excluded.top_sliced, version = excluded.version
                where budget_allocation.version < excluded.version""",
                applied.allocationId(), applied.partnershipId(), applied.streamId(), applied.financialYear(),
                pounds(applied.allocationTopSliced(), "allocationTopSliced"), applied.allocationVersion());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CarryForwardChanged changed) {
        update("""
                insert into budget_carry_forward (id, partnership_id, stream_id, into_year, status, requested, approved,
                    version)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set partnership_id = excluded.partnership_id,
                    stream_id = excluded.stream_id, into_year = excluded.into_year, status = excluded.status,
                    requested = excluded.requested, approved = excluded.approved, version = excluded.version
                where budget_carry_forward.version < excluded.version""",
                changed.carryForwardId(), changed.partnershipId(), changed.streamId(), changed.intoYear(),
                changed.status(), poundsOrNull(changed.requested(), "requested"),
                poundsOrNull(changed.approved(), "approved"), changed.version());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(InitiativeChanged changed) {
        update("""
                insert into budget_initiative (id, partnership_id, stream_id, financial_year, status, amount, title,
                    priority_id, amount_illustrative, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set partnership_id = excluded.partnership_id,
                    stream_id = excluded.stream_id, financial_year = excluded.financial_year,
                    status = excluded.status, amount = excluded.amount, title = excluded.title,
                    priority_id = excluded.priority_id, amount_illustrative = excluded.amount_illustrative,
                    version = excluded.version
                where budget_initiative.version < excluded.version""",
                changed.initiativeId(), changed.partnershipId(), changed.streamId(), changed.financialYear(),
                changed.status(), poundsOrNull(changed.amount(), "amount"), changed.title(), changed.priorityId(),
                changed.amountIllustrative(), changed.version());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(SpendRecorded recorded) {
        update("""
                insert into budget_spend_line (id, initiative_id, partnership_id, stream_id, financial_year, amount)
                values (?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing""",
                recorded.spendLineId(), recorded.initiativeId(), recorded.partnershipId(), recorded.streamId(),
                recorded.financialYear(), pounds(recorded.amount(), "amount"));
    }

    /**
     * The year's status and the outturns it fixed. These events carry no version; the contract has
     * no way to reopen a closed year, so a published event after the close (a redriven letter)
     * changes nothing, while a later close replaces the outturns.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(FinancialYearChanged changed) {
        List<StreamOutturn> outturns = changed.outturns() == null ? List.of() : changed.outturns();
        List<BigDecimal> amounts = new ArrayList<>();
        for (StreamOutturn outturn : outturns) {
            amounts.add(pounds(outturn.outturn(), "outturn"));
        }
        try (Connection connection = dataSource.getConnection()) {
            if (update(connection, """
                    insert into budget_year (partnership_id, financial_year, status) values (?, ?, ?)
                    on conflict (partnership_id, financial_year) do update set status = excluded.status
                    where budget_year.status <> 'closed' or excluded.status = 'closed'""",
                    changed.partnershipId(), changed.financialYear(), changed.status()) == 0) {
                return;
            }
            update(connection, "delete from budget_year_outturn where partnership_id = ? and financial_year = ?",
                    changed.partnershipId(), changed.financialYear());
            for (int i = 0; i < outturns.size(); i++) {
                update(connection, """
                        insert into budget_year_outturn (partnership_id, financial_year, stream_id, outturn)
                        values (?, ?, ?, ?)""",
                        changed.partnershipId(), changed.financialYear(), outturns.get(i).streamId(), amounts.get(i));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not apply " + changed.status() + " of " + changed.partnershipId()
                    + "'s year " + changed.financialYear() + " to the budget", e);
        }
    }

    /**
     * The partnership's position for the financial year (named by the calendar year it starts in):
     * a line per stream that has any money, commitment, spend or fixed outturn in it, by stream
     * name, and their total. Read in one statement, so the position is of one moment, never half an
     * event's.
     */
    public BudgetPosition positionOf(String partnershipId, int financialYear) {
        String status = OPEN;
        List<StreamPosition> streams = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement read = connection.prepareStatement(POSITION)) {
            read.setString(1, partnershipId);
            read.setInt(2, financialYear);
            try (ResultSet row = read.executeQuery()) {
                while (row.next()) {
                    status = row.getString("status");
                    UUID streamId = row.getObject("stream_id", UUID.class);
                    if (streamId != null) {
                        streams.add(new StreamPosition(streamId, row.getString("funder_id"),
                                row.getString("funder_name"), row.getString("stream_name"), lineOf(row)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + partnershipId + "'s budget for " + financialYear, e);
        }
        BudgetLine total = streams.stream().map(StreamPosition::line).reduce(BudgetLine.NONE, BudgetLine::plus);
        return new BudgetPosition(partnershipId, financialYear, status, List.copyOf(streams), total);
    }

    /** The year's initiatives, by title, each with what has been spent on it. */
    public List<BudgetInitiative> initiativesOf(String partnershipId, int financialYear) {
        List<BudgetInitiative> initiatives = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement read = connection.prepareStatement("""
                        select i.id, i.stream_id, i.title, i.priority_id, i.status, i.amount, i.amount_illustrative,
                            coalesce(sum(l.amount), 0) as spent
                        from budget_initiative i left join budget_spend_line l on l.initiative_id = i.id
                        where i.partnership_id = ? and i.financial_year = ?
                        group by i.id order by i.title nulls last, i.id""")) {
            read.setString(1, partnershipId);
            read.setInt(2, financialYear);
            try (ResultSet row = read.executeQuery()) {
                while (row.next()) {
                    BigDecimal amount = row.getBigDecimal("amount");
                    initiatives.add(new BudgetInitiative(row.getObject("id", UUID.class),
                            row.getObject("stream_id", UUID.class), row.getString("title"),
                            row.getObject("priority_id", UUID.class), row.getString("status"),
                            amount == null ? null : BudgetLine.pounds(amount), row.getBoolean("amount_illustrative"),
                            BudgetLine.pounds(row.getBigDecimal("spent"))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + partnershipId + "'s initiatives for " + financialYear, e);
        }
        return List.copyOf(initiatives);
    }

    /** The carry-forwards asked for into the year (from the year before), whatever their decision. */
    public List<BudgetCarryForward> carryForwardsInto(String partnershipId, int financialYear) {
        List<BudgetCarryForward> carryForwards = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement read = connection.prepareStatement("""
                        select id, stream_id, status, requested, approved from budget_carry_forward
                        where partnership_id = ? and into_year = ? order by stream_id, id""")) {
            read.setString(1, partnershipId);
            read.setInt(2, financialYear);
            try (ResultSet row = read.executeQuery()) {
                while (row.next()) {
                    BigDecimal requested = row.getBigDecimal("requested");
                    BigDecimal approved = row.getBigDecimal("approved");
                    carryForwards.add(new BudgetCarryForward(row.getObject("id", UUID.class),
                            row.getObject("stream_id", UUID.class), financialYear - 1, financialYear,
                            row.getString("status"), requested == null ? null : BudgetLine.pounds(requested),
                            approved == null ? null : BudgetLine.pounds(approved)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + partnershipId + "'s carry-forwards into "
                    + financialYear, e);
        }
        return List.copyOf(carryForwards);
    }

    /**
     * One row per stream (none when the year has nothing yet), each with the year's status; a
     * stream's initiatives come as parallel arrays, since each one's forecast is its own.
     */
    private static final String POSITION = """
            with asked as (select cast(? as text) as partnership_id, cast(? as integer) as financial_year),
            allocated as (
                select a.stream_id, sum(coalesce(a.gross, 0)) as gross, sum(a.top_sliced) as top_sliced
                from budget_allocation a join asked using (partnership_id, financial_year)
                group by a.stream_id),
            carried as (
                select c.stream_id, sum(c.approved) as carried_in
                from budget_carry_forward c
                join asked on c.partnership_id = asked.partnership_id and c.into_year = asked.financial_year
                where c.status = 'approved'
                group by c.stream_id),
            carried_on as (
                select c.stream_id, sum(c.approved) as carried_out
                from budget_carry_forward c
                join asked on c.partnership_id = asked.partnership_id and c.into_year = asked.financial_year + 1
                where c.status = 'approved'
                group by c.stream_id),
            spend as (
                select l.stream_id, sum(l.amount) as spent
                from budget_spend_line l join asked using (partnership_id, financial_year)
                group by l.stream_id),
            initiative as (
                select i.id, i.stream_id, i.status, i.amount, coalesce(sum(l.amount), 0) as spent_on_it
                from budget_initiative i join asked using (partnership_id, financial_year)
                left join budget_spend_line l on l.initiative_id = i.id
                group by i.id),
            initiatives as (
                select stream_id, array_agg(status) as statuses, array_agg(amount) as amounts,
                    array_agg(spent_on_it) as spent_on_them
                from initiative group by stream_id),
            fixed as (
                select o.stream_id, o.outturn
                from budget_year_outturn o join asked using (partnership_id, financial_year)),
            streams as (
                select stream_id from allocated union select stream_id from carried union select stream_id from carried_on
                union select stream_id from spend
                union select stream_id from initiatives union select stream_id from fixed)
            select coalesce(y.status, 'open') as status, s.stream_id, st.funder_id, f.name as funder_name,
                st.name as stream_name, al.gross, al.top_sliced, ca.carried_in, co.carried_out, sp.spent, it.statuses, it.amounts,
                it.spent_on_them, fx.outturn
            from asked
            left join budget_year y using (partnership_id, financial_year)
            left join streams s on true
            left join budget_stream st on st.id = s.stream_id
            left join budget_funder f on f.id = st.funder_id
            left join allocated al on al.stream_id = s.stream_id
            left join carried ca on ca.stream_id = s.stream_id
            left join carried_on co on co.stream_id = s.stream_id
            left join spend sp on sp.stream_id = s.stream_id
            left join initiatives it on it.stream_id = s.stream_id
            left join fixed fx on fx.stream_id = s.stream_id
            order by st.name nulls last, s.stream_id""";

    /**
     * A stream's line: committed is what its approved and completed initiatives were given, the
     * forecast each initiative's own, and a closed year's outturn, where it fixed one, the forecast.
     */
    private static BudgetLine lineOf(ResultSet row) throws SQLException {
        BigDecimal committed = BigDecimal.ZERO;
        BigDecimal forecast = BigDecimal.ZERO;
        Array initiatives = row.getArray("statuses");
        if (initiatives != null) {
            String[] statuses = (String[]) initiatives.getArray();
            BigDecimal[] amounts = (BigDecimal[]) row.getArray("amounts").getArray();
            BigDecimal[] spentOnThem = (BigDecimal[]) row.getArray("spent_on_them").getArray();
            for (int i = 0; i < statuses.length; i++) {
                if (statuses[i].equals("approved") || statuses[i].equals("completed")) {
                    committed = committed.add(BudgetLine.pounds(amounts[i]));
                }
                forecast = forecast.add(BudgetLine.forecastOf(statuses[i], amounts[i], spentOnThem[i]));
            }
        }
        BudgetLine line = BudgetLine.of(row.getBigDecimal("gross"), row.getBigDecimal("top_sliced"),
                row.getBigDecimal("carried_in"), row.getBigDecimal("carried_out"), committed, row.getBigDecimal("spent"),
                forecast);
        BigDecimal outturn = row.getBigDecimal("outturn");
        return outturn == null ? line : line.withForecast(outturn);
    }

    /** An amount the event must carry, to the penny: fractions of one are refused, not rounded by the column. */
    private static BigDecimal pounds(BigDecimal amount, String field) {
        if (amount == null) {
            throw new MalformedEventException("funding event has no " + field);
        }
        return poundsOrNull(amount, field);
    }

    private static BigDecimal poundsOrNull(BigDecimal amount, String field) {
        if (amount == null) {
            return null;
        }
        try {
            return BudgetLine.pounds(amount);
        } catch (ArithmeticException e) {
            throw new MalformedEventException("funding event's " + field + " " + amount.toPlainString()
                    + " has fractions of a penny");
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            update(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not apply a funding event to the budget", e);
        }
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
