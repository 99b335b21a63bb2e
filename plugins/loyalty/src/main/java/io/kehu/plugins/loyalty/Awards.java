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
    static final String RETURN = "return_request";
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
        Programme programme = programme();
        List<PostResult> results = new ArrayList<>();
        long customer = Ledger.number(found.get().get("customer"));
        for (Posting p : Earning.postings(programme, facts(programme, found.get()))) {
            results.add(post(programme, p, customer));
        }
        if (results.stream().anyMatch(PostResult::posted)) {
            LocalDate today = LocalDate.now();
            new Levels(context).evaluate(programme, customer, today, false);
            results.stream().filter(PostResult::posted).map(r -> context.records().get(Ledger.ENTRY, r.entryId()))
                    .flatMap(Optional::stream).map(e -> Ledger.number(e.get("customer")))
                    .filter(other -> other != customer).distinct()
                    .forEach(referrer -> new Levels(context).evaluate(programme, referrer, today, false));
        }
        return results;
    }

    /**
     * Posts an earning; the customer's own are cut to the caps inside the ledger's transaction (the referrer's
     * bonus is not theirs to cap).
     */
    PostResult post(Programme programme, Posting p, long buyer) {
        if (p.customer() == buyer && (programme.dailyCap() > 0 || programme.customerCap() > 0)) {
            return ledger.earn(p, programme.dailyCap(), programme.customerCap());
        }
        return ledger.post(p);
    }

    /**
     * Awards what record {@code recordId} of {@code formId} earns under the programme's event rules: each rule whose
     * condition holds pays the customer named in its field once (keyed {@code event/<form>/<id>|event-<rule>}), cut
     * to the caps like purchases, pending and expiring like them.
     */
    public List<PostResult> awardEvent(Programme programme, String formId, long recordId) {
        Optional<RecordData> found = context.records().get(formId, recordId);
        if (found.isEmpty()) {
            return List.of();
        }
        RecordData record = found.get();
        List<PostResult> results = new ArrayList<>();
        LocalDate on = LocalDate.now();
        for (Programme.EventRule rule : programme.eventRules()) {
            if (!rule.form().equals(formId) || !(record.get(rule.customerField()) instanceof Number customer)) {
                continue;
            }
            if (!rule.condition().isBlank()
                    && !Boolean.TRUE.equals(context.scripts().compile(formId, rule.condition())
                    .evaluate(record.values()))) {
                continue;
            }
            Posting p = Posting.earn(customer.longValue(), rule.points(), "event/" + formId + "/" + recordId,
                    "event-" + rule.id(), on);
            if (programme.pendingDays() > 0) {
                p = p.availableOn(on.plusDays(programme.pendingDays()));
            }
            if (programme.expiryMonths() > 0) {
                p = p.expiresOn(on.plusMonths(programme.expiryMonths()));
            }
            PostResult result = post(programme, p, customer.longValue());
            results.add(result);
            if (result.posted()) {
                new Levels(context).evaluate(programme, customer.longValue(), on, false);
            }
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
        String level = (String) customer.get("level");
        if (!programme.levels().isEmpty()) {
            // the programme's own levels: the level the points reached, kept on the account
            level = context.records().search(Ledger.ACCOUNT).where("customer", FilterOperator.EQUALS, customerId)
                    .limit(1).list().stream().findFirst().map(a -> (String) a.get("level")).orElse(null);
        }
        return new Earning.Purchase(purchase.id(), customerId, amount, on, level,
                (LocalDate) customer.get("birthday"), firstId == purchase.id(),
                earned(customerId, on), programme.customerCap() > 0 ? ledger.balance(customerId).earned() : 0,
                referrer, ruleBase);
    }

    /**
     * Takes back, proportionally, what purchase {@code purchaseId} earned when {@code returned} of its amount comes
     * back: one reversal per earning entry of the purchase, keyed by the return, so a retried return takes nothing
     * twice. Points already spent are handled as the programme's {@code returnShortfall} says: {@code NEGATIVE} takes
     * them all the same (the balance goes below zero), {@code RECOVER} takes what is left and the rest from the next
     * earnings ({@link Ledger#takeBackRecovering}), {@code WAIVE} takes only what is left.
     */
    public List<PostResult> returned(long purchaseId, String returnRef, BigDecimal returned, LocalDate on) {
        RecordData purchase = context.records().get(PURCHASE, purchaseId).orElseThrow();
        BigDecimal amount = purchase.get("amount") instanceof MoneyValue m ? m.amount() : BigDecimal.ZERO;
        if (amount.signum() <= 0) {
            return List.of();
        }
        BigDecimal share = returned.min(amount).divide(amount, 8, RoundingMode.HALF_UP);
        String shortfall = programme().returnShortfall();
        List<PostResult> results = new ArrayList<>();
        for (RecordData entry : context.records().search(Ledger.ENTRY)
                .where("source", FilterOperator.EQUALS, "purchase/" + purchaseId)
                .where("kind", FilterOperator.EQUALS, EntryKind.EARN.name()).limit(100).list()) {
            long points = Ledger.number(entry.get("points"));
            long back = share.multiply(BigDecimal.valueOf(points)).setScale(0, RoundingMode.HALF_UP).longValueExact();
            long customer = Ledger.number(entry.get("customer"));
            if (Programme.WAIVE.equals(shortfall)) {
                back = Math.min(back, Math.max(0, ledger.balance(customer).available()));
            }
            if (back > 0) {
                Posting reversal = new Posting(customer, EntryKind.REVERSE, -back, "return/" + returnRef,
                        "reverse-" + entry.id(), on, null, null, entry.id(), null, null, true);
                if (entry.get("available_on") instanceof LocalDate until && until.isAfter(on)) {
                    // returned inside the window: the points are still pending, so the reversal is pending too
                    reversal = reversal.availableOn(until);
                }
                results.add(Programme.RECOVER.equals(shortfall) ? ledger.takeBackRecovering(reversal)
                        : ledger.post(reversal));
            }
        }
        return results;
    }

    /**
     * Reverses what a {@code return_request} took back, once it is completed: a return or refund of a purchase
     * takes the returned share of that purchase's points ({@link #returned}), the refund amount when one is given,
     * else the whole purchase; an exchange keeps the points. Keyed by the request, so saving it again, a re-delivered
     * event or a second node writes nothing more; an amount changed after completion does not reverse again (the
     * first completed amount stands). Returns what was posted now.
     */
    public List<PostResult> returnRequest(long requestId) {
        Optional<RecordData> found = context.records().get(RETURN, requestId);
        if (found.isEmpty() || !"completed".equals(found.get().get("status"))
                || "exchange".equals(found.get().get("request_type"))
                || !(found.get().get("purchase") instanceof Number purchaseId)) {
            return List.of();
        }
        Optional<RecordData> purchase = context.records().get(PURCHASE, purchaseId.longValue());
        if (purchase.isEmpty() || !(purchase.get().get("amount") instanceof MoneyValue paid)) {
            return List.of();
        }
        BigDecimal returned = found.get().get("amount") instanceof MoneyValue refund && refund.amount().signum() > 0
                ? refund.amount() : paid.amount();
        return returned(purchaseId.longValue(), RETURN + "-" + requestId, returned, LocalDate.now());
    }

    private long earned(long customer, LocalDate on) {
        return context.records().aggregate(Ledger.ENTRY).where("customer", FilterOperator.EQUALS, customer)
                .where("kind", FilterOperator.EQUALS, EntryKind.EARN.name())
                .where("occurred_on", FilterOperator.EQUALS, on).sum("points").list().stream().findFirst()
                .map(r -> r.sum("points")).map(BigDecimal::longValue).orElse(0L);
    }
}
