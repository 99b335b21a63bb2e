package io.kehu.plugins.loyalty;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Programme levels by points (e.g. 普通 0 / 银卡 1,000 / 金卡 5,000 / 钻石 20,000 earned in the last 12 months), used
 * when the programme defines levels; otherwise the tiering plugin's {@code level} field is the one source of truth and
 * this class does nothing.
 *
 * <p>Rules: the level points are the earnings of the window less their reversals (a returned purchase does not keep
 * its level). An <b>upgrade</b> happens as soon as the points reach a higher level (after every earning and in the
 * nightly run); a <b>downgrade</b> only in the nightly run, one level at a time, and only once the current level has
 * been held a whole window (a member keeps a level reached for at least {@code levelMonths}). Every change is a
 * {@code loyalty_level_change} record keyed by customer, day and level, written in the same transaction as the
 * account's new level, so a re-run or a second node records it once.
 */
public final class Levels {

    static final String CHANGE = "loyalty_level_change";

    private final PluginContext context;

    public Levels(PluginContext context) {
        this.context = context;
    }

    /**
     * The level {@code levelPoints} reach under {@code levels} (lowest first); null when there are no levels or
     * the points reach none.
     */
    static Programme.Level reached(List<Programme.Level> levels, long levelPoints) {
        Programme.Level found = null;
        for (Programme.Level level : levels) {
            if (levelPoints >= level.minPoints()) {
                found = level;
            }
        }
        return found;
    }

    /** Points earned from {@code today} back over the window, less their reversals. */
    long levelPoints(Programme programme, long customer, LocalDate today) {
        LocalDate from = today.minusMonths(programme.levelMonths()).plusDays(1);
        return context.records().aggregate(Ledger.ENTRY).where("customer", FilterOperator.EQUALS, customer)
                .where("kind", FilterOperator.IN, EntryKind.EARN.name(), EntryKind.REVERSE.name())
                .where("occurred_on", FilterOperator.BETWEEN, from, today).sum("points").list().stream().findFirst()
                .map(r -> r.sum("points")).map(BigDecimal::longValue).orElse(0L);
    }

    /**
     * Re-evaluates the customer's level on {@code today}: upgrades always, downgrades only when {@code nightly}.
     *
     * @return the change made, if any
     */
    public Optional<Change> evaluate(Programme programme, long customer, LocalDate today, boolean nightly) {
        if (programme.levels().isEmpty()) {
            return Optional.empty();
        }
        for (int attempt = 1; attempt <= 50; attempt++) {
            try {
                // under the customer's ledger lock, like every posting: no optimistic race to lose, which inside a
                // listener's transaction would make it rollback-only
                return context.transactions().call(() -> evaluateLocked(programme, customer, today, nightly));
            } catch (RecordException e) {
                if (e.reason() != RecordException.Reason.CONFLICT) {
                    throw e;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Change> evaluateLocked(Programme programme, long customer, LocalDate today, boolean nightly) {
        new Ledger(context).lock(customer);
        Optional<RecordData> found = context.records().search(Ledger.ACCOUNT)
                .where("customer", FilterOperator.EQUALS, customer).limit(1).list().stream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RecordData account = found.get();
        long points = levelPoints(programme, customer, today);
        String current = (String) account.get("level");
        Programme.Level target = reached(programme.levels(), points);
        int from = indexOf(programme.levels(), current);
        int to = target == null ? -1 : programme.levels().indexOf(target);
        if (to < from) {
            LocalDate since = (LocalDate) account.get("level_since");
            boolean heldAWindow = since == null || !since.plusMonths(programme.levelMonths()).isAfter(today);
            to = nightly && heldAWindow ? from - 1 : from; // down only at night, one step, after a whole window
        }
        if (to == from) {
            if (!Long.valueOf(points).equals(account.get("level_points"))) {
                context.records().update(Ledger.ACCOUNT, account.id(), account.rowVersion(),
                        Map.of("level_points", points));
            }
            return Optional.empty();
        }
        String next = to < 0 ? null : programme.levels().get(to).code();
        String key = "level/" + customer + "/" + today + "/" + next;
        if (!context.records().search(CHANGE).where("change_key", FilterOperator.EQUALS, key).limit(1).list()
                .isEmpty()) {
            return Optional.empty(); // recorded already (a re-run)
        }
        Change change = new Change(customer, current, next, to > from, today, points);
        record(account, change);
        return Optional.of(change);
    }

    private void record(RecordData account, Change change) {
        Map<String, Object> values = new HashMap<>();
        values.put("customer", change.customer());
        if (change.from() != null) {
            values.put("from_level", change.from());
        }
        values.put("to_level", change.to() == null ? "-" : change.to());
        values.put("direction", change.upgrade() ? "UP" : "DOWN");
        values.put("changed_on", change.on());
        values.put("level_points", change.levelPoints());
        values.put("change_key", "level/" + change.customer() + "/" + change.on() + "/" + change.to());
        context.records().create(CHANGE, values);
        Map<String, Object> account2 = new HashMap<>();
        account2.put("level", change.to());
        account2.put("level_points", change.levelPoints());
        account2.put("level_since", change.on());
        context.records().update(Ledger.ACCOUNT, account.id(), account.rowVersion(), account2);
    }

    private static int indexOf(List<Programme.Level> levels, String code) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /** The level's name in the user's language, or the code. */
    static String name(Programme programme, String code, boolean chinese) {
        return programme.levels().stream().filter(l -> l.code().equals(code)).findFirst()
                .map(l -> chinese ? l.zh() : l.en()).orElse(code == null ? "" : code);
    }

    /**
     * A level change.
     *
     * @param customer whose
     * @param from the level before (null = none yet)
     * @param to the level now
     * @param upgrade up or down
     * @param on the day
     * @param levelPoints the points of the window that decided it
     */
    public record Change(long customer, String from, String to, boolean upgrade, LocalDate on, long levelPoints) {
    }
}
