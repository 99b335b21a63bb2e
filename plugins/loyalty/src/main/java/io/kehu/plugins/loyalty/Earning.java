package io.kehu.plugins.loyalty;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The points a purchase earns under a programme: pure arithmetic, so it is unit-tested and a dry run computes the
 * same as the real run. One posting per rule ({@code base}, {@code birthday}, {@code first}, {@code referral}), each
 * keyed by the purchase, so re-delivering the purchase writes nothing new.
 */
public final class Earning {

    private Earning() {
    }

    /**
     * What the earning rules see of a purchase.
     *
     * @param purchaseId the purchase record
     * @param customer who bought
     * @param amount what was paid (yuan)
     * @param purchasedOn when
     * @param level the customer's level code (may be null)
     * @param birthday the customer's birthday (may be null)
     * @param firstPurchase whether this is the customer's first purchase
     * @param earnedToday points the customer already earned that day (for the daily cap)
     * @param earnedTotal points the customer earned in total (for the customer cap)
     * @param referrer the customer who referred this one, if any
     * @param ruleBase what the admin's Groovy rule returned, or null when there is none
     */
    public record Purchase(long purchaseId, long customer, BigDecimal amount, LocalDate purchasedOn, String level,
                           LocalDate birthday, boolean firstPurchase, long earnedToday, long earnedTotal,
                           Long referrer, BigDecimal ruleBase) {
    }

    /** The postings for {@code purchase}; empty when it earns nothing. */
    public static List<Posting> postings(Programme programme, Purchase purchase) {
        BigDecimal raw = purchase.ruleBase() != null ? purchase.ruleBase()
                : purchase.amount().divide(programme.yuanPerPoint(), MathContext.DECIMAL64);
        raw = raw.multiply(programme.multiplierOf(purchase.level()));
        long base = Math.max(0, raw.setScale(0, programme.roundingMode()).longValueExact());
        long birthday = 0;
        if (purchase.birthday() != null && purchase.birthday().getMonth() == purchase.purchasedOn().getMonth()
                && programme.birthdayMultiplier().compareTo(BigDecimal.ONE) > 0) {
            birthday = Math.max(0, raw.multiply(programme.birthdayMultiplier().subtract(BigDecimal.ONE))
                    .setScale(0, programme.roundingMode()).longValueExact());
        }
        long first = purchase.firstPurchase() ? programme.firstPurchaseBonus() : 0;
        long room = Long.MAX_VALUE;
        if (programme.dailyCap() > 0) {
            room = Math.min(room, Math.max(0, programme.dailyCap() - purchase.earnedToday()));
        }
        if (programme.customerCap() > 0) {
            room = Math.min(room, Math.max(0, programme.customerCap() - purchase.earnedTotal()));
        }
        String source = "purchase/" + purchase.purchaseId();
        List<Posting> postings = new ArrayList<>();
        long[] left = {room};
        add(postings, programme, purchase, purchase.customer(), source, "base", take(left, base));
        add(postings, programme, purchase, purchase.customer(), source, "birthday", take(left, birthday));
        add(postings, programme, purchase, purchase.customer(), source, "first", take(left, first));
        if (purchase.firstPurchase() && purchase.referrer() != null && programme.referralBonus() > 0) {
            add(postings, programme, purchase, purchase.referrer(), source, "referral", programme.referralBonus());
        }
        return postings;
    }

    private static long take(long[] left, long wanted) {
        long granted = Math.min(left[0], wanted);
        left[0] -= granted;
        return granted;
    }

    private static void add(List<Posting> postings, Programme programme, Purchase purchase, long customer,
                            String source, String rule, long points) {
        if (points <= 0) {
            return;
        }
        LocalDate on = purchase.purchasedOn();
        Posting p = Posting.earn(customer, points, source, rule, on);
        if (programme.pendingDays() > 0) {
            p = p.availableOn(on.plusDays(programme.pendingDays()));
        }
        if (programme.expiryMonths() > 0) {
            p = p.expiresOn(on.plusMonths(programme.expiryMonths()));
        }
        postings.add(p);
    }
}
