package io.kehu.plugins.loyalty;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.MoneyValue;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.scripts.PluginScripts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies the programme to purchases and returns through the {@link Ledger}: gathers what {@link Earning} needs
 * (level, birthday, first purchase, referrer, caps, the admin's rule) and posts the result. Safe to call any number
 * of times for the same purchase: every posting is keyed by the purchase and the rule.
 */
public final class Awards {

    static final String PURCHASE = "purchase";
    static final String CUSTOMER = "customer";
    static final String REFERRAL = "loyalty_referral";
    static final String PROGRAMME_KEY = "programme";

    private final PluginContext context;
    private final Ledger ledger;

    public Awards(PluginContext context, Ledger ledger) {
        this.context = context;
        this.ledger = ledger;
    }

    /** The programme in force: the admin's, or the defaults. */
    public Programme programme() {
        return context.settings().getJson(PROGRAMME_KEY, Programme.class).orElseGet(Programme::defaults);
    }

    /** Awards what purchase {@code purchaseId} earns; returns what was posted now (empty on a re-delivery). */
    public List<PostResult> award(long purchaseId) {
        Optional<RecordData> found = context.records().get(PURCHASE, purchaseId);
        if (found.isEmpty()) {
            return List.of();
        }
        List<PostResult> results = new ArrayList<>();
        for (Posting p : Earning.postings(programme(), facts(programme(), found.get()))) {
            results.add(ledger.post(p));
        }
        return results;
    }

    /** What the earning rules see of {@code purchase}, read from the records. */
    Earning.Purchase facts(Programme programme, RecordData purchase) {
        long customerId = Ledger.number(purchase.get("customer"));
        LocalDate on = (LocalDate) purchase.get("purchased_on");
        BigDecimal amount = purchase.get("amount") instanceof MoneyValue m ? m.amount() : BigDecimal.ZERO;
        RecordData customer = context.records().get(CUSTOMER, customerId).orElseThrow();
        long firstId = context.records().search(PURCHASE).where("customer", FilterOperator.EQUALS, customerId)
                .sortBy("purchased_on", false).sortBy("id", false).limit(1).list().stream().findFirst()
                .map(RecordData::id).orElse(purchase.id());
        Long referrer = context.records().search(REFERRAL).where("referred", FilterOperator.EQUALS, customerId)
                .limit(1).list().stream().findFirst().map(r -> Ledger.number(r.get("referrer"))).orElse(null);
        BigDecimal ruleBase = null;
        if (!programme.earningRule().isBlank()) {
            PluginScripts.Script rule = context.scripts().compile(PURCHASE, programme.earningRule());
            Object value = rule.evaluate(purchase.values());
            ruleBase = value instanceof Number n ? new BigDecimal(n.toString()) : BigDecimal.ZERO;
        }
        return new Earning.Purchase(purchase.id(), customerId, amount, on, (String) customer.get("level"),
                (LocalDate) customer.get("birthday"), firstId == purchase.id(),
                earned(customerId, on), programme.customerCap() > 0 ? ledger.balance(customerId).earned() : 0,
                referrer, ruleBase);
    }

    /**
     * Takes back, proportionally, what purchase {@code purchaseId} earned when {@code returned} of its amount comes
     * back: one reversal per earning entry of the purchase, keyed by the return, so a retried return takes nothing
     * twice. Points already spent are taken all the same: the balance may go below zero when the programme allows it,
     * otherwise only what is left is taken back.
     */
    public List<PostResult> returned(long purchaseId, String returnRef, BigDecimal returned, LocalDate on) {
        RecordData purchase = context.records().get(PURCHASE, purchaseId).orElseThrow();
        BigDecimal amount = purchase.get("amount") instanceof MoneyValue m ? m.amount() : BigDecimal.ZERO;
        if (amount.signum() <= 0) {
            return List.of();
        }
        BigDecimal share = returned.min(amount).divide(amount, 8, RoundingMode.HALF_UP);
        boolean allowNegative = programme().allowNegative();
        List<PostResult> results = new ArrayList<>();
        for (RecordData entry : context.records().search(Ledger.ENTRY)
                .where("source", FilterOperator.EQUALS, "purchase/" + purchaseId)
                .where("kind", FilterOperator.EQUALS, EntryKind.EARN.name()).limit(100).list()) {
            long points = Ledger.number(entry.get("points"));
            long back = share.multiply(BigDecimal.valueOf(points)).setScale(0, RoundingMode.HALF_UP).longValueExact();
            long customer = Ledger.number(entry.get("customer"));
            if (!allowNegative) {
                back = Math.min(back, Math.max(0, ledger.balance(customer).available()));
            }
            if (back > 0) {
                results.add(ledger.post(new Posting(customer, EntryKind.REVERSE, -back, "return/" + returnRef,
                        "reverse-" + entry.id(), on, null, null, entry.id(), null, null, true)));
            }
        }
        return results;
    }

    private long earned(long customer, LocalDate on) {
        return context.records().aggregate(Ledger.ENTRY).where("customer", FilterOperator.EQUALS, customer)
                .where("kind", FilterOperator.EQUALS, EntryKind.EARN.name())
                .where("occurred_on", FilterOperator.EQUALS, on).sum("points").list().stream().findFirst()
                .map(r -> r.sum("points")).map(BigDecimal::longValue).orElse(0L);
    }
}
