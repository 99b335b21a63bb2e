package io.kehu.plugins.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
        Path chromium = Path.of(System.getenv().getOrDefault("KEHU_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new AssertionError("Browser tests need Chromium at " + chromium
                    + ": install it with 'apt-get install -y chromium' (.ci/run does) or set KEHU_CHROMIUM.");
        }
        String title = "手机问卷 " + System.nanoTime() % 100_000;
        String key = "phone_" + System.nanoTime() % 100_000;
        new SurveyCatalog(kehu.context()).save(key, LocalText.of(title, "Phone survey"),
                LocalText.of("感谢您抽出一分钟时间。", "Thank you for your minute."), StandardSurvey.questions(), "admin");
        long customer = SurveyStoreContract.customer(kehu.context(), "手机作答客户");
        String token = new Invitations(kehu.context()).issue(customer, key, null, Duration.ofDays(7)).token();
        try (Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(chromium).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync")));
             BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                     .setViewportSize(390, 844))) {
            phone.setDefaultTimeout(120_000); // the shared machine is slow under load
            Page page = phone.newPage();
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

            page.navigate(kehu.baseUrl() + "/login");
            page.waitForFunction("() => !!customElements.get('vaadin-login-form')"
                    + " && !!document.querySelector('#vaadinLoginUsername input')");
            page.locator("#vaadinLoginUsername input").fill("manager");
            page.locator("#vaadinLoginPassword input").fill(KehuTestHost.DEMO_PASSWORD);
            page.locator("#vaadinLoginPassword input").press("Enter");
            page.waitForURL(Pattern.compile("^(?!.*/login).*$"));
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
