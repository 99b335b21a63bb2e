package io.kehu.plugins.loyalty;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expires lots whose date has passed (one {@code EXPIRE} entry per lot, keyed {@code lot/<entry>}, so a re-run or a
 * second node expires nothing twice) and sends the "N 积分将于 … 到期" notice {@code noticeDays} before.
 */
public final class Expiry {

    /** Setting: user names (comma-separated) told about expiring points; the managers by default. */
    static final String NOTICE_TO = "notice.recipients";
    /** The sent-once markers of expiry notices. */
    static final String NOTICE = "loyalty_notice";

    private final PluginContext context;
    private final Ledger ledger;

    public Expiry(PluginContext context, Ledger ledger) {
        this.context = context;
        this.ledger = ledger;
    }

    /**
     * Releases pending points whose return window closed, expires what ended before {@code today} and notifies
     * about lots ending on today + notice days (once), and re-evaluates programme levels (downgrades only here).
     */
    public Result run(LocalDate today) {
        Programme programme = new Awards(context, ledger).programme();
        List<Long> withPending = new ArrayList<>();
        context.records().search(Ledger.ACCOUNT).where("pending", FilterOperator.GREATER, 0L).fields("customer")
                .forEach(a -> withPending.add(Ledger.number(a.get("customer"))));
        withPending.forEach(ledger::release);
        LocalDate noticeDay = today.plusDays(programme.noticeDays());
        Set<Long> customers = new LinkedHashSet<>();
        context.records().search(Ledger.ENTRY).where("expires_on", FilterOperator.LESS_OR_EQUAL, noticeDay)
                .fields("customer").forEach(e -> customers.add(Ledger.number(e.get("customer"))));
        long expired = 0;
        long notices = 0;
        for (long customer : customers) {
            List<RecordData> entries = entries(customer);
            for (Lots.Lot lot : Lots.of(entries)) {
                if (lot.expiresOn() == null || lot.remaining() <= 0) {
                    continue;
                }
                if (lot.expiresOn().isBefore(today)) {
                    PostResult r = ledger.post(new Posting(customer, EntryKind.EXPIRE, -lot.remaining(),
                            "lot/" + lot.entryId(), "expire", today, null, null, lot.entryId(), null, null, true));
                    if (r.posted()) {
                        expired += lot.remaining();
                    }
                }
            }
            long soon = Lots.expiringBetween(Lots.of(entries(customer)), noticeDay, noticeDay);
            if (soon > 0 && notifyOnce(customer, soon, noticeDay, today)) {
                notices++;
            }
        }
        long levelChanges = 0;
        if (!programme.levels().isEmpty()) {
            // downgrades happen only here, once a night: points that left the window may lower the level
            List<Long> members = new ArrayList<>();
            context.records().search(Ledger.ACCOUNT).fields("customer")
                    .forEach(a -> members.add(Ledger.number(a.get("customer"))));
            Levels levels = new Levels(context);
            for (long member : members) {
                if (levels.evaluate(programme, member, today, true).isPresent()) {
                    levelChanges++;
                }
            }
        }
        return new Result(expired, notices, levelChanges);
    }

    /**
     * Sends the notice about {@code points} expiring on {@code expiresOn} unless it was sent already: the marker
     * ({@code loyalty_notice}, unique key customer + date) and the notification are written in one transaction, so
     * a re-run, a "run now" or a second node finds the key taken (DUPLICATE), rolls back and sends nothing.
     */
    boolean notifyOnce(long customer, long points, LocalDate expiresOn, LocalDate today) {
        String key = "expiry/" + customer + "/" + expiresOn;
        if (!context.records().search(NOTICE).where("notice_key", FilterOperator.EQUALS, key).limit(1).list()
                .isEmpty()) {
            return false;
        }
        try {
            context.transactions().run(() -> {
                context.records().create(NOTICE, Map.of("customer", customer, "expires_on", expiresOn, "points",
                        points, "sent_on", today, "notice_key", key));
                context.workflows().notify("customer", customer, recipients(), LocalText.of(
                        points + " 积分将于 " + expiresOn + " 到期", points + " points expire on " + expiresOn));
            });
            return true;
        } catch (RecordException e) {
            if (e.reason() == RecordException.Reason.DUPLICATE) {
                return false;
            }
            throw e;
        }
    }

    private List<RecordData> entries(long customer) {
        List<RecordData> entries = new ArrayList<>();
        context.records().search(Ledger.ENTRY).where("customer", FilterOperator.EQUALS, customer)
                .fields("points", "expires_on").forEach(entries::add);
        return entries;
    }

    private List<String> recipients() {
        return Arrays.stream(context.settings().get(NOTICE_TO, "manager").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * What a run did.
     *
     * @param expiredPoints points expired now
     * @param notices customers told about points expiring
     * @param levelChanges members whose programme level changed
     */
    public record Result(long expiredPoints, long notices, long levelChanges) {
    }
}
