package io.kehu.plugins.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.kehu.sdk.testkit.KehuBrowser;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The staff redemption counter on a phone, in real Chromium at 390×844 (zh-CN): find the customer, pick a reward,
 * redeem; the page does not scroll sideways and the button is a big target.
 */
@KehuPluginTest
class CounterPhoneJourneyTest {

    @Test
    void staffRedeemAtTheCounterOnAPhone(KehuTestHost kehu) throws Exception {
        String name = "手机柜台客户" + System.nanoTime() % 100_000;
        // staff see the customers they own: this one is theirs
        long staff = kehu.context().users().byUsername("staff").orElseThrow().id();
        long c = kehu.context().records().create("customer", Map.of("name", name, "customer_type", "person",
                "email", "counter" + System.nanoTime() + "@example.com", "account_manager", staff)).id();
        new Ledger(kehu.context()).post(Posting.earn(c, 100, "purchase/phone-" + c, "base", LocalDate.now()));
        String reward = "咖啡券" + System.nanoTime() % 100_000;
        kehu.context().records().create(Redemptions.REWARD, Map.of("name", reward, "reward_type", "COUPON",
                "price", 30L, "stock", 5L, "active", true));
        try (KehuBrowser browser = KehuBrowser.phone(kehu)) {
            Page page = browser.signIn("staff");
            page.navigate(kehu.baseUrl() + "/apps/loyalty/" + CounterView.PATH);
            try {
                page.locator("#loyalty-counter").waitFor();
            } finally {
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/loyalty-counter-open.png")));
            }
            page.locator("#loyalty-find input").fill(name);
            page.locator("#loyalty-find-button").click();
            page.waitForFunction("() => (document.querySelector('#loyalty-counter-balance') || {}).textContent"
                    + " && document.querySelector('#loyalty-counter-balance').textContent.includes('100')");
            page.locator("#loyalty-reward").click();
            page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText(reward)).click();
            Locator redeem = page.locator("#loyalty-redeem");
            assertThat(redeem.boundingBox().height).isGreaterThanOrEqualTo(36);
            redeem.click();
            page.waitForFunction("() => document.querySelector('#loyalty-counter-status').textContent"
                    + ".includes('兑换成功')");
            assertThat(page.locator("#loyalty-counter-status").innerText()).contains("兑换成功").contains("70");
            Object sideways = page.evaluate("() => document.documentElement.scrollWidth");
            assertThat(((Number) sideways).intValue()).isLessThanOrEqualTo(390);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/loyalty-counter-phone.png"))
                    .setFullPage(true));
        }
        assertThat(new Ledger(kehu.context()).balance(c).available()).isEqualTo(70);
    }
}
