package io.kehu.plugins.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.testkit.KehuBrowser;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The customer's side and the manager's, in real Chromium on a 390×844 phone (zh-CN): a personal link opens the
 * survey without sign-in, the customer answers every question with a tap and submits, and the thanks show; then a
 * manager signs in on the phone and the satisfaction analytics of that survey show the response (CSAT, NPS, n) —
 * neither page scrolls sideways. Screenshots: {@code target/survey-answer-phone.png}, {@code
 * target/survey-analytics-phone.png}.
 */
@KehuPluginTest
class SurveyPhoneJourneyTest {

    @Test
    void aCustomerAnswersFromTheirLinkOnAPhoneAndTheAnalyticsShowIt(KehuTestHost kehu) throws Exception {
        String title = "手机问卷 " + System.nanoTime() % 100_000;
        String key = "phone_" + System.nanoTime() % 100_000;
        new SurveyCatalog(kehu.context()).save(key, LocalText.of(title, "Phone survey"),
                LocalText.of("感谢您抽出一分钟时间。", "Thank you for your minute."), StandardSurvey.questions(), "admin");
        long customer = SurveyStoreContract.customer(kehu.context(), "手机作答客户");
        String token = new Invitations(kehu.context()).issue(customer, key, null, Duration.ofDays(7)).token();
        try (KehuBrowser browser = KehuBrowser.phone(kehu)) {
            Page page = browser.newPage();
            page.navigate(kehu.baseUrl() + "/public/survey/" + AnswerPage.PATH + "?t=" + token);
            page.locator("#survey-form").waitFor();
            assertThat(page.locator("#survey-answer").innerText()).contains(title).contains("感谢您抽出一分钟时间。")
                    .doesNotContain("手机作答客户");
            for (String rating : List.of("quality", "service", "speed", "price", "overall")) {
                page.locator("#q-" + rating + " vaadin-radio-button").nth(4).click(); // 5 of 1–5
            }
            page.locator("#q-recommend vaadin-radio-button").nth(9).click(); // 9 of 0–10
            page.locator("#q-comment textarea").fill("送货很快，服务周到。");
            Locator submit = page.locator("#survey-answer-submit");
            assertThat(submit.boundingBox().height).isGreaterThanOrEqualTo(36);
            assertThat(sideways(page)).isLessThanOrEqualTo(390);
            submit.click();
            page.locator("#survey-answer-thanks").waitFor();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/survey-answer-phone.png"))
                    .setFullPage(true));

            page = browser.signIn("manager");
            page.navigate(kehu.baseUrl() + "/apps/survey/" + AnalyticsView.PATH);
            page.locator("#analytics-survey").click();
            page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText(title)).click();
            page.waitForFunction("() => (document.querySelector('#analytics-figures') || {}).textContent"
                    + " && document.querySelector('#analytics-figures').textContent.includes('（1 人作答）')");
            assertThat(page.locator("#analytics-figures").innerText()).contains("满意率 CSAT 100%（共 5 个评分）")
                    .contains("净推荐值 NPS 100（1 人作答）").contains("产品质量 5（1 份答卷）");
            assertThat(page.locator("#analytics-summary").innerText()).contains("1");
            assertThat(sideways(page)).isLessThanOrEqualTo(390);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/survey-analytics-phone.png"))
                    .setFullPage(true));
        }
        assertThat(new Invitations(kehu.context()).open(token).state()).isEqualTo(Invitations.State.USED);
    }

    private static int sideways(Page page) {
        return ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
    }
}
