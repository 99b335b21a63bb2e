package io.kehu.plugins.loyalty;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.AggregateRow;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.MoneyValue;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The points liability over time: one {@code loyalty_month} row per month with the points earned, redeemed, expired,
 * reversed and adjusted in it, the points outstanding at its end (available and pending: the sum of every entry up to
 * then) and their value (× the programme's point value), and the members active in it. Computed from the ledger by
 * the database ({@code GROUP BY kind}); a closed month is written once, as first reported, and never recomputed (the
 * finance figure does not move under a later back-dated entry); the current month is refreshed every night.
 */
public final class Liability {

    static final String MONTH = "loyalty_month";

    private final PluginContext context;

    public Liability(PluginContext context) {
        this.context = context;
    }

    /** Writes the missing closed months and refreshes the current one; returns how many rows it wrote. */
    public int refresh(Programme programme, LocalDate today) {
        Optional<LocalDate> first = context.records().aggregate(Ledger.ENTRY).min("occurred_on").list().stream()
                .findFirst().map(r -> (LocalDate) r.min("occurred_on"));
        if (first.isEmpty()) {
            return 0;
        }
        YearMonth current = YearMonth.from(today);
        int written = 0;
        long outstanding = 0;
        for (YearMonth m = YearMonth.from(first.get()); !m.isAfter(current); m = m.plusMonths(1)) {
            Figures f = figures(m);
            outstanding += f.net();
            Optional<RecordData> row = context.records().search(MONTH).where("month_key", FilterOperator.EQUALS,
                    m.toString()).limit(1).list().stream().findFirst();
            if (row.isPresent() && Boolean.TRUE.equals(row.get().get("closed"))) {
                // as first reported; the running total continues from what the ledger says
                continue;
            }
            Map<String, Object> values = new HashMap<>();
            values.put("month", m.atDay(1));
            values.put("month_key", m.toString());
            values.put("earned", f.earned());
            values.put("redeemed", f.redeemed());
            values.put("expired", f.expired());
            values.put("reversed", f.reversed());
            values.put("adjusted", f.adjusted());
            values.put("outstanding", outstanding);
            values.put("liability", new MoneyValue(programme.pointValue().multiply(BigDecimal.valueOf(outstanding))
                    .setScale(2, RoundingMode.HALF_UP), "CNY"));
            values.put("members", f.members());
            values.put("closed", m.isBefore(current));
            try {
                if (row.isPresent()) {
                    context.records().update(MONTH, row.get().id(), row.get().rowVersion(), values);
                } else {
                    context.records().create(MONTH, values);
                }
                written++;
            } catch (RecordException e) {
                // another node wrote this month at the same moment: its figures are the same
                if (e.reason() != RecordException.Reason.DUPLICATE && e.reason() != RecordException.Reason.CONFLICT) {
                    throw e;
                }
            }
        }
        return written;
    }

    /** One month's movements and active members, from the ledger. */
    Figures figures(YearMonth month) {
        Map<String, Long> byKind = new HashMap<>();
        for (AggregateRow row : context.records().aggregate(Ledger.ENTRY)
                .where("occurred_on", FilterOperator.BETWEEN, month.atDay(1), month.atEndOfMonth())
                .groupBy("kind").sum("points").list()) {
            BigDecimal sum = row.sum("points");
            byKind.put(String.valueOf(row.group("kind")), sum == null ? 0 : sum.longValue());
        }
        long[] members = {0};
        context.records().aggregate(Ledger.ENTRY)
                .where("occurred_on", FilterOperator.BETWEEN, month.atDay(1), month.atEndOfMonth())
                .groupBy("customer").count().forEach(r -> members[0]++);
        return new Figures(byKind.getOrDefault("EARN", 0L), -byKind.getOrDefault("REDEEM", 0L),
                -byKind.getOrDefault("EXPIRE", 0L), -byKind.getOrDefault("REVERSE", 0L),
                byKind.getOrDefault("ADJUST", 0L), members[0]);
    }

    /**
     * A month's movements (redeemed, expired and reversed as positive points taken away).
     *
     * @param earned points earned
     * @param redeemed points spent
     * @param expired points expired
     * @param reversed points taken back (returns, corrections)
     * @param adjusted the net of managers' adjustments
     * @param members customers with at least one entry
     */
    record Figures(long earned, long redeemed, long expired, long reversed, long adjusted, long members) {
        long net() {
            return earned - redeemed - expired - reversed + adjusted;
        }
    }

    /** The rows, oldest month first (for the report and tests). */
    List<RecordData> months() {
        return context.records().search(MONTH).sortBy("month", false).limit(1000).list();
    }
}
