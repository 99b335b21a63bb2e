package io.kehu.plugins.loyalty;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule-change dry run: what a changed programme would have awarded for the purchases of a period (e.g. last
 * month, or the last 12 months) against what the ledger holds for them — the extra points, their value and the
 * customers affected — before the admin publishes it. Nothing is written. The arithmetic is {@link Earning}, the
 * same the listener uses, so a dry run of the programme in force equals the real run. Caps are applied against the
 * points the customer earned as the ledger has them now, so for a programme that changes the caps the figure is
 * an estimate.
 */
public final class DryRun {

    private final PluginContext context;
    private final Awards awards;

    public DryRun(PluginContext context) {
        this.context = context;
        this.awards = new Awards(context, new Ledger(context));
    }

    /** Replays {@code changed} over the purchases from {@code from} to {@code to} (both included). */
    public Result replay(Programme changed, LocalDate from, LocalDate to) {
        Map<Long, Long> now = new HashMap<>();
        context.records().aggregate(Ledger.ENTRY).where("kind", FilterOperator.EQUALS, EntryKind.EARN.name())
                .where("rule", FilterOperator.IN, "base", "birthday", "first", "referral")
                .where("occurred_on", FilterOperator.BETWEEN, from, to).groupBy("customer").sum("points")
                .forEach(r -> now.put(((Number) r.group("customer")).longValue(), r.sum("points").longValue()));
        List<RecordData> purchases = new ArrayList<>();
        context.records().search(Awards.PURCHASE).where("purchased_on", FilterOperator.BETWEEN, from, to)
                .forEach(purchases::add);
        Map<Long, Long> would = new HashMap<>();
        for (RecordData purchase : purchases) {
            for (Posting p : Earning.postings(changed, awards.facts(changed, purchase))) {
                would.merge(p.customer(), p.points(), Long::sum);
            }
        }
        Set<Long> customers = new HashSet<>(now.keySet());
        customers.addAll(would.keySet());
        long affected = customers.stream()
                .filter(c -> !now.getOrDefault(c, 0L).equals(would.getOrDefault(c, 0L))).count();
        long before = now.values().stream().mapToLong(Long::longValue).sum();
        long after = would.values().stream().mapToLong(Long::longValue).sum();
        return new Result(purchases.size(), before, after, affected,
                changed.pointValue().multiply(BigDecimal.valueOf(after - before)));
    }

    /**
     * What the changed programme would have done.
     *
     * @param purchases purchases replayed
     * @param pointsNow points the ledger holds for them (purchase rules only)
     * @param pointsChanged points the changed programme would have awarded
     * @param customersAffected customers whose points would differ
     * @param extraLiability the difference's value in yuan (may be negative)
     */
    public record Result(long purchases, long pointsNow, long pointsChanged, long customersAffected,
                         BigDecimal extraLiability) {
        public long extraPoints() {
            return pointsChanged - pointsNow;
        }
    }
}
