package io.kehu.plugins.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Lots expire oldest first, on the day after their date, once; what was spent is not expired. */
@KehuPluginTest
class ExpiryTest {

    @Test
    void aLotExpiresTheDayAfterItsDateOnceAndOnlyWhatIsLeft(KehuTestHost kehu) {
        long c = AwardsTest.customer(kehu, null);
        Ledger ledger = new Ledger(kehu.context());
        LocalDate end = LocalDate.of(2031, 6, 30);
        ledger.post(Posting.earn(c, 40, "purchase/exp-a-" + c, "base", end.minusYears(2)).expiresOn(end));
        ledger.post(Posting.earn(c, 25, "purchase/exp-b-" + c, "base", end.minusYears(1)).expiresOn(end.plusYears(1)));
        ledger.post(Posting.redeem(c, 30, "redemption/exp-" + c, end.minusMonths(1), "礼品"));
        Expiry expiry = new Expiry(kehu.context(), ledger);

        expiry.run(end);
        assertThat(ledger.balance(c).available()).isEqualTo(35);
        expiry.run(end.plusDays(1));
        assertThat(ledger.balance(c).available()).isEqualTo(25); // 10 left of the older lot expired
        expiry.run(end.plusDays(1));
        expiry.run(end.plusDays(2));
        assertThat(ledger.balance(c).available()).isEqualTo(25);
        assertThat(Lots.expiringBetween(Lots.of(AwardsTest.entries(kehu, c)), end, end.plusYears(1))).isEqualTo(25);
    }
}
