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
 * neither page scrolls sideways. The ratings are stars (and smileys for "overall"), each a thumb-sized button; the
 * smileys are answered by keyboard only. Screenshots: {@code target/survey-answer-phone.png}, {@code
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
            for (String rating : List.of("quality", "service", "speed", "price")) {
                Locator star = page.locator("#q-" + rating + " .rating-option[data-value='5']");
                // big enough for a thumb: at least 44 × 44 px (WCAG 2.5.5), all five in one row of a 390 px screen
                assertThat(star.boundingBox().width).isGreaterThanOrEqualTo(44);
                assertThat(star.boundingBox().height).isGreaterThanOrEqualTo(44);
                star.click(); // 5 of 1–5: five stars
                page.waitForFunction("() => document.querySelector(\"#q-" + rating
                        + " .rating-option[data-value='5']\").getAttribute('aria-checked') === 'true'");
            }
            assertThat(page.locator("#q-quality .rating-option[data-value='1']").boundingBox().y)
                    .isEqualTo(page.locator("#q-quality .rating-option[data-value='5']").boundingBox().y);
            assertThat(page.locator("#q-quality .rating-option").allInnerTexts()).containsExactly("★", "★", "★", "★",
                    "★");
            assertThat(page.locator("#q-quality").innerText()).contains("5 星（满分 5 星）：很满意");
            // the smileys of "overall" by keyboard only: Tab from the fourth face to the fifth, then Space
            page.locator("#q-overall .rating-option[data-value='4']").focus();
            page.keyboard().press("Tab");
            page.keyboard().press("Space");
            page.waitForFunction("() => document.querySelector(\"#q-overall .rating-option[data-value='5']\")"
                    + ".getAttribute('aria-checked') === 'true'");
            assertThat(page.locator("#q-overall .rating-option[data-value='5']").getAttribute("role"))
                    .isEqualTo("radio");
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

    /**
     * A cross-site request cannot answer for the customer: the submit's own request, sent with the visitor's cookies
     * but with any other anti-forgery key than the page's (what a foreign site could send, not knowing the key), is
     * refused and stores nothing; the same submit with the page's key then stores the one response.
     */
    @Test
    void aSubmitWithoutThePagesAntiForgeryKeyStoresNothing(KehuTestHost kehu) {
        String key = "csrf_" + System.nanoTime() % 100_000;
        new SurveyCatalog(kehu.context()).save(key, LocalText.of("防伪问卷", "Forgery survey"), null,
                StandardSurvey.questions(), "admin");
        long customer = SurveyStoreContract.customer(kehu.context(), "防伪客户");
        String token = new Invitations(kehu.context()).issue(customer, key, null, Duration.ofDays(7)).token();
        java.util.concurrent.atomic.AtomicBoolean forge = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger forged = new java.util.concurrent.atomic.AtomicInteger();
        try (KehuBrowser browser = KehuBrowser.phone(kehu)) {
            Page page = browser.newPage();
            page.route(java.util.regex.Pattern.compile(".*v-r=uidl.*"), route -> {
                String body = route.request().postData();
                if (forge.get() && body != null && body.contains("\"csrfToken\"")) {
                    forged.incrementAndGet();
                    route.resume(new com.microsoft.playwright.Route.ResumeOptions().setPostData(body
                            .replaceAll("\"csrfToken\"\\s*:\\s*\"[^\"]*\"", "\"csrfToken\":\"forged-by-another-site\"")));
                } else {
                    route.resume();
                }
            });
            page.navigate(kehu.baseUrl() + "/public/survey/" + AnswerPage.PATH + "?t=" + token);
            page.locator("#survey-form").waitFor();
            for (String rating : List.of("quality", "service", "speed", "price", "overall")) {
                page.locator("#q-" + rating + " .rating-option[data-value='4']").click();
                page.waitForFunction("() => document.querySelector(\"#q-" + rating
                        + " .rating-option[data-value='4']\").getAttribute('aria-checked') === 'true'");
            }
            page.locator("#q-recommend vaadin-radio-button").nth(9).click();
            page.waitForTimeout(500);
            forge.set(true);
            page.locator("#survey-answer-submit").click();
            page.waitForTimeout(3_000);
            forge.set(false);
            assertThat(forged.get()).as("the submit went out with a forged key").isPositive();
            assertThat(responses(kehu, customer)).isZero();
            assertThat(page.locator("#survey-answer-thanks").count()).isZero();

            // the page's own key: the answers autosaved in the browser come back, one submit stores one response
            page.navigate(kehu.baseUrl() + "/public/survey/" + AnswerPage.PATH + "?t=" + token);
            page.locator("#survey-form").waitFor();
            page.locator("#survey-answer-submit").click();
            page.locator("#survey-answer-thanks").waitFor();
        }
        assertThat(responses(kehu, customer)).isEqualTo(1);
    }

    private static int responses(KehuTestHost kehu, long customer) {
        return kehu.context().records().search(SurveyForms.RESPONSE).where("customer",
                io.kehu.sdk.records.FilterOperator.EQUALS, customer).list().size();
    }

    /**
     * Time to interactive of the answer page on a phone (390×844, a fresh browser context each time, so nothing is
     * cached): from the start of navigation until the first star tapped is shown chosen — the page loaded, Vaadin
     * started, the survey built and one round trip to the server answered. Ten runs; written to
     * {@code target/survey-answer-tti.txt} (docs/benchmarks.md, "Survey answer page").
     */
    @Test
    void timeToInteractiveOfTheAnswerPageOnAPhone(KehuTestHost kehu) throws Exception {
        String key = "tti_" + System.nanoTime() % 100_000;
        new SurveyCatalog(kehu.context()).save(key, StandardSurvey.title(), StandardSurvey.greeting(),
                StandardSurvey.questions(), "admin");
        long customer = SurveyStoreContract.customer(kehu.context(), "速度客户");
        String token = new Invitations(kehu.context()).issue(customer, key, null, Duration.ofDays(7)).token();
        int runs = 10;
        double[] visible = new double[runs];
        double[] interactive = new double[runs];
        try (KehuBrowser browser = KehuBrowser.phone(kehu)) {
            for (int i = 0; i < runs; i++) {
                try (com.microsoft.playwright.BrowserContext fresh = browser.context().browser().newContext(
                        new com.microsoft.playwright.Browser.NewContextOptions().setLocale("zh-CN")
                                .setViewportSize(390, 844))) {
                    fresh.setDefaultTimeout(120_000);
                    Page page = fresh.newPage();
                    page.navigate(kehu.baseUrl() + "/public/survey/" + AnswerPage.PATH + "?t=" + token);
                    page.locator("#q-quality .rating-option[data-value='3']").waitFor();
                    visible[i] = ((Number) page.evaluate("() => performance.now()")).doubleValue();
                    page.locator("#q-quality .rating-option[data-value='3']").click();
                    page.waitForFunction("() => { const b = document.querySelector(\"#q-quality"
                            + " .rating-option[data-value='3']\"); if (b && b.getAttribute('aria-checked') === 'true')"
                            + " { window.__tti = window.__tti || performance.now(); return true; } return false; }");
                    interactive[i] = ((Number) page.evaluate("() => window.__tti")).doubleValue();
                }
            }
        }
        String report = String.format(java.util.Locale.ROOT,
                "answer page, phone 390x844, fresh context each run, %d runs, load %s%n"
                        + "form shown: p50 %.0f ms, p95 %.0f ms, max %.0f ms%n"
                        + "interactive (first tap answered): p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                runs, io.kehu.sdk.testkit.BenchFigures.loadAverage(), pct(visible, 0.5), pct(visible, 0.95),
                pct(visible, 1), pct(interactive, 0.5), pct(interactive, 0.95), pct(interactive, 1));
        System.out.print(report);
        java.nio.file.Files.writeString(Path.of("target", "survey-answer-tti.txt"), report);
        assertThat(pct(interactive, 0.5)).isPositive().isLessThan(60_000);
    }

    private static double pct(double[] values, double p) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
    }

    private static int sideways(Page page) {
        return ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
    }
}
