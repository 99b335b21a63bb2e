package io.kehu.plugins.loyalty;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Spending points: on a reward of the catalogue ({@code loyalty_reward}, with a points price and a stock) or as money
 * on an order. The balance check, the stock decrement, the entry and the new balance are one transaction, and both
 * the account and the reward are optimistically locked: parallel redemptions can take neither the balance nor the
 * stock below zero. {@code requestId} (e.g. the till's receipt number) makes a retried request redeem once.
 */
public final class Redemptions {

    static final String REWARD = "loyalty_reward";

    private final PluginContext context;
    private final Ledger ledger;

    public Redemptions(PluginContext context, Ledger ledger) {
        this.context = context;
        this.ledger = ledger;
    }

    /** Redeems one of reward {@code rewardId} for {@code customer}. */
    public PostResult reward(long customer, long rewardId, String requestId, LocalDate on) {
        Optional<RecordData> found = context.records().get(REWARD, rewardId);
        if (found.isEmpty() || Boolean.FALSE.equals(found.get().get("active"))) {
            return new PostResult(PostResult.Status.UNAVAILABLE, 0, ledger.balance(customer).available());
        }
        long price = Ledger.number(found.get().get("price"));
        Posting posting = Posting.redeem(customer, price, "redemption/" + requestId, on,
                String.valueOf(found.get().get("name")));
        return ledger.post(posting, () -> {
            RecordData reward = context.records().get(REWARD, rewardId).orElseThrow();
            long stock = Ledger.number(reward.get("stock"));
            if (stock <= 0) {
                return false;
            }
            context.records().update(REWARD, rewardId, reward.rowVersion(), Map.of("stock", stock - 1));
            return true;
        });
    }

    /** Pays {@code points} of order {@code orderRef} with points (points as money). */
    public PostResult asMoney(long customer, long points, String orderRef, LocalDate on) {
        return ledger.post(new Posting(customer, EntryKind.REDEEM, -points, "order/" + orderRef, "redeem", on, null,
                null, null, null, null, false));
    }
}
