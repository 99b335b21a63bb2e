package io.kehu.plugins.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The earning arithmetic, without a host: rounding, level multiplier, birthday month, first purchase, caps. */
class EarningTest {

    private static final LocalDate ON = LocalDate.of(2026, 5, 20);

    private static Earning.Purchase purchase(String amount, boolean first, LocalDate birthday, long today) {
        return new Earning.Purchase(42, 7, new BigDecimal(amount), ON, "KEY", birthday, first, today, 0, 9L, null);
    }

    private static Programme programme(String rounding, long dailyCap) {
        return new Programme(BigDecimal.TEN, rounding, null, Map.of("KEY", new BigDecimal("1.5")),
                BigDecimal.valueOf(2), 100L, 50L, dailyCap, 0L, 14, 24, 30, true);
    }

    @Test
    void onePointPerTenYuanTimesTheLevelRounded() {
        assertThat(points(Earning.postings(programme("DOWN", 0), purchase("129.00", false, null, 0)), "base"))
                .isEqualTo(19); // 12.9 × 1.5 = 19.35
        assertThat(points(Earning.postings(programme("HALF_UP", 0), purchase("131.00", false, null, 0)), "base"))
                .isEqualTo(20); // 19.65
        assertThat(points(Earning.postings(programme("UP", 0), purchase("120.10", false, null, 0)), "base"))
                .isEqualTo(19); // 18.015
    }

    @Test
    void birthdayMonthDoublesFirstPurchaseAndReferralAddBonuses() {
        List<Posting> postings = Earning.postings(programme("DOWN", 0),
                purchase("100", true, LocalDate.of(1990, 5, 2), 0));
        assertThat(points(postings, "base")).isEqualTo(15);
        assertThat(points(postings, "birthday")).isEqualTo(15);
        assertThat(points(postings, "first")).isEqualTo(100);
        Posting referral = postings.stream().filter(p -> p.rule().equals("referral")).findFirst().orElseThrow();
        assertThat(referral.customer()).isEqualTo(9L);
        assertThat(referral.points()).isEqualTo(50);
        assertThat(postings).allSatisfy(p -> {
            assertThat(p.source()).isEqualTo("purchase/42");
            assertThat(p.availableOn()).isEqualTo(ON.plusDays(14));
            assertThat(p.expiresOn()).isEqualTo(ON.plusMonths(24));
        });
    }

    @Test
    void theDailyCapClipsWhatIsLeftOfTheDay() {
        List<Posting> postings = Earning.postings(programme("DOWN", 120),
                purchase("100", true, LocalDate.of(1990, 5, 2), 100));
        assertThat(points(postings, "base")).isEqualTo(15);
        assertThat(points(postings, "birthday")).isEqualTo(5);
        assertThat(points(postings, "first")).isZero();
    }

    @Test
    void nothingOutsideBirthdayMonthAndNoReferralAfterTheFirstPurchase() {
        List<Posting> postings = Earning.postings(programme("DOWN", 0),
                purchase("100", false, LocalDate.of(1990, 6, 2), 0));
        assertThat(postings).extracting(Posting::rule).containsExactly("base");
    }

    private static long points(List<Posting> postings, String rule) {
        return postings.stream().filter(p -> p.rule().equals(rule)).mapToLong(Posting::points).sum();
    }
}
